import { describe, expect, it } from 'vitest';
import { newClaimData } from '../schema/claim';
import { canSignOff, finishWithVerdict, setStatus, signOff } from './status';

const at = '2026-11-28T10:00:00.000Z';
const withVerdict = () => {
  const d = newClaimData('claim-1234', 'Ana', at);
  return { ...d, verification: { ...d.verification, verdict: 'False' } };
};

describe('status rules', () => {
  it('refuses done without a verdict', () => {
    expect(setStatus(newClaimData('claim-1234', 'Ana', at), 'done', 'Ana', at)).toMatchObject({ ok: false, message: /without a verdict/ });
  });

  it('records who asked for a second review, and lets only somebody else sign it off', () => {
    const asked = setStatus(withVerdict(), 'needs_second_review', 'Ana', at);
    if (!asked.ok) throw new Error(asked.message);
    expect(asked.data.verification.secondReview).toEqual({ requestedBy: 'Ana', requestedAt: at, signedOffBy: null, signedOffAt: null });
    expect(canSignOff(asked.data, 'Ana')).toBe(false);
    expect(canSignOff(asked.data, 'Ben')).toBe(true);
    expect(signOff(asked.data, 'Ana', at)).toMatchObject({ ok: false, message: /different reviewer/ });
    const signed = signOff(asked.data, 'Ben', '2026-11-28T11:00:00.000Z');
    expect(signed).toMatchObject({ ok: true, data: { verification: { status: 'done', secondReview: { requestedBy: 'Ana', signedOffBy: 'Ben' } } } });
    if (signed.ok) expect(canSignOff(signed.data, 'Ben')).toBe(false);
  });
});

describe('finishWithVerdict', () => {
  it('sets the verdict and makes the claim done in one change', () => {
    const d = newClaimData('claim-0001', 'Ana', at);
    const r = finishWithVerdict(d, 'False', 'Ana', at);
    expect(r.ok && r.data.verification).toMatchObject({ verdict: 'False', status: 'done' });
    expect(setStatus(d, 'done', 'Ana', at).ok).toBe(false);
  });
});
