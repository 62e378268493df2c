/**
 * The HTML reports of the sample article, validated with the Nu HTML Checker (the `vnu-jar` package,
 * run with the `java` on PATH). Errors fail the test; warnings are printed. Skipped only when there is no
 * `java` (CI has one). The hostile reports are validated in ./hostile.test.ts.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { DEFAULT_RATING_SCALE } from '../schema/claim';
import { renderHtmlReport } from './html';
import { buildReportModel } from './model';
import { annotatedSample, STEALTH_EDITS, versionedSample } from './testing';

type VnuMessage = { type: string; subType?: string; url?: string; lastLine?: number; message: string; extract?: string };

const hasJava = spawnSync('java', ['-version']).status === 0;
if (!hasJava) console.warn('vnu.test.ts: `java` is not on PATH, so the Nu HTML Checker tests are skipped.');

const ctx = { scale: DEFAULT_RATING_SCALE, deskName: 'Verification Desk', generatedBy: 'Ana Reviewer', generatedAt: '2026-11-28T10:00:00.000Z' };

describe('Nu HTML Checker', () => {
  it.skipIf(!hasJava)(
    'finds 0 errors in the sample reports (with and without comments and audit)',
    () => {
      const jar = String(createRequire(import.meta.url)('vnu-jar'));
      const dir = mkdtempSync(join(tmpdir(), 'claimdesk-vnu-'));
      try {
        const variants = [
          { includeComments: true, includeAudit: false },
          { includeComments: false, includeAudit: false },
          { includeComments: true, includeAudit: true },
          { includeComments: false, includeAudit: true },
        ];
        const files = variants.map((options) => {
          const file = join(dir, `report-comments-${options.includeComments}-audit-${options.includeAudit}.html`);
          writeFileSync(file, renderHtmlReport(buildReportModel(annotatedSample(), ctx, options)));
          return file;
        });
        // A desk that has set no name and a reviewer who has not either.
        const unnamed = join(dir, 'report-no-desk-no-reviewer.html');
        writeFileSync(unnamed, renderHtmlReport(buildReportModel(annotatedSample(), { ...ctx, deskName: '', generatedBy: '' })));
        files.push(unnamed);
        // An article with three versions: the changes since first seen.
        const versioned = join(dir, 'report-three-versions.html');
        writeFileSync(versioned, renderHtmlReport(buildReportModel(versionedSample(STEALTH_EDITS), ctx, { includeComments: true, includeAudit: true })));
        files.push(versioned);
        const run = spawnSync('java', ['-jar', jar, '--format', 'json', '--stdout', ...files], { encoding: 'utf8', maxBuffer: 16 * 1024 * 1024 });
        expect(run.error).toBeUndefined();
        const messages = (JSON.parse(run.stdout) as { messages: VnuMessage[] }).messages;
        const describeMessage = (m: VnuMessage) => `${m.url?.split('/').pop()}:${m.lastLine ?? '?'} ${m.message} ${JSON.stringify(m.extract ?? '')}`;
        const warnings = messages.filter((m) => m.type !== 'error' && m.subType !== 'fatal');
        if (warnings.length) console.info(`Nu HTML Checker warnings:\n${warnings.map(describeMessage).join('\n')}`);
        else console.info(`Nu HTML Checker: ${files.length} reports, 0 errors, 0 warnings.`);
        expect(messages.filter((m) => m.type === 'error' || m.subType === 'fatal').map(describeMessage)).toEqual([]);
      } finally {
        rmSync(dir, { recursive: true, force: true });
      }
    },
    120_000,
  );
});
