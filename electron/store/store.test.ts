import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, rmSync, statSync, truncateSync, utimesSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { build } from 'esbuild';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { makeArticle, tempDir } from '../testing';
import { openStore, type Store } from './store';
import { summarize } from './summarize';
import { CURRENT_SCHEMA_VERSION } from './migrations';

let tmp: ReturnType<typeof tempDir>;
let store: Store | null = null;

beforeEach(() => {
  tmp = tempDir();
});
afterEach(() => {
  store?.close();
  store = null;
  tmp.cleanup();
});

const idOf = (n: number) => `article-${String(n).padStart(4, '0')}`;

async function put(s: Store, n: number, title?: string) {
  const a = makeArticle(idOf(n), title);
  await s.putArticle(a);
  return a;
}

describe('store layout', () => {
  it('keeps one file per article, an index and a desk file, each with the schema version', async () => {
    store = await openStore(tmp.dir, { app: 'test' });
    await put(store, 1);
    await store.updateDesk((d) => ({ ...d, settings: { ...d.settings, reviewerName: 'Ana' } }));
    expect(readdirSync(path.join(tmp.dir, 'articles'))).toEqual([`${idOf(1)}.json`]);
    const index = JSON.parse(readFileSync(path.join(tmp.dir, 'index.json'), 'utf8'));
    expect(index.schemaVersion).toBe(CURRENT_SCHEMA_VERSION);
    expect(index.articles[0]).toMatchObject({ id: idOf(1), title: `Article ${idOf(1)}`, wordCount: 9 });
    const desk = JSON.parse(readFileSync(path.join(tmp.dir, 'desk.json'), 'utf8'));
    expect(desk).toMatchObject({ schemaVersion: CURRENT_SCHEMA_VERSION, desk: { settings: { reviewerName: 'Ana' } } });
  });

  it('saving one article rewrites neither the other articles nor the index when its summary is unchanged', async () => {
    store = await openStore(tmp.dir, { app: 'test' });
    for (let i = 0; i < 20; i++) await put(store, i);
    const file = (n: number) => path.join(tmp.dir, 'articles', `${idOf(n)}.json`);
    const indexFile = path.join(tmp.dir, 'index.json');
    const inodes = () => [...Array(20).keys()].map((i) => statSync(file(i)).ino);
    const before = inodes();
    const indexBefore = statSync(indexFile).ino;

    const a = (await store.getArticle(idOf(7)))!;
    const edited = { ...a, revision: 1, doc: makeArticle(a.id, a.meta.title, 'Reports indicate that eleven troops were injured.').doc };
    await store.putArticle(edited);

    const after = inodes();
    expect(after.filter((ino, i) => ino !== before[i])).toHaveLength(1);
    expect(after[7]).not.toBe(before[7]);
    expect(statSync(indexFile).ino).toBe(indexBefore);
  });

  it('a text edit writes the article at once and the index counts a little later (or on flush)', async () => {
    store = await openStore(tmp.dir, { app: 'test' });
    const a = await put(store, 1);
    const indexFile = path.join(tmp.dir, 'index.json');
    const inode = statSync(indexFile).ino;
    const longer = { ...a, revision: 1, doc: makeArticle(a.id, a.meta.title, 'Reports indicate that ten more troops were injured on Tuesday.').doc };
    await store.putArticle(longer);
    expect(store.listArticles()[0]?.wordCount).toBe(summarize(longer).wordCount);
    expect(statSync(indexFile).ino).toBe(inode);
    await store.flush();
    expect(JSON.parse(readFileSync(indexFile, 'utf8')).articles[0].wordCount).toBe(summarize(longer).wordCount);
    // A new title, which the library needs to find the article, is written at once.
    const renamed = { ...longer, revision: 2, meta: { ...longer.meta, title: 'Renamed' } };
    await store.putArticle(renamed);
    expect(JSON.parse(readFileSync(indexFile, 'utf8')).articles[0].title).toBe('Renamed');
  });

  it('reopens with everything as it was', async () => {
    store = await openStore(tmp.dir, { app: 'test' });
    const a = await put(store, 3, 'Curfew in Homs');
    store.close();
    store = await openStore(tmp.dir, { app: 'test' });
    expect(store.listArticles().map((s) => s.title)).toEqual(['Curfew in Homs']);
    expect(await store.getArticle(a.id)).toEqual(a);
    expect(store.notices()).toEqual([]);
  });
});

describe('damaged and foreign files', () => {
  it('a damaged article file is quarantined and its previous good copy restored, with a notice', async () => {
    store = await openStore(tmp.dir, { app: 'test' });
    const a = await put(store, 1, 'First version');
    const second = { ...a, revision: 1, meta: { ...a.meta, title: 'Second version' } };
    await store.putArticle(second);
    store.close();
    const file = path.join(tmp.dir, 'articles', `${a.id}.json`);
    writeFileSync(file, '\0\0\0\0\0\0'); // what a power cut can leave behind
    store = await openStore(tmp.dir, { app: 'test' });
    const loaded = await store.getArticle(a.id);
    expect(loaded?.meta.title).toBe('First version');
    expect(store.notices()[0]?.message).toMatch(/was damaged \(it is empty\); restored the previous good copy/);
    const quarantined = readdirSync(path.join(tmp.dir, 'quarantine'));
    expect(quarantined).toHaveLength(1);
    expect(readFileSync(path.join(tmp.dir, 'quarantine', quarantined[0]!), 'utf8')).toBe('\0\0\0\0\0\0');
  });

  it('a damaged index with no backup is rebuilt from the article files', async () => {
    store = await openStore(tmp.dir, { app: 'test' });
    await put(store, 1);
    await put(store, 2);
    store.close();
    writeFileSync(path.join(tmp.dir, 'index.json'), '{"schemaVersion":1,"articles":[{"id":');
    for (const n of readdirSync(tmp.dir)) if (n.endsWith('.bak')) writeFileSync(path.join(tmp.dir, n), 'garbage');
    store = await openStore(tmp.dir, { app: 'test' });
    expect(store.listArticles().map((a) => a.id).sort()).toEqual([idOf(1), idOf(2)]);
    expect(store.notices().map((n) => n.message).join('\n')).toMatch(/Rebuilt the library index from 2 article/);
  });

  it('a store written by a newer Claimdesk is refused and left untouched', async () => {
    store = await openStore(tmp.dir, { app: 'test' });
    await put(store, 1);
    store.close();
    store = null;
    const indexFile = path.join(tmp.dir, 'index.json');
    const newer = JSON.stringify({ schemaVersion: 99, articles: [], somethingNew: true });
    writeFileSync(indexFile, newer);
    await expect(openStore(tmp.dir, { app: 'test' })).rejects.toThrow(/made by a newer version of Claimdesk/);
    expect(readFileSync(indexFile, 'utf8')).toBe(newer);
    expect(existsSync(path.join(tmp.dir, 'quarantine'))).toBe(false);
    // The failed open released its lock.
    store = await openStore(path.join(tmp.dir, 'other'), { app: 'test' });
  });
});

describe('data directory lock', () => {
  it('a second process gets a clear message while the first has the directory open', async () => {
    store = await openStore(tmp.dir, { app: 'browser mode server' });
    // The lock module, bundled for a plain Node child process: a real second process, as in real use.
    const script = path.join(tmp.dir, 'second.mjs');
    await build({
      stdin: {
        contents: `import { acquireDataDirLock } from './electron/store/lock.ts';
          try { acquireDataDirLock(${JSON.stringify(tmp.dir)}, 'cli'); console.log('locked'); } catch (e) { console.log(e.message); }`,
        resolveDir: process.cwd(),
        loader: 'ts',
      },
      bundle: true,
      platform: 'node',
      format: 'esm',
      outfile: script,
      logLevel: 'silent',
    });
    const child = spawnSync(process.execPath, [script], { encoding: 'utf8' });
    expect(child.stdout).toMatch(/is in use by another Claimdesk \(browser mode server, process \d+/);
  });

  it('a lock left by a process that is gone is taken over', async () => {
    writeFileSync(path.join(tmp.dir, 'claimdesk.lock'), JSON.stringify({ pid: 2 ** 22 + 12345, host: (await import('node:os')).hostname(), app: 'crashed', startedAt: 'x' }));
    store = await openStore(tmp.dir, { app: 'test' });
    expect(JSON.parse(readFileSync(path.join(tmp.dir, 'claimdesk.lock'), 'utf8')).pid).toBe(process.pid);
  });

  it('a second open in the same process is refused too, and close releases it', async () => {
    store = await openStore(tmp.dir, { app: 'first' });
    await expect(openStore(tmp.dir, { app: 'second' })).rejects.toThrow(/in use by another Claimdesk \(first/);
    store.close();
    store = await openStore(tmp.dir, { app: 'second' });
  });
});

describe('the index is reconciled with the article files at start', () => {
  const indexFile = () => path.join(tmp.dir, 'index.json');
  const listedIds = (s: Store) => s.listArticles().map((a) => a.id).sort();

  it('a deleted index is rebuilt from articles/, not from its stale backup, so the newest article is listed', async () => {
    store = await openStore(tmp.dir, { app: 'test' });
    await put(store, 1);
    await put(store, 2); // index.json.bak now lists only article 1
    await put(store, 3);
    store.close();
    rmSync(indexFile());
    for (let restart = 0; restart < 2; restart++) {
      store = await openStore(tmp.dir, { app: 'test' });
      expect(listedIds(store)).toEqual([idOf(1), idOf(2), idOf(3)]);
      expect((await store.getArticle(idOf(3)))?.id).toBe(idOf(3));
      store.close();
    }
    store = null;
  });

  it('an article file the index never heard of (an import killed before its index write) is listed', async () => {
    store = await openStore(tmp.dir, { app: 'test' });
    await put(store, 1);
    store.close();
    const orphan = makeArticle(idOf(2), 'Written, then killed');
    writeFileSync(path.join(tmp.dir, 'articles', `${orphan.id}.json`), JSON.stringify({ schemaVersion: 3, article: orphan }));
    store = await openStore(tmp.dir, { app: 'test' });
    expect(store.listArticles().map((a) => a.title)).toEqual([`Article ${idOf(1)}`, 'Written, then killed']);
    expect(store.notices().map((n) => n.message).join('\n')).toMatch(/Found 1 article file\(s\) the library index did not list/);
    expect(JSON.parse(readFileSync(indexFile(), 'utf8')).articles).toHaveLength(2);
  });

  it('titles and counts the index missed before a crash are refreshed from the file; unchanged files are not read', async () => {
    store = await openStore(tmp.dir, { app: 'test' });
    const a = await put(store, 1);
    await put(store, 2);
    // A count change waits for the deferred index write; the process dies before it.
    const longer = { ...a, revision: 1, doc: makeArticle(a.id, a.meta.title, 'Reports indicate that ten more troops were injured on Tuesday.').doc };
    await store.putArticle(longer);
    const staleIndex = readFileSync(indexFile(), 'utf8');
    store.close();
    writeFileSync(indexFile(), staleIndex);
    expect(JSON.parse(staleIndex).articles[0].wordCount).toBe(summarize(a).wordCount);
    // The other file made unreadable: were it read, the open would report it damaged.
    const other = path.join(tmp.dir, 'articles', `${idOf(2)}.json`);
    const { mtime } = statSync(other);
    const original = readFileSync(other, 'utf8');
    writeFileSync(other, original.replace('"title"', '"titel"'));
    utimesSync(other, mtime, mtime);
    store = await openStore(tmp.dir, { app: 'test' });
    expect(store.listArticles().find((s) => s.id === a.id)?.wordCount).toBe(summarize(longer).wordCount);
    expect(store.notices()).toEqual([]);
  });

  it('an entry whose file was removed by hand is dropped', async () => {
    store = await openStore(tmp.dir, { app: 'test' });
    await put(store, 1);
    await put(store, 2);
    store.close();
    rmSync(path.join(tmp.dir, 'articles', `${idOf(2)}.json`));
    rmSync(path.join(tmp.dir, 'articles', `${idOf(2)}.json.bak`), { force: true });
    store = await openStore(tmp.dir, { app: 'test' });
    expect(listedIds(store)).toEqual([idOf(1)]);
  });
});

describe('damage, repair and leftovers', () => {
  const articleFile = (n: number) => path.join(tmp.dir, 'articles', `${idOf(n)}.json`);

  it('a truncated file read by two calls at once is repaired once, and both get the good copy', async () => {
    store = await openStore(tmp.dir, { app: 'test' });
    const a = await put(store, 1, 'Good');
    await store.putArticle({ ...a, revision: 1, meta: { ...a.meta, title: 'Good, second save' } });
    store.close();
    const text = readFileSync(articleFile(1), 'utf8');
    writeFileSync(articleFile(1), text.slice(0, text.length / 2));
    store = await openStore(tmp.dir, { app: 'test' });
    const reads = await Promise.all([store.getArticle(idOf(1)), store.getArticle(idOf(1)), store.getArticle(idOf(1))]);
    expect(reads.map((r) => r?.meta.title)).toEqual(['Good', 'Good', 'Good']);
    expect(readdirSync(path.join(tmp.dir, 'quarantine'))).toHaveLength(1);
    expect(store.notices().filter((n) => /was damaged/.test(n.message))).toHaveLength(1);
  });

  it('an article whose file and backup are both damaged is listed as damaged, cannot be opened, and can be removed', async () => {
    store = await openStore(tmp.dir, { app: 'test' });
    const a = await put(store, 1, 'Doomed');
    await store.putArticle({ ...a, revision: 1 });
    await put(store, 2, 'Fine');
    store.close();
    writeFileSync(articleFile(1), '{"schemaVersion":3,"article":{');
    writeFileSync(`${articleFile(1)}.bak`, 'garbage');
    store = await openStore(tmp.dir, { app: 'test' });
    const listed = store.listArticles().find((s) => s.id === idOf(1));
    expect(listed).toMatchObject({ title: 'Doomed', damaged: expect.stringMatching(/file and backup cannot be read \(it is not valid JSON\)/) });
    await expect(store.getArticle(idOf(1))).rejects.toThrow(/“Doomed” cannot be opened\. .*Remove it from the library/);
    // Both damaged files were moved aside, not deleted.
    expect(readdirSync(path.join(tmp.dir, 'quarantine')).sort()).toEqual([expect.stringMatching(/^article-0001\.json\.\d/), expect.stringMatching(/^article-0001\.json\.bak\./)]);
    store.close();
    store = await openStore(tmp.dir, { app: 'test' });
    expect(store.listArticles().find((s) => s.id === idOf(1))?.damaged).toBeDefined();
    expect(await store.deleteArticle(idOf(1))).toBe(true);
    expect(store.listArticles().map((s) => s.title)).toEqual(['Fine']);
    store.close();
    store = await openStore(tmp.dir, { app: 'test' });
    expect(store.listArticles().map((s) => s.title)).toEqual(['Fine']);
  });

  it('temp files of writes killed mid-way are removed at start, and nothing else is', async () => {
    store = await openStore(tmp.dir, { app: 'test' });
    await put(store, 1);
    store.close();
    const litter = [path.join(tmp.dir, '.index.json.4242.7.tmp'), path.join(tmp.dir, 'articles', `.${idOf(1)}.json.4242.8.tmp`)];
    for (const f of litter) writeFileSync(f, '{"half": ');
    writeFileSync(path.join(tmp.dir, 'notes.tmp'), 'mine');
    store = await openStore(tmp.dir, { app: 'test' });
    for (const f of litter) expect(existsSync(f)).toBe(false);
    expect(existsSync(path.join(tmp.dir, 'notes.tmp'))).toBe(true);
    expect((await store.getArticle(idOf(1)))?.id).toBe(idOf(1));
  });

  it('an oversized file is refused with a notice naming it, and its backup is used', async () => {
    store = await openStore(tmp.dir, { app: 'test' });
    const a = await put(store, 1, 'Before');
    await store.putArticle({ ...a, revision: 1, meta: { ...a.meta, title: 'After' } });
    store.close();
    truncateSync(articleFile(1), 600 * 1024 * 1024); // sparse: 600 MB on paper, nothing on disk
    store = await openStore(tmp.dir, { app: 'test' });
    expect((await store.getArticle(idOf(1)))?.meta.title).toBe('Before');
    expect(store.notices().map((n) => n.message).join('\n')).toMatch(/article-0001\.json was damaged \(it is 600\.0 MB, more than the 256\.0 MB Claimdesk reads\); restored the previous good copy/);
  });

  it.skipIf(process.platform === 'win32')('keeps the data directory 0700 and its files 0600', async () => {
    store = await openStore(tmp.dir, { app: 'test' });
    await put(store, 1);
    await store.putArticle({ ...makeArticle(idOf(1)), revision: 1 });
    await store.updateDesk((d) => ({ ...d, sampleHandled: true }));
    const mode = (p: string) => statSync(p).mode & 0o777;
    expect(mode(tmp.dir)).toBe(0o700);
    expect(mode(path.join(tmp.dir, 'articles'))).toBe(0o700);
    for (const f of ['desk.json', 'index.json', 'claimdesk.lock', `articles/${idOf(1)}.json`, `articles/${idOf(1)}.json.bak`]) {
      expect([f, mode(path.join(tmp.dir, f))]).toEqual([f, 0o600]);
    }
  });
});

describe('hostile store files', () => {
  it('an article file nested 100,000 levels deep is refused by depth, naming the file, and its backup used', async () => {
    store = await openStore(tmp.dir, { app: 'test' });
    const a = await put(store, 1, 'Before');
    await store.putArticle({ ...a, revision: 1, meta: { ...a.meta, title: 'After' } });
    store.close();
    writeFileSync(path.join(tmp.dir, 'articles', `${idOf(1)}.json`), `{"schemaVersion":3,"article":${'['.repeat(100_000)}${']'.repeat(100_000)}}`);
    store = await openStore(tmp.dir, { app: 'test' });
    expect((await store.getArticle(idOf(1)))?.meta.title).toBe('Before');
    expect(store.notices().map((n) => n.message).join('\n')).toMatch(/article-0001\.json was damaged \(it is nested more than 128 levels deep/);
  });
});
