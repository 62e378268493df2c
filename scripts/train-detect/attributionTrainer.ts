/**
 * Trains the attribution tagger (shared/detect/tagger.ts) on PolNeAR train: three first-order BIO taggers
 * as structured averaged perceptrons (Collins 2002), decoded with the same Viterbi as inference. Features
 * seen fewer than MIN_COUNT times are dropped before training; after it, the MAX_FEATURES features with the
 * largest weights are kept, which holds the weights file to a few megabytes.
 */
import { baseFeatures, cueFeatures, featureName, type Emit } from '../../shared/detect/features';
import { buildAttributionModel, formatWeight, TAGGERS, WEIGHTS_PER_FEATURE, type AttributionModel } from '../../shared/detect/model';
import type { TokenRange } from '../../shared/detect/rules';
import { spansOf, viterbi } from '../../shared/detect/tagger';
import { analyse, type Tokenized } from '../../shared/detect/tokenize';
import type { PolnearDoc, Span } from '../eval-detect/datasets';
import { seededRandom as seeded } from '../../shared/seededRandom';

/** A feature seen fewer times than this in training is noise for a perceptron and only grows the file. */
export const MIN_COUNT = 3;
/** Kept after training, by largest weight: about 4 MB of JSON at this size. */
export const MAX_FEATURES = 60_000;

const O = 0;
const B = 1;
const I = 2;

/** One sentence as the trainer sees it: the feature ids of each token, per tagger, and the gold tags. */
type Example = {
  n: number;
  /** Per token, ids of its base features (all three taggers) and of its cue features (source, content). */
  base: Int32Array[];
  around: Int32Array[];
  gold: [Uint8Array, Uint8Array, Uint8Array];
};


/** Gold BIO tags of one role over the analysed text's tokens: a token is in a span when it lies wholly inside it. */
function goldTags(doc: Tokenized, spans: Span[]): Uint8Array {
  const tags = new Uint8Array(doc.tokens.length);
  const sorted = [...spans].sort((a, b) => a.start - b.start || b.end - a.end);
  let k = 0;
  for (const s of sorted) {
    while (k > 0 && doc.tokens[k - 1]!.start >= s.start) k--;
    while (k < doc.tokens.length && doc.tokens[k]!.start < s.start) k++;
    let first = true;
    for (let i = k; i < doc.tokens.length && doc.tokens[i]!.end <= s.end; i++) {
      if (tags[i] !== O) break; // nested or overlapping spans of one role: the first one keeps its tokens
      tags[i] = first ? B : I;
      first = false;
    }
  }
  return tags;
}

type Prepared = { doc: Tokenized; tags: [Uint8Array, Uint8Array, Uint8Array] };

export function prepare(docs: PolnearDoc[]): Prepared[] {
  return docs.map((d) => {
    const doc = analyse(d.text);
    const role = (r: 'cue' | 'source' | 'content') => goldTags(doc, d.attributions.map((a) => a[r]).filter((s): s is Span => s !== null));
    return { doc, tags: [role('cue'), role('source'), role('content')] };
  });
}

const same = (v: string) => v;

/** The features of each token of each sentence, by name, as the weights file names them. */
function sentenceFeatures(p: Prepared, cueTags: Uint8Array, visit: (s: { first: number; last: number }, base: string[][], around: string[][]) => void) {
  for (const s of p.doc.sentences) {
    const n = s.last - s.first;
    const collect = (run: (next: (k: number) => void, emit: Emit<string>) => void) => {
      const out: string[][] = Array.from({ length: n }, () => []);
      let cur: string[] = [];
      run(
        (k) => (cur = out[k]!),
        (t, a, b) => cur.push(featureName(t, a, b)),
      );
      return out;
    };
    const cues: TokenRange[] = spansOf(cueTags.subarray(s.first, s.last), s.first);
    visit(s, collect((next, emit) => baseFeatures(p.doc, s, same, next, emit)), collect((next, emit) => cueFeatures(p.doc, s, cues, same, next, emit)));
  }
}

export type TrainOptions = { epochs: number; seed: number; log: (s: string) => void };

export type TrainedTagger = { model: AttributionModel; file: { features: string; weights: string; transitions: number[] } };

export function trainAttributionTagger(train: Prepared[], { epochs, seed, log }: TrainOptions): TrainedTagger {
  // 1. Count features, keep the frequent ones.
  const counts = new Map<string, number>();
  const count = (fs: string[][]) => {
    for (const tok of fs) for (const f of tok) counts.set(f, (counts.get(f) ?? 0) + 1);
  };
  for (const p of train) sentenceFeatures(p, p.tags[0], (_s, base, around) => (count(base), count(around)));
  const names: string[] = [];
  const ids = new Map<string, number>();
  for (const [f, c] of counts) {
    if (c >= MIN_COUNT) {
      ids.set(f, names.length);
      names.push(f);
    }
  }
  counts.clear();
  log(`  ${names.length.toLocaleString('en')} features seen at least ${MIN_COUNT} times`);

  // 2. The examples, as feature ids.
  const toIds = (fs: string[][]) => fs.map((tok) => Int32Array.from(tok.map((f) => ids.get(f) ?? -1).filter((x) => x >= 0)));
  const examples: Example[] = [];
  for (const p of train) {
    sentenceFeatures(p, p.tags[0], (s, base, around) => {
      const g = (k: 0 | 1 | 2) => p.tags[k].slice(s.first, s.last);
      examples.push({ n: s.last - s.first, base: toIds(base), around: toIds(around), gold: [g(0), g(1), g(2)] });
    });
  }
  log(`  ${examples.length.toLocaleString('en')} sentences`);

  // 3. Structured averaged perceptron, one per tagger, sharing the feature table.
  const nf = names.length;
  const W = WEIGHTS_PER_FEATURE;
  const w = new Float64Array(nf * W);
  const u = new Float64Array(nf * W); // sum of c * update, for averaging: avg = w - u / c
  const tw = new Float64Array(TAGGERS.length * 12);
  const tu = new Float64Array(TAGGERS.length * 12);
  let c = 1;
  const rand = seeded(seed);
  const order = examples.map((_, i) => i);
  for (let epoch = 1; epoch <= epochs; epoch++) {
    for (let i = order.length - 1; i > 0; i--) {
      const j = Math.floor(rand() * (i + 1));
      [order[i], order[j]] = [order[j]!, order[i]!];
    }
    let errors = 0;
    let tokens = 0;
    for (const idx of order) {
      const ex = examples[idx]!;
      const hasCue = ex.gold[0].some((t) => t !== O);
      for (let tagger = 0; tagger < 3; tagger++) {
        // Source and content are only tagged in sentences with a cue (as at inference).
        if (tagger > 0 && !hasCue) continue;
        const emit = new Float64Array(ex.n * 3);
        for (let k = 0; k < ex.n; k++) {
          const lists = tagger === 0 ? [ex.base[k]!] : [ex.base[k]!, ex.around[k]!];
          for (const list of lists) {
            for (const f of list) {
              const o = f * W + tagger * 3;
              emit[k * 3] = emit[k * 3]! + w[o]!;
              emit[k * 3 + 1] = emit[k * 3 + 1]! + w[o + 1]!;
              emit[k * 3 + 2] = emit[k * 3 + 2]! + w[o + 2]!;
            }
          }
        }
        const pred = viterbi(emit, ex.n, tw, tagger * 12);
        const gold = ex.gold[tagger as 0 | 1 | 2];
        tokens += ex.n;
        for (let k = 0; k < ex.n; k++) {
          const prevG = k === 0 ? 0 : gold[k - 1]! + 1;
          const prevP = k === 0 ? 0 : pred[k - 1]! + 1;
          if (gold[k] === pred[k] && prevG === prevP) continue;
          const g = gold[k]!;
          const q = pred[k]!;
          if (g !== q) {
            errors++;
            const lists = tagger === 0 ? [ex.base[k]!] : [ex.base[k]!, ex.around[k]!];
            for (const list of lists) {
              for (const f of list) {
                const o = f * W + tagger * 3;
                w[o + g] = w[o + g]! + 1;
                u[o + g] = u[o + g]! + c;
                w[o + q] = w[o + q]! - 1;
                u[o + q] = u[o + q]! - c;
              }
            }
          }
          const tg = tagger * 12 + prevG * 3 + g;
          const tq = tagger * 12 + prevP * 3 + q;
          tw[tg] = tw[tg]! + 1;
          tu[tg] = tu[tg]! + c;
          tw[tq] = tw[tq]! - 1;
          tu[tq] = tu[tq]! - c;
        }
      }
      c++;
    }
    log(`  epoch ${epoch}: ${errors.toLocaleString('en')} token errors in ${tokens.toLocaleString('en')} tagged tokens`);
  }

  // 4. Averaged weights; keep the features that weigh most.
  const avg = new Float64Array(nf * W);
  for (let k = 0; k < avg.length; k++) avg[k] = w[k]! - u[k]! / c;
  const tavg = Array.from(tw, (x, k) => x - tu[k]! / c);
  const importance = names.map((_, f) => {
    let m = 0;
    for (let k = 0; k < W; k++) m = Math.max(m, Math.abs(avg[f * W + k]!));
    return m;
  });
  const keep = names
    .map((_, f) => f)
    .filter((f) => importance[f]! > 0.01)
    .sort((a, b) => importance[b]! - importance[a]! || names[a]!.localeCompare(names[b]!))
    .slice(0, MAX_FEATURES)
    .sort((a, b) => a - b);
  log(`  kept ${keep.length.toLocaleString('en')} features`);
  const flat: string[] = [];
  for (const f of keep) for (let k = 0; k < W; k++) flat.push(formatWeight(avg[f * W + k]!));
  const transitions = tavg.map((x) => Number(formatWeight(x)));
  const keptNames = keep.map((f) => names[f]!);
  return {
    model: buildAttributionModel(keptNames, Float32Array.from(flat.map(Number)), Float32Array.from(transitions)),
    file: { features: keptNames.join('\n'), weights: flat.join(','), transitions },
  };
}
