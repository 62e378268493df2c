/**
 * The learned attribution tagger: three first-order BIO taggers (structured averaged perceptrons, trained
 * by scripts/train-detect on PolNeAR train) run per sentence. The cue tagger goes first; the source and
 * content taggers then also see where the cues are (features.ts, cueFeatures). Each cue is paired with the
 * nearest source and content the other two found in its sentence; a cue with no content found takes the
 * rule's (rules.ts). Reasons: the features that weighed most for the cue, and how its parts were paired.
 */
import { baseFeatures, cueFeatures, readableFeature } from './features';
import type { AttributionModel } from './model';
import { extendQuotation, findRuleCues, isVaguePhrase, ruleRoles, type RawAttribution, type TokenRange } from './rules';
import type { Sentence, Tokenized } from './tokenize';

const O = 0;
const B = 1;
const I = 2;

let scratchScore = new Float64Array(0);
let scratchBack = new Uint8Array(0);

/**
 * The best tag sequence for n tokens given emission scores (n x 3: O, B, I) and transitions (4 x 3: from
 * start, O, B, I). "I" never follows the start or "O", so every span begins with "B".
 */
export function viterbi(emit: Float64Array, n: number, trans: ArrayLike<number>, transOffset = 0): Uint8Array {
  const tags = new Uint8Array(n);
  if (n === 0) return tags;
  // Scratch tables reused from call to call (sentences are at most MAX_SENTENCE_TOKENS long): three
  // calls per sentence would otherwise make most of the garbage detection leaves.
  if (scratchScore.length < n * 3) {
    scratchScore = new Float64Array(n * 3);
    scratchBack = new Uint8Array(n * 3);
  }
  const score = scratchScore;
  const back = scratchBack;
  const tr = (from: number, to: number) => trans[transOffset + from * 3 + to]!;
  score[0] = emit[0]! + tr(0, O);
  score[1] = emit[1]! + tr(0, B);
  score[2] = -Infinity;
  for (let i = 1; i < n; i++) {
    for (let to = 0; to < 3; to++) {
      let best = -Infinity;
      let arg = 0;
      for (let from = 0; from < 3; from++) {
        if (to === I && from === O) continue;
        const v = score[(i - 1) * 3 + from]! + tr(from + 1, to);
        if (v > best) {
          best = v;
          arg = from;
        }
      }
      score[i * 3 + to] = best + emit[i * 3 + to]!;
      back[i * 3 + to] = arg;
    }
  }
  let last = 0;
  for (let k = 1; k < 3; k++) if (score[(n - 1) * 3 + k]! > score[(n - 1) * 3 + last]!) last = k;
  for (let i = n - 1; i >= 0; i--) {
    tags[i] = last;
    last = back[i * 3 + last]!;
  }
  return tags;
}

/** Token ranges [first, last) of the spans a BIO sequence marks, offset to the sentence's first token. */
export function spansOf(tags: Uint8Array, offset: number): TokenRange[] {
  const out: TokenRange[] = [];
  let start = -1;
  for (let i = 0; i <= tags.length; i++) {
    const t = i < tags.length ? tags[i]! : O;
    if (start >= 0 && t !== I) {
      out.push({ first: offset + start, last: offset + i });
      start = -1;
    }
    if (t === B) start = i;
  }
  return out;
}

/** One sentence's base features as the model's rows (for each token k, rows[offsets[k]..offsets[k+1]]). */
type SentenceRows = { rows: Int32Array; offsets: Int32Array };

/**
 * The cue tagger's emission scores (n x 3) of one sentence, and the rows of its base features, kept so
 * the source and content taggers (run only where a cue is found) add theirs without looking them up again.
 */
function baseEmissions(model: AttributionModel, doc: Tokenized, s: Sentence): { cue: Float64Array; found: SentenceRows } {
  const n = s.last - s.first;
  const cue = new Float64Array(n * 3);
  const offsets = new Int32Array(n + 1);
  let found = new Int32Array(n * 32);
  let count = 0;
  const { table, rows } = model;
  let at = 0;
  baseFeatures(
    doc,
    s,
    model.conv,
    (k) => {
      at = k * 3;
      offsets[k] = count;
    },
    (t, ia = 0, ib = 0) => {
      if (ia < 0 || ib < 0) return;
      const row = table.get(t, ia, ib);
      if (row < 0) return;
      const o = row * 9;
      cue[at] = cue[at]! + rows[o]!;
      cue[at + 1] = cue[at + 1]! + rows[o + 1]!;
      cue[at + 2] = cue[at + 2]! + rows[o + 2]!;
      if (count === found.length) {
        const grown = new Int32Array(found.length * 2);
        grown.set(found);
        found = grown;
      }
      found[count++] = row;
    },
  );
  offsets[n] = count;
  return { cue, found: { rows: found, offsets } };
}

/** The source (1) and content (2) taggers' emissions: their weights of the base features, then of the cue features. */
function withCueEmissions(model: AttributionModel, doc: Tokenized, s: Sentence, cues: TokenRange[], found: SentenceRows): [Float64Array, Float64Array] {
  const n = s.last - s.first;
  const source = new Float64Array(n * 3);
  const content = new Float64Array(n * 3);
  const { table, rows } = model;
  for (let k = 0; k < n; k++) {
    for (let r = found.offsets[k]!; r < found.offsets[k + 1]!; r++) {
      const o = found.rows[r]! * 9;
      for (let j = 0; j < 3; j++) {
        source[k * 3 + j] = source[k * 3 + j]! + rows[o + 3 + j]!;
        content[k * 3 + j] = content[k * 3 + j]! + rows[o + 6 + j]!;
      }
    }
  }
  let at = 0;
  cueFeatures(
    doc,
    s,
    cues,
    model.conv,
    (k) => (at = k * 3),
    (t, ia = 0, ib = 0) => {
      if (ia < 0 || ib < 0) return;
      const row = table.get(t, ia, ib);
      if (row < 0) return;
      for (let j = 0; j < 3; j++) {
        source[at + j] = source[at + j]! + rows[row * 9 + 3 + j]!;
        content[at + j] = content[at + j]! + rows[row * 9 + 6 + j]!;
      }
    },
  );
  return [source, content];
}

/**
 * The features that weighed most for "B" of the cue at its first token (k in the sentence), as reasons.
 * Values go through the model's own ids (as in baseEmissions, so the feature code sees one value type).
 */
function cueReasons(model: AttributionModel, doc: Tokenized, s: Sentence, k: number): string[] {
  const scored: [string, number][] = [];
  let here = false;
  baseFeatures(
    doc,
    s,
    model.conv,
    (i) => (here = i === k),
    (t, ia = 0, ib = 0) => {
      if (!here || ia < 0 || ib < 0) return;
      const row = model.table.get(t, ia, ib);
      if (row < 0) return;
      const w = model.rows[row * 9 + B]! - model.rows[row * 9 + O]!;
      const r = w > 0 ? readableFeature(t, ia ? model.values[ia] : undefined, ib ? model.values[ib] : undefined) : null;
      if (r) scored.push([r, w]);
    },
  );
  return scored
    .sort((a, b) => b[1] - a[1])
    .slice(0, 3)
    .map(([r]) => r);
}

const gap = (a: TokenRange, b: TokenRange) => (a.last <= b.first ? b.first - a.last : a.first >= b.last ? a.first - b.last : 0);

/**
 * The span nearest the cue, not overlapping it or `avoid`, with no other cue of the sentence between
 * them: "According to X, security forces called for reinforcements" gives "reinforcements" to "called
 * for", not to "According to".
 */
function nearest(cue: TokenRange, spans: TokenRange[], avoid: TokenRange | null, cues: TokenRange[]): TokenRange | null {
  let best: TokenRange | null = null;
  for (const s of spans) {
    if (avoid && s.first < avoid.last && avoid.first < s.last) continue;
    if (s.first < cue.last && cue.first < s.last) continue;
    const lo = Math.min(cue.last, s.last);
    const hi = Math.max(cue.first, s.first);
    if (cues.some((c) => c !== cue && c.first >= lo && c.last <= hi)) continue;
    if (!best || gap(cue, s) < gap(cue, best)) best = s;
  }
  return best;
}

/** A source that runs across a comma away from its cue ("X, security forces" after "According to") stops at the comma. */
function trimSourceAtComma(doc: Tokenized, cue: TokenRange, source: TokenRange): TokenRange {
  const t = doc.tokens;
  if (source.first >= cue.last) {
    for (let i = source.first + 1; i < source.last; i++) if (t[i]!.text === ',') return { first: source.first, last: i };
  } else {
    for (let i = source.last - 1; i > source.first; i--) if (t[i]!.text === ',' && i + 1 < source.last) return { first: i + 1, last: source.last };
  }
  return source;
}

function afterEarlierCues(doc: Tokenized, s: Sentence, content: TokenRange, cue: TokenRange, cues: TokenRange[], sources: TokenRange[]): TokenRange {
  let first = content.first;
  for (const c of cues) {
    if (c === cue || c.first < first || c.last > cue.first) continue;
    first = c.last;
    const ruleSource = ruleRoles(doc, s, c).source;
    const src = sources.find((x) => x.first === first) ?? (ruleSource?.first === first ? ruleSource : null);
    if (src) first = src.last;
    while (first < cue.first && /^(,|that|:)$/.test(doc.tokens[first]!.norm)) first++;
  }
  return first < content.last ? { first, last: content.last } : content;
}

export function tagAttributions(doc: Tokenized, model: AttributionModel): RawAttribution[] {
  if (model.size === 0) return [];
  const out: RawAttribution[] = [];
  for (const s of doc.sentences) {
    const n = s.last - s.first;
    const base = baseEmissions(model, doc, s);
    const cues = spansOf(viterbi(base.cue, n, model.transitions, 0), s.first);
    // Cues of the lexicon the tagger missed are taken when they are vague ("reportedly": flagging weak
    // sourcing depends on them) or a verb of saying before "that" ("has clarified that"). On PolNeAR dev
    // this costs half a point of cue F1; on news a reviewer checks, a missed named source costs more.
    const ruleCues = findRuleCues(doc, s).filter(
      (c) => (isVaguePhrase(c.reason) || doc.tokens[c.range.last]?.norm === 'that') && !cues.some((x) => x.first < c.range.last && c.range.first < x.last),
    );
    if (cues.length === 0 && ruleCues.length === 0) continue;
    // The source and content taggers see the cues the cue tagger found (as in training); the rule's cues
    // take the rule's content.
    const [sourceEmit, contentEmit] = withCueEmissions(model, doc, s, cues, base.found);
    const byRule = new Set(ruleCues.map((c) => c.range));
    for (const c of byRule) cues.push(c);
    cues.sort((a, b) => a.first - b.first);
    const sources = spansOf(viterbi(sourceEmit, n, model.transitions, 12), s.first);
    const contents = spansOf(viterbi(contentEmit, n, model.transitions, 24), s.first);
    for (const cue of cues) {
      const rule = ruleRoles(doc, s, cue);
      const reasonsFor: string[] = [];
      let source = nearest(cue, sources, null, cues);
      // A source that runs up to another cue took that cue's source too ("According to X, security forces called for").
      if (source && cues.some((c) => c !== cue && (c.first === source!.last || c.last === source!.first))) source = trimSourceAtComma(doc, cue, source);
      // A capitalised name the rules find where the tagger found none ("The Observatory (SOHR), a monitoring group, reported").
      if (!source && rule.source && /^\p{Lu}/u.test(doc.tokens[rule.source.first]!.text)) {
        source = rule.source;
        reasonsFor.push('source by rule');
      }
      // "According to X, …" has one syntax: the rule's content (the rest of the clause) is surer than the tagger's.
      const accordingTo = doc.tokens[cue.first]!.norm === 'according' && rule.content !== null;
      let content = accordingTo || byRule.has(cue) ? null : nearest(cue, contents, source, cues);
      const cueText = doc.text.slice(doc.tokens[cue.first]!.start, doc.tokens[cue.last - 1]!.end);
      const reasons = [...reasonsFor.splice(0), byRule.has(cue) ? `cue “${cueText}” from the word list` : `cue “${cueText}”: ${cueReasons(model, doc, s, cue.first - s.first).join(', ') || 'learned'}`];
      if (source) reasons.push(`source ${source.last <= cue.first ? 'before' : 'after'} the cue`);
      if (!content) {
        content = rule.content;
        if (content) reasons.push('content by rule');
      }
      // A word-list cue's clause may begin with another attribution ("According to reports, X allegedly
      // did Y"): its content starts after that cue, its source and the comma.
      if (content && byRule.has(cue)) content = afterEarlierCues(doc, s, content, cue, cues, sources);
      if (content) {
        const whole = extendQuotation(doc, s, content, cue);
        if (whole.last !== content.last) reasons.push('quotation continues past the sentence');
        content = whole;
      }
      out.push({ cue, source, content, reasons });
    }
  }
  return out;
}
