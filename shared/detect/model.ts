/**
 * The learned parts of detection, as loaded from data/detect/model.json: a linear check-worthiness model
 * and the attribution tagger's weights. The file keeps each table as one string (feature names joined by
 * newlines, weights as a comma-separated list) so it stays compact and type-checks cheaply when bundled.
 */
import { z } from 'zod';

export type LinearModel = { weights: Map<string, number>; scale: number; threshold: number };
/** The three BIO taggers' tags, in the order of each feature's weights: cue O B I, source O B I, content O B I. */
export const TAGGERS = ['cue', 'source', 'content'] as const;
export type TaggerName = (typeof TAGGERS)[number];
export const TAGS = ['O', 'B', 'I'] as const;
/** Weights of every tag of the three taggers per feature (9 each), and per tagger 4 x 3 transitions (from start, O, B, I to O, B, I). */
export type AttributionModel = { weights: Map<string, Float32Array>; transitions: Float32Array };
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
  const w = Float32Array.from(numbers(t.weights));
  const n = WEIGHTS_PER_FEATURE;
  if (w.length !== names.length * n) throw new Error('The tagger weights do not match its features.');
  const weights = new Map<string, Float32Array>();
  names.forEach((f, i) => weights.set(f, w.subarray(i * n, i * n + n)));
  return { weights, transitions: Float32Array.from(t.transitions) };
}

/** Reads a model file, refusing one that does not fit (say which part). */
export function parseModel(json: unknown): DetectModel {
  const file = ModelFile.parse(json);
  let checkWorthy: LinearModel | null = null;
  if (file.checkWorthy) {
    const names = file.checkWorthy.features === '' ? [] : file.checkWorthy.features.split('\n');
    const w = numbers(file.checkWorthy.weights);
    if (w.length !== names.length) throw new Error('The check-worthiness weights do not match its features.');
    checkWorthy = { weights: new Map(names.map((f, i) => [f, w[i]!])), scale: file.checkWorthy.scale, threshold: file.checkWorthy.threshold };
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
