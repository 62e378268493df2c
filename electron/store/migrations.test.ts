import { createHash } from 'node:crypto';
import { writeFileSync, mkdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { tempDir } from '../testing';
import { openStore } from './store';
import { CURRENT_SCHEMA_VERSION } from './migrations';

describe('migrations', () => {
  it('opens a version-1 store, with its articles, and upgrades each file when next written', async () => {
    const { dir, cleanup } = tempDir();
    try {
      mkdirSync(path.join(dir, 'articles'));
      const stamp = '2026-11-28T08:00:00.000Z';
      const article = {
        id: 'abcdef-1',
        meta: { title: 'Old', publisher: 'P', byline: '', publishedAt: '', url: '' },
        origin: { kind: 'paste' },
        importedAt: stamp,
        updatedAt: stamp,
        revision: 3,
        doc: { type: 'doc', content: [{ type: 'title', content: [{ type: 'text', text: 'Old' }] }, { type: 'paragraph' }] },
        removedOnImport: [],
      };
      writeFileSync(path.join(dir, 'articles', 'abcdef-1.json'), JSON.stringify({ schemaVersion: 1, article }));
      writeFileSync(
        path.join(dir, 'index.json'),
        JSON.stringify({ schemaVersion: 1, articles: [{ id: 'abcdef-1', title: 'Old', publisher: 'P', publishedAt: '', importedAt: stamp, wordCount: 1 }] }),
      );
      writeFileSync(path.join(dir, 'desk.json'), JSON.stringify({ schemaVersion: 1, desk: { settings: { reviewerName: 'Ana' }, sampleHandled: true } }));
      const store = await openStore(dir, { app: 'test' });
      expect(store.desk().settings).toEqual({ reviewerName: 'Ana', deskName: '', ratingScale: ['True', 'Mostly true', 'Mixed', 'Misleading', 'Mostly false', 'False', 'Unverifiable'] });
      expect(store.listArticles()[0]).toMatchObject({ id: 'abcdef-1', claimCount: 0 });
      const loaded = await store.getArticle('abcdef-1');
      expect(loaded).toMatchObject({ revision: 3, claims: [], audit: [], exchange: { base: null, mergedBundles: [], conflicts: [] } });
      // Version 4: the metadata a saved page gives (modified date, language), empty for older articles.
      expect(loaded?.meta).toEqual({ title: 'Old', publisher: 'P', byline: '', publishedAt: '', modifiedAt: '', url: '', language: '' });
      // Version 6: the text as it is becomes version 1, hashed; no proposals rejected yet.
      expect(loaded?.versions).toEqual([
        { number: 1, hash: createHash('sha256').update('Old\n\n', 'utf8').digest('hex'), wordCount: 1, importedAt: stamp, importedBy: 'Unnamed reviewer', origin: article.origin, meta: loaded?.meta, doc: article.doc, removedOnImport: [], carried: [] },
      ]);
      expect(loaded?.detection).toEqual({ rejected: [], lastRunAt: null });
      await store.updateDesk((d) => ({ ...d }));
      expect(JSON.parse(readFileSync(path.join(dir, 'desk.json'), 'utf8')).schemaVersion).toBe(CURRENT_SCHEMA_VERSION);
      store.close();
    } finally {
      cleanup();
    }
  });
});
