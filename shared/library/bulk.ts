/** What the library does to several articles at once: delete (with undo) and export, one file per article in one .zip. */
import type { ExportFormat } from '../api';
import { EXPORT_FORMAT_LABELS } from '../report/formatLabels';

/** The formats the library exports in bulk, with the words the export dialog uses for them. */
export const LIBRARY_EXPORT_FORMATS = [
  { value: 'html', label: EXPORT_FORMAT_LABELS.html },
  { value: 'md', label: EXPORT_FORMAT_LABELS.md },
  { value: 'json', label: EXPORT_FORMAT_LABELS.json },
  { value: 'csv', label: EXPORT_FORMAT_LABELS.csv },
] as const satisfies readonly { value: ExportFormat; label: string }[];
export type LibraryExportFormat = (typeof LIBRARY_EXPORT_FORMATS)[number]['value'];
export const LIBRARY_EXPORT_VALUES = LIBRARY_EXPORT_FORMATS.map((f) => f.value) as [LibraryExportFormat, ...LibraryExportFormat[]];

/**
 * Articles deleted or restored in one go: each is a file moved and the index written (coalesced), so a
 * thousand take a few seconds; more is a mistake more often than a wish.
 */
export const MAX_BULK_ARTICLES = 1000;

/** One request's worth: enough for a week's desk, and a zip the response can carry (reports are ~100 KB). */
export const MAX_EXPORT_ARTICLES = 200;

/** `report.html`, `report-2.html`…: two articles with one headline must not overwrite each other in the zip. */
export function uniqueFileNames(names: readonly string[]): string[] {
  const used = new Set<string>();
  return names.map((name) => {
    const dot = name.indexOf('.');
    const [stem, ext] = dot > 0 ? [name.slice(0, dot), name.slice(dot)] : [name, ''];
    let candidate = name;
    for (let n = 2; used.has(candidate); n++) candidate = `${stem}-${n}${ext}`;
    used.add(candidate);
    return candidate;
  });
}

export function zipFileName(count: number, format: LibraryExportFormat): string {
  return `claimdesk-${count}-articles-${format}.zip`;
}
