import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { ApiError } from '../../../shared/api';
import { checkArticleDoc } from '../../../shared/doc/checkDoc';
import { docPlainText } from '../../../shared/doc/plainText';
import { MAX_IMPORT_BYTES } from '../../../shared/limits';
import { FORBIDDEN_IN_DOC, HOSTILE_PAGES } from './hostilePages';
import { articleFromHtmlBody, articleFromPage } from './html';

const bytes = (s: string) => new Uint8Array(Buffer.from(s, 'utf8'));
const realPage = (name: string) => new Uint8Array(readFileSync(`data/pages/${name}/source.html`));

async function refusal(work: Promise<unknown>): Promise<ApiError> {
  try {
    await work;
  } catch (e) {
    if (e instanceof ApiError) return e;
    throw e;
  }
  throw new Error('expected a refusal');
}

describe('hostile pages', () => {
  it('has at least 30 pages in the corpus', () => {
    expect(HOSTILE_PAGES.length).toBeGreaterThanOrEqual(30);
  });

  it.each(HOSTILE_PAGES.map((p) => [p.name, p] as const))('%s: the article is kept, nothing that runs or loads is', async (_name, { html, mayRefuse }) => {
    if (mayRefuse) {
      const got = await articleFromPage(bytes(html), 'hostile.html').catch((e: unknown) => e);
      if (got instanceof ApiError) return expect(got.message).toMatch(/has no article in it/);
    }
    const a = await articleFromPage(bytes(html), 'hostile.html');
    const json = JSON.stringify(a.doc);
    for (const re of FORBIDDEN_IN_DOC) expect(json).not.toMatch(re);
    // Only schema nodes and safe links: the stored document renders to nothing but text.
    const checked = checkArticleDoc(a.doc);
    expect(checked.ok).toBe(true);
    if (checked.ok) expect(docPlainText(checked.doc)).toContain('the ambush killed fourteen');
    expect(a.meta.title).toBe('Ambush kills fourteen');
  });

  it('keeps the words of a link whose target is unsafe, and a safe link as a link', async () => {
    const js = HOSTILE_PAGES.find((p) => p.name === 'javascript link')!;
    const a = await articleFromPage(bytes(js.html), 'p.html');
    expect(a.text).toContain('Read the statement in full.');
    const ping = await articleFromPage(bytes(HOSTILE_PAGES.find((p) => p.name === 'ping and download attributes')!.html), 'p.html');
    expect(JSON.stringify(ping.doc)).toContain('"href":"https://example.org/source"');
    expect(JSON.stringify(ping.doc)).not.toMatch(/ping|download/);
  });

  it('articleFromHtmlBody sanitises too (rich paste, Word)', async () => {
    const a = await articleFromHtmlBody('<h1>Head</h1><p onclick="x()">Body <img src="https://evil.example/i.png" onerror="alert(1)"><a href="javascript:alert(1)">link</a></p><script>alert(1)</script>');
    const json = JSON.stringify(a.doc);
    for (const re of FORBIDDEN_IN_DOC) expect(json).not.toMatch(re);
    expect(a.meta.title).toBe('Head');
    expect(a.text).toBe('Body link');
  });
});

describe('real pages', () => {
  it('BBC: headline, publisher, date, captions kept as captions, credits and player notices listed', async () => {
    const a = await articleFromPage(realPage('aeb-bbc-c7e39ac4'), 'bbc.html');
    expect(a.meta).toMatchObject({ title: 'Sweden drops Assange rape investigation', publisher: 'BBC News', publishedAt: '2019-11-19', url: 'https://www.bbc.com/news/world-europe-50473792', language: 'en' });
    expect(a.captions).toContain('Eva-Marie Persson said the decision had been taken after interviews with seven witnesses');
    expect(a.removed).toContainEqual({ text: 'Image copyright EPA', reason: 'image credit' });
    expect(a.removed.map((r) => r.reason)).toContain('video player notice');
    expect(a.text).not.toMatch(/Image copyright|Media playback/);
  });

  it('Ars Technica: title without the site name, byline as a name', async () => {
    const a = await articleFromPage(realPage('readability-ars-1'), 'ars.html');
    expect(a.meta).toMatchObject({ title: 'Just-released Minecraft exploit makes it easy to crash game servers', byline: 'Dan Goodin', publisher: 'Ars Technica', publishedAt: '2015-04-16' });
  });

  it('several authors are kept, roles and outlets dropped', async () => {
    expect((await articleFromPage(realPage('aeb-therealdeal-bc13ff87'), 'p.html')).meta.byline).toBe('Kevin Rebong, David Jeans');
    expect((await articleFromPage(realPage('aeb-mysanantonio-eecd2575'), 'p.html')).meta.byline).toBe('GREG BEACHAM');
    expect((await articleFromPage(realPage('aeb-cleveland-35b15891'), 'p.html')).meta.byline).toBe('Troy L. Smith');
  });

  // Its speed is measured by `npm run bench:import`, not here: a timed test fails on a loaded machine.
  it('imports the 1.2 MB Yahoo page', async () => {
    const a = await articleFromPage(realPage('readability-yahoo-1'), 'yahoo.html');
    expect(a.text.length).toBeGreaterThan(1000);
  });
});

describe('bad pages', () => {
  it.each([
    ['a login page', '<html><head><title>Sign in</title></head><body><form><label>Email <input name="e"></label><label>Password <input type="password"></label><button>Sign in</button></form><p>Forgot your password?</p></body></html>', /has no article in it/],
    ['an empty page', '<!DOCTYPE html><html><head><title>x</title></head><body></body></html>', /has no article in it/],
    ['a blank file', '   \n  ', /is empty/],
  ])('%s is refused with a clear message', async (_name, html, message) => {
    const e = await refusal(articleFromPage(bytes(html), 'page.html'));
    expect(e.code).toBe('bad_file');
    expect(e.message).toMatch(message);
  });

  it('a PNG renamed .html is refused as not a web page', async () => {
    const e = await refusal(articleFromPage(new Uint8Array(Buffer.from('89504e470d0a1a0a0000000d49484452', 'hex')), 'photo.html'));
    expect(e.message).toMatch(/“photo\.html” is not a web page: it looks like a PNG image/);
  });

  it('random binary renamed .htm is refused', async () => {
    const e = await refusal(articleFromPage(new Uint8Array([0, 1, 2, 3, 255, 254, 0, 7, 8]), 'x.htm'));
    expect(e.message).toMatch(/binary data/);
  });

  it('a page over the size limit is refused before it is parsed', async () => {
    const e = await refusal(articleFromPage(new Uint8Array(MAX_IMPORT_BYTES + 1), 'huge.html'));
    expect(e.code).toBe('too_large');
    expect(e.message).toMatch(/imports pages up to 5\.0 MB/);
  });

  it('a page in an encoding that cannot be read is refused', async () => {
    const e = await refusal(articleFromPage(bytes('<html><head><meta charset="x-klingon"></head><body><p>Hi</p></body></html>'), 'k.html'));
    expect(e.message).toMatch(/“x-klingon” encoding, which Claimdesk cannot read/);
  });
});
