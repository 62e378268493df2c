/**
 * What a screen reader hears when the caret moves into a claim in the text: the claims are highlights,
 * not elements, so nothing in the text itself says "claim". One polite sentence, short enough to hear
 * in passing: "Claim 3 of 12: ten additional troops…, False, done".
 */
import { STATUS_LABELS, type AttributionKind, type ClaimStatus } from '../schema/claim';
import { clipQuote } from './clipQuote';

/** How much of the quote is read out: enough to recognise it, short enough not to hold up the reading. */
const SPOKEN_QUOTE_CHARS = 60;

export function claimAnnouncement(c: { number: number | null; total: number; quote: string; verdict: string | null; status: ClaimStatus; attribution?: AttributionKind }): string {
  const which = c.number === null ? 'Orphaned claim' : `Claim ${c.number} of ${c.total}`;
  const weak = c.attribution === 'vague' ? ', weak sourcing: vague attribution' : c.attribution === 'none' ? ', weak sourcing: no attribution' : '';
  return `${which}: ${clipQuote(c.quote, SPOKEN_QUOTE_CHARS)}, ${c.verdict ?? 'no verdict'}, ${STATUS_LABELS[c.status].toLowerCase()}${weak}`;
}
