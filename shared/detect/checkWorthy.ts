/**
 * How check-worthy a clause is: hand-made features with names a reviewer reads ("casualty figure", "date",
 * "named place"), plus its words, weighed by a linear model trained on CheckThat! 2024 English train
 * (scripts/train-detect). Without a model, a rule over the named features alone decides.
 */
import { CASUALTY_WORDS, CAUSE_WORDS, COMPARISON_WORDS, CUE_WORDS, MONTHS, NUMBER_WORDS, PLACE_NOUNS, PLACE_PREPOSITIONS, WEEKDAYS } from './lexicon';
import type { LinearModel } from './model';
import { isPunct } from './rules';
import { tokenize, type Token } from './tokenize';

/** The named features and the reason each gives when it counts for a claim. */
export const CLAIM_FEATURES = {
  casualty: 'casualty figure',
  figure: 'figure',
  percent: 'percentage',
  money: 'amount of money',
  date: 'date',
  place: 'named place',
  named: 'named person or organisation',
  action: 'who did what',
  comparison: 'comparison',
  cause: 'cause',
  question: 'question',
  firstPerson: 'speaker’s own view',
  secondPerson: 'addresses the listener',
  modal: 'prediction or wish',
  opinion: 'opinion',
  short: 'short',
} as const;
export type ClaimFeature = keyof typeof CLAIM_FEATURES;

/** Named features that make a statement checkable (the others weigh against it). */
const FACTUAL: readonly ClaimFeature[] = ['casualty', 'figure', 'percent', 'money', 'date', 'place', 'named', 'action', 'comparison', 'cause'];

const MODALS = new Set(['will', 'would', 'should', 'could', 'might', 'must', "'ll", 'shall', 'may', 'can', 'going']);
const OPINION = new Set(['think', 'believe', 'feel', 'hope', 'want', 'love', 'great', 'terrible', 'wonderful', 'beautiful', 'incredible', 'tremendous', 'disgrace']);
const FIRST_PERSON = new Set(['i', 'we', 'my', 'our', "i'm", "we're", "i've", "we've", 'me', 'us']);
const IRREGULAR_PAST = new Set(['took', 'gave', 'made', 'won', 'lost', 'fled', 'hit', 'struck', 'fought', 'led', 'sent', 'built', 'went', 'came', 'broke', 'held', 'began', 'met', 'paid', 'sold', 'bought', 'spent', 'left', 'shot', 'seized', 'stole', 'fell', 'rose', 'grew', 'cut']);
const YEAR = /^(1[89]|20)\d\d$/;

function isNumber(t: Token): boolean {
  return /^\p{N}/u.test(t.text) || NUMBER_WORDS.has(t.norm);
}

/** The named features of a clause's tokens. */
export function claimFeatures(tokens: readonly Token[]): Set<ClaimFeature> {
  const f = new Set<ClaimFeature>();
  const words = tokens.filter((t) => !isPunct(t.norm));
  if (words.length < 6) f.add('short');
  let numbers = 0;
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i]!;
    const n = t.norm;
    if (isNumber(t) && !YEAR.test(n)) numbers++;
    if (n === '%' || n === 'percent' || n === 'cent') f.add('percent');
    if (n === '$' || n === '£' || n === '€' || n === 'dollars' || n === 'euros' || n === 'pounds' || /^\$\d/.test(n)) f.add('money');
    if (MONTHS.has(n) || WEEKDAYS.has(n) || YEAR.test(n)) f.add('date');
    if (CASUALTY_WORDS.has(n)) {
      const near = tokens.slice(Math.max(0, i - 6), i + 4);
      if (near.some(isNumber)) f.add('casualty');
    }
    if (COMPARISON_WORDS.has(n) || /^\p{L}+est$/u.test(n)) f.add('comparison');
    if (CAUSE_WORDS.has(n)) f.add('cause');
    if (MODALS.has(n)) f.add('modal');
    if (OPINION.has(n)) f.add('opinion');
    if (FIRST_PERSON.has(n)) f.add('firstPerson');
    if (n === 'you' || n === 'your') f.add('secondPerson');
    const capital = /^\p{Lu}/u.test(t.text);
    const prev = tokens[i - 1];
    if (capital && i > 0 && prev && !isPunct(prev.norm)) {
      if (PLACE_PREPOSITIONS.has(prev.norm) || (prev.norm === 'of' && i > 1 && PLACE_NOUNS.has(tokens[i - 2]!.norm))) f.add('place');
      else f.add('named');
    }
    if ((n.length > 4 && n.endsWith('ed') && !CUE_WORDS.has(n)) || IRREGULAR_PAST.has(n)) f.add('action');
  }
  if (numbers > 0) f.add('figure');
  if (tokens.at(-1)?.text === '?') f.add('question');
  return f;
}

/** The features a linear model weighs: the named ones, the words, and a bias. */
export function linearFeatures(tokens: readonly Token[], named: Set<ClaimFeature>): string[] {
  const out = ['bias'];
  for (const f of named) out.push(`f:${f}`);
  for (const t of tokens) if (!isPunct(t.norm)) out.push(`w:${/^\p{N}/u.test(t.norm) ? '0' : t.norm}`);
  return out;
}

export type CheckWorthiness = { score: number; reasons: string[] };

const sigmoid = (x: number) => 1 / (1 + Math.exp(-x));

/** The rule when no model is loaded: factual features, none of the ones that mark talk rather than fact. */
function ruleScore(named: Set<ClaimFeature>): number {
  const factual = FACTUAL.filter((f) => named.has(f)).length;
  const against = (['question', 'firstPerson', 'secondPerson', 'modal', 'opinion', 'short'] as const).filter((f) => named.has(f)).length;
  return sigmoid(factual - 1.5 * against - 1);
}

export function scoreClause(tokens: readonly Token[], model: LinearModel | null): CheckWorthiness {
  const named = claimFeatures(tokens);
  let score: number;
  let contributions: [string, number][];
  if (model) {
    // The same sum as over linearFeatures(tokens, named), each feature once, without building its name.
    let sum = model.bias;
    contributions = [];
    for (const f of named) {
      const w = model.named.get(f);
      if (w === undefined) continue;
      sum += w;
      contributions.push([`f:${f}`, w]);
    }
    const seen = new Set<string>();
    for (const t of tokens) {
      if (isPunct(t.norm)) continue;
      const key = /^\p{N}/u.test(t.norm) ? '0' : t.norm;
      if (seen.has(key)) continue;
      seen.add(key);
      const w = model.words.get(key);
      if (w === undefined) continue;
      sum += w;
      contributions.push([`w:${key}`, w]);
    }
    score = sigmoid(sum * model.scale);
  } else {
    score = ruleScore(named);
    contributions = [...named].map((f) => [`f:${f}`, FACTUAL.includes(f) ? 1 : -1]);
  }
  // Reasons: the named features that counted for it, strongest first, then the two words that counted most.
  const positive = contributions.filter(([, w]) => w > 0).sort((a, b) => b[1] - a[1]);
  const reasons: string[] = positive.filter(([f]) => f.startsWith('f:')).map(([f]) => CLAIM_FEATURES[f.slice(2) as ClaimFeature]);
  if (model) reasons.push(...positive.filter(([f]) => f.startsWith('w:') && f !== 'w:0').slice(0, 2).map(([f]) => `word “${f.slice(2)}”`));
  return { score, reasons };
}

/** The decision the evaluation scores: a sentence on its own, at the model's threshold. */
export function isCheckWorthy(sentence: string, model: LinearModel | null): boolean {
  return scoreClause(tokenize(sentence), model).score >= (model?.threshold ?? 0.5);
}
