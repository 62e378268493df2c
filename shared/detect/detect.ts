/**
 * Detection over an article's plain text: the check-worthy claims, each with its attribution.
 *
 * 1. The text is split into paragraphs, sentences and words; a text that is not English, or has no
 *    sentences (a table of figures), gets a notice and no proposals.
 * 2. Every attribution is found (the learned tagger, or the rules without a model).
 * 3. Candidate claims: each attribution's content, and each clause no content covers. A candidate is a
 *    claim when its check-worthiness score reaches the model's threshold.
 * 4. Each claim's attribution: its own; else the named attribution of its paragraph's lead sentence;
 *    else none (an empty cue at the claim's start, strength "none").
 *
 * `attributions[i]` is the attribution of `claims[i]`.
 */
import { toProposal } from './attributions';
import { scoreClause } from './checkWorthy';
import { languageOf } from './language';
import type { DetectModel } from './model';
import { clauses } from './clauses';
import { isPunct, ruleAttributions, type RawAttribution, type TokenRange } from './rules';
import type { DetectResult, ProposedAttribution, ProposedClaim } from './schema';
import { tagAttributions } from './tagger';
import { analyse, type Sentence, type Tokenized } from './tokenize';

/** Without a model the rule score decides at one half. */
const RULE_THRESHOLD = 0.5;
/** A sentence needs this many words with letters to count as one (a row of a table has fewer). */
const MIN_SENTENCE_WORDS = 4;

/** Openers that state nothing themselves: "Furthermore, …", "In a recent development, …". */
const DISCOURSE_OPENERS = [
  ['furthermore'], ['moreover'], ['meanwhile'], ['however'], ['additionally'], ['in', 'addition'], ['notably'], ['also'],
  ['in', 'a', 'recent', 'development'], ['in', 'a', 'significant', 'turn', 'of', 'events'], ['in', 'other', 'news'], ['separately'],
];

export const NOT_ENGLISH_NOTICE = 'This text does not read as English. Detection reads English only, so nothing is proposed.';
export const NO_SENTENCES_NOTICE = 'No sentences were found (the text looks like a table or a list of figures), so nothing is proposed.';

function isSentence(doc: Tokenized, s: Sentence): boolean {
  let words = 0;
  for (let i = s.first; i < s.last; i++) {
    const n = doc.tokens[i]!.norm;
    if (n.length >= 2 && !isPunct(n) && /\p{L}/u.test(n)) words++;
  }
  return words >= MIN_SENTENCE_WORDS;
}

/** A range without its opener ("Furthermore,") and the punctuation at its edges. */
function trimClause(doc: Tokenized, r: TokenRange): TokenRange | null {
  const t = doc.tokens;
  let { first, last } = r;
  for (const o of DISCOURSE_OPENERS) {
    if (o.every((w, k) => first + k < last && t[first + k]!.norm === w) && t[first + o.length]?.text === ',') {
      first += o.length + 1;
      break;
    }
  }
  // "… reported that X": the claim is X.
  if (t[first]?.norm === 'that' && last - first > 3) first++;
  while (first < last && isPunct(t[first]!.norm) && !/[“"‘(]/.test(t[first]!.text)) first++;
  while (last > first && isPunct(t[last - 1]!.norm) && !/[”"’)]/.test(t[last - 1]!.text)) last--;
  return last > first ? { first, last } : null;
}

const overlaps = (a: TokenRange, b: TokenRange) => a.first < b.last && b.first < a.last;

function sentenceOf(doc: Tokenized, token: number): number {
  let lo = 0;
  let hi = doc.sentences.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (doc.sentences[mid]!.first <= token) lo = mid;
    else hi = mid - 1;
  }
  return lo;
}

export function detect(text: string, model: DetectModel | null): DetectResult {
  const doc = analyse(text);
  const language = languageOf(doc.tokens);
  const empty = (notice: string): DetectResult => ({ text, language, notice, claims: [], attributions: [] });
  if (language === 'other') return empty(NOT_ENGLISH_NOTICE);
  const sentenceOk = doc.sentences.map((s) => isSentence(doc, s));
  if (!sentenceOk.some(Boolean)) return empty(doc.tokens.length === 0 ? 'The text is empty, so nothing is proposed.' : NO_SENTENCES_NOTICE);

  const raw: RawAttribution[] = (model?.attribution ? tagAttributions(doc, model.attribution) : ruleAttributions(doc)).filter(
    (a) => a.content !== null && sentenceOk[sentenceOf(doc, a.cue.first)],
  );
  const cw = model?.checkWorthy ?? null;
  const threshold = cw ? cw.threshold : RULE_THRESHOLD;
  const found: { range: TokenRange; attribution: RawAttribution | null }[] = [];
  for (const a of raw) found.push({ range: a.content!, attribution: a });
  // The attributions touching each sentence, so a long text's clauses are not each checked against all.
  const touching: RawAttribution[][] = doc.sentences.map(() => []);
  for (const a of raw) {
    const from = Math.min(sentenceOf(doc, a.cue.first), sentenceOf(doc, a.content!.first));
    const to = Math.max(sentenceOf(doc, a.cue.last - 1), sentenceOf(doc, a.content!.last - 1));
    for (let k = from; k <= to; k++) touching[k]!.push(a);
  }
  doc.sentences.forEach((s, k) => {
    if (!sentenceOk[k]) return;
    for (const c of clauses(doc, s)) {
      if (touching[k]!.some((a) => overlaps(a.content!, c) || overlaps(a.cue, c))) continue;
      found.push({ range: c, attribution: null });
    }
  });

  // The lead's named attribution of each paragraph, for the claims after it with none of their own.
  const leadOf = new Map<number, RawAttribution>();
  for (const a of raw) {
    const s = doc.sentences[sentenceOf(doc, a.cue.first)]!;
    const p = doc.paragraphs[s.paragraph]!;
    if (sentenceOf(doc, a.cue.first) === p.firstSentence && a.source && !leadOf.has(s.paragraph)) leadOf.set(s.paragraph, a);
  }

  const claims: { claim: ProposedClaim; attribution: ProposedAttribution }[] = [];
  const seen = new Set<string>();
  for (const f of found) {
    const range = trimClause(doc, f.range);
    if (!range) continue;
    // An attributed claim is scored with its attribution ("The interior ministry has clarified that …"),
    // as the model was trained on whole sentences; its span stays the content.
    const a = f.attribution;
    const scored = a ? { first: Math.min(range.first, a.cue.first, a.source?.first ?? Infinity), last: Math.max(range.last, a.cue.last, a.source?.last ?? 0) } : range;
    const { score, reasons } = scoreClause(doc.tokens.slice(scored.first, scored.last), cw);
    if (score < threshold) continue;
    const start = doc.tokens[range.first]!.start;
    const end = doc.tokens[range.last - 1]!.end;
    if (seen.has(`${start}:${end}`)) continue;
    seen.add(`${start}:${end}`);
    const claim: ProposedClaim = { start, end, score: Math.round(score * 1000) / 1000, reasons };
    let attribution: ProposedAttribution | null = f.attribution ? toProposal(doc, { ...f.attribution, content: range }) : null;
    if (!attribution) {
      const k = sentenceOf(doc, range.first);
      const s = doc.sentences[k]!;
      const lead = leadOf.get(s.paragraph);
      if (lead && doc.paragraphs[s.paragraph]!.firstSentence < k) {
        attribution = toProposal(doc, { ...lead, content: range, reasons: [...lead.reasons, 'attributed in its paragraph’s lead sentence'] });
      }
    }
    attribution ??= { cue: { start, end: start }, source: null, content: { start, end }, sourceKind: 'none', strength: 'none', reasons: ['no attribution in its sentence or its paragraph’s lead'] };
    claims.push({ claim, attribution });
  }
  // Longest first among those that start together, so a claim inside another comes after it.
  claims.sort((a, b) => a.claim.start - b.claim.start || b.claim.end - a.claim.end);
  const kept = dropNested(claims);
  const notice = language === 'unknown' ? 'The text is too short to tell its language; it was read as English.' : '';
  return { text, language, notice, claims: kept.map((c) => c.claim), attributions: kept.map((c) => c.attribution) };
}

const RANK = { named: 0, vague: 1, none: 2 } as const;

/**
 * A claim inside another ("reinforcements" inside "security forces called for reinforcements", itself
 * attributed to the Observatory) is one proposal too many, unless its sourcing is weaker than the outer
 * claim's: a vague "allegedly" inside a named claim stays, to be flagged. `claims` are sorted by start,
 * longest first.
 */
function dropNested<T extends { claim: ProposedClaim; attribution: ProposedAttribution }>(claims: T[]): T[] {
  const out: T[] = [];
  let outer: T | null = null;
  for (const c of claims) {
    if (outer && c.claim.end <= outer.claim.end && RANK[c.attribution.strength] <= RANK[outer.attribution.strength]) continue;
    out.push(c);
    if (!outer || c.claim.end > outer.claim.end) outer = c;
  }
  return out;
}
