/**
 * The rule baseline for attributions: cues from the lexicon, the source as the noun phrase on the cue's
 * other side, the content as the rest of the clause. Also the fallback when no learned model is loaded,
 * and the source of the reasons the learned tagger's proposals give (which cue word, which pattern).
 */
import { clauseAt } from './clauses';
import { CUE_PHRASES, CUE_WORDS } from './lexicon';
import { quoteKind, type Sentence, type Tokenized } from './tokenize';

/** Tokens [first, last) of the analysed text. */
export type TokenRange = { first: number; last: number };

export type RawAttribution = { cue: TokenRange; source: TokenRange | null; content: TokenRange | null; reasons: string[] };

const AUXILIARIES = new Set(['has', 'have', 'had', 'will', 'would', 'could', 'may', 'might', 'also', 'is', 'was', 'are', 'were', 'did', 'does', 'later', 'then', 'previously', 'recently', 'repeatedly']);
/** Words that end a source noun phrase read leftwards from the cue. */
const SOURCE_STOPS = new Set([',', ';', ':', '(', ')', '"', '“', '”', '—', '–', '-', 'that', 'and', 'but', 'while', 'when', 'as', 'because', 'which', 'who', 'where', 'if', 'after', 'before', 'since', 'what', 'how', 'why', 'not']);
const QUOTES = new Set(['"', '“', '”', "'", '‘', '’', "''", '``']);
const MAX_SOURCE_TOKENS = 10;

export function isPunct(norm: string): boolean {
  // Most tokens start with a lower-case ASCII letter or a digit: answer those without the Unicode regex.
  const c = norm.charCodeAt(0);
  if ((c >= 97 && c <= 122) || (c >= 48 && c <= 57)) return false;
  return !/[\p{L}\p{N}]/u.test(norm);
}

/** The cue phrases by their first word, so a token that starts none costs one look-up. */
const PHRASES_BY_FIRST = new Map<string, string[][]>();
for (const p of CUE_PHRASES) PHRASES_BY_FIRST.set(p[0]!, [...(PHRASES_BY_FIRST.get(p[0]!) ?? []), p]);

/** Cue phrases and cue words in one sentence, left to right, without overlaps. */
/** Cues the rules always take: vague ones ("reportedly", "it has been reported") are what a reviewer must see flagged. */
export function isVaguePhrase(reason: string): boolean {
  return !reason.startsWith('cue verb') && !reason.includes('according to');
}

export function findRuleCues(doc: Tokenized, s: Sentence): { range: TokenRange; reason: string }[] {
  const out: { range: TokenRange; reason: string }[] = [];
  const t = doc.tokens;
  for (let i = s.first; i < s.last; i++) {
    const phrase = PHRASES_BY_FIRST.get(t[i]!.norm)?.find((p) => p.every((w, k) => i + k < s.last && t[i + k]!.norm === w));
    if (phrase) {
      out.push({ range: { first: i, last: i + phrase.length }, reason: `cue “${phrase.join(' ')}”` });
      i += phrase.length - 1;
      continue;
    }
    const lemma = CUE_WORDS.get(t[i]!.norm);
    if (lemma === undefined) continue;
    // "says" before a noun ("the says") or a verb read as a noun ("reports of"): keep only verb-like uses.
    const prev = i > s.first ? t[i - 1]!.norm : '';
    if (prev === 'the' || prev === 'a' || prev === 'an' || prev === 'his' || prev === 'her' || prev === 'their') continue;
    // A noun before the verb that attributes ("Reports indicate", "Claims emerged"): the next word is the cue.
    if (i + 1 < s.last && CUE_WORDS.has(t[i + 1]!.norm) && /s$/.test(t[i]!.norm)) continue;
    let first = i;
    while (first > s.first && AUXILIARIES.has(t[first - 1]!.norm) && first > i - 3) first--;
    out.push({ range: { first, last: i + 1 }, reason: `cue verb “${lemma}”` });
  }
  return out;
}

/** Drops punctuation at the edges of a range, but keeps quotation marks that open or close quoted content. */
function trimRange(doc: Tokenized, first: number, last: number): TokenRange | null {
  const t = doc.tokens;
  while (first < last && isPunct(t[first]!.norm) && !QUOTES.has(t[first]!.text)) first++;
  while (last > first && isPunct(t[last - 1]!.norm) && !QUOTES.has(t[last - 1]!.text)) last--;
  return last > first ? { first, last } : null;
}

/**
 * The noun phrase ending just before `end`, read leftwards until a stop word or punctuation. An
 * appositive between commas ("The Observatory (SOHR), a monitoring group based in the UK, reported") is
 * stepped over to the name before it, and a parenthesis ("(SOHR)") belongs to the phrase.
 */
function sourceLeft(doc: Tokenized, s: Sentence, end: number): TokenRange | null {
  const t = doc.tokens;
  if (end - 1 > s.first && t[end - 1]!.text === ',') {
    let k = end - 2;
    while (k > s.first && t[k]!.text !== ',' && end - k < 3 * MAX_SOURCE_TOKENS) k--;
    if (k > s.first && t[k]!.text === ',' && /^(a|an|the)$/.test(t[k + 1]!.norm)) end = k;
    else return null;
  }
  let first = end;
  let depth = 0;
  while (first > s.first && end - first < MAX_SOURCE_TOKENS) {
    const x = t[first - 1]!.text;
    if (x === ')') depth++;
    else if (x === '(' && depth > 0) depth--;
    else if (depth === 0 && SOURCE_STOPS.has(t[first - 1]!.norm)) break;
    first--;
  }
  // A leading "In a recent development," style phrase was cut by its comma; skip leading prepositions too.
  while (first < end && /^(in|on|at|for|with|by|to|of|from)$/.test(t[first]!.norm)) first++;
  return first < end ? { first, last: end } : null;
}

/** The noun phrase starting at `start`, read rightwards until a stop word or punctuation. */
function sourceRight(doc: Tokenized, s: Sentence, start: number): TokenRange | null {
  const t = doc.tokens;
  let last = start;
  while (last < s.last && last - start < MAX_SOURCE_TOKENS && !SOURCE_STOPS.has(t[last]!.norm) && !isPunct(t[last]!.norm)) last++;
  return last > start ? { first: start, last } : null;
}

/** Source and content for one cue, by the pattern around it. */
export function ruleRoles(doc: Tokenized, s: Sentence, cue: TokenRange): RawAttribution {
  const t = doc.tokens;
  const words = t.slice(cue.first, cue.last).map((x) => x.norm).join(' ');
  const reasons: string[] = [];
  const afterCue = (from: number) => {
    let i = from;
    while (i < s.last && (t[i]!.norm === 'that' || t[i]!.norm === ':' || t[i]!.norm === ',')) i++;
    return trimRange(doc, i, s.last);
  };
  if (words === 'according to') {
    const src = sourceRight(doc, s, cue.last);
    // "According to X, CONTENT." or "CONTENT, according to X."
    if (cue.first > s.first + 2) {
      reasons.push('pattern “…, according to X”');
      return { cue, source: src, content: trimRange(doc, s.first, cue.first), reasons };
    }
    reasons.push('pattern “According to X, …”');
    return { cue, source: src, content: src ? afterCue(src.last) : afterCue(cue.last), reasons };
  }
  if (/^(reportedly|allegedly|purportedly|supposedly)$/.test(words) || /said to|believed to|reported to$/.test(words)) {
    reasons.push('adverb or passive cue with no source');
    const clause = clauseAt(doc, s, cue.first);
    // "X said that a video allegedly showed …": the content starts after the last "that" before the cue.
    let first = clause.first;
    for (let i = cue.first - 1; i > clause.first; i--) {
      if (t[i]!.norm === 'that') {
        first = i + 1;
        break;
      }
    }
    return { cue, source: null, content: trimRange(doc, first, clause.last), reasons };
  }
  if (/^it (has been|was|is) reported$/.test(words)) {
    reasons.push('impersonal passive cue');
    return { cue, source: null, content: afterCue(cue.last), reasons };
  }
  // "CONTENT," X said. / "CONTENT," said X.
  const before = cue.first > s.first ? t[cue.first - 1]!.text : '';
  const quotedBefore = before === ',' || QUOTES.has(before);
  if (quotedBefore || (cue.last >= s.last - 1 && cue.first > s.first + 3)) {
    const right = sourceRight(doc, s, cue.last);
    if (right && /^\p{Lu}|^(the|a|an)$/u.test(t[right.first]!.text)) {
      reasons.push('pattern “…, said X”');
      return { cue, source: right, content: trimRange(doc, s.first, cue.first), reasons };
    }
  }
  const left = sourceLeft(doc, s, cue.first);
  if (left && left.first > s.first + 2 && (t[left.first - 1]!.text === ',' || QUOTES.has(t[left.first - 1]!.text))) {
    reasons.push('pattern “…, X said”');
    return { cue, source: left, content: trimRange(doc, s.first, left.first), reasons };
  }
  reasons.push('pattern “X said …”');
  return { cue, source: left, content: afterCue(cue.last), reasons };
}

export function ruleAttributions(doc: Tokenized): RawAttribution[] {
  const out: RawAttribution[] = [];
  for (const s of doc.sentences) {
    for (const cue of findRuleCues(doc, s)) {
      const a = ruleRoles(doc, s, cue.range);
      const content = a.content ? extendQuotation(doc, s, a.content, cue.range) : null;
      out.push({ ...a, content, reasons: [cue.reason, ...a.reasons] });
    }
  }
  return out;
}

/** How far past its sentence a quotation may run before it is taken as unclosed. */
const MAX_QUOTE_TOKENS = 400;

/** The token that closes the quotation open before `from`, within the paragraph, or -1. */
function closingQuote(doc: Tokenized, from: number, end: number): number {
  for (let i = from; i < end && i < from + MAX_QUOTE_TOKENS; i++) {
    const q = quoteKind(doc.tokens[i]!.text);
    if (q === 'close' || q === 'toggle') return i;
    if (q === 'open') return -1;
  }
  return -1;
}

/**
 * A quotation that goes on past its sentence belongs to the content whole, as annotators mark it:
 * 1. the content opens a quotation that its sentence does not close: up to the closing mark;
 * 2. "“Q1,” said X, “Q2 …”": the quotation resumes after the cue and its source: up to its closing mark;
 * 3. "“Q1,” said X. “Q2 …”": the quotation that opens the next sentence of the paragraph continues the
 *    content, up to its closing mark.
 */
export function extendQuotation(doc: Tokenized, s: Sentence, content: TokenRange, cue: TokenRange): TokenRange {
  const t = doc.tokens;
  const firstQuote = quoteKind(t[content.first]!.text);
  if (firstQuote !== 'open' && firstQuote !== 'toggle') return content;
  const paragraphEnd = (() => {
    const p = doc.paragraphs[s.paragraph]!;
    return doc.sentences[p.lastSentence - 1]!.last;
  })();
  let closed = false;
  for (let i = content.first + 1; i < content.last; i++) {
    const q = quoteKind(t[i]!.text);
    if (q === 'close' || q === 'toggle') closed = true;
  }
  // 1. Opened and not closed in its sentence.
  if (!closed && content.last >= s.last - 1) {
    const c = closingQuote(doc, s.last, paragraphEnd);
    if (c >= 0) return { first: content.first, last: c + 1 };
    return content;
  }
  // 2. "“Q1,” X said, “Q2 …”": the quotation resumes after the cue and its source, in the same sentence.
  if (closed && cue.first >= content.last) {
    for (let i = cue.last; i < s.last && i < cue.last + MAX_SOURCE_TOKENS + 2; i++) {
      const q = quoteKind(t[i]!.text);
      if (q === 'close') break;
      if (q === 'open' || q === 'toggle') {
        if (t[i - 1]!.text !== ',') break;
        const c = closingQuote(doc, i + 1, paragraphEnd);
        if (c >= 0) return { first: content.first, last: c + 1 };
        break;
      }
    }
  }
  // 3. "“Q1,” said X. “Q2 …”": the next sentence opens with the quotation.
  if (closed && cue.first >= content.last && s.last < paragraphEnd) {
    const next = quoteKind(t[s.last]!.text);
    if (next !== 'open' && next !== 'toggle') return content;
    const c = closingQuote(doc, s.last + 1, paragraphEnd);
    if (c >= 0) return { first: content.first, last: c + 1 };
  }
  return content;
}
