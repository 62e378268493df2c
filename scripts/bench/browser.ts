/**
 * Drives the benchmark page in headless Chromium (Debian's, never a downloaded one): for each claim
 * count and each editor (real, bare), a fresh page opens the article a few times, then types real key
 * events (Playwright's keyboard, i.e. CDP Input.dispatchKeyEvent, which the browser handles like a person
 * typing: native text insertion, then ProseMirror's DOM observer turns it into a transaction).
 */
import { chromium, type Browser, type Page } from '@playwright/test';
import type { ArticleStats, EditorKind, KeySample, OpenTiming } from './protocol';
import { summarize, type Summary } from './stats';

export const CHROMIUM_ARGS = ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--headless'];

export type EditorBenchOptions = {
  pageUrl: string;
  claimCounts: number[];
  /** Opens per case after `warmupOpens` unmeasured ones (a fresh page compiles the editor code anew). */
  opens: number;
  warmupOpens: number;
  /** Places typed at (each a batch of `keysPerBatch` characters), after one unmeasured warm-up batch. */
  batches: number;
  keysPerBatch: number;
  /** ms between keydown and keyup of each key (Playwright's `delay`): a fast typist, and time for a frame. */
  keyDelayMs: number;
  autosaveRuns: number;
  log: (line: string) => void;
};

export type CaseResult = {
  claims: number;
  kind: EditorKind;
  article: ArticleStats;
  open: Summary;
  /** The first open in a fresh page, before the editor code is optimised. */
  coldOpen: number;
  elements: number;
  openParts: { state: number; view: number; layout: number; paint: number };
  firstFrame: Summary;
  keys: Summary;
  keysInClaims: Summary;
  keysOutsideClaims: Summary;
  /** Medians of the parts of a keystroke (see KeySample). */
  keyParts: { queued: number; browser: number; read: number; apply: number; update: number; layout: number };
  keysMissing: number;
  autosaveSerialisation: Summary | null;
};

const TYPED = 'the desk checked these words ok ';

function median(xs: number[]): number {
  return summarize(xs).median;
}

/** One editor (real or bare) in its own fresh page, collecting its measurements. */
type Session = {
  kind: EditorKind;
  page: Page;
  errors: string[];
  article: ArticleStats;
  opens: OpenTiming[];
  cold: OpenTiming | null;
  samples: KeySample[];
  missing: number;
};

async function startSession(browser: Browser, o: EditorBenchOptions, claims: number, kind: EditorKind): Promise<Session> {
  const page = await browser.newPage({ viewport: { width: 1440, height: 900 } });
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  await page.goto(o.pageUrl);
  // Cross-origin isolated pages get microsecond timers (see server.ts); others 0.1 ms steps.
  if (!(await page.evaluate(() => crossOriginIsolated))) o.log('  (warning: the page is not cross-origin isolated; timers are coarse)');
  const article = await page.evaluate((n) => window.bench.prepare(n), claims);
  return { kind, page, errors, article, opens: [], cold: null, samples: [], missing: 0 };
}

async function openOnce(s: Session, claims: number, measured: boolean): Promise<void> {
  const t = await s.page.evaluate(([k, n]) => window.bench.open(k, n), [s.kind, claims] as const);
  s.cold ??= t;
  if (measured) s.opens.push(t);
}

async function typeBatch(s: Session, o: EditorBenchOptions, pos: number, measured: boolean): Promise<void> {
  await s.page.evaluate((p) => window.bench.placeCursor(p), pos);
  await s.page.keyboard.type(TYPED.repeat(Math.ceil(o.keysPerBatch / TYPED.length)).slice(0, o.keysPerBatch), { delay: o.keyDelayMs });
  const taken = await s.page.evaluate(() => window.bench.takeKeys());
  if (!measured) return;
  s.samples.push(...taken.samples);
  s.missing += taken.keydowns - taken.samples.length;
}

function result(s: Session, claims: number, autosave: Summary | null): CaseResult {
  const { opens, samples } = s;
  return {
    claims,
    kind: s.kind,
    article: s.article,
    open: summarize(opens.map((t) => t.total)),
    coldOpen: s.cold?.total ?? Number.NaN,
    elements: s.cold?.elements ?? 0,
    openParts: {
      state: median(opens.map((t) => t.state)),
      view: median(opens.map((t) => t.view)),
      layout: median(opens.map((t) => t.layout)),
      paint: median(opens.map((t) => t.paint)),
    },
    firstFrame: summarize(opens.map((t) => t.firstFrame)),
    keys: summarize(samples.map((k) => k.total)),
    keysInClaims: summarize(samples.filter((k) => k.inClaim).map((k) => k.total)),
    keysOutsideClaims: summarize(samples.filter((k) => !k.inClaim).map((k) => k.total)),
    keyParts: {
      queued: median(samples.map((k) => k.queued)),
      browser: median(samples.map((k) => k.browser)),
      read: median(samples.map((k) => k.read)),
      apply: median(samples.map((k) => k.apply)),
      update: median(samples.map((k) => k.update)),
      layout: median(samples.map((k) => k.layout)),
    },
    keysMissing: s.missing,
    autosaveSerialisation: autosave,
  };
}

/**
 * Bare and real for one claim count, measured in alternation (an open of one, an open of the other; a
 * batch of keys in one, the same batch in the other), so a slow moment of the machine falls on both
 * and the ratios hold even when the absolute figures move.
 */
async function runPair(browser: Browser, o: EditorBenchOptions, claims: number): Promise<CaseResult[]> {
  const sessions = [await startSession(browser, o, claims, 'bare'), await startSession(browser, o, claims, 'real')];
  try {
    for (let i = 0; i < o.warmupOpens + o.opens; i++) for (const s of sessions) await openOnce(s, claims, i >= o.warmupOpens);
    // The same places in both: the text and its positions are the same, only the claims differ.
    const places = await sessions[1]!.page.evaluate(([n, count]) => window.bench.typingPositions(n, count), [claims, o.batches] as const);
    for (const [i, place] of places.entries()) for (const s of sessions) await typeBatch(s, o, place.pos, i > 0);
    const real = sessions[1]!;
    const autosave = summarize(await real.page.evaluate((runs) => window.bench.autosaveSerialisation(runs), o.autosaveRuns));
    const errors = sessions.flatMap((s) => s.errors);
    if (errors.length > 0) throw new Error(`The benchmark page failed: ${errors.join('; ')}`);
    return [result(sessions[0]!, claims, null), result(real, claims, autosave)];
  } finally {
    for (const s of sessions) await s.page.close();
  }
}

export async function runEditorBench(o: EditorBenchOptions): Promise<{ chromium: string; cases: CaseResult[] }> {
  const browser = await chromium.launch({ executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium', headless: true, args: CHROMIUM_ARGS });
  try {
    // Unmeasured: the browser's first pages pay for starting up, fonts and caches; no case should.
    o.log('  editor: warming up…');
    await runPair(browser, { ...o, opens: 1, warmupOpens: 0, batches: 1 }, o.claimCounts[1] ?? 0);
    const results: CaseResult[] = [];
    for (const claims of o.claimCounts) {
      o.log(`  editor: ${claims} claims, bare and real…`);
      results.push(...(await runPair(browser, o, claims)));
    }
    return { chromium: browser.version(), cases: results };
  } finally {
    await browser.close();
  }
}
