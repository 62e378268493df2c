/**
 * Trains the check-worthiness model (shared/detect/checkWorthy.ts): logistic regression by stochastic
 * gradient descent over the named features and the words, on CheckThat! 2024 English train. The last
 * tenth of train (after a seeded shuffle) is held out to choose the decision threshold, so dev is only
 * ever scored. Words seen fewer than MIN_WORD_COUNT times are dropped.
 */
import { claimFeatures, linearFeatures } from '../../shared/detect/checkWorthy';
import { formatWeight, linearModel, type LinearModel } from '../../shared/detect/model';
import { tokenize } from '../../shared/detect/tokenize';
import type { Labelled } from '../eval-detect/datasets';
import { seededRandom as seeded } from '../../shared/seededRandom';

const MIN_WORD_COUNT = 3;
const EPOCHS = 8;
const RATE = 0.05;
const L2 = 1e-5;

export type TrainedLinear = { model: LinearModel; file: { features: string; weights: string; scale: number; threshold: number } };

export function trainCheckWorthy(rows: Labelled[], seed: number, log: (s: string) => void): TrainedLinear {
  const rand = seeded(seed);
  const shuffled = [...rows];
  for (let i = shuffled.length - 1; i > 0; i--) {
    const j = Math.floor(rand() * (i + 1));
    [shuffled[i], shuffled[j]] = [shuffled[j]!, shuffled[i]!];
  }
  const cut = Math.floor(shuffled.length * 0.9);
  const featsOf = (r: Labelled) => {
    const toks = tokenize(r.text);
    return [...new Set(linearFeatures(toks, claimFeatures(toks)))];
  };
  const train = shuffled.slice(0, cut).map((r) => ({ f: featsOf(r), y: r.checkWorthy ? 1 : 0 }));
  const held = shuffled.slice(cut).map((r) => ({ f: featsOf(r), y: r.checkWorthy ? 1 : 0 }));
  const counts = new Map<string, number>();
  for (const ex of train) for (const f of ex.f) counts.set(f, (counts.get(f) ?? 0) + 1);
  const w = new Map<string, number>();
  for (const [f, c] of counts) if (c >= MIN_WORD_COUNT || !f.startsWith('w:')) w.set(f, 0);
  const dot = (fs: string[]) => fs.reduce((s, f) => s + (w.get(f) ?? 0), 0);
  const order = train.map((_, i) => i);
  for (let epoch = 0; epoch < EPOCHS; epoch++) {
    for (let i = order.length - 1; i > 0; i--) {
      const j = Math.floor(rand() * (i + 1));
      [order[i], order[j]] = [order[j]!, order[i]!];
    }
    let loss = 0;
    for (const k of order) {
      const ex = train[k]!;
      const p = 1 / (1 + Math.exp(-dot(ex.f)));
      loss -= ex.y ? Math.log(p + 1e-12) : Math.log(1 - p + 1e-12);
      const g = ex.y - p;
      for (const f of ex.f) {
        const cur = w.get(f);
        if (cur !== undefined) w.set(f, cur + RATE * (g - L2 * cur));
      }
    }
    log(`  epoch ${epoch + 1}: log loss ${(loss / train.length).toFixed(4)}`);
  }
  // The threshold with the best F1 on the held-out tenth of train.
  const scored = held.map((ex) => ({ p: 1 / (1 + Math.exp(-dot(ex.f))), y: ex.y }));
  let best = { t: 0.5, f1: -1 };
  for (let t = 0.1; t <= 0.9; t += 0.01) {
    let tp = 0;
    let fp = 0;
    let fn = 0;
    for (const s of scored) {
      if (s.p >= t && s.y) tp++;
      else if (s.p >= t) fp++;
      else if (s.y) fn++;
    }
    const f1 = tp === 0 ? 0 : (2 * tp) / (2 * tp + fp + fn);
    if (f1 > best.f1) best = { t: Math.round(t * 100) / 100, f1 };
  }
  log(`  threshold ${best.t} (F1 ${(100 * best.f1).toFixed(1)} on the held-out tenth of train)`);
  const kept = [...w].filter(([, x]) => Math.abs(x) >= 0.005).sort((a, b) => a[0].localeCompare(b[0]));
  const weights = new Map(kept.map(([f, x]) => [f, Number(formatWeight(x, 3))]));
  return {
    model: linearModel(weights, 1, best.t),
    file: { features: kept.map(([f]) => f).join('\n'), weights: kept.map(([, x]) => formatWeight(x, 3)).join(','), scale: 1, threshold: best.t },
  };
}
