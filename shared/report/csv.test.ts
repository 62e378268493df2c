import { parse } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import { DEFAULT_RATING_SCALE } from '../schema/claim';
import { CSV_COLUMNS, csvField, neutraliseFormula, renderCsv } from './csv';
import { buildReportModel, type ReportModel } from './model';
import { annotatedSample, STEALTH_EDITS, versionedSample } from './testing';

const ctx = { scale: DEFAULT_RATING_SCALE, deskName: 'Verification Desk', generatedBy: 'Ana Reviewer', generatedAt: '2026-11-28T10:00:00.000Z' };
const model = () => buildReportModel(annotatedSample(), ctx);

/** Parses with csv-parse (an independent RFC 4180 reader), BOM handled, no trimming or casting. */
function readBack(csv: string): string[][] {
  return parse(csv, { bom: true, relax_column_count: false, skip_empty_lines: false }) as string[][];
}

const col = (header: string) => CSV_COLUMNS.findIndex((c) => c.header === header);

describe('renderCsv', () => {
  it('starts with a BOM, ends every row with CRLF and has a readable header row', () => {
    const csv = renderCsv(model());
    expect(csv.startsWith('\uFEFF')).toBe(true);
    expect(csv.endsWith('\r\n')).toBe(true);
    // No bare LF outside quoted fields: the sample has none inside fields, so every LF follows a CR.
    expect(csv.replace(/\r\n/g, '')).not.toMatch(/[\r\n]/);
    const rows = readBack(csv);
    expect(rows[0]).toEqual(CSV_COLUMNS.map((c) => c.header));
    expect(rows[0]).toContain('Claim text');
    expect(rows[0]).toContain('Evidence URLs');
    expect(rows[0]).toHaveLength(33);
  });

  it('writes one row per claim: placed in document order, then orphaned', () => {
    const m = model();
    const rows = readBack(renderCsv(m)).slice(1);
    expect(rows.map((r) => r[col('Claim ID')])).toEqual(['claim-vague', 'claim-named', 'claim-none', 'claim-orphan']);
    expect(rows.map((r) => r[col('No.')])).toEqual(['1', '2', '3', '']);
    expect(rows.map((r) => r[col('Orphaned')])).toEqual(['no', 'no', 'no', 'yes']);
    const orphan = rows[3]!;
    expect([orphan[col('Start')], orphan[col('End')]]).toEqual(['', '']);
    for (const [i, r] of rows.slice(0, 3).entries()) {
      const c = m.claims[i]!;
      expect(r[col('Start')]).toBe(String(c.start));
      expect(r[col('End')]).toBe(String(c.end));
      expect(r[col('Claim text')]).toBe(c.quote);
      expect(r[col('Article title')]).toBe(m.article.meta.title);
      expect(r[col('Article URL')]).toBe('https://example.org/tartous');
    }
  });

  it('fills the attribution, verification, evidence and audit columns', () => {
    const rows = readBack(renderCsv(model())).slice(1);
    const named = rows[1]!;
    expect(named[col('Status')]).toBe('Done');
    expect(named[col('Verdict')]).toBe('Mostly true');
    expect(named[col('Confidence')]).toBe('medium');
    expect(named[col('Source name')]).toBe('Syrian Observatory for Human Rights');
    expect(named[col('Source kind')]).toBe('NGO or monitor');
    expect(named[col('Attribution')]).toBe('Named');
    expect(named[col('Attribution cue')]).toBe('reported');
    expect(named[col('Traced URL')]).toBe('https://www.syriahr.com/en/');
    expect(named[col('Traced date')]).toBe('2024-12-26');
    expect(named[col('Rationale')]).toBe('SOHR reported three gunmen killed; no independent count.');
    expect(named[col('Evidence count')]).toBe('1');
    expect(named[col('Evidence URLs')]).toBe('https://www.syriahr.com/en/352000/');
    expect([named[col('Supports')], named[col('Refutes')], named[col('Context')]]).toEqual(['1', '0', '0']);
    expect(named[col('Comments')]).toBe('1');
    expect(named[col('Created by')]).toBe('Ana Reviewer');
    expect(named[col('Updated by')]).toBe('Ben Second');
    expect(named[col('Created at')]).toBe('2026-11-28T09:00:00.000Z');
    const vague = rows[0]!;
    expect(vague[col('Status')]).toBe('In progress');
    expect(vague[col('Attribution')]).toBe('Vague');
    expect(vague[col('Confidence')]).toBe('');
    const orphan = rows[3]!;
    expect(orphan[col('Verdict')]).toBe('');
    expect(orphan[col('Status')]).toBe('Unreviewed');
  });

  it('round-trips tricky values through an RFC 4180 reader', () => {
    const tricky = {
      quote: 'He said "no", then left',
      rationale: 'Line one,\r\nline two\nline three "quoted"',
      cue: 'according to «الجزيرة» — עברית',
      sourceName: 'Ünïcödé 🧪 Agency, Ltd.',
      title: 'Comma, "quote" and\nnewline',
    };
    const m: ReportModel = model();
    const c = m.claims[0]!;
    m.claims[0] = {
      ...c,
      quote: tricky.quote,
      data: {
        ...c.data,
        attribution: { ...c.data.attribution, sourceName: tricky.sourceName, cue: tricky.cue },
        verification: {
          ...c.data.verification,
          rationale: tricky.rationale,
          evidence: [
            { id: 'ev-a0001', url: 'https://a.example/x?y=1,2', title: '', publisher: '', accessedAt: '', quote: '', stance: 'refutes' },
            { id: 'ev-a0002', url: 'https://b.example/', title: '', publisher: '', accessedAt: '', quote: '', stance: 'context' },
          ],
        },
      },
    };
    m.article = { ...m.article, meta: { ...m.article.meta, title: tricky.title } };
    const rows = readBack(renderCsv(m));
    expect(rows).toHaveLength(5);
    for (const r of rows) expect(r).toHaveLength(CSV_COLUMNS.length);
    const r = rows[1]!;
    expect(r[col('Claim text')]).toBe(tricky.quote);
    expect(r[col('Rationale')]).toBe(tricky.rationale);
    expect(r[col('Attribution cue')]).toBe(tricky.cue);
    expect(r[col('Source name')]).toBe(tricky.sourceName);
    expect(r[col('Article title')]).toBe(tricky.title);
    expect(r[col('Evidence URLs')]).toBe('https://a.example/x?y=1,2 | https://b.example/');
    expect([r[col('Supports')], r[col('Refutes')], r[col('Context')]]).toEqual(['0', '1', '1']);
  });

  it('neutralises spreadsheet formulas with a leading apostrophe', () => {
    const m: ReportModel = model();
    const c = m.claims[0]!;
    const formulas = ['=HYPERLINK("http://evil.example","click")', '+1+1', '-2+3', '@SUM(A1:A2)', '\tTab start', '\rCR start'];
    m.claims = formulas.map((quote, i) => ({ ...c, id: `claim-f${i}xx`, quote }));
    m.orphaned = [];
    const rows = readBack(renderCsv(m)).slice(1);
    expect(rows.map((r) => r[col('Claim text')])).toEqual(formulas.map((f) => `'${f}`));
    // Ordinary text, and a formula character that is not first, are left alone.
    expect(neutraliseFormula('a=b')).toBe('a=b');
    expect(neutraliseFormula(' =x')).toBe(' =x');
    expect(neutraliseFormula('')).toBe('');
  });

  it('quotes only the fields that need it, doubling inner quotes', () => {
    expect(csvField('plain')).toBe('plain');
    expect(csvField('a,b')).toBe('"a,b"');
    expect(csvField('say "hi"')).toBe('"say ""hi"""');
    expect(csvField('two\nlines')).toBe('"two\nlines"');
    expect(csvField('cr\rhere')).toBe('"cr\rhere"');
    expect(csvField('=1,2')).toBe(`"'=1,2"`);
    expect(csvField('مرحبا')).toBe('مرحبا');
  });

  it('writes only the header for an article without claims', () => {
    const m = model();
    m.claims = [];
    m.orphaned = [];
    const csv = renderCsv(m);
    expect(readBack(csv)).toHaveLength(1);
    expect(csv.split('\r\n')).toHaveLength(2);
  });
});

describe('the version columns', () => {
  it('say how later versions changed each claim, with its words when first seen', () => {
    const rows = readBack(renderCsv(buildReportModel(versionedSample(STEALTH_EDITS), ctx))).slice(1);
    const byId = Object.fromEntries(rows.map((r) => [r[col('Claim ID')], [r[col('Changed since first seen')], r[col('Words first seen')]]]));
    expect(byId['claim-named']).toEqual(['Words changed', 'three unidentified “armed men” lost their lives during the clashes']);
    expect(byId['claim-vague']).toEqual(['Gone', 'ten additional troops sustained injuries during the clashes on Tuesday']);
    expect(byId['claim-none']).toEqual(['', '']);
    expect(readBack(renderCsv(model())).slice(1).map((r) => r[col('Changed since first seen')])).toEqual(['', '', '', '']);
  });
});
