/**
 * The attribution tagger's features: what it knows about each token. Training (scripts/train-detect) and
 * inference (tagger.ts) both take them from here, so they cannot drift apart. Each feature is a string
 * "name=value"; READABLE turns the names into the words a reason shows.
 */
import { CUE_WORDS } from './lexicon';
import { isPunct, type TokenRange } from './rules';
import { quoteKind, type Sentence, type Tokenized } from './tokenize';

const PRONOUNS = new Set(['he', 'she', 'they', 'we', 'i', 'you', 'it', 'who']);
const DETERMINERS = new Set(['the', 'a', 'an', 'this', 'that', 'these', 'those', 'his', 'her', 'their', 'its', 'our', 'my', 'some', 'many', 'several']);

function shape(text: string): string {
  if (/^\p{N}+([.,]\p{N}+)*$/u.test(text)) return 'd';
  if (/^\p{Lu}+$/u.test(text) && text.length > 1) return 'X';
  if (/^\p{Lu}/u.test(text)) return 'Xx';
  if (/^\p{Ll}/u.test(text)) return 'x';
  return 'p';
}

function word(norm: string): string {
  return /^\p{N}/u.test(norm) ? '<num>' : norm;
}

/** A crude stem ("supports", "supported", "supporting": "support"), so rare forms of a cue verb share weight. */
function stem(w: string): string {
  return w.length > 5 ? w.replace(/(?:ing|ed|es|s)$/, '') : w;
}

function bucket(d: number): string {
  return d <= 3 ? String(d) : d <= 5 ? '4-5' : d <= 10 ? '6-10' : d <= 20 ? '11-20' : '>20';
}

/** Features of each token of one sentence that do not depend on where the cues are. */
export function baseFeatures(doc: Tokenized, s: Sentence): string[][] {
  const t = doc.tokens;
  const at = (i: number) => (i < s.first ? '<s>' : i >= s.last ? '</s>' : word(t[i]!.norm));
  const out: string[][] = [];
  // Inside a quotation: straight quotes toggle, curly ones open and close.
  let inQuote = false;
  for (let i = s.first; i < s.last; i++) {
    const tok = t[i]!;
    const w = word(tok.norm);
    const prev = at(i - 1);
    const next = at(i + 1);
    const lemma = CUE_WORDS.get(tok.norm);
    const f = [
      'b',
      `w=${w}`,
      `p=${prev}`,
      `n=${next}`,
      `pp=${at(i - 2)}`,
      `nn=${at(i + 2)}`,
      `pw=${prev}|${w}`,
      `wn=${w}|${next}`,
      `sh=${shape(tok.text)}`,
      `psh=${i > s.first ? shape(t[i - 1]!.text) : '<s>'}`,
      `nsh=${i + 1 < s.last ? shape(t[i + 1]!.text) : '</s>'}`,
      `suf=${w.slice(-3)}`,
      `st=${stem(w)}`,
      `pst=${stem(prev)}|${stem(w)}`,
      `pos=${bucket(i - s.first)}`,
      `rpos=${bucket(s.last - 1 - i)}`,
    ];
    if (lemma !== undefined) f.push(`lem=${lemma}`);
    const pl = i > s.first ? CUE_WORDS.get(t[i - 1]!.norm) : undefined;
    if (pl !== undefined) f.push(`plem=${pl}`);
    const nl = i + 1 < s.last ? CUE_WORDS.get(t[i + 1]!.norm) : undefined;
    if (nl !== undefined) f.push(`nlem=${nl}`);
    if (PRONOUNS.has(tok.norm)) f.push('pron');
    if (DETERMINERS.has(tok.norm)) f.push('det');
    const q = quoteKind(tok.text);
    if (q) f.push(`quote=${q}`);
    if (q === 'toggle') inQuote = !inQuote;
    else if (q === 'open') inQuote = true;
    else if (q === 'close') inQuote = false;
    if (inQuote) f.push('inq');
    if (isPunct(tok.norm)) f.push(`punct=${tok.text}`);
    out.push(f);
  }
  return out;
}

/**
 * Features that say where a token lies against the sentence's cues: how far the nearest cue on either
 * side is, which verb it is, and whether a comma or a quotation mark lies between. The source and content
 * taggers read these; `cues` are the cue tagger's (or, in training, the annotators') cue ranges.
 */
export function cueFeatures(doc: Tokenized, s: Sentence, cues: readonly TokenRange[]): string[][] {
  const t = doc.tokens;
  const n = s.last - s.first;
  const out: string[][] = [];
  const inCue = new Uint8Array(n);
  for (const c of cues) for (let i = c.first; i < c.last; i++) if (i >= s.first && i < s.last) inCue[i - s.first] = 1;
  const head = (c: TokenRange) => {
    for (let i = c.last - 1; i >= c.first; i--) {
      const l = CUE_WORDS.get(t[i]!.norm);
      if (l !== undefined) return l;
    }
    return word(t[c.last - 1]!.norm);
  };
  const sorted = [...cues].sort((a, b) => a.first - b.first);
  if (sorted.length === 0) return Array.from({ length: n }, () => ['nocue']);
  // Running counts of commas and quotation marks, so "is there one between" is a subtraction.
  const commas = new Int32Array(n + 1);
  const quotes = new Int32Array(n + 1);
  for (let k = 0; k < n; k++) {
    const x = t[s.first + k]!.text;
    commas[k + 1] = commas[k]! + (x === ',' || x === ';' ? 1 : 0);
    quotes[k + 1] = quotes[k]! + (quoteKind(x) ? 1 : 0);
  }
  /** Whether tokens [a, b) of the text hold a comma or a quotation mark. */
  const between = (a: number, b: number) => [commas[b - s.first]! - commas[a - s.first]! > 0, quotes[b - s.first]! - quotes[a - s.first]! > 0] as const;
  let c = 0;
  for (let i = s.first; i < s.last; i++) {
    while (c < sorted.length && sorted[c]!.last <= i) c++;
    const left = c > 0 ? sorted[c - 1] : undefined;
    let r = c;
    while (r < sorted.length && sorted[r]!.first <= i) r++;
    const right = sorted[r];
    const f: string[] = [];
    if (inCue[i - s.first]) f.push('incue');
    const w = word(t[i]!.norm);
    if (left) {
      const d = i - left.last + 1;
      const h = head(left);
      const [comma, quote] = between(Math.max(left.last, s.first), i);
      f.push(`ld=${bucket(d)}`, `lh=${h}`, `ldh=${bucket(d)}|${h}`, `lc=${comma}`, `lq=${quote}`, `ldw=${bucket(d)}|${w}`);
      if (d === 1) f.push(`l1w=${w}`);
    } else f.push('noleft');
    if (right) {
      const d = right.first - i;
      const h = head(right);
      const [comma, quote] = between(i + 1, Math.min(right.first, s.last));
      f.push(`rd=${bucket(d)}`, `rh=${h}`, `rdh=${bucket(d)}|${h}`, `rc=${comma}`, `rq=${quote}`, `rdw=${bucket(d)}|${w}`);
      if (d === 1) f.push(`r1w=${w}`);
    } else f.push('noright');
    if (left && right) f.push('between');
    out.push(f);
  }
  return out;
}

/** What a feature means, for a proposal's reasons. */
export function readableFeature(f: string): string | null {
  const [name, value] = [f.slice(0, f.indexOf('=')), f.slice(f.indexOf('=') + 1)];
  switch (name) {
    case 'w':
      return `word “${value}”`;
    case 'lem':
      return `verb of saying “${value}”`;
    case 'pw':
      return `words “${value.replace('|', ' ')}”`;
    case 'wn':
      return `words “${value.replace('|', ' ')}”`;
    case 'p':
      return `after “${value}”`;
    case 'n':
      return `before “${value}”`;
    case 'lh':
      return `after the cue “${value}”`;
    case 'rh':
      return `before the cue “${value}”`;
    case 'ldh':
      return `${value.split('|')[0]} words after the cue “${value.split('|')[1]}”`;
    case 'rdh':
      return `${value.split('|')[0]} words before the cue “${value.split('|')[1]}”`;
    default:
      return f === 'inq' ? 'inside a quotation' : f === 'pron' ? 'a pronoun' : null;
  }
}
