import { readdirSync } from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { annotatedSample } from '../../shared/report/testing';
import { openBackend, type Backend } from '../backend';
import { tempDir } from '../testing';

let tmp: ReturnType<typeof tempDir>;
let a: Backend;
let b: Backend;

beforeEach(async () => {
  tmp = tempDir();
  a = await openBackend(path.join(tmp.dir, 'a'), 'test');
  b = await openBackend(path.join(tmp.dir, 'b'), 'test');
  const article = annotatedSample();
  await a.store.putArticle(article);
});
afterEach(() => {
  a.store.close();
  b.store.close();
  tmp.cleanup();
});

const b64 = (s: string) => Buffer.from(s, 'utf8').toString('base64');

async function exportJson(): Promise<string> {
  const res = await a.dispatch('exportArticle', { id: 'sample-article-1', format: 'json' });
  if (!res.ok) throw new Error(res.error.message);
  return (res.value as { content: string }).content;
}

describe('importing a full JSON export', () => {
  it('gives back an identical article, with claims, comments and audit trail', async () => {
    const json = await exportJson();
    const res = await b.dispatch('importFile', { fileName: 'sample.claimdesk.json', dataBase64: b64(json) });
    expect(res.ok, JSON.stringify(res)).toBe(true);
    expect(await b.store.getArticle('sample-article-1')).toEqual(await a.store.getArticle('sample-article-1'));
    // Importing it again would duplicate it: refused, nothing changes.
    const again = await b.dispatch('importFile', { fileName: 'sample.claimdesk.json', dataBase64: b64(json) });
    expect(!again.ok && again.error.code).toBe('conflict');
  });

  it.each<[string, (json: string) => string, RegExp]>([
    ['not JSON', () => '{"format": "claimdesk-article", ', /not valid JSON/],
    ['another kind of JSON', () => JSON.stringify({ hello: 'world' }), /.+/],
    ['a newer version', (j) => j.replace(/"schemaVersion": \d+/, '"schemaVersion": 99'), /newer version of Claimdesk/],
    ['a claim whose quote does not match the text', (j) => j.replace('three unidentified “armed men”', 'four unidentified “armed men”'), /.+/],
    ['an unsafe link', (j) => j.replace('https://www.syriahr.com/en/352000/', 'javascript:alert(1)'), /.+/],
    ['a version whose text does not match its hash', (j) => JSON.stringify({ ...JSON.parse(j), article: { ...JSON.parse(j).article, versions: [{ ...JSON.parse(j).article.versions[0], hash: '0'.repeat(64) }] } }), /version 1 \(imported \d{4}-\d{2}-\d{2}\) does not match its hash; the file was changed/],
  ])('refuses %s with a clear message and changes nothing', async (_name, spoil, message) => {
    const res = await b.dispatch('importFile', { fileName: 'bad.claimdesk.json', dataBase64: b64(spoil(await exportJson())) });
    expect(res.ok).toBe(false);
    if (!res.ok) {
      expect(res.error.code).toBe('bad_file');
      expect(res.error.message).toMatch(message);
    }
    expect(readdirSync(path.join(tmp.dir, 'b', 'articles'))).toEqual([]);
  });
});
