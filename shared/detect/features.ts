/**
 * The attribution tagger's features: what it knows about each token. Training (scripts/train-detect) and
 * inference (tagger.ts) both take them from here, so they cannot drift apart.
 *
 * A feature is a template and up to two values ("w" and "said"; "pw", "he" and "said"). The generators
 * call `emit(template, a, b)` with strings they already hold (the token's lower-cased word, a bucket
 * name), never building a new string per feature: training joins them into names for the weights file
 * ("w=said", "pw=he said"), inference looks the values up in the model's vocabulary and the feature in a
 * numeric table (model.ts). On a 20,000-word article that is the difference between about 1 s and 50 ms.
 */
import { CUE_WORDS } from './lexicon';
import { isPunct, type TokenRange } from './rules';
import { quoteKind, type Sentence, type Tokenized } from './tokenize';

export const TEMPLATES = [
  'b', 'w', 'p', 'n', 'pp', 'nn', 'pw', 'wn', 'sh', 'psh', 'nsh', 'suf', 'st', 'pst', 'pos', 'rpos', 'lem', 'plem', 'nlem', 'pron', 'det', 'quote', 'inq', 'punct',
  'nocue', 'incue', 'ld', 'lh', 'ldh', 'lc', 'lq', 'ldw', 'l1w', 'noleft', 'rd', 'rh', 'rdh', 'rc', 'rq', 'rdw', 'r1w', 'noright', 'between',
] as const;
export type Template = (typeof TEMPLATES)[number];
const T = Object.fromEntries(TEMPLATES.map((t, i) => [t, i])) as Record<Template, number>;

/** Receives one feature of the current token: its template and values (strings in training, vocabulary ids at inference). */
export type Emit<V> = (template: number, a?: V, b?: V) => void;
/** Turns a value string into what `emit` receives: the identity in training, a vocabulary id at inference. */
export type Convert<V> = (value: string) => V;

/** The name a feature has in the weights file: "pron", "w=said", "pw=he said" (words never hold a space). */
export function featureName(template: number, a?: string, b?: string): string {
  const name = TEMPLATES[template]!;
  return a === undefined ? name : b === undefined ? `${name}=${a}` : `${name}=${a} ${b}`;
}

/** A feature name split back into its template and values, or null if it names no template. */
export function parseFeatureName(f: string): { template: number; a?: string; b?: string } | null {
  const eq = f.indexOf('=');
  const template = T[(eq < 0 ? f : f.slice(0, eq)) as Template];
  if (template === undefined) return null;
  if (eq < 0) return { template };
  const rest = f.slice(eq + 1);
  const sp = rest.indexOf(' ');
  return sp < 0 ? { template, a: rest } : { template, a: rest.slice(0, sp), b: rest.slice(sp + 1) };
}

const PRONOUNS = new Set(['he', 'she', 'they', 'we', 'i', 'you', 'it', 'who']);
const DETERMINERS = new Set(['the', 'a', 'an', 'this', 'that', 'these', 'those', 'his', 'her', 'their', 'its', 'our', 'my', 'some', 'many', 'several']);
const START = '<s>';
const END = '</s>';
const BUCKETS = ['0', '1', '2', '3', '4-5', '6-10', '11-20', '>20'];

/** Word shape: "d" a figure, "X" all capitals, "Xx" capitalised, "x" lower case, "p" anything else. */
function shape(text: string): string {
  const c = text.charCodeAt(0);
  // ASCII first, as nearly every token is: the Unicode regexes below only for the rest.
  if (c >= 97 && c <= 122) return 'x';
  if (c >= 65 && c <= 90) {
    if (text.length === 1) return 'Xx';
    const d = text.charCodeAt(1);
    if (d >= 97 && d <= 122) return 'Xx';
  }
  if (/^\p{N}+([.,]\p{N}+)*$/u.test(text)) return 'd';
  if (/^\p{Lu}+$/u.test(text) && text.length > 1) return 'X';
  if (/^\p{Lu}/u.test(text)) return 'Xx';
  if (/^\p{Ll}/u.test(text)) return 'x';
  return 'p';
}

function word(norm: string): string {
  const c = norm.charCodeAt(0);
  if (c >= 97 && c <= 122) return norm;
  return /^\p{N}/u.test(norm) ? '<num>' : norm;
}

/** A crude stem ("supports", "supported", "supporting": "support"), so rare forms of a cue verb share weight. */
function stem(w: string): string {
  return w.length > 5 ? w.replace(/(?:ing|ed|es|s)$/, '') : w;
}

function bucketIndex(d: number): number {
  return d <= 3 ? d : d <= 5 ? 4 : d <= 10 ? 5 : d <= 20 ? 6 : 7;
}

/** What each token of a sentence contributes to its own and its neighbours' features, converted once. */
type TokenValues<V> = { w: V[]; sh: V[]; st: V[]; suf: V[]; lem: (V | undefined)[] };

function tokenValues<V>(doc: Tokenized, s: Sentence, conv: Convert<V>): TokenValues<V> {
  const n = s.last - s.first;
  const v: TokenValues<V> = { w: new Array<V>(n), sh: new Array<V>(n), st: new Array<V>(n), suf: new Array<V>(n), lem: new Array<V | undefined>(n) };
  for (let k = 0; k < n; k++) {
    const t = doc.tokens[s.first + k]!;
    const w = word(t.norm);
    v.w[k] = conv(w);
    v.sh[k] = conv(shape(t.text));
    v.st[k] = conv(stem(w));
    v.suf[k] = conv(w.length > 3 ? w.slice(-3) : w);
    const lemma = CUE_WORDS.get(t.norm);
    v.lem[k] = lemma === undefined ? undefined : conv(lemma);
  }
  return v;
}

/** The constant values, converted once per call. */
function constants<V>(conv: Convert<V>) {
  return { start: conv(START), end: conv(END), buckets: BUCKETS.map(conv), yes: conv('true'), no: conv('false') };
}

/**
 * Features of each token of one sentence that do not depend on where the cues are: `emit` is called for
 * each feature of token k (0-based in the sentence) after `next(k)`.
 */
export function baseFeatures<V>(doc: Tokenized, s: Sentence, conv: Convert<V>, next: (k: number) => void, emit: Emit<V>): void {
  const v = tokenValues(doc, s, conv);
  const c = constants(conv);
  const n = s.last - s.first;
  const at = (k: number) => (k < 0 ? c.start : k >= n ? c.end : v.w[k]!);
  const bucketV = (d: number) => c.buckets[bucketIndex(d)]!;
  // Inside a quotation: straight quotes toggle, curly ones open and close.
  let inQuote = false;
  for (let k = 0; k < n; k++) {
    next(k);
    const tok = doc.tokens[s.first + k]!;
    const w = v.w[k]!;
    const prev = at(k - 1);
    const nxt = at(k + 1);
    emit(T.b);
    emit(T.w, w);
    emit(T.p, prev);
    emit(T.n, nxt);
    emit(T.pp, at(k - 2));
    emit(T.nn, at(k + 2));
    emit(T.pw, prev, w);
    emit(T.wn, w, nxt);
    emit(T.sh, v.sh[k]);
    emit(T.psh, k > 0 ? v.sh[k - 1] : c.start);
    emit(T.nsh, k + 1 < n ? v.sh[k + 1] : c.end);
    emit(T.suf, v.suf[k]);
    emit(T.st, v.st[k]);
    emit(T.pst, k > 0 ? v.st[k - 1] : c.start, v.st[k]);
    emit(T.pos, bucketV(k));
    emit(T.rpos, bucketV(n - 1 - k));
    const lemma = v.lem[k];
    if (lemma !== undefined) emit(T.lem, lemma);
    const pl = k > 0 ? v.lem[k - 1] : undefined;
    if (pl !== undefined) emit(T.plem, pl);
    const nl = k + 1 < n ? v.lem[k + 1] : undefined;
    if (nl !== undefined) emit(T.nlem, nl);
    if (PRONOUNS.has(tok.norm)) emit(T.pron);
    if (DETERMINERS.has(tok.norm)) emit(T.det);
    const q = quoteKind(tok.text);
    if (q) emit(T.quote, conv(q));
    if (q === 'toggle') inQuote = !inQuote;
    else if (q === 'open') inQuote = true;
    else if (q === 'close') inQuote = false;
    if (inQuote) emit(T.inq);
    if (isPunct(tok.norm)) emit(T.punct, conv(tok.text));
  }
}

/**
 * Features that say where a token lies against the sentence's cues: how far the nearest cue on either
 * side is, which verb it is, and whether a comma or a quotation mark lies between. The source and content
 * taggers read these; `cues` are the cue tagger's (or, in training, the annotators') cue ranges.
 */
export function cueFeatures<V>(doc: Tokenized, s: Sentence, cues: readonly TokenRange[], conv: Convert<V>, next: (k: number) => void, emit: Emit<V>): void {
  const t = doc.tokens;
  const n = s.last - s.first;
  const sorted = [...cues].sort((a, b) => a.first - b.first);
  if (sorted.length === 0) {
    for (let k = 0; k < n; k++) {
      next(k);
      emit(T.nocue);
    }
    return;
  }
  const inCue = new Uint8Array(n);
  for (const c of sorted) for (let i = Math.max(c.first, s.first); i < Math.min(c.last, s.last); i++) inCue[i - s.first] = 1;
  const head = (c: TokenRange) => {
    for (let i = c.last - 1; i >= c.first; i--) {
      const l = CUE_WORDS.get(t[i]!.norm);
      if (l !== undefined) return l;
    }
    return word(t[c.last - 1]!.norm);
  };
  const heads = sorted.map((x) => conv(head(x)));
  const c0 = constants(conv);
  // Running counts of commas and quotation marks, so "is there one between" is a subtraction.
  const commas = new Int32Array(n + 1);
  const quotes = new Int32Array(n + 1);
  for (let k = 0; k < n; k++) {
    const x = t[s.first + k]!.text;
    commas[k + 1] = commas[k]! + (x === ',' || x === ';' ? 1 : 0);
    quotes[k + 1] = quotes[k]! + (quoteKind(x) ? 1 : 0);
  }
  const has = (counts: Int32Array, a: number, b: number) => (counts[b - s.first]! - counts[a - s.first]! > 0 ? c0.yes : c0.no);
  let c = 0;
  for (let i = s.first; i < s.last; i++) {
    next(i - s.first);
    while (c < sorted.length && sorted[c]!.last <= i) c++;
    const li = c - 1;
    let r = c;
    while (r < sorted.length && sorted[r]!.first <= i) r++;
    const w = conv(word(t[i]!.norm));
    if (inCue[i - s.first]) emit(T.incue);
    if (li >= 0) {
      const left = sorted[li]!;
      const d = c0.buckets[bucketIndex(i - left.last + 1)]!;
      const h = heads[li]!;
      const from = Math.max(left.last, s.first);
      emit(T.ld, d);
      emit(T.lh, h);
      emit(T.ldh, d, h);
      emit(T.lc, has(commas, from, i));
      emit(T.lq, has(quotes, from, i));
      emit(T.ldw, d, w);
      if (i === left.last) emit(T.l1w, w);
    } else emit(T.noleft);
    if (r < sorted.length) {
      const right = sorted[r]!;
      const d = c0.buckets[bucketIndex(right.first - i)]!;
      const h = heads[r]!;
      const to = Math.min(right.first, s.last);
      emit(T.rd, d);
      emit(T.rh, h);
      emit(T.rdh, d, h);
      emit(T.rc, has(commas, i + 1, to));
      emit(T.rq, has(quotes, i + 1, to));
      emit(T.rdw, d, w);
      if (right.first === i + 1) emit(T.r1w, w);
    } else emit(T.noright);
    if (li >= 0 && r < sorted.length) emit(T.between);
  }
}

/** What a feature means, for a proposal's reasons; null for those that mean nothing on their own. */
export function readableFeature(template: number, a?: string, b?: string): string | null {
  switch (TEMPLATES[template]) {
    case 'w':
      return `word “${a}”`;
    case 'lem':
      return `verb of saying “${a}”`;
    case 'pw':
    case 'wn':
      return `words “${a} ${b}”`;
    case 'p':
      return `after “${a}”`;
    case 'n':
      return `before “${a}”`;
    case 'st':
      return `word like “${a}”`;
    case 'lh':
      return `after the cue “${a}”`;
    case 'rh':
      return `before the cue “${a}”`;
    case 'inq':
      return 'inside a quotation';
    case 'pron':
      return 'a pronoun';
    default:
      return null;
  }
}
