/**
 * The saved-page import over the real pages in data/pages/ (see data/README.md), against plain Readability
 * on the same pages: text F1 (score.ts), metadata hits against data/pages/truth.json, furniture leaks, time.
 */
import { existsSync, readdirSync, readFileSync, writeFileSync, mkdirSync } from 'node:fs';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { Readability } from '@mozilla/readability';
import { parseHTML } from 'linkedom';
import { articleFromPage, htmlSanitiser } from '../../electron/services/importers/html';
import { articleSchema } from '../../shared/doc/schema';
import { cleanByline, isoDay } from '../../shared/html/pageMeta';
import { decodeHtmlFile } from '../../shared/text/decodeHtml';
import { leaks, meanF1, scoreText, type PageScore } from './score';

type Truth = { published?: string; byline?: string; publisher?: string };
type MetaHits = { published: boolean | null; byline: boolean | null; publisher: boolean | null };

const PAGES = path.join('data', 'pages');
const truthFile = path.join(PAGES, 'truth.json');
const truths: Record<string, Truth> = existsSync(truthFile) ? (JSON.parse(readFileSync(truthFile, 'utf8')) as Record<string, Truth>) : {};

/** Text of an HTML fragment with a space at every tag, so words of adjacent blocks do not run together. */
function htmlText(html: string): string {
  const { document } = parseHTML(`<!DOCTYPE html><html><body>${html.replace(/</g, ' <')}</body></html>`);
  return document.body?.textContent ?? '';
}

/** The body as a reader sees it, captions in place (what Readability's expected.html holds). */
function bodyWithCaptions(json: unknown): string {
  const doc = articleSchema.nodeFromJSON(json);
  const out: string[] = [];
  doc.descendants((n) => {
    if (!n.isTextblock) return true;
    if (n.type.name !== 'title') out.push(n.textContent);
    return false;
  });
  return out.join('\n\n');
}

const key = (s: string) => s.toLowerCase().replace(/[^\p{L}\p{N}]+/gu, ' ').trim();
function hit(found: string, want: string | undefined, loose = false): boolean | null {
  if (want === undefined || want === '') return null;
  if (!found) return false;
  return loose ? key(found).includes(key(want)) || key(want).includes(key(found)) : key(found) === key(want);
}

type Row = {
  page: string;
  kb: number;
  ours: PageScore;
  plain: PageScore;
  oursMs: number;
  plainMs: number;
  oursMeta: MetaHits;
  plainMeta: MetaHits;
  oursLeaks: string[];
  plainLeaks: string[];
  error?: string;
};

async function main() {
  const coldStart = performance.now();
  await htmlSanitiser();
  const jsdomLoadMs = performance.now() - coldStart;
  const rows: Row[] = [];
  for (const page of readdirSync(PAGES).filter((p) => existsSync(path.join(PAGES, p, 'source.html'))).sort()) {
    const dir = path.join(PAGES, page);
    const bytes = new Uint8Array(readFileSync(path.join(dir, 'source.html')));
    const truthText = page.startsWith('aeb-') ? readFileSync(path.join(dir, 'expected.txt'), 'utf8') : htmlText(readFileSync(path.join(dir, 'expected.html'), 'utf8'));
    const truth = truths[page] ?? {};

    let t = performance.now();
    let oursText = '';
    let oursMeta: MetaHits = { published: hit('', truth.published), byline: hit('', truth.byline), publisher: hit('', truth.publisher) };
    let error: string | undefined;
    try {
      const a = await articleFromPage(bytes, `${page}.html`);
      oursText = page.startsWith('aeb-') ? a.text : bodyWithCaptions(a.doc);
      oursMeta = { published: hit(a.meta.publishedAt, truth.published), byline: hit(a.meta.byline, truth.byline), publisher: hit(a.meta.publisher, truth.publisher, true) };
    } catch (e) {
      error = (e as Error).message;
    }
    const oursMs = performance.now() - t;

    t = performance.now();
    const decoded = decodeHtmlFile(bytes, 'page.html');
    const { document } = parseHTML(decoded.ok ? decoded.text : '');
    const plain = new Readability(document as unknown as Document).parse();
    const plainMs = performance.now() - t;
    const plainText = htmlText(plain?.content ?? '');
    const plainMeta: MetaHits = {
      published: hit(isoDay(plain?.publishedTime ?? ''), truth.published),
      byline: hit(cleanByline(plain?.byline ?? ''), truth.byline),
      publisher: hit(plain?.siteName ?? '', truth.publisher, true),
    };
    rows.push({
      page,
      kb: Math.round(bytes.length / 1024),
      ours: scoreText(oursText, truthText),
      plain: scoreText(plainText, truthText),
      oursMs,
      plainMs,
      oursMeta,
      plainMeta,
      oursLeaks: leaks(oursText),
      plainLeaks: leaks(page.startsWith('aeb-') ? plainText : (plain?.textContent ?? '')),
      error,
    });
  }

  const f = (n: number) => n.toFixed(3);
  const ms = (n: number) => `${n.toFixed(0)} ms`;
  const rate = (rs: Row[], side: 'oursMeta' | 'plainMeta', field: keyof MetaHits) => {
    const known = rs.map((r) => r[side][field]).filter((v): v is boolean => v !== null);
    return known.length ? `${known.filter(Boolean).length}/${known.length}` : '—';
  };
  console.log('page                                  KB   F1 ours  F1 plain  date o/p  byline o/p  leaks o/p   ms ours  ms plain');
  for (const r of rows) {
    const m = (v: boolean | null) => (v === null ? '·' : v ? '✓' : '✗');
    console.log(
      `${r.page.padEnd(36)} ${String(r.kb).padStart(5)}   ${f(r.ours.f1)}   ${f(r.plain.f1)}     ${m(r.oursMeta.published)} ${m(r.plainMeta.published)}       ${m(r.oursMeta.byline)} ${m(r.plainMeta.byline)}       ${String(r.oursLeaks.length).padStart(2)} ${String(r.plainLeaks.length).padStart(2)}   ${ms(r.oursMs).padStart(8)}  ${ms(r.plainMs).padStart(8)}${r.error ? `  ERROR ${r.error}` : ''}`,
    );
  }
  const groups: [string, Row[]][] = [
    ['all 40', rows],
    ['aeb-* (human truth)', rows.filter((r) => r.page.startsWith('aeb-'))],
    ['readability-* (vs expected.html)', rows.filter((r) => r.page.startsWith('readability-'))],
  ];
  console.log('\n| pages | F1 ours (P / R) | F1 plain Readability (P / R) | published date ours / plain | byline ours / plain | publisher ours / plain | furniture leaks ours / plain |');
  console.log('| --- | --- | --- | --- | --- | --- | --- |');
  for (const [name, rs] of groups) {
    const o = meanF1(rs.map((r) => r.ours));
    const p = meanF1(rs.map((r) => r.plain));
    console.log(
      `| ${name} | ${f(o.f1)} (${f(o.precision)} / ${f(o.recall)}) | ${f(p.f1)} (${f(p.precision)} / ${f(p.recall)}) | ${rate(rs, 'oursMeta', 'published')} / ${rate(rs, 'plainMeta', 'published')} | ${rate(rs, 'oursMeta', 'byline')} / ${rate(rs, 'plainMeta', 'byline')} | ${rate(rs, 'oursMeta', 'publisher')} / ${rate(rs, 'plainMeta', 'publisher')} | ${rs.reduce((a, r) => a + r.oursLeaks.length, 0)} / ${rs.reduce((a, r) => a + r.plainLeaks.length, 0)} |`,
    );
  }
  const sorted = [...rows].sort((a, b) => b.kb - a.kb);
  const biggest = sorted[0]!;
  const times = rows.map((r) => r.oursMs).sort((a, b) => a - b);
  console.log(`\ntime per page (ours, jsdom already loaded): median ${ms(times[Math.floor(times.length / 2)]!)}, max ${ms(times.at(-1)!)}; largest page ${biggest.page} (${biggest.kb} KB): ${ms(biggest.oursMs)} (target < 500 ms)`);
  console.log(`loading jsdom for DOMPurify once, on the first import: ${ms(jsdomLoadMs)}`);
  console.log('\nworst pages by F1 (ours):');
  for (const r of [...rows].sort((a, b) => a.ours.f1 - b.ours.f1).slice(0, 5)) console.log(`  ${r.page}: ${f(r.ours.f1)} (P ${f(r.ours.precision)}, R ${f(r.ours.recall)}); plain ${f(r.plain.f1)}`);
  const leaked = rows.flatMap((r) => r.oursLeaks.map((l) => `  ${r.page}: ${l.slice(0, 100)}`));
  if (leaked.length) console.log(`\nleaks left (ours):\n${leaked.join('\n')}`);
  mkdirSync('bench-results', { recursive: true });
  writeFileSync(path.join('bench-results', 'bench-import.json'), JSON.stringify(rows, null, 1));
}

await main();
