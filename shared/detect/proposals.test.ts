import { describe, expect, it } from 'vitest';
import type { SourceEntry } from '../schema/desk';
import type { RejectedProposal } from '../schema/detection';
import { detect } from './detect';
import { toProposals, withoutRejected } from './proposals';
import { acceptProposal } from './acceptProposal';
import { newClaimData } from '../schema/claim';
import { selectorsFor } from '../anchor/selectors';
import type { Proposal } from '../api';

const TEXT = [
  'Fighting in Tartous',
  'According to the Syrian Observatory for Human Rights, 14 troops were killed in an ambush near Tartous on Tuesday.',
  'Reports indicate that ten additional troops were injured during the clashes on the coast.',
  'State media reported that the authorities imposed a curfew in the city of Homs on Wednesday night.',
].join('\n\n');

const sohr: SourceEntry = { id: 'source-sohr', name: 'Syrian Observatory for Human Rights', aliases: ['SOHR'], kind: 'ngo_monitor' };
const reject = (text: string, words: string): RejectedProposal => {
  const start = text.indexOf(words);
  return { quote: { type: 'TextQuoteSelector', exact: words, prefix: text.slice(Math.max(0, start - 32), start), suffix: text.slice(start + words.length, start + words.length + 32) }, at: '2026-12-01T10:00:00.000Z', by: 'Ana' };
};

/** A proposal over text[start, end) with no attribution, for the rejection tests. */
function proposalAt(text: string, start: number, end: number): Proposal {
  return {
    claim: { start, end, score: 0.9, reasons: ['casualty figure'] },
    attribution: { cue: { start, end: start }, source: null, content: { start, end }, sourceKind: 'none', strength: 'none', reasons: [] },
    quote: selectorsFor(text, start, end).quote,
    source: null,
    words: { cue: '', source: null },
  };
}

describe('toProposals', () => {
  const proposals = toProposals(detect(TEXT, null), [sohr]);

  it('gives each claim its quote, its spans’ words and the directory entry its named source matched', () => {
    const killed = proposals.find((p) => p.quote.exact.includes('14 troops'))!;
    expect(killed).toBeDefined();
    expect(killed.attribution.strength).toBe('named');
    expect(killed.words.source).toMatch(/Syrian Observatory for Human Rights/);
    expect(killed.source).toEqual({ id: 'source-sohr', name: 'Syrian Observatory for Human Rights', kind: 'ngo_monitor' });
    expect(TEXT.slice(killed.claim.start, killed.claim.end)).toBe(killed.quote.exact);
    expect(killed.quote.prefix.length).toBeGreaterThan(0);
  });

  it('matches no directory entry for a vague attribution', () => {
    const vague = proposals.find((p) => p.attribution.strength === 'vague')!;
    expect(vague).toBeDefined();
    expect(vague.source).toBeNull();
    expect(vague.words.cue.toLowerCase()).toContain('indicate');
  });
});

describe('withoutRejected', () => {
  const proposals = toProposals(detect(TEXT, null), []);
  const target = proposals[0]!;

  it('leaves out a rejected proposal and counts it', () => {
    const r = withoutRejected(TEXT, proposals, [reject(TEXT, target.quote.exact)]);
    expect(r.skipped).toBe(1);
    expect(r.kept).toHaveLength(proposals.length - 1);
    expect(r.kept.some((p) => p.quote.exact === target.quote.exact)).toBe(false);
  });

  it('still knows the rejection after an edit elsewhere moved the words', () => {
    const edited = `Breaking: ${TEXT.replace('State media', 'The state news agency')}`;
    const again = toProposals(detect(edited, null), []);
    const r = withoutRejected(edited, again, [reject(TEXT, target.quote.exact)]);
    expect(r.skipped).toBe(1);
    expect(r.kept.some((p) => p.quote.exact === target.quote.exact)).toBe(false);
  });

  it('proposes the same words again where their context is another', () => {
    const sentence = 'Officials said 40 people died in the floods in Latakia on Monday.';
    const twice = `${sentence}\n\nIn a separate statement on Thursday, the agency repeated: ${sentence}`;
    const words = '40 people died in the floods in Latakia';
    const first = twice.indexOf(words);
    const second = twice.indexOf(words, first + 1);
    const found = [proposalAt(twice, first, first + words.length), proposalAt(twice, second, second + words.length)];
    const r = withoutRejected(twice, found, [reject(twice, words)]);
    expect(r.skipped).toBe(1);
    expect(r.kept).toEqual([found[1]]);
  });

  it('with no rejections keeps everything', () => {
    expect(withoutRejected(TEXT, proposals, [])).toEqual({ kept: proposals, skipped: 0 });
  });
});

describe('acceptProposal', () => {
  const base = newClaimData('claim-0001', 'Ana', '2026-12-01T10:00:00.000Z');
  const at = '2026-12-01T10:05:00.000Z';

  it('fills the attribution from a named proposal, with the directory’s name and kind', () => {
    const p = toProposals(detect(TEXT, null), [sohr]).find((x) => x.source)!;
    const data = acceptProposal(base, p, { reviewer: 'Ana', at });
    expect(data.attribution).toMatchObject({ sourceName: 'Syrian Observatory for Human Rights', sourceKind: 'ngo_monitor', kind: 'named' });
    expect(data.attribution.cue.toLowerCase()).toContain('according to');
    expect(data.proposal).toMatchObject({ strength: 'named', acceptedBy: 'Ana', acceptedAt: at, score: p.claim.score });
    expect(data.proposal!.reasons.length).toBeGreaterThan(0);
    expect(data.verification.verdict).toBeNull();
  });

  it('names the source from the text when the directory does not know it, and none for a vague one', () => {
    const ps = toProposals(detect(TEXT, null), []);
    const state = ps.find((x) => x.words.source?.toLowerCase() === 'state media');
    if (state) expect(acceptProposal(base, state, { reviewer: 'Ana', at }).attribution).toMatchObject({ sourceName: 'State media', kind: 'named' });
    const vague = ps.find((x) => x.attribution.strength === 'vague')!;
    const data = acceptProposal(base, vague, { reviewer: 'Ana', at });
    expect(data.attribution).toMatchObject({ sourceName: '', kind: 'vague' });
    expect(data.proposal?.strength).toBe('vague');
  });
});
