/** Helpers for Node-side tests: a real store on a real temporary directory. */
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { ArticleRecord } from '../shared/schema/article';
import type { Dispatch } from './dispatch';
import { openBackend, type Backend } from './backend';
import type { ArticleForEditing } from '../shared/schema/article';
import { articleSchema } from '../shared/doc/schema';
import { docPlainText } from '../shared/doc/plainText';
import { newClaimData, type Claim } from '../shared/schema/claim';
import { noExchange } from '../shared/schema/exchange';
import { noDetection } from '../shared/schema/detection';
import { initialVersion } from './store/versionHash';

export function tempDir(prefix = 'claimdesk-test-'): { dir: string; cleanup: () => void } {
  const dir = mkdtempSync(path.join(os.tmpdir(), prefix));
  return { dir, cleanup: () => rmSync(dir, { recursive: true, force: true }) };
}

export function makeArticle(id: string, title = `Article ${id}`, body = 'Reports indicate that ten troops were injured.'): ArticleRecord {
  const stamp = '2026-11-28T09:00:00.000Z';
  const imported = {
    meta: { title, publisher: '', byline: '', publishedAt: '', modifiedAt: '', url: '', language: '' },
    origin: { kind: 'paste' as const },
    importedAt: stamp,
    doc: {
      type: 'doc',
      content: [
        { type: 'title', content: [{ type: 'text', text: title }] },
        { type: 'paragraph', content: [{ type: 'text', text: body }] },
      ],
    },
    removedOnImport: [],
  };
  return {
    id,
    ...imported,
    updatedAt: stamp,
    revision: 0,
    claims: [],
    audit: [],
    exchange: noExchange(),
    versions: [initialVersion(imported, 'Ana')!],
    detection: noDetection(),
  };
}

/** A claim over text[start, end) of an article's plain text, with fields overridable for bad-input tests. */
export function makeClaim(text: string, start: number, end: number, id = `claim-${start}-${end}`, reviewer = 'Ana'): Claim {
  const at = '2026-11-28T09:30:00.000Z';
  return {
    data: newClaimData(id, reviewer, at),
    target: {
      quote: { type: 'TextQuoteSelector', exact: text.slice(start, end), prefix: text.slice(Math.max(0, start - 32), start), suffix: text.slice(end, end + 32) },
      position: { type: 'TextPositionSelector', start, end },
      orphaned: false,
    },
  };
}

/** A call that must succeed: its value, or the failure's message as the test's error. */
export async function dispatchOk<T>(dispatch: Dispatch, method: string, payload: unknown): Promise<T> {
  const res = await dispatch(method, payload);
  if (!res.ok) throw new Error(`${method}: ${res.error.message}`);
  return res.value as T;
}

export type SampleDesk = { dir: string; backend: Backend; article: ArticleForEditing; text: string; close: () => void };

/** A real desk in a temporary directory, a reviewer named and the sample article imported: where most service tests start. */
export async function openSampleDesk(reviewer = 'Ana'): Promise<SampleDesk> {
  const tmp = tempDir();
  const backend = await openBackend(tmp.dir, 'test');
  const ok = <T>(method: string, payload: unknown) => dispatchOk<T>(backend.dispatch, method, payload);
  await ok('updateSettings', { settings: { reviewerName: reviewer } });
  const imported = await ok<{ article: { id: string } }>('importSample', {});
  const article = await ok<ArticleForEditing>('getArticle', { id: imported.article.id });
  const text = docPlainText(articleSchema.nodeFromJSON(article.doc));
  return { dir: tmp.dir, backend, article, text, close: () => (backend.store.close(), tmp.cleanup()) };
}
