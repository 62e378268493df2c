/**
 * Saved web pages and HTML bodies (rich paste, mammoth's output) into articles.
 *
 * - The page is parsed by linkedom: a DOM with no script engine, no CSS engine and no network, so nothing
 *   in the page runs or loads. Measured on the 40 pages of data/pages/ (2-core machine): parse + Readability
 *   1.4 s in all for linkedom against 6.9 s for jsdom, with the same text on 39 of 40 pages.
 * - @mozilla/readability finds the body on a copy of that DOM (it mutates what it is given).
 * - DOMPurify sanitises the body with the shared rules (shared/html/sanitizeRules.ts). It runs on jsdom:
 *   on linkedom DOMPurify reports `isSupported` false and returns its input unchanged (tried: an onerror
 *   handler and a javascript: link came through), so linkedom is never given to it. jsdom is loaded lazily,
 *   once (its import costs 0.6-2 s), and is only ever given the already-extracted body, never a page
 *   with its scripts or styles; it runs no script (jsdom's default) and loads nothing (no resources option).
 */
import { Readability } from '@mozilla/readability';
import createDOMPurify, { type DOMPurify } from 'dompurify';
import { parseHTML } from 'linkedom';
import { ApiError } from '../../../shared/api';
import { articleFromDom, type ImportedArticle, type ImportedMeta } from '../../../shared/doc/fromDom';
import { PURIFY_CONFIG } from '../../../shared/html/sanitizeRules';
import { cleanByline, pageMetadata, sameName } from '../../../shared/html/pageMeta';
import { decodeHtmlFile } from '../../../shared/text/decodeHtml';
import { displayName } from '../../../shared/text/decodeText';

export type { ImportedArticle, ImportedMeta };

/** A page whose article has fewer words than this has no article in it (a login page, an index, an error page). */
export const MIN_PAGE_ARTICLE_WORDS = 40;

const EMPTY_META: ImportedMeta = { title: '', byline: '', publisher: '', publishedAt: '', modifiedAt: '', url: '', language: '' };

let purifier: Promise<DOMPurify> | null = null;

/** DOMPurify over a jsdom window, created on first use and kept. Fails closed if DOMPurify cannot work there. */
export function htmlSanitiser(): Promise<DOMPurify> {
  purifier ??= import('jsdom').then(({ JSDOM }) => {
    const purify = createDOMPurify(new JSDOM('<!DOCTYPE html><html><body></body></html>').window as unknown as Parameters<typeof createDOMPurify>[0]);
    if (!purify.isSupported) throw new Error('DOMPurify cannot sanitise on this DOM');
    return purify;
  });
  // A failed load is not kept: the next import tries again rather than failing for the rest of the run.
  purifier.catch(() => {
    purifier = null;
  });
  return purifier;
}

/** The sanitised body as a (jsdom) <body> element, ready for articleFromDom. */
async function sanitisedBody(html: string): Promise<Element> {
  const purify = await htmlSanitiser();
  return purify.sanitize(html, { ...PURIFY_CONFIG, RETURN_DOM: true });
}

const words = (s: string) => s.split(/\s+/).filter(Boolean).length;

/**
 * An HTML body (no Readability: everything in it is meant to be the article) into an article: sanitised,
 * furniture removed and listed, captions kept, metadata from `meta` and from byline/date lines at the top.
 * For rich paste and Word files (mammoth's HTML).
 */
export async function articleFromHtmlBody(html: string, meta: Partial<ImportedMeta> = {}): Promise<ImportedArticle> {
  const body = await sanitisedBody(html);
  return articleFromDom(body, { ...EMPTY_META, ...meta });
}

/** Removes what is never article text before Readability sees it, and what would slow it down; <base> too, so no relative link resolves against an address the page chose. */
function stripInert(doc: Document): void {
  for (const el of Array.from(doc.querySelectorAll('script, style, noscript, template, link, meta, base, iframe, object, embed, svg, form'))) el.remove();
}

/**
 * A saved page (its file's bytes) into an article. Throws ApiError with a sentence for the user when the
 * page is too large, binary, in an encoding that cannot be read, or has no article in it.
 */
export async function articleFromPage(bytes: Uint8Array, fileName: string): Promise<ImportedArticle> {
  const name = `“${displayName(fileName)}”`;
  const decoded = decodeHtmlFile(bytes, fileName);
  if (!decoded.ok) throw new ApiError(decoded.code, decoded.message);
  // <style> goes before parsing: pages carry hundreds of KB of CSS that no step needs.
  const source = decoded.text.replace(/<style\b[^>]*>[\s\S]*?<\/style\s*>/gi, '');
  const { document } = parseHTML(source);
  const doc = document as unknown as Document;
  if (!doc.documentElement || !/<(html|head|body|p|div|article|h1)\b/i.test(source.slice(0, 200_000))) {
    throw new ApiError('bad_file', `${name} is not a web page: no HTML found in it.`);
  }
  const meta = pageMetadata(doc);
  stripInert(doc);
  const copy = doc.cloneNode(true) as Document;
  let found: ReturnType<Readability['parse']>;
  try {
    found = new Readability(copy).parse();
  } catch (e) {
    throw new ApiError('bad_file', `${name} could not be read as a web page: ${(e as Error).message}`);
  }
  if (!found?.content || words(found.textContent ?? '') < MIN_PAGE_ARTICLE_WORDS) {
    throw new ApiError('bad_file', `${name} has no article in it that Claimdesk can find (it may be a login, index or empty page). Save the article's own page and import that.`);
  }
  const filled: ImportedMeta = {
    ...meta,
    title: meta.title || (found.title ?? '').trim(),
    byline: meta.byline || (sameName(cleanByline(found.byline ?? ''), meta.publisher) ? '' : cleanByline(found.byline ?? '')),
    publisher: meta.publisher || (found.siteName ?? '').trim(),
    language: meta.language || (found.lang ?? '').trim(),
  };
  const article = articleFromDom(await sanitisedBody(found.content), filled);
  if (words(article.text) < MIN_PAGE_ARTICLE_WORDS) {
    throw new ApiError('bad_file', `${name} has no article in it that Claimdesk can find (it may be a login, index or empty page). Save the article's own page and import that.`);
  }
  return article;
}
