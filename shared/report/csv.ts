/**
 * The claims table as CSV, for spreadsheets and scripts: one row per claim, placed claims in document
 * order then orphaned ones, after a header row of readable column names.
 *
 * Encoding: UTF-8 text that starts with a byte-order mark (U+FEFF) so Excel reads it as UTF-8, rows
 * ended by CRLF (the last one too), fields quoted as RFC 4180 says: a field holding a comma, a double
 * quote, CR or LF is put in double quotes and its double quotes are doubled. Line breaks inside a
 * field (a rationale, a quote) are kept as they are, inside the quotes.
 *
 * Formula injection: a spreadsheet runs a cell that starts with =, +, - or @ (and some also with a
 * tab or CR) as a formula, so a claim reading `=HYPERLINK(...)` would become a live link or worse.
 * Every field that starts with one of those characters gets a leading apostrophe (') before it is
 * quoted; spreadsheets show the text as typed and hide the apostrophe, while a script reading the file
 * sees it and can strip it. No numeric column can start with - (offsets and counts are never negative).
 *
 * Coded values are written as their readable labels (status "Needs second review", source kind "NGO
 * or monitor", attribution "Vague"); an orphaned claim has empty number, start and end. The last two
 * columns say how later versions of the article changed the claim ("Words changed", "Gone", "Moved")
 * and its words when first seen; both are empty for a claim no version changed.
 */
import { ATTRIBUTION_KIND_LABELS, SOURCE_KIND_LABELS, STATUS_LABELS } from '../schema/claim';
import { CARRY_OUTCOME_LABELS } from '../schema/version';
import type { ReportClaim, ReportModel } from './model';

/** Characters that make a spreadsheet treat a cell as a formula when they start it. */
const FORMULA_START = /^[=+\-@\t\r]/;

/** A field as a spreadsheet should see it: a leading formula character is defused with an apostrophe. */
export function neutraliseFormula(value: string): string {
  return FORMULA_START.test(value) ? `'${value}` : value;
}

/** One field, RFC 4180 quoted when it has to be. */
export function csvField(value: string): string {
  const safe = neutraliseFormula(value);
  return /[",\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

type Column = { header: string; value: (c: ReportClaim, m: ReportModel) => string | number | null };

/** How later versions changed the claim since the desk first saw it, if they did. */
const changeOf = (c: ReportClaim, m: ReportModel) => m.changes && [...m.changes.altered, ...m.changes.moved].find((ch) => ch.claimId === c.id);

const count = (c: ReportClaim, stance: 'supports' | 'refutes' | 'context') => c.data.verification.evidence.filter((e) => e.stance === stance).length;

/** The columns, in order. Exported so tests and docs name them from one place. */
export const CSV_COLUMNS: readonly Column[] = [
  { header: 'No.', value: (c) => c.number },
  { header: 'Claim ID', value: (c) => c.id },
  { header: 'Claim text', value: (c) => c.quote },
  { header: 'Orphaned', value: (c) => (c.orphaned ? 'yes' : 'no') },
  { header: 'Start', value: (c) => c.start },
  { header: 'End', value: (c) => c.end },
  { header: 'Status', value: (c) => STATUS_LABELS[c.data.verification.status] },
  { header: 'Verdict', value: (c) => c.data.verification.verdict },
  { header: 'Confidence', value: (c) => c.data.verification.confidence },
  { header: 'Source name', value: (c) => c.data.attribution.sourceName },
  { header: 'Source kind', value: (c) => SOURCE_KIND_LABELS[c.data.attribution.sourceKind] },
  { header: 'Attribution', value: (c) => ATTRIBUTION_KIND_LABELS[c.data.attribution.kind] },
  { header: 'Attribution cue', value: (c) => c.data.attribution.cue },
  { header: 'Traced URL', value: (c) => c.data.attribution.traced.url },
  { header: 'Traced title', value: (c) => c.data.attribution.traced.title },
  { header: 'Traced publisher', value: (c) => c.data.attribution.traced.publisher },
  { header: 'Traced date', value: (c) => c.data.attribution.traced.date },
  { header: 'Archived URL', value: (c) => c.data.attribution.traced.archivedUrl },
  { header: 'Rationale', value: (c) => c.data.verification.rationale },
  { header: 'Evidence count', value: (c) => c.data.verification.evidence.length },
  { header: 'Evidence URLs', value: (c) => c.data.verification.evidence.map((e) => e.url).join(' | ') },
  { header: 'Supports', value: (c) => count(c, 'supports') },
  { header: 'Refutes', value: (c) => count(c, 'refutes') },
  { header: 'Context', value: (c) => count(c, 'context') },
  { header: 'Comments', value: (c) => c.data.comments.length },
  { header: 'Created by', value: (c) => c.data.createdBy },
  { header: 'Created at', value: (c) => c.data.createdAt },
  { header: 'Updated by', value: (c) => c.data.updatedBy },
  { header: 'Updated at', value: (c) => c.data.updatedAt },
  { header: 'Article title', value: (_c, m) => m.article.meta.title },
  { header: 'Article URL', value: (_c, m) => m.article.meta.url },
  // Appended, so scripts that read the earlier columns by position keep working.
  {
    header: 'Changed since first seen',
    value: (c, m) => {
      const change = changeOf(c, m);
      return change ? CARRY_OUTCOME_LABELS[change.outcome] : '';
    },
  },
  { header: 'Words first seen', value: (c, m) => changeOf(c, m)?.firstWords ?? '' },
];

const row = (fields: readonly string[]) => fields.map(csvField).join(',') + '\r\n';

export function renderCsv(model: ReportModel): string {
  const lines = [row(CSV_COLUMNS.map((col) => col.header))];
  for (const claim of [...model.claims, ...model.orphaned]) {
    lines.push(row(CSV_COLUMNS.map((col) => {
      const v = col.value(claim, model);
      return v === null ? '' : String(v);
    })));
  }
  return '\uFEFF' + lines.join('');
}
