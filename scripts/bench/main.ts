/**
 * `npm run bench`: editor open and keystroke latency in headless Chromium (real editor vs bare
 * ProseMirror, 0 / 500 / 5,000 claims on a 20,000-word article), the autosave serialisation on the
 * main thread, and autosave time for stores of 10 and 2,000 articles. Prints each figure, the ratios
 * and PASS/FAIL against the targets, and writes bench-results/bench.json.
 * A benchmark, not a test: it exits 0 whatever the figures (non-zero only if it could not run).
 */
import { readFileSync, writeFileSync, mkdirSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { runAutosaveBench, type AutosaveResult } from './autosave';
import { runExportBench, type ExportBenchResult } from './exportBench';
import { runDetectBench, type DetectBenchResult } from './detectBench';
import { runVersionsBench, type VersionsBenchResult } from './versionsBench';
import { runEditorBench, type CaseResult } from './browser';
import { servePage } from './server';
import type { Summary } from './stats';

export type MainOptions = { root: string; pageDir: string; only?: 'detect' | 'versions' };

const CLAIM_COUNTS = [0, 500, 5_000];
const STORE_SIZES = [10, 2_000];

const KEY_METHOD =
  'real key events: Playwright page.keyboard.type (CDP Input.dispatchKeyEvent; the browser inserts the text and ' +
  "ProseMirror's DOM observer dispatches the transaction), timed in the page from the keydown event's timestamp " +
  'to the end of dispatchTransaction (state.apply + view.updateState, as in ArticleEditor.tsx) plus a forced layout read';

type Target = { label: string; value: string; pass: boolean | null };

const ms = (x: number) => (Number.isFinite(x) ? x.toFixed(x < 10 ? 2 : 1) : '-');
const ratio = (a: number, b: number) => a / b;
const x = (r: number) => (Number.isFinite(r) ? `${r.toFixed(2)}x` : '-');
const pad = (s: string, n: number) => s.padStart(n);
const padEnd = (s: string, n: number) => s.padEnd(n);

function find(cases: CaseResult[], claims: number, kind: 'real' | 'bare'): CaseResult {
  const c = cases.find((r) => r.claims === claims && r.kind === kind);
  if (!c) throw new Error(`No result for ${claims} claims, ${kind}.`);
  return c;
}

/** A column of a per-case table: its heading, width, cell, and optionally a real/bare ratio cell. */
type Column = { head: string; width: number; cell: (c: CaseResult) => string; ratio?: (real: CaseResult, bare: CaseResult) => number };

/** One table: for each claim count a bare row, a real row and a real/bare ratio row. */
function caseTable(cases: CaseResult[], columns: Column[]): string[] {
  const row = (cells: string[]) => [padEnd(cells[0] ?? '', 7), padEnd(cells[1] ?? '', 10), ...columns.map((col, i) => pad(cells[i + 2] ?? '', col.width))].join(' ');
  const head = row(['claims', 'editor', ...columns.map((c) => c.head)]);
  const lines = [head, '-'.repeat(head.length)];
  for (const claims of CLAIM_COUNTS) {
    const bare = find(cases, claims, 'bare');
    const real = find(cases, claims, 'real');
    lines.push(row([claims.toLocaleString('en'), 'bare', ...columns.map((c) => c.cell(bare))]));
    lines.push(row(['', 'real', ...columns.map((c) => c.cell(real))]));
    lines.push(row(['', 'real/bare', ...columns.map((c) => (c.ratio ? x(c.ratio(real, bare)) : ''))]));
  }
  return lines;
}

function openTable(cases: CaseResult[]): string[] {
  const r = (f: (c: CaseResult) => number) => (real: CaseResult, bare: CaseResult) => ratio(f(real), f(bare));
  return caseTable(cases, [
    { head: 'open', width: 8, cell: (c) => ms(c.open.median), ratio: r((c) => c.open.median) },
    { head: 'p95', width: 7, cell: (c) => ms(c.open.p95) },
    { head: 'state', width: 7, cell: (c) => ms(c.openParts.state), ratio: r((c) => c.openParts.state) },
    { head: 'view', width: 7, cell: (c) => ms(c.openParts.view), ratio: r((c) => c.openParts.view) },
    { head: 'layout', width: 7, cell: (c) => ms(c.openParts.layout), ratio: r((c) => c.openParts.layout) },
    { head: 'paint', width: 7, cell: (c) => ms(c.openParts.paint), ratio: r((c) => c.openParts.paint) },
    { head: '1st frame', width: 10, cell: (c) => ms(c.firstFrame.median), ratio: r((c) => c.firstFrame.median) },
    { head: 'cold open', width: 10, cell: (c) => ms(c.coldOpen), ratio: r((c) => c.coldOpen) },
    { head: 'DOM elements', width: 13, cell: (c) => c.elements.toLocaleString('en'), ratio: r((c) => c.elements) },
  ]);
}

function keyTable(cases: CaseResult[]): string[] {
  const r = (f: (c: CaseResult) => number) => (real: CaseResult, bare: CaseResult) => ratio(f(real), f(bare));
  const withN = (s: Summary) => (s.n > 0 ? `${ms(s.median)} (${s.n})` : '-');
  return caseTable(cases, [
    { head: 'median', width: 8, cell: (c) => ms(c.keys.median), ratio: r((c) => c.keys.median) },
    { head: 'p95', width: 7, cell: (c) => ms(c.keys.p95), ratio: r((c) => c.keys.p95) },
    { head: 'max', width: 7, cell: (c) => ms(c.keys.max) },
    { head: 'median in claims (n)', width: 21, cell: (c) => withN(c.keysInClaims) },
    { head: 'median outside (n)', width: 19, cell: (c) => withN(c.keysOutsideClaims) },
    { head: 'autosave ser.', width: 14, cell: (c) => (c.autosaveSerialisation ? ms(c.autosaveSerialisation.median) : '-') },
  ]);
}

function keyPartsTable(cases: CaseResult[]): string[] {
  const lines = [
    'Where a keystroke goes (median of each part, ms): queued = event timestamp to keydown listener; browser = keydown to',
    "'input' (keymaps, native text insertion and its layout); read = 'input' to dispatch (ProseMirror's DOM observer, parse,",
    'input rules); apply = state.apply (plugins); update = view.updateState (DOM redraw); layout = forced layout read.',
  ];
  for (const c of cases) {
    const p = c.keyParts;
    lines.push(
      `  ${pad(c.claims.toLocaleString('en'), 5)} claims ${padEnd(c.kind, 4)}  queued ${pad(ms(p.queued), 6)}  browser ${pad(ms(p.browser), 6)}  read ${pad(ms(p.read), 6)}  apply ${pad(ms(p.apply), 6)}  update ${pad(ms(p.update), 6)}  layout ${pad(ms(p.layout), 6)}` +
        (c.keysMissing > 0 ? `  (${c.keysMissing} keydowns without a transaction)` : ''),
    );
  }
  return lines;
}

function autosaveLines(results: AutosaveResult[]): string[] {
  const lines: string[] = [];
  const row = (label: string, s: Summary) => `${padEnd(label, 34)} median ${pad(ms(s.median), 7)} ms   p95 ${pad(ms(s.p95), 7)} ms   (n=${s.n})`;
  for (const r of results) {
    lines.push(`Store of ${r.articles.toLocaleString('en')} articles (index.json ${(r.indexBytes / 1024).toFixed(0)} KB):`);
    lines.push(`  ${row('edit, same word count (file only)', r.sameWordCount)}`);
    lines.push(`  ${row('edit, new word count (+ index)', r.newWordCount)}`);
    lines.push(`  ${row('all saves', r.all)}`);
  }
  return lines;
}

/** Detection of 20,000 words under 200 ms after warm-up (issue #13), judged on the median. */
function detectTarget(d: DetectBenchResult): Target {
  return { label: 'detect 20,000 words under 200 ms after warm-up', value: `${ms(d.times.median)} ms (p95 ${ms(d.times.p95)} ms)`, pass: d.times.median < 200 };
}

function detectLines(d: DetectBenchResult): string[] {
  return [
    `Detection (Node, shared/detect as \`claimdesk detect\` runs it) of a ${d.words.toLocaleString('en')}-word article (${d.chars.toLocaleString('en')} characters): ${d.claims} claims, ${d.attributions} attributed:`,
    `  warm-up: loading the weights ${ms(d.loadModel)} ms, first detection ${ms(d.firstRun)} ms`,
    `  after warm-up, ${d.runs} runs: median ${ms(d.times.median)} ms   p95 ${ms(d.times.p95)} ms   min ${ms(d.times.min)} ms`,
    `  CPU time per run: median ${ms(d.cpuTimes.median)} ms (load average ${d.load.toFixed(1)} on ${d.cpus} CPUs: wall time above CPU time is waiting for a core)`,
  ];
}

/** Diff of two 20,000-word versions and carrying 500 claims onto the new one under 100 ms together (issue #14), judged on the median. */
function versionsTarget(v: VersionsBenchResult): Target {
  return { label: 'diff 2 x 20,000 words + carry 500 claims under 100 ms', value: `${ms(v.total.median)} ms (p95 ${ms(v.total.p95)} ms)`, pass: v.total.median < 100 };
}

function versionsLines(v: VersionsBenchResult): string[] {
  const o = v.outcomes;
  return [
    `Versions (Node, shared/versions): ${v.words[0].toLocaleString('en')}-word version 1 with ${v.claims} claims -> version 2 (${v.words[1].toLocaleString('en')} words; ${v.edits.join(', ')}): ${v.changes} changes; claims ${o.unchanged} unchanged, ${o.moved} moved, ${o.changed} changed, ${o.gone} gone:`,
    `  warm-up (first run): diff ${ms(v.firstRun.diff)} ms, carry ${ms(v.firstRun.carry)} ms`,
    `  after warm-up, ${v.runs} runs: diff + carry median ${ms(v.total.median)} ms   p95 ${ms(v.total.p95)} ms   (diff median ${ms(v.diff.median)} / p95 ${ms(v.diff.p95)}, carry median ${ms(v.carry.median)} / p95 ${ms(v.carry.p95)})`,
    `  a "new version" that is another text (every paragraph's words reversed), 5 runs: diff median ${ms(v.unrelated.diff.median)} ms, carry median ${ms(v.unrelated.carry.median)} ms, ${v.unrelated.gone} of ${v.claims} claims gone`,
    `  CPU time of diff + carry: median ${ms(v.cpu.median)} ms, p95 ${ms(v.cpu.p95)} ms (load average ${v.load.toFixed(1)} on ${v.cpus} CPUs: wall time above CPU time is waiting for a core)`,
  ];
}

function targets(cases: CaseResult[], autosave: AutosaveResult[], exported: ExportBenchResult, detected: DetectBenchResult, versions: VersionsBenchResult): Target[] {
  const out: Target[] = [];
  const bare = find(cases, 500, 'bare');
  const real = find(cases, 500, 'real');
  const openR = ratio(real.open.median, bare.open.median);
  const keyR = ratio(real.keys.median, bare.keys.median);
  out.push({ label: '500 claims: open within 1.25x of bare ProseMirror', value: `${ms(real.open.median)} vs ${ms(bare.open.median)} ms = ${x(openR)}`, pass: openR <= 1.25 });
  out.push({ label: '500 claims: keystroke (median) within 1.25x of bare', value: `${ms(real.keys.median)} vs ${ms(bare.keys.median)} ms = ${x(keyR)}`, pass: keyR <= 1.25 });
  out.push({ label: '500 claims: keystroke p95 under 16 ms', value: `${ms(real.keys.p95)} ms (bare ${ms(bare.keys.p95)} ms)`, pass: real.keys.p95 < 16 });
  const big = find(cases, 5_000, 'real');
  const bigBare = find(cases, 5_000, 'bare');
  out.push({
    label: '5,000 claims: still usable (figures only)',
    value: `open ${ms(big.open.median)} ms (${x(ratio(big.open.median, bigBare.open.median))}), keystroke median ${ms(big.keys.median)} / p95 ${ms(big.keys.p95)} ms (${x(ratio(big.keys.median, bigBare.keys.median))} / ${x(ratio(big.keys.p95, bigBare.keys.p95))})`,
    pass: null,
  });
  const small = autosave.find((a) => a.articles === 10);
  const large = autosave.find((a) => a.articles === 2_000);
  if (small && large) {
    for (const [label, key] of [
      ['same word count', 'sameWordCount'],
      ['new word count', 'newWordCount'],
    ] as const) {
      const r = ratio(large[key].median, small[key].median);
      out.push({ label: `autosave at 2,000 articles within 2x of 10 (${label})`, value: `${ms(large[key].median)} vs ${ms(small[key].median)} ms = ${x(r)}`, pass: r <= 2 });
    }
  }
  const html = exported.times.html;
  if (html) out.push({ label: 'export of 20,000 words with 500 claims to HTML under 1 s', value: `${ms(html.median)} ms (p95 ${ms(html.p95)} ms)`, pass: html.p95 < 1000 });
  out.push(detectTarget(detected));
  out.push(versionsTarget(versions));
  return out;
}

function exportLines(r: ExportBenchResult): string[] {
  const lines = [`Export (Node, renderExport as the app and CLI call it) of a ${r.words.toLocaleString('en')}-word article with ${r.claims} claims, ${r.runs} runs each after 2 warm-up runs:`];
  for (const [format, s] of Object.entries(r.times)) lines.push(`  ${padEnd(format, 12)} median ${pad(ms(s.median), 8)} ms   p95 ${pad(ms(s.p95), 8)} ms`);
  lines.push(`  (the HTML report is ${(r.htmlBytes / 1024).toFixed(0)} KB)`);
  return lines;
}

export async function main({ root, pageDir, only }: MainOptions): Promise<void> {
  const log = (line: string) => process.stderr.write(`${line}\n`);
  const sample = readFileSync(path.join(root, 'data', 'tartous-ambush.txt'), 'utf8');
  const started = new Date();
  if (only === 'detect') {
    const d = runDetectBench(sample);
    const t = detectTarget(d);
    process.stdout.write(`${[...detectLines(d), `  ${t.pass ? 'PASS' : 'FAIL'}  ${t.label}: ${t.value}`].join('\n')}\n`);
    return;
  }
  if (only === 'versions') {
    const v = runVersionsBench(sample);
    const t = versionsTarget(v);
    process.stdout.write(`${[...versionsLines(v), `  ${t.pass ? 'PASS' : 'FAIL'}  ${t.label}: ${t.value}`].join('\n')}\n`);
    return;
  }

  log('Running the editor benchmark in headless Chromium…');
  const server = await servePage(pageDir);
  const editorOptions = { pageUrl: server.url, claimCounts: CLAIM_COUNTS, opens: 15, warmupOpens: 3, batches: 10, keysPerBatch: 30, keyDelayMs: 25, autosaveRuns: 10, log };
  const { chromium, cases } = await runEditorBench(editorOptions).finally(() => server.close());
  log('Running the autosave benchmark…');
  const autosaveOptions = { sample, storeSizes: STORE_SIZES, savesPerKind: 40, warmup: 3, log };
  const autosave = await runAutosaveBench(autosaveOptions);
  log('Running the export benchmark…');
  const exported = await runExportBench(sample);
  log('Running the detection benchmark…');
  const detected = runDetectBench(sample);
  log('Running the versions benchmark…');
  const versions = runVersionsBench(sample);

  const article = cases[0]?.article;
  const goals = targets(cases, autosave, exported, detected, versions);
  const out: string[] = [];
  out.push('Claimdesk benchmark: a benchmark, not a test. It always exits 0; PASS/FAIL only compares the figures with the targets.');
  out.push(`Machine: ${os.cpus().length} CPU(s) (${os.cpus()[0]?.model.trim() ?? 'unknown'}), Node ${process.version}, Chromium ${chromium} headless, viewport 1440x900.`);
  if (article) {
    out.push(`Article: ${article.words.toLocaleString('en')} words in ${article.paragraphs} paragraphs (numbered copies of data/tartous-ambush.txt), doc size ${article.docSize.toLocaleString('en')}.`);
  }
  out.push('Bare = the same text in an EditorView with only history() and keymap(baseKeymap), no claims; real = openArticle() (anchoring the stored claims, claims plugin drawing them as CSS highlights, editorPlugins()).');
  out.push(
    `Open: median of ${editorOptions.opens} opens after ${editorOptions.warmupOpens} warm-up opens in the same page. open = the work: state (building the ` +
      'EditorState) + view (new EditorView) + layout (first forced layout) + paint (the first frame, from its animation frame callback to the task ' +
      'after it); 1st frame = wall time to after that frame, which also waits for vsync, so it moves in whole frames; cold open = the first open in a fresh page.',
  );
  out.push('Bare and real are measured in alternation (open by open, batch of keys by batch), each in its own page.');
  out.push(`Keystroke: ${editorOptions.batches * editorOptions.keysPerBatch} keys per case (${editorOptions.batches} places in the middle of the article, ${editorOptions.keysPerBatch} keys each, after ${editorOptions.keysPerBatch} warm-up keys), ${editorOptions.keyDelayMs} ms key hold.`);
  out.push(`Keystroke method: ${KEY_METHOD}.`);
  out.push(`Autosave ser. = main-thread snapshotForSave + JSON.stringify of the save request in the real editor, median of ${editorOptions.autosaveRuns} runs.`);
  out.push('All times in ms.');
  out.push('');
  out.push('Open (ms):');
  out.push(...openTable(cases));
  out.push('');
  out.push('Keystroke latency (ms):');
  out.push(...keyTable(cases));
  out.push('');
  out.push(...keyPartsTable(cases));
  out.push('');
  out.push(
    "Autosave (Node): real 'saveArticle' dispatches (validation, claim checks, audit, durable write) of a ~1,000-word article with a few claims, " +
      `${autosaveOptions.savesPerKind} of each kind per store after ${autosaveOptions.warmup} warm-up rounds, alternating between the stores:`,
  );
  out.push(...autosaveLines(autosave));
  out.push('');
  out.push(...exportLines(exported));
  out.push('');
  out.push(...detectLines(detected));
  out.push('');
  out.push(...versionsLines(versions));
  out.push('');
  out.push('Targets:');
  for (const t of goals) out.push(`  ${t.pass === null ? 'INFO' : t.pass ? 'PASS' : 'FAIL'}  ${padEnd(t.label, 58)} ${t.value}`);

  const resultsDir = path.join(root, 'bench-results');
  mkdirSync(resultsDir, { recursive: true });
  const { log: _log, pageUrl: _url, ...recorded } = editorOptions;
  const json = {
    startedAt: started.toISOString(),
    machine: { cpus: os.cpus().length, cpuModel: os.cpus()[0]?.model ?? '', node: process.version, chromium },
    keystrokeMethod: KEY_METHOD,
    options: recorded,
    article,
    editor: cases,
    autosave,
    export: exported,
    detect: detected,
    versions,
    targets: goals,
  };
  writeFileSync(path.join(resultsDir, 'bench.json'), `${JSON.stringify(json, null, 2)}\n`);
  out.push('');
  out.push(`Figures written to ${path.relative(process.cwd(), path.join(resultsDir, 'bench.json')) || 'bench-results/bench.json'}.`);
  process.stdout.write(`${out.join('\n')}\n`);
}
