/**
 * Attributions as proposals: token ranges (from the learned tagger, or the rules when no model is given)
 * turned into character spans with the source's kind, the strength and the reasons.
 */
import type { AttributionModel as Model } from './model';
import { ruleAttributions, type RawAttribution, type TokenRange } from './rules';
import type { ProposedAttribution, Span } from './schema';
import { isVaguePassive, sourceKindOf, strengthOf } from './sourceKind';
import { tagAttributions } from './tagger';
import type { Tokenized } from './tokenize';

export function spanOf(doc: Tokenized, r: TokenRange): Span {
  return { start: doc.tokens[r.first]!.start, end: doc.tokens[r.last - 1]!.end };
}

const VAGUE_ADVERB = /^(?:reportedly|allegedly|purportedly|supposedly)$/i;

export function toProposal(doc: Tokenized, a: RawAttribution): ProposedAttribution | null {
  if (!a.content) return null;
  const cue = spanOf(doc, a.cue);
  const cueText = doc.text.slice(cue.start, cue.end);
  // "The commander is said to have…", "a video allegedly depicting…": the commander and the video are not sources.
  const source = a.source && !isVaguePassive(cueText) && !VAGUE_ADVERB.test(cueText) ? spanOf(doc, a.source) : null;
  const sourceText = source ? doc.text.slice(source.start, source.end) : null;
  const sourceKind = sourceKindOf(sourceText, cueText);
  const strength = strengthOf(sourceText, cueText);
  return { cue, source, content: spanOf(doc, a.content), sourceKind, strength, reasons: a.reasons };
}

/** Every attribution in the text (check-worthy or not): what the PolNeAR evaluation scores. */
export function findAttributions(doc: Tokenized, model: Model | null): ProposedAttribution[] {
  const raw = model ? tagAttributions(doc, model) : ruleAttributions(doc);
  return raw.map((a) => toProposal(doc, a)).filter((a): a is ProposedAttribution => a !== null);
}
