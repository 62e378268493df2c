/**
 * Export time: the HTML report (and the other formats, for information) of a generated 20,000-word
 * article with 500 claims, rendered as the app and CLI do it (renderExport on a real store), in Node.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { ExportFormat } from '../../shared/api';
import type { ArticleRecord } from '../../shared/schema/article';
import { noExchange } from '../../shared/schema/exchange';
import { renderExport } from '../../electron/services/exports';
import { openStore } from '../../electron/store/store';
import { generateArticle } from './article';
import { summarize as stats, type Summary } from './stats';

export type ExportBenchResult = { words: number; claims: number; runs: number; times: Partial<Record<ExportFormat, Summary>>; htmlBytes: number };

const FORMATS: ExportFormat[] = ['html', 'md', 'csv', 'claimreview', 'w3c', 'json'];

export async function runExportBench(sample: string, runs = 10): Promise<ExportBenchResult> {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'claimdesk-bench-export-'));
  const store = await openStore(dir, { app: 'bench' });
  try {
    const generated = generateArticle(sample, { id: 'bench-export-1', words: 20_000, claims: 500 });
    const article: ArticleRecord = generated.record;
    const times: Partial<Record<ExportFormat, Summary>> = {};
    let htmlBytes = 0;
    for (const format of FORMATS) {
      const samples: number[] = [];
      for (let i = 0; i < runs + 2; i++) {
        const t = performance.now();
        const result = await renderExport(article, format, { includeComments: true, includeAudit: false }, { store, pdf: null });
        if (i >= 2) samples.push(performance.now() - t);
        if (format === 'html') htmlBytes = result.content.length;
      }
      times[format] = stats(samples);
    }
    return { words: generated.words, claims: article.claims.length, runs, times, htmlBytes };
  } finally {
    store.close();
    rmSync(dir, { recursive: true, force: true });
  }
}
