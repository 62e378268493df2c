/**
 * Detection time (shared/detect, as `claimdesk detect` runs it) on the generated 20,000-word article, in
 * Node. The warm-up is reported apart: loading the shipped weights (parsing data/detect/model.json into
 * the tagger's tables, once per process) and the first detection (cold code). Then `runs` detections.
 */
import os from 'node:os';
import { docPlainText, countWords } from '../../shared/doc/plainText';
import { articleSchema } from '../../shared/doc/schema';
import { detect } from '../../shared/detect/detect';
import { shippedModel } from '../../shared/detect/shipped';
import { generateArticle } from './article';
import { summarize, type Summary } from './stats';

export type DetectBenchResult = {
  words: number;
  chars: number;
  claims: number;
  attributions: number;
  loadModel: number;
  firstRun: number;
  runs: number;
  times: Summary;
  /** The process's CPU time per run: on a machine shared with other work, wall time also counts the waiting. */
  cpuTimes: Summary;
  /** The 1-minute load average when it ran, and the CPUs it had. */
  load: number;
  cpus: number;
};

export function runDetectBench(sample: string, runs = 15): DetectBenchResult {
  const generated = generateArticle(sample, { id: 'bench-detect-1', words: 20_000, claims: 0 });
  const text = docPlainText(articleSchema.nodeFromJSON(generated.article.doc));
  let t = performance.now();
  const model = shippedModel();
  const loadModel = performance.now() - t;
  t = performance.now();
  const first = detect(text, model);
  const firstRun = performance.now() - t;
  const samples: number[] = [];
  const cpu: number[] = [];
  for (let i = 0; i < runs; i++) {
    t = performance.now();
    const c = process.cpuUsage();
    detect(text, model);
    const used = process.cpuUsage(c);
    samples.push(performance.now() - t);
    cpu.push((used.user + used.system) / 1000);
  }
  return {
    words: countWords(text),
    chars: text.length,
    claims: first.claims.length,
    attributions: first.attributions.filter((a) => a.strength !== 'none').length,
    loadModel,
    firstRun,
    runs,
    times: summarize(samples),
    cpuTimes: summarize(cpu),
    load: os.loadavg()[0] ?? 0,
    cpus: os.cpus().length,
  };
}
