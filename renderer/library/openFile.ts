/** One way in for a file the user picked or dropped: an article to import, or a teammate's review bundle. */
import type { ImportResult, Response } from '../../shared/api';
import { BUNDLE_EXTENSION, MAX_BUNDLE_BYTES } from '../../shared/bundle/bundle';
import { formatBytes } from '../../shared/limits';
import { client } from '../api';
import { readFileForImport, toBase64 } from './readFile';
import { sendImport, type ImportRequest } from '../versions/importRequest';

export type BundleOpened = Response<'openBundle'>;
/** `request`: the import as sent, to send again as a version or a new article when the result asks. */
export type Opened = { kind: 'imported'; result: ImportResult; request: ImportRequest } | { kind: 'bundle'; result: BundleOpened };

export function isBundle(name: string): boolean {
  return name.toLowerCase().endsWith(BUNDLE_EXTENSION);
}

export async function openFile(file: File): Promise<Opened> {
  if (isBundle(file.name)) {
    if (file.size > MAX_BUNDLE_BYTES) throw new Error(`“${file.name}” is ${formatBytes(file.size)}; Claimdesk opens review bundles up to ${formatBytes(MAX_BUNDLE_BYTES)}.`);
    const dataBase64 = toBase64(new Uint8Array(await file.arrayBuffer()));
    return { kind: 'bundle', result: await client.openBundle({ fileName: file.name, dataBase64 }) };
  }
  const read = await readFileForImport(file);
  if (!read.ok) throw new Error(read.message);
  const request: ImportRequest = { kind: 'file', fileName: read.fileName, dataBase64: read.dataBase64 };
  return { kind: 'imported', result: await sendImport(request), request };
}

/** What to tell the user after a bundle was opened. */
export function bundleMessage(r: BundleOpened): string {
  const title = `“${r.article.title}”`;
  if (r.outcome === 'added') return `Opened ${r.from}'s review of ${title}: a new article with ${r.added} claim(s).`;
  if (r.outcome === 'unchanged') return `${r.from}'s bundle of ${title} was already opened here; nothing changed.`;
  const conflicts = r.conflicts === 0 ? 'no conflicts' : `${r.conflicts} conflict(s) to decide (see Review handoff)`;
  return `Merged ${r.from}'s review of ${title}: ${r.added} claim(s) added, ${conflicts}.${r.notes.length > 0 ? ` ${r.notes.join(' ')}` : ''}`;
}
