/**
 * An import as it was asked for (a file's bytes, or pasted text), kept so it can be sent again with a
 * target when the back end asks whether it is a version of an article it has: "Add as a new version",
 * "Import as a new article". Nothing is stored until one of those is chosen.
 */
import type { ImportResult } from '../../shared/api';
import { client } from '../api';

export type ImportRequest = { kind: 'file'; fileName: string; dataBase64: string } | { kind: 'text'; text: string; html?: string };

export type ImportTarget = { versionOf: string } | { asNewArticle: true } | Record<string, never>;

export function sendImport(request: ImportRequest, target: ImportTarget = {}): Promise<ImportResult> {
  if (request.kind === 'file') return client.importFile({ fileName: request.fileName, dataBase64: request.dataBase64, ...target });
  const { text, html } = request;
  return client.importText({ text, ...(html !== undefined ? { html } : {}), ...target });
}

/** How the request is named to a person: the file's name, or "the pasted text". */
export function requestName(request: ImportRequest): string {
  return request.kind === 'file' ? `“${request.fileName}”` : 'the pasted text';
}
