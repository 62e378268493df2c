/** Helpers for Node-side tests: a real store on a real temporary directory. */
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { ArticleRecord } from '../shared/schema/article';

export function tempDir(prefix = 'claimdesk-test-'): { dir: string; cleanup: () => void } {
  const dir = mkdtempSync(path.join(os.tmpdir(), prefix));
  return { dir, cleanup: () => rmSync(dir, { recursive: true, force: true }) };
}

export function makeArticle(id: string, title = `Article ${id}`, body = 'Reports indicate that ten troops were injured.'): ArticleRecord {
  const stamp = '2026-11-28T09:00:00.000Z';
  return {
    id,
    meta: { title, publisher: '', byline: '', publishedAt: '', url: '' },
    origin: { kind: 'paste' },
    importedAt: stamp,
    updatedAt: stamp,
    revision: 0,
    doc: {
      type: 'doc',
      content: [
        { type: 'title', content: [{ type: 'text', text: title }] },
        { type: 'paragraph', content: [{ type: 'text', text: body }] },
      ],
    },
    removedOnImport: [],
  };
}
