/**
 * From what detection found to what "Find claims" proposes: each claim with its quote and the directory
 * entry its source names, less the proposals the reviewer rejected before. Pure: the service runs it over
 * the editor's text, the tests over fixtures.
 */
import type { Proposal } from '../api';
import { makeResolver, normalizeForMatch, selectorsFor } from '../anchor/selectors';
import type { SourceEntry } from '../schema/desk';
import type { RejectedProposal } from '../schema/detection';
import { matchSource } from '../sources/matchSource';
import type { DetectResult } from './schema';

/**
 * `whole`: when `result` is detection over part of a text (a chunk starting at `whole.offset`), the whole
 * text; the proposals' offsets and quotes are then the whole text's.
 */
export function toProposals(result: DetectResult, directory: readonly SourceEntry[], whole: { text: string; offset: number } = { text: result.text, offset: 0 }): Proposal[] {
  const { text, offset } = whole;
  const shift = <T extends { start: number; end: number }>(s: T): T => (offset === 0 ? s : { ...s, start: s.start + offset, end: s.end + offset });
  return result.claims.map((found, i) => {
    const a = result.attributions[i]!;
    const claim = shift(found);
    const attribution = { ...a, cue: shift(a.cue), content: shift(a.content), source: a.source ? shift(a.source) : null };
    const sourceWords = attribution.source ? text.slice(attribution.source.start, attribution.source.end) : null;
    // A vague source ("Reports indicate") names no one the directory could know.
    const entry = sourceWords !== null && attribution.strength === 'named' ? matchSource(directory, sourceWords) : null;
    return {
      claim,
      attribution,
      quote: selectorsFor(text, claim.start, claim.end).quote,
      source: entry ? { id: entry.id, name: entry.name, kind: entry.kind } : null,
      words: { cue: text.slice(attribution.cue.start, attribution.cue.end), source: sourceWords },
    };
  });
}

/**
 * The proposals no rejection stands for, and how many were left out. A rejection stands for a proposal
 * when its words, anchored in today's text by their context as a claim's are (shared/anchor/selectors),
 * land exactly on the proposal: so a rejection survives edits elsewhere, and the same words in another
 * sentence (other context) are still proposed.
 */
export function withoutRejected(text: string, proposals: readonly Proposal[], rejected: readonly RejectedProposal[]): { kept: Proposal[]; skipped: number } {
  if (rejected.length === 0) return { kept: [...proposals], skipped: 0 };
  const byWords = new Map<string, RejectedProposal[]>();
  for (const r of rejected) {
    const k = normalizeForMatch(r.quote.exact).text;
    byWords.set(k, [...(byWords.get(k) ?? []), r]);
  }
  const resolve = makeResolver(text);
  const kept: Proposal[] = [];
  let skipped = 0;
  for (const p of proposals) {
    const { start, end } = p.claim;
    const candidates = byWords.get(normalizeForMatch(text.slice(start, end)).text) ?? [];
    // An empty position: anchoring goes straight to the words and their context, the proposal's start only breaking ties.
    const hit = candidates.some((r) => {
      const at = resolve({ quote: r.quote, position: { type: 'TextPositionSelector', start, end: start } });
      return at !== null && at.start === start && at.end === end;
    });
    if (hit) skipped++;
    else kept.push(p);
  }
  return { kept, skipped };
}
