import { chmodSync, existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { annotatedSample } from '../shared/report/testing';
import { DetectResult } from '../shared/detect/schema';
import { runCli } from './cli';
import { findChromium } from './pdf';
import { openStore, type Store } from './store/store';
import { makeClaim, tempDir } from './testing';

let tmp: ReturnType<typeof tempDir>;
let dataDir: string;
let errors: string[];

async function seed(): Promise<void> {
  const store = await openStore(dataDir, { app: 'test' });
  const a = annotatedSample();
  await store.putArticle(a);
  await store.updateDesk((d) => ({ ...d, settings: { ...d.settings, deskName: 'Verification Desk', reviewerName: 'Ana Reviewer' } }));
  store.close();
}

async function cli(...args: string[]): Promise<{ code: number; out: string; err: string }> {
  const lines: string[] = [];
  errors = [];
  const code = await runCli([...args, '--data-dir', dataDir], (s) => lines.push(s));
  return { code, out: lines.join('\n'), err: errors.join('\n') };
}

beforeEach(async () => {
  tmp = tempDir();
  dataDir = path.join(tmp.dir, 'desk');
  await seed();
  vi.spyOn(console, 'error').mockImplementation((...a: unknown[]) => void errors.push(a.join(' ')));
});
afterEach(() => {
  vi.restoreAllMocks();
  tmp.cleanup();
});

describe('claimdesk CLI', () => {
  it('lists the articles in a data directory', async () => {
    const { code, out } = await cli('list');
    expect(code).toBe(0);
    expect(out).toContain('sample-article-1');
    expect(out).toContain('14 are killed by Assad supporters');
    expect(out).toMatch(/4 claims \(2 done\)/);
    const json = await cli('list', '--json');
    expect(JSON.parse(json.out)[0]).toMatchObject({ id: 'sample-article-1', claimCount: 4 });
  });

  it('exports each text format to a file, by id or by part of the title', async () => {
    for (const format of ['html', 'md', 'json', 'csv', 'claimreview', 'w3c']) {
      const out = path.join(tmp.dir, `report.${format}`);
      const res = await cli('export', format === 'html' ? 'Assad supporters' : 'sample-article-1', '--format', format, '--out', out);
      expect(res.code, res.err).toBe(0);
      const text = readFileSync(out, 'utf8');
      expect(text.length).toBeGreaterThan(100);
      if (format !== 'csv') expect(text).toContain('Syrian Observatory for Human Rights');
    }
    expect(readFileSync(path.join(tmp.dir, 'report.html'), 'utf8')).toContain('Check the Arabic page');
  });

  it('leaves comments out and adds the audit trail when asked', async () => {
    const out = path.join(tmp.dir, 'r.html');
    expect((await cli('export', 'sample-article-1', '--format', 'html', '--no-comments', '--audit', '--out', out)).code).toBe(0);
    const html = readFileSync(out, 'utf8');
    expect(html).not.toContain('Check the Arabic page');
    expect(html).toMatch(/Audit trail/i);
  });

  it('ClaimReview: only done claims unless --include-unfinished; url from the desk template, none without; says so when nothing qualifies', async () => {
    const out = path.join(tmp.dir, 'reviews.jsonld');
    const reviews = async (...flags: string[]) => {
      const res = await cli('export', 'sample-article-1', '--format', 'claimreview', '--out', out, ...flags);
      expect(res.code, res.err).toBe(0);
      return JSON.parse(readFileSync(out, 'utf8')) as { claimReviewed: string; url?: string }[];
    };
    const done = await reviews();
    expect(done.map((r) => r.claimReviewed)).toEqual(['three unidentified “armed men” lost their lives during the clashes', 'Assad and his family have sought refuge in Russia']);
    expect(done.every((r) => r.url === undefined)).toBe(true);
    expect(await reviews('--include-unfinished')).toHaveLength(3);

    const store = await openStore(dataDir, { app: 'test' });
    await store.updateDesk((d) => ({ ...d, settings: { ...d.settings, reviewUrlTemplate: 'https://factcheck.example.org/{article}/{claim}' } }));
    const a = (await store.getArticle('sample-article-1'))!;
    const unfinished = a.claims.map((c) => ({ ...c, data: { ...c.data, verification: { ...c.data.verification, status: 'in_progress' as const } } }));
    store.close();
    expect((await reviews()).map((r) => r.url)).toEqual(['https://factcheck.example.org/sample-article-1/claim-named', 'https://factcheck.example.org/sample-article-1/claim-none']);

    const again = await openStore(dataDir, { app: 'test' });
    await again.putArticle({ ...a, claims: unfinished });
    again.close();
    const none = await cli('export', 'sample-article-1', '--format', 'claimreview', '--out', path.join(tmp.dir, 'none.jsonld'));
    expect(none.code).toBe(1);
    expect(none.err).toMatch(/No claim in this article is done with a verdict.*3 claims have a verdict but are not done/);
    expect(existsSync(path.join(tmp.dir, 'none.jsonld'))).toBe(false);
  });

  it.skipIf(!findChromium())('exports PDF with Chromium', async () => {
    const out = path.join(tmp.dir, 'r.pdf');
    const res = await cli('export', 'sample-article-1', '--format', 'pdf', '--out', out);
    expect(res.code, res.err).toBe(0);
    expect(readFileSync(out).subarray(0, 5).toString()).toBe('%PDF-');
  }, 60_000);

  it('fails clearly, with a non-zero exit, for an unknown article, format or unwritable path', async () => {
    const unknown = await cli('export', 'no such headline', '--format', 'html', '--out', path.join(tmp.dir, 'x.html'));
    expect(unknown.code).toBe(1);
    expect(unknown.err).toMatch(/No article matches “no such headline”/);
    const badFormat = await cli('export', 'sample-article-1', '--format', 'docx', '--out', path.join(tmp.dir, 'x.docx'));
    expect(badFormat.code).toBe(2);
    expect(badFormat.err).toMatch(/Unknown format “docx”/);
    const unwritable = await cli('export', 'sample-article-1', '--format', 'html', '--out', path.join(tmp.dir, 'missing', 'dir', 'x.html'));
    expect(unwritable.code).toBe(1);
    expect(unwritable.err).toMatch(/Cannot write .*its folder does not exist/);
    const usage = await cli('frobnicate');
    expect(usage.code).toBe(2);
    // Flags are parsed strictly: a misspelt one is a usage error, not ignored.
    const misspelt = await cli('list', '--jsno');
    expect([misspelt.code, misspelt.err]).toEqual([2, expect.stringMatching(/Unknown option '--jsno'\./)]);
    expect((await cli('export', 'sample-article-1', '--format', 'html', '--out', path.join(tmp.dir, 'x.html'), '--comments')).code).toBe(2);
    expect((await cli('export', 'sample-article-1', '--out', path.join(tmp.dir, 'x.html'), '--format')).code).toBe(2);
    expect((await cli('bundle', 'open', 'x.claimdesk-review', '--out', 'y')).code).toBe(2);
    expect(existsSync(path.join(tmp.dir, 'x.html'))).toBe(false);
  });

  it('reads a desk the app has open (read-only, no lock)', async () => {
    const app: Store = await openStore(dataDir, { app: 'desktop app' });
    try {
      const res = await cli('list');
      expect(res.code).toBe(0);
      expect(res.out).toContain('sample-article-1');
    } finally {
      app.close();
    }
  });

  it('says so when the directory is not a Claimdesk data directory', async () => {
    const res = await runCli(['list', '--data-dir', path.join(tmp.dir, 'nothing-here')], () => undefined);
    expect(res).toBe(1);
  });
});

describe('claimdesk bundle', () => {
  it('exports a review bundle and opens it in another desk; a second open changes nothing', async () => {
    const file = path.join(tmp.dir, 'review.claimdesk-review');
    const exported = await cli('bundle', 'export', 'sample-article-1', '--out', file);
    expect(exported.code, exported.err).toBe(0);
    expect(JSON.parse(readFileSync(file, 'utf8')).format).toBe('claimdesk-review-bundle');
    const other = path.join(tmp.dir, 'other');
    const lines: string[] = [];
    expect(await runCli(['bundle', 'open', file, '--data-dir', other], (s) => lines.push(s))).toBe(0);
    expect(lines.join('\n')).toMatch(/Added “14 are killed/);
    lines.length = 0;
    expect(await runCli(['bundle', 'open', file, '--data-dir', other], (s) => lines.push(s))).toBe(0);
    expect(lines.join('\n')).toMatch(/already opened here; nothing changed/);
  });

  it('refuses a bad bundle with a clear message and a non-zero exit', async () => {
    const file = path.join(tmp.dir, 'bad.claimdesk-review');
    (await import('node:fs')).writeFileSync(file, '{"format":"claimdesk-review-bundle","bundleVersion":9}');
    const res = await cli('bundle', 'open', file);
    expect(res.code).toBe(1);
    expect(res.err).toMatch(/made by a newer version of Claimdesk/);
  });

  it('says so when the app has the desk open', async () => {
    const app: Store = await openStore(dataDir, { app: 'desktop app' });
    try {
      const res = await cli('bundle', 'export', 'sample-article-1', '--out', path.join(tmp.dir, 'x.claimdesk-review'));
      expect(res.code).toBe(1);
      expect(res.err).toMatch(/in use by another Claimdesk \(desktop app/);
    } finally {
      app.close();
    }
  });
});

describe('claimdesk import', () => {
  const P1 = 'Rebel-led authorities in Syria said 14 interior ministry troops were killed in an ambush by supporters of the ousted president.';
  const P2 = 'Ten more troops were injured in the clashes near the port of Tartous, according to the ministry.';
  const article = ['Ambush near Tartous', 'By Jane Doe | Reuters | 3 March 2025', 'Updated: 4 March 2025', 'Ambush near Tartous', P1, P2, 'SHARE NOW', 'Share on facebook'].join('\n\n');
  const write = (name: string, content: string | Buffer) => {
    const file = path.join(tmp.dir, name);
    writeFileSync(file, content);
    return file;
  };
  const articleFiles = () => readdirSync(path.join(dataDir, 'articles')).sort();

  it('imports a file into the desk through the app\'s import and says what it did', async () => {
    const res = await cli('import', write('ambush.txt', article));
    expect(res.code, res.err).toBe(0);
    expect(res.out).toMatch(/^Imported “Ambush near Tartous” as [0-9a-f-]{36}; 4 passages removed\.$/);
    const listed = await cli('list', '--json');
    expect(JSON.parse(listed.out).map((a: { title: string; publisher: string }) => [a.title, a.publisher])).toContainEqual(['Ambush near Tartous', 'Reuters']);
  });

  it('--json prints the metadata, the body text without title or header lines, captions and what was removed', async () => {
    const res = await cli('import', write('ambush.txt', article), '--json');
    expect(res.code, res.err).toBe(0);
    const report = JSON.parse(res.out);
    expect(Object.keys(report)).toEqual(['id', 'title', 'byline', 'publisher', 'published', 'modified', 'url', 'language', 'text', 'captions', 'removed']);
    expect(report).toMatchObject({
      title: 'Ambush near Tartous',
      byline: 'Jane Doe',
      publisher: 'Reuters',
      published: '2025-03-03',
      url: '',
      text: `${P1}\n\n${P2}`,
      captions: [],
    });
    expect(report.removed).toEqual([
      { text: 'By Jane Doe | Reuters | 3 March 2025', reason: 'moved to metadata (byline, publisher, date)' },
      { text: 'Updated: 4 March 2025', reason: 'moved to metadata (updated date)' },
      { text: 'Ambush near Tartous', reason: 'duplicated headline' },
      { text: 'SHARE NOW\nShare on facebook', reason: 'share buttons' },
    ]);
    expect(articleFiles()).toContain(`${report.id}.json`);
  });

  it('--json on a saved page and a Word file: captions listed apart, modified date and language from the page', async () => {
    const page = await cli('import', new URL('../data/fixtures/saved-page.html', import.meta.url).pathname, '--json');
    expect(page.code, page.err).toBe(0);
    const fromPage = JSON.parse(page.out);
    expect(fromPage).toMatchObject({ publisher: 'Levant Wire', published: '2024-12-26', modified: '2024-12-27', language: 'en', captions: ['Smoke rises over the outskirts of Idlib on Thursday'] });
    expect(fromPage.text).not.toContain('Smoke rises over the outskirts');
    const word = await cli('import', new URL('../data/fixtures/docx/ambush-report.docx', import.meta.url).pathname, '--json');
    expect(word.code, word.err).toBe(0);
    expect(JSON.parse(word.out)).toMatchObject({ title: 'Ambush near Tartous kills 14 troops', byline: 'Jane Doe and John Roe', publisher: 'Reuters', published: '2025-03-03' });
  });

  it('usage errors exit 2: no file, two files, an unknown flag', async () => {
    const file = write('a.txt', article);
    for (const args of [['import'], ['import', file, file], ['import', file, '--jsno']]) {
      const res = await cli(...args);
      expect(res.code, args.join(' ')).toBe(2);
    }
    expect((await cli('import', file, '--jsno')).err).toMatch(/Unknown option '--jsno'/);
    expect(articleFiles()).toEqual(['sample-article-1.json']);
  });

  it('failures exit 1 with a clear message and change nothing: a missing file, a folder, an unreadable or bad file, an over-size file', async () => {
    const before = articleFiles();
    const missing = await cli('import', path.join(tmp.dir, 'nope.txt'));
    expect([missing.code, missing.err]).toEqual([1, expect.stringMatching(/Cannot read .*nope\.txt: there is no such file\./)]);
    const folder = await cli('import', tmp.dir);
    expect([folder.code, folder.err]).toEqual([1, expect.stringMatching(/is a folder; give the file to import/)]);
    const png = await cli('import', write('photo.txt', readFileSync(new URL('../data/fixtures/photo.txt', import.meta.url))));
    expect([png.code, png.err]).toEqual([1, expect.stringMatching(/“photo\.txt” is not a text file: it looks like a PNG image/)]);
    const big = await cli('import', write('big.txt', Buffer.alloc(6 * 1024 * 1024, 'a')));
    expect([big.code, big.err]).toEqual([1, expect.stringMatching(/“big\.txt” is 6\.0 MB; Claimdesk imports files up to 5\.0 MB/)]);
    if (process.getuid?.() !== 0) {
      const locked = write('locked.txt', article);
      chmodSync(locked, 0o000);
      const unreadable = await cli('import', locked);
      expect([unreadable.code, unreadable.err]).toEqual([1, expect.stringMatching(/Cannot read .*permission denied/)]);
    }
    expect(articleFiles()).toEqual(before);
  });

  it('says so when the app has the desk open, and imports nothing', async () => {
    const app: Store = await openStore(dataDir, { app: 'desktop app' });
    try {
      const res = await cli('import', write('a.txt', article));
      expect(res.code).toBe(1);
      expect(res.err).toMatch(/in use by another Claimdesk \(desktop app/);
    } finally {
      app.close();
    }
    expect(articleFiles()).toEqual(['sample-article-1.json']);
  });
});

describe('claimdesk import --version-of', () => {
  const V1 = 'Ambush near Tartous\n\nBy Jane Doe | Reuters | 3 March 2025\n\nAt least 14 troops were killed in an ambush near the port of Tartous, state media said.\n\nTen more troops were injured in the clashes, according to the ministry.';
  const V2 = V1.replace('At least 14 troops', 'At least 17 troops');
  const write = (name: string, content: string) => {
    const file = path.join(tmp.dir, name);
    writeFileSync(file, content);
    return file;
  };
  const articleFiles = () => readdirSync(path.join(dataDir, 'articles')).sort();
  async function withClaim(): Promise<string> {
    const res = await cli('import', write('v1.txt', V1), '--json');
    expect(res.code, res.err).toBe(0);
    const id = JSON.parse(res.out).id as string;
    const store = await openStore(dataDir, { app: 'test' });
    await store.updateArticle(id, (a) => {
      const plain = `Ambush near Tartous\n\n${V1.slice(V1.indexOf('At least'))}`;
      const start = plain.indexOf('At least 14 troops were killed');
      return { next: { ...a!, claims: [makeClaim(plain, start, start + 'At least 14 troops were killed'.length, 'claim-figure')] }, result: null };
    });
    store.close();
    return id;
  }

  it('adds a version of the article named by id or title, and lists the claims whose words changed', async () => {
    const id = await withClaim();
    const res = await cli('import', write('v2.txt', V2), '--version-of', 'Ambush near');
    expect(res.code, res.err).toBe(0);
    expect(res.out).toBe(`Added version 2 of “Ambush near Tartous” (${id}): 0 unchanged, 0 moved, 1 changed, 0 gone.\n  words changed: “At least 14 troops were killed” → “At least 17 troops were killed”`);
    const json = await cli('import', write('v2.txt', V2), '--version-of', id, '--json');
    expect(JSON.parse(json.out)).toEqual({ outcome: 'identical', id, message: 'This is the same text as version 2 of “Ambush near Tartous”; nothing changed.' });
    expect(articleFiles().filter((f) => f.endsWith('.json'))).toEqual([`${id}.json`, 'sample-article-1.json'].sort());
  });

  it('refuses a different article (exit 1, nothing changed) and an unknown article', async () => {
    const id = await withClaim();
    const before = readFileSync(path.join(dataDir, 'articles', `${id}.json`), 'utf8');
    const other = await cli('import', write('other.txt', 'Harvest festival opens\n\nThe annual harvest festival opened with music, food stalls and a parade of tractors.'), '--version-of', id);
    expect([other.code, other.err]).toEqual([1, expect.stringMatching(/does not look like a version of “Ambush near Tartous”.*Nothing was changed\. To import it as a new article, run the import without --version-of\.$/)]);
    expect(readFileSync(path.join(dataDir, 'articles', `${id}.json`), 'utf8')).toBe(before);
    const unknown = await cli('import', write('v2.txt', V2), '--version-of', 'no such title');
    expect([unknown.code, unknown.err]).toEqual([1, expect.stringMatching(/No article matches “no such title”/)]);
    expect((await cli('import', write('v2.txt', V2), '--version-of')).code).toBe(2);
  });

  it('without --version-of imports a new article and notes the one it looks like a version of', async () => {
    const id = await withClaim();
    const res = await cli('import', write('v2.txt', V2), '--json');
    expect(res.code, res.err).toBe(0);
    expect(res.err).toBe(`claimdesk: note: this looks like a version of ${id} “Ambush near Tartous” (same title and publisher, 93 % of the text in common); imported as a new article. Use --version-of ${id} to add it as a version instead.`);
    expect(articleFiles().filter((f) => f.endsWith('.json'))).toEqual([`${id}.json`, `${JSON.parse(res.out).id}.json`, 'sample-article-1.json'].sort());
  });
});

describe('claimdesk detect', () => {
  const samplePath = path.resolve('data', 'tartous-ambush.txt');
  const write = (name: string, content: string) => {
    const file = path.join(tmp.dir, name);
    writeFileSync(file, content);
    return file;
  };
  const deskFiles = () => readdirSync(dataDir).sort();

  it('--json prints the text, claims and attributions in the issue’s shape, offsets into the text, end exclusive', async () => {
    const res = await cli('detect', samplePath, '--json');
    expect(res.code, res.err).toBe(0);
    const r = DetectResult.parse(JSON.parse(res.out));
    expect(Object.keys(JSON.parse(res.out)).sort()).toEqual(['attributions', 'claims', 'language', 'notice', 'text']);
    expect(r.text).not.toContain('SHARE NOW'); // read as import reads it: furniture stripped
    expect(r.language).toBe('en');
    expect(r.claims.length).toBeGreaterThan(10);
    expect(r.attributions).toHaveLength(r.claims.length);
    for (const c of r.claims) expect(Object.keys(c).sort()).toEqual(['end', 'reasons', 'score', 'start']);
    for (const a of r.attributions) expect(Object.keys(a).sort()).toEqual(['content', 'cue', 'reasons', 'source', 'sourceKind', 'strength']);
    const quote = (s: { start: number; end: number } | null) => (s ? r.text.slice(s.start, s.end) : null);
    const sohr = r.attributions.find((a) => quote(a.source) === 'the Syrian Observatory for Human Rights');
    expect(sohr).toMatchObject({ sourceKind: 'ngo_monitor', strength: 'named' });
    expect(quote(sohr!.cue)).toBe('According to');
    expect(r.attributions.find((a) => quote(a.source) === 'state media')).toMatchObject({ sourceKind: 'state_media', strength: 'named' });
    const cues = r.attributions.filter((a) => a.strength === 'vague').map((a) => quote(a.cue)!.toLowerCase());
    expect(cues).toEqual(expect.arrayContaining(['indicate', 'according to', 'reportedly', 'has been reported']));
    const casualty = r.claims.find((c) => quote(c)!.startsWith('14 troops from the interior ministry were killed'));
    expect(casualty?.reasons).toContain('figure');
  });

  it('without --json lists each claim with its reasons and attribution, weak sourcing flagged', async () => {
    const res = await cli('detect', samplePath);
    expect(res.code, res.err).toBe(0);
    expect(res.out).toMatch(/^“14 are killed by Assad supporters in a conflict with Syria’s new government”: \d+ check-worthy claim\(s\) proposed/);
    expect(res.out).toContain('attribution: named, “the Syrian Observatory for Human Rights” (NGO or monitor), cue “According to”');
    expect(res.out).toMatch(/attribution: vague, “Reports” \(Anonymous\), cue “indicate” {2}\[weak sourcing\]/);
    expect(res.out).toContain('attribution: none in its sentence or its paragraph’s lead  [weak sourcing]');
  });

  it('stores nothing and needs no lock: it runs while the app has the desk open and leaves the desk as it was', async () => {
    const before = deskFiles();
    const app: Store = await openStore(dataDir, { app: 'desktop app' });
    try {
      const res = await cli('detect', samplePath, '--json');
      expect(res.code, res.err).toBe(0);
    } finally {
      app.close();
    }
    expect(deskFiles()).toEqual(before);
    expect(readdirSync(path.join(dataDir, 'articles'))).toEqual(['sample-article-1.json']);
  });

  it('says so for a non-English article and for a table of figures, proposing nothing, exit 0', async () => {
    const french = write('fr.txt', [
      'Quatorze soldats tués dans une embuscade près de Tartous',
      'Selon les autorités, quatorze soldats du ministère de l’Intérieur ont été tués dans une embuscade tendue par des partisans du président déchu dans la région occidentale du pays.',
      'Dix autres soldats ont été blessés lors des affrontements de mardi, près du port méditerranéen de Tartous, un bastion de la minorité alaouite.',
    ].join('\n\n'));
    const fr = await cli('detect', french, '--json');
    expect(fr.code, fr.err).toBe(0);
    expect(JSON.parse(fr.out)).toMatchObject({ language: 'other', claims: [], attributions: [], notice: expect.stringContaining('does not read as English') });
    const plain = await cli('detect', french);
    expect(plain.out).toContain('does not read as English');
    const table = write('table.txt', ['Casualties by town', '2024 2025 change', 'Tartous 14 10 -4', 'Homs 1 5 +4', 'Latakia 3 3 0', 'Total 18 18 0'].join('\n\n'));
    const t = await cli('detect', table, '--json');
    expect(t.code, t.err).toBe(0);
    expect(JSON.parse(t.out)).toMatchObject({ claims: [], notice: expect.stringContaining('No sentences were found') });
  });

  it('usage errors exit 2 and unreadable files exit 1, with a clear message', async () => {
    expect((await cli('detect')).code).toBe(2);
    expect((await cli('detect', samplePath, samplePath)).code).toBe(2);
    expect((await cli('detect', samplePath, '--jsno')).code).toBe(2);
    const missing = await cli('detect', path.join(tmp.dir, 'nope.txt'));
    expect([missing.code, missing.err]).toEqual([1, expect.stringMatching(/Cannot read .*there is no such file/)]);
    const bad = await cli('detect', write('bad.json', '{"not": "an export"}'));
    expect(bad.code).toBe(1);
    expect(bad.err).toMatch(/bad\.json/);
  });
});
