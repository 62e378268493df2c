import { describe, expect, it } from 'vitest';
import type { AuditEvent } from '../schema/audit';
import { HistoryQuery, queryHistory } from './history';

const audit: AuditEvent[] = Array.from({ length: 5000 }, (_, i) => ({
  id: `event-${String(i).padStart(5, '0')}`,
  at: new Date(Date.UTC(2026, 11, 1, 9, 0, i)).toISOString(),
  who: i % 3 === 0 ? 'Ben' : 'Ana',
  action: i === 0 ? 'import' : i % 2 === 0 ? 'comment_added' : 'claim_updated',
  ...(i === 0 ? {} : { claimId: i % 5 === 0 ? 'claim-b' : 'claim-a', field: 'verification.verdict' }),
}));
const q = (x: Partial<HistoryQuery>) => queryHistory(audit, HistoryQuery.parse(x));

describe('queryHistory', () => {
  it('pages the newest events first, then older ones, without overlap', () => {
    const first = q({ limit: 50 });
    expect(first.total).toBe(5000);
    expect(first.events).toHaveLength(50);
    expect(first.events[0]?.id).toBe('event-04999');
    const second = q({ limit: 50, offset: 50 });
    expect(second.events[0]?.id).toBe('event-04949');
    expect(q({ limit: 50, offset: 4990 }).events.map((e) => e.id).at(-1)).toBe('event-00000');
    expect(q({ offset: 6000 }).events).toEqual([]);
  });

  it('filters by claim, person and kind, and lists the people of the scope', () => {
    const claim = q({ claimId: 'claim-b', limit: 200 });
    expect(claim.events.every((e) => e.claimId === 'claim-b')).toBe(true);
    expect(claim.total).toBe(999);
    expect(q({ who: 'Ben', kind: 'comments', limit: 200 }).events.every((e) => e.who === 'Ben' && e.action === 'comment_added')).toBe(true);
    expect(q({}).people).toEqual(['Ben', 'Ana']);
  });

  it('refuses pages over the limit and unknown fields', () => {
    expect(HistoryQuery.safeParse({ limit: 201 }).success).toBe(false);
    expect(HistoryQuery.safeParse({ everything: true }).success).toBe(false);
  });
});
