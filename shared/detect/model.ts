/**
 * The learned parts of detection, as loaded from data/detect/model.json: a linear check-worthiness model
 * and the attribution tagger's weights. The file keeps each table as one string (feature names joined by
 * newlines, weights as a comma-separated list) so it stays compact and type-checks cheaply when bundled.
 */
import { z } from 'zod';
import { parseFeatureName } from './features';

/**
 * The check-worthiness model: weights by feature name ("bias", "f:casualty", "w:killed"), and the same
 * split by kind so scoring looks a token's word up as it is, without building "w:…" per token.
 */
export type LinearModel = { weights: Map<string, number>; words: Map<string, number>; named: Map<string, number>; bias: number; scale: number; threshold: number };

export function linearModel(weights: Map<string, number>, scale: number, threshold: number): LinearModel {
  const words = new Map<string, number>();
  const named = new Map<string, number>();
  for (const [f, w] of weights) {
    if (f.startsWith('w:')) words.set(f.slice(2), w);
    else if (f.startsWith('f:')) named.set(f.slice(2), w);
  }
  return { weights, words, named, bias: weights.get('bias') ?? 0, scale, threshold };
}
/** The three BIO taggers' tags, in the order of each feature's weights: cue O B I, source O B I, content O B I. */
export const TAGGERS = ['cue', 'source', 'content'] as const;
export type TaggerName = (typeof TAGGERS)[number];
export const TAGS = ['O', 'B', 'I'] as const;
/**
 * The tagger's weights: 9 per feature (the three taggers' O, B, I) in `rows`, found through `table`
 * by template and value ids (`vocab`); per tagger 4 x 3 transitions (from start, O, B, I to O, B, I).
 */
export type AttributionModel = {
  vocab: Map<string, number>;
  /** The value of each id (index 0: no value), for reasons. */
  values: string[];
  /** A value's id in `vocab`, -1 for one the model never saw (no feature with it has a weight). */
  conv: (value: string) => number;
  table: FeatureTable;
  rows: Float32Array;
  transitions: Float32Array;
  size: number;
};

/**
 * An open-addressing hash table from (template, value id, value id) to a row number, in typed arrays:
 * looking a feature up hashes three small integers, where a Map keyed by feature names would build and
 * hash a string per feature (the tagger's cost on a long article, several times over).
 */
export class FeatureTable {
  private readonly keys: Int32Array;
  private readonly values: Int32Array;
  private readonly mask: number;

  constructor(capacity: number) {
    let size = 16;
    while (size < capacity * 2) size *= 2;
    this.mask = size - 1;
    this.keys = new Int32Array(size * 3).fill(-1);
    this.values = new Int32Array(size);
  }

  private slot(t: number, a: number, b: number): number {
    return (Math.imul(t + 1, 0x9e3779b1) ^ Math.imul(a + 7, 0x85ebca77) ^ Math.imul(b + 13, 0xc2b2ae3d)) & this.mask;
  }

  set(t: number, a: number, b: number, row: number): void {
    for (let i = this.slot(t, a, b); ; i = (i + 1) & this.mask) {
      if (this.keys[i * 3] === -1 || (this.keys[i * 3] === t && this.keys[i * 3 + 1] === a && this.keys[i * 3 + 2] === b)) {
        this.keys[i * 3] = t;
        this.keys[i * 3 + 1] = a;
        this.keys[i * 3 + 2] = b;
        this.values[i] = row;
        return;
      }
    }
  }

  /** The row of a feature, or -1. */
  get(t: number, a: number, b: number): number {
    for (let i = this.slot(t, a, b); ; i = (i + 1) & this.mask) {
      const k = this.keys[i * 3]!;
      if (k === -1) return -1;
      if (k === t && this.keys[i * 3 + 1] === a && this.keys[i * 3 + 2] === b) return this.values[i]!;
    }
  }
}

/** The tagger's lookup tables built from feature names and their weights (9 per feature). */
export function buildAttributionModel(names: readonly string[], weights: Float32Array, transitions: Float32Array): AttributionModel {
  const n = WEIGHTS_PER_FEATURE;
  if (weights.length !== names.length * n) throw new Error('The tagger weights do not match its features.');
  const vocab = new Map<string, number>();
  const id = (v: string | undefined) => {
    if (v === undefined) return 0;
    let k = vocab.get(v);
    if (k === undefined) {
      k = vocab.size + 1;
      vocab.set(v, k);
    }
    return k;
  };
  const table = new FeatureTable(names.length);
  names.forEach((f, row) => {
    const parsed = parseFeatureName(f);
    if (!parsed) throw new Error(`The tagger has a feature of no known template: ${f}`);
    table.set(parsed.template, id(parsed.a), id(parsed.b), row);
  });
  const values = [''];
  for (const [v, k] of vocab) values[k] = v;
  return { vocab, values, conv: (v) => vocab.get(v) ?? -1, table, rows: weights, transitions, size: names.length };
}
export type DetectModel = { checkWorthy: LinearModel | null; attribution: AttributionModel | null };

const Table = z.object({ features: z.string(), weights: z.string() });
const TaggerFile = Table.extend({ transitions: z.array(z.number()).length(TAGGERS.length * 12) });
export const ModelFile = z.object({
  version: z.literal(1),
  checkWorthy: Table.extend({ scale: z.number(), threshold: z.number() }).nullable(),
  attribution: TaggerFile.nullable(),
});
export type ModelFile = z.infer<typeof ModelFile>;

function numbers(s: string): number[] {
  return s === '' ? [] : s.split(',').map(Number);
}

export const WEIGHTS_PER_FEATURE = TAGGERS.length * TAGS.length;

function tagger(t: z.infer<typeof TaggerFile>): AttributionModel {
  const names = t.features === '' ? [] : t.features.split('\n');
  return buildAttributionModel(names, Float32Array.from(numbers(t.weights)), Float32Array.from(t.transitions));
}

/** Reads a model file, refusing one that does not fit (say which part). */
export function parseModel(json: unknown): DetectModel {
  const file = ModelFile.parse(json);
  let checkWorthy: LinearModel | null = null;
  if (file.checkWorthy) {
    const names = file.checkWorthy.features === '' ? [] : file.checkWorthy.features.split('\n');
    const w = numbers(file.checkWorthy.weights);
    if (w.length !== names.length) throw new Error('The check-worthiness weights do not match its features.');
    checkWorthy = linearModel(new Map(names.map((f, i) => [f, w[i]!])), file.checkWorthy.scale, file.checkWorthy.threshold);
  }
  const a = file.attribution;
  return { checkWorthy, attribution: a ? tagger(a) : null };
}

/** Weights written to `decimals` places: the file is a fraction of full precision's size and no decision moves. */
export function formatWeight(x: number, decimals = 2): string {
  const f = 10 ** decimals;
  const r = Math.round(x * f) / f;
  return Object.is(r, -0) ? '0' : String(r);
}
