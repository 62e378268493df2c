/**
 * Soak: the real browser-mode server under parallel saves, imports, settings and source writes, killed with
 * SIGKILL at random moments, again and again. After the last restart every write the server
 * acknowledged must be on disk, no file may be damaged or left half-written, and every article file
 * must be in the library.
 *
 * One writer per article (as one window per article in the app), so an acknowledged save of revision R
 * with token T means: on disk the article is at revision R with T, or at R + 1 (a later save that was
 * written but whose answer the kill swallowed).
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';

type Options = { root: string; short: boolean };

type Envelope = { ok: true; value: unknown } | { ok: false; error: { code: string; message: string } };

const TOKEN = randomBytes(24).toString('hex');

function startServer(root: string, dataDir: string): Promise<{ proc: ChildProcess; url: string }> {
  const proc = spawn(process.execPath, [path.join(root, 'dist/node/browserMode.mjs'), '--port', '0', '--data-dir', dataDir], {
    stdio: ['ignore', 'pipe', 'pipe'],
    env: { ...process.env, CLAIMDESK_TOKEN: TOKEN },
  });
  return new Promise((resolve, reject) => {
    let output = '';
    const timer = setTimeout(() => reject(new Error(`the server did not start:\n${output}`)), 20_000);
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      const m = /Claimdesk browser mode: (http:\/\/127\.0\.0\.1:\d+\/)/.exec(output);
      if (m?.[1]) {
        clearTimeout(timer);
        resolve({ proc, url: m[1] });
      }
    };
    proc.stdout?.on('data', onData);
    proc.stderr?.on('data', onData);
    proc.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`the server exited (${code}) before it was ready:\n${output}`));
    });
  });
}

function kill(proc: ChildProcess): Promise<void> {
  if (proc.exitCode !== null || proc.signalCode !== null) return Promise.resolve();
  return new Promise((resolve) => {
    proc.once('exit', () => resolve());
    proc.kill('SIGKILL');
  });
}

/** One call; null when the server died before answering (the write may or may not have happened). */
async function call(url: string, method: string, payload: unknown): Promise<Envelope | null> {
  try {
    const res = await fetch(new URL(`api/${method}`, url), {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${TOKEN}` },
      body: JSON.stringify(payload),
    });
    return (await res.json()) as Envelope;
  } catch {
    return null;
  }
}

const doc = (title: string, body: string) => ({
  type: 'doc',
  content: [
    { type: 'title', content: [{ type: 'text', text: title }] },
    { type: 'paragraph', content: [{ type: 'text', text: body }] },
  ],
});

type Acked = { revision: number; token: string };
type Figures = { kills: number; acknowledged: number; lost: number; damaged: number; tempFiles: number; missing: number; seconds: number };

const BODY = 'Reports indicate that ten troops were injured near Tartous on Tuesday, according to the Syrian Observatory.';

export async function main({ root, short }: Options): Promise<number> {
  const minKills = short ? 10 : 100;
  const budgetMs = short ? 12_000 : 170_000;
  const dataDir = mkdtempSync(path.join(os.tmpdir(), 'claimdesk-soak-'));
  const started = Date.now();
  // `sent`: every token sent for a revision; a save whose answer a kill swallowed may have been written.
  const articles = new Map<string, { acked: Acked | null; revision: number; sent: Map<number, Set<string>> }>();
  const imports = new Set<string>();
  const sources = new Set<string>();
  let settingsAcked = -1;
  let counter = 0;
  let acknowledged = 0;
  let kills = 0;
  const problems: string[] = [];

  // A first life with a few articles to edit.
  let server = await startServer(root, dataDir);
  for (let i = 0; i < 4; i++) {
    const res = await call(server.url, 'importText', { text: `Soak article ${i}\n\n${BODY}` });
    if (!res?.ok) throw new Error(`could not set up: ${res ? res.error.message : 'no answer'}`);
    const id = (res.value as { article: { id: string } }).article.id;
    articles.set(id, { acked: null, revision: 0, sent: new Map() });
    imports.add(id);
  }

  while (kills < minKills || (Date.now() - started < budgetMs && kills < minKills * 3)) {
    const url = server.url;
    let alive = true;
    const saver = async (id: string) => {
      const a = articles.get(id)!;
      while (alive) {
        const token = `t${++counter}`;
        a.sent.set(a.revision + 1, (a.sent.get(a.revision + 1) ?? new Set()).add(token));
        const res = await call(url, 'saveArticle', { id, baseRevision: a.revision, doc: doc(`Soak ${id.slice(0, 8)} ${token}`, `${BODY} ${token}`), claims: [] });
        if (!res) return;
        if (res.ok) {
          a.revision = (res.value as { revision: number }).revision;
          a.acked = { revision: a.revision, token };
          acknowledged++;
        } else if (res.error.code === 'conflict') {
          // The previous life wrote a save whose answer was lost: start from what is stored.
          const got = await call(url, 'getArticle', { id });
          if (!got?.ok) return;
          const stored = got.value as { revision: number; meta: { title: string } };
          // What the server answers with is acknowledged too: from here on it must not go back.
          a.revision = stored.revision;
          a.acked = { revision: stored.revision, token: stored.meta.title.split(' ').at(-1) ?? '' };
        } else {
          problems.push(`saveArticle ${id}: ${res.error.message}`);
          return;
        }
      }
    };
    const importer = async () => {
      while (alive) {
        const res = await call(url, 'importText', { text: `Imported ${++counter}\n\n${BODY}` });
        if (!res) return;
        if (!res.ok) return void problems.push(`importText: ${res.error.message}`);
        imports.add((res.value as { article: { id: string } }).article.id);
        acknowledged++;
      }
    };
    const settings = async () => {
      while (alive) {
        const n = ++counter;
        const res = await call(url, 'updateSettings', { settings: { deskName: `Desk ${n}` } });
        if (!res) return;
        if (!res.ok) return void problems.push(`updateSettings: ${res.error.message}`);
        settingsAcked = Math.max(settingsAcked, n);
        acknowledged++;
      }
    };
    // Source edits write the desk file too, at the same time as the settings and the saves.
    const sourcer = async () => {
      while (alive) {
        const id = `soak-source-${++counter}`;
        const res = await call(url, 'saveSource', { source: { id, name: `Soak source ${counter}`, aliases: [], kind: 'witness' } });
        if (!res) return;
        if (!res.ok) return void problems.push(`saveSource: ${res.error.message}`);
        sources.add(id);
        acknowledged++;
      }
    };
    const work = Promise.all([...[...articles.keys()].map(saver), importer(), settings(), sourcer()]);
    await new Promise((r) => setTimeout(r, 30 + Math.random() * 400));
    await kill(server.proc);
    kills++;
    alive = false;
    await work;
    server = await startServer(root, dataDir);
  }

  // The last life: read everything back through the server, then look at the files.
  const url = server.url;
  let lost = 0;
  for (const [id, a] of articles) {
    if (!a.acked) continue;
    const got = await call(url, 'getArticle', { id });
    if (!got?.ok) {
      lost++;
      problems.push(`article ${id} cannot be read: ${got && !got.ok ? got.error.message : 'no answer'}`);
      continue;
    }
    const stored = got.value as { revision: number; meta: { title: string } };
    const token = stored.meta.title.split(' ').at(-1) ?? '';
    const ok =
      stored.revision === a.acked.revision ? token === a.acked.token : stored.revision === a.acked.revision + 1 && (a.sent.get(stored.revision)?.has(token) ?? false);
    if (!ok) {
      lost++;
      problems.push(`article ${id}: acknowledged revision ${a.acked.revision} (${a.acked.token}), stored revision ${stored.revision} “${stored.meta.title}”`);
    }
  }
  const listed = await call(url, 'listArticles', {});
  const summaries = listed?.ok ? (listed.value as { articles: { id: string; damaged?: string }[] }).articles : [];
  const listedIds = new Set(summaries.map((s) => s.id));
  for (const id of imports) {
    if (!listedIds.has(id)) {
      lost++;
      problems.push(`imported article ${id} is not in the library`);
    }
  }
  const desk = await call(url, 'getDesk', {});
  const deskName = desk?.ok ? (desk.value as { desk: { settings: { deskName: string } } }).desk.settings.deskName : '';
  if (settingsAcked >= 0 && Number(/^Desk (\d+)$/.exec(deskName)?.[1] ?? -1) < settingsAcked) {
    lost++;
    problems.push(`desk name is “${deskName}”, but “Desk ${settingsAcked}” was acknowledged`);
  }
  const directory = new Set(desk?.ok ? (desk.value as { desk: { sources: { id: string }[] } }).desk.sources.map((x) => x.id) : []);
  for (const id of sources) {
    if (directory.has(id)) continue;
    lost++;
    problems.push(`source ${id} was acknowledged but is not in the directory`);
  }
  const notices = desk?.ok ? (desk.value as { notices: { level: string; message: string }[] }).notices : [];
  const quarantine = path.join(dataDir, 'quarantine');
  const quarantined = existsSync(quarantine) ? readdirSync(quarantine) : [];
  const damaged = summaries.filter((s) => s.damaged).length + quarantined.length + notices.filter((n) => /damaged/.test(n.message)).length;
  for (const n of notices) if (n.level !== 'info') problems.push(`notice: ${n.message}`);
  const files = (dir: string) => (existsSync(dir) ? readdirSync(dir) : []);
  const tempFiles = [...files(dataDir), ...files(path.join(dataDir, 'articles'))].filter((n) => n.endsWith('.tmp')).length;
  const onDisk = files(path.join(dataDir, 'articles')).filter((n) => n.endsWith('.json')).map((n) => n.slice(0, -5));
  const missing = onDisk.filter((id) => !listedIds.has(id)).length;
  for (const id of onDisk) if (!listedIds.has(id)) problems.push(`articles/${id}.json is not in the library`);
  // Every article file parses: nothing half-written under its real name.
  for (const name of files(path.join(dataDir, 'articles')).filter((n) => n.endsWith('.json'))) {
    try {
      JSON.parse(readFileSync(path.join(dataDir, 'articles', name), 'utf8'));
    } catch {
      problems.push(`articles/${name} does not parse`);
    }
  }
  await kill(server.proc);

  const figures: Figures = { kills, acknowledged, lost, damaged, tempFiles, missing, seconds: Math.round((Date.now() - started) / 1000) };
  console.log(`Soak${short ? ' (short)' : ''}: ${figures.kills} kills of the server in ${figures.seconds} s, ${imports.size} articles`);
  console.log(`  acknowledged writes:                  ${figures.acknowledged}`);
  console.log(`  acknowledged writes lost:             ${figures.lost}`);
  console.log(`  damaged stores:                       ${figures.damaged}`);
  console.log(`  leftover temp files:                  ${figures.tempFiles}`);
  console.log(`  articles missing from the library:    ${figures.missing}`);
  for (const p of problems.slice(0, 20)) console.log(`  ! ${p}`);
  const failed = figures.lost + figures.damaged + figures.tempFiles + figures.missing > 0 || problems.length > 0;
  if (!failed) rmSync(dataDir, { recursive: true, force: true });
  else console.log(`  the data directory is kept for a look: ${dataDir}`);
  return failed ? 1 : 0;
}
