/** Clauses of a sentence: a claim states one fact, and a sentence may join two ("…, while …"). */
import type { TokenRange } from './rules';
import type { Sentence, Tokenized } from './tokenize';

const CLAUSE_BREAKS = new Set([';', '—', '–']);
const CLAUSE_CONJUNCTIONS = new Set(['while', 'whereas', 'but', 'however', 'although', 'though', 'meanwhile']);

/** Clauses of a sentence: split at semicolons and dashes, and at ", while" / ", but" and the like. */
export function clauses(doc: Tokenized, s: Sentence): TokenRange[] {
  const t = doc.tokens;
  const out: TokenRange[] = [];
  let first = s.first;
  for (let i = s.first + 1; i < s.last - 1; i++) {
    const cut = CLAUSE_BREAKS.has(t[i]!.text) || (t[i]!.text === ',' && CLAUSE_CONJUNCTIONS.has(t[i + 1]!.norm));
    if (cut && i - first >= 3) {
      out.push({ first, last: i });
      first = i + 1;
    }
  }
  out.push({ first, last: s.last });
  return out;
}

/** The clause of a sentence that holds a token. */
export function clauseAt(doc: Tokenized, s: Sentence, token: number): TokenRange {
  return clauses(doc, s).find((c) => c.first <= token && token < c.last) ?? { first: s.first, last: s.last };
}
