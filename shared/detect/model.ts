/**
 * The learned parts of detection, as loaded from data/detect/model.json: a linear check-worthiness model
 * and the attribution tagger's weights. The file keeps each table as one string (feature names joined by
 * newlines, weights as a comma-separated list) so it stays compact and type-checks cheaply when bundled.
 */
import { z } from 'zod';

export type LinearModel = { weights: Map<string, number>; scale: number; threshold: number };
/** One tagger: for each feature, a weight per label (labels in `labels` order). */
export type TaggerTable = { labels: string[]; weights: Map<string, Float32Array> };
export type AttributionModel = { cue: TaggerTable; source: TaggerTable; content: TaggerTable };
export type DetectModel = { checkWorthy: LinearModel | null; attribution: AttributionModel | null };

const Table = z.object({ features: z.string(), weights: z.string() });
const TaggerFile = Table.extend({ labels: z.array(z.string()).min(1) });
export const ModelFile = z.object({
  version: z.literal(1),
  checkWorthy: Table.extend({ scale: z.number(), threshold: z.number() }).nullable(),
  attribution: z.object({ cue: TaggerFile, source: TaggerFile, content: TaggerFile }).nullable(),
});
export type ModelFile = z.infer<typeof ModelFile>;

function numbers(s: string): number[] {
  return s === '' ? [] : s.split(',').map(Number);
}

function tagger(t: z.infer<typeof TaggerFile>): TaggerTable {
  const names = t.features === '' ? [] : t.features.split('\n');
  const w = numbers(t.weights);
  const n = t.labels.length;
  if (w.length !== names.length * n) throw new Error('The tagger weights do not match its features.');
  const weights = new Map<string, Float32Array>();
  names.forEach((f, i) => weights.set(f, Float32Array.from(w.slice(i * n, i * n + n))));
  return { labels: t.labels, weights };
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
  return { checkWorthy, attribution: a ? { cue: tagger(a.cue), source: tagger(a.source), content: tagger(a.content) } : null };
}

/** Weights written with few digits: the file is a tenth of full precision's size and scores do not move. */
export function formatWeight(x: number): string {
  return Number(x.toPrecision(4)).toString();
}
