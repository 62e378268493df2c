/**
 * A saved page's metadata: headline, byline, publisher, published and modified dates, canonical address and
 * language, each taken from the most trusted place the page has it. Works on any DOM (linkedom at import,
 * the browser's in tests); reads only, never changes the document. Run it before scripts are removed:
 * JSON-LD lives in <script type="application/ld+json">.
 */
import { parseDateLine } from '../text/headerLines';

export type PageMeta = {
  title: string;
  byline: string;
  publisher: string;
  publishedAt: string;
  modifiedAt: string;
  url: string;
  language: string;
};

/** What Readability itself found, used where the page has nothing better. */
export type ReadabilityHints = { title?: string | null; byline?: string | null; siteName?: string | null; lang?: string | null; publishedTime?: string | null };

type Json = unknown;
const ARTICLE_TYPES = /^(NewsArticle|Article|BlogPosting|ReportageNewsArticle|AnalysisNewsArticle|OpinionNewsArticle|LiveBlogPosting|WebPage|Report|TechArticle|ScholarlyArticle|Blog)$/;

/** Every object in the page's JSON-LD, articles first (a page also describes its site, breadcrumbs, videos). */
function jsonLdObjects(doc: Document): Record<string, Json>[] {
  const found: Record<string, Json>[] = [];
  const visit = (v: Json, depth: number) => {
    if (depth > 6 || v === null || typeof v !== 'object') return;
    if (Array.isArray(v)) return v.forEach((x) => visit(x, depth + 1));
    const o = v as Record<string, Json>;
    found.push(o);
    if ('@graph' in o) visit(o['@graph'], depth + 1);
  };
  for (const s of Array.from(doc.querySelectorAll('script[type="application/ld+json"]'))) {
    try {
      visit(JSON.parse((s.textContent ?? '').trim()), 0);
    } catch {
      // A page's broken JSON-LD is ignored; other sources of the same fields follow.
    }
  }
  const isArticle = (o: Record<string, Json>) => [o['@type']].flat().some((t) => typeof t === 'string' && ARTICLE_TYPES.test(t));
  return [...found.filter(isArticle).sort((a, b) => Number(String(b['@type']) !== 'WebPage') - Number(String(a['@type']) !== 'WebPage')), ...found.filter((o) => !isArticle(o))];
}

const str = (v: Json): string => (typeof v === 'string' ? v.trim() : typeof v === 'number' ? String(v) : '');

function names(v: Json): string[] {
  if (typeof v === 'string') return [v];
  if (Array.isArray(v)) return v.flatMap(names);
  if (v && typeof v === 'object') return names((v as Record<string, Json>).name);
  return [];
}

function metaContent(doc: Document, selectors: string[]): string[] {
  const out: string[] = [];
  for (const sel of selectors) {
    for (const el of Array.from(doc.querySelectorAll(sel))) {
      const c = (el.getAttribute('content') ?? el.getAttribute('datetime') ?? el.getAttribute('value') ?? '').trim();
      if (c) out.push(c);
    }
  }
  return out;
}

const metaNamed = (...names: string[]) => names.flatMap((n) => [`meta[property="${n}"]`, `meta[name="${n}"]`, `meta[itemprop="${n}"]`]);

// ---------------------------------------------------------------------------------------------------------
// Dates

/**
 * A machine date ("2019-11-20T23:30:00-05:00", "20191120", "2019/11/20") or a written one ("November 20,
 * 2019") as yyyy-mm-dd. The date part is taken as written: it is the publisher's calendar day, which a
 * conversion to UTC would shift.
 */
export function isoDay(raw: string): string {
  const s = raw.trim();
  let m = /^(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})(?:$|[T\s])/.exec(s) ?? /^(\d{4})(\d{2})(\d{2})(?:$|T)/.exec(s);
  if (m) return valid(Number(m[1]), Number(m[2]), Number(m[3]));
  return parseDateLine(s.replace(/\s+(at\s+)?\d{1,2}[:.]\d{2}.*$/i, '').replace(/[\s,;|-]+$/, '')) ?? '';
}

function valid(y: number, mo: number, d: number): string {
  if (y < 1800 || y > 2200 || mo < 1 || mo > 12 || d < 1 || d > 31) return '';
  const iso = `${y}-${String(mo).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
  return new Date(`${iso}T00:00:00Z`).toISOString().startsWith(iso) ? iso : '';
}

/** A date in the address's path: /2019/11/20/, /2019-11-20-, /20191120/. */
export function dateFromUrl(url: string): string {
  const path = url.replace(/^https?:\/\/[^/]+/i, '');
  const m = /\/((?:19|20)\d{2})[/-](\d{1,2})[/-](\d{1,2})(?:[/-]|$)/.exec(path) ?? /[/_-]((?:19|20)\d{2})(\d{2})(\d{2})(?:[/_.-]|$)/.exec(path);
  return m ? valid(Number(m[1]), Number(m[2]), Number(m[3])) : '';
}

/** "Published 10:32 AM ET Nov 20, 2019", "Updated: 20 November 2019" and similar short lines near the top. */
const DATE_LINE = /\b((?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\.?\s+\d{1,2}(?:st|nd|rd|th)?,?\s+\d{4}|\d{1,2}(?:st|nd|rd|th)?\s+(?:of\s+)?(?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\.?,?\s+\d{4}|\d{4}-\d{2}-\d{2})\b/i;

function dateIn(raw: string, wanted: RegExp): string {
  const text = raw.replace(/\s+/g, ' ').trim();
  if (text.length === 0 || text.length > 120 || !wanted.test(text)) return '';
  const m = DATE_LINE.exec(text);
  return m ? isoDay(m[1]!) : '';
}

function visibleDate(doc: Document, updated: boolean): string {
  const wanted = updated ? /\b(updated|modified)\b/i : /^(?!.*\b(updated|modified)\b)/i;
  for (const el of Array.from(doc.querySelectorAll('time, [class*="date" i], [class*="time" i], [class*="byline" i], [class*="meta" i], p, span, div, td, li, em, small, strong'))) {
    const d = dateIn(el.textContent ?? '', wanted);
    if (d) return d;
  }
  // A dateline can also be loose text beside elements ("기사입력 :[ 2018-09-28 17:32 ]").
  for (const el of Array.from(doc.querySelectorAll('div, td, section, article, header'))) {
    for (const n of Array.from(el.childNodes)) {
      if (n.nodeType !== 3) continue;
      const d = dateIn(n.textContent ?? '', wanted);
      if (d) return d;
    }
  }
  return '';
}

function firstDay(candidates: string[]): string {
  for (const c of candidates) {
    const d = isoDay(c);
    if (d) return d;
  }
  return '';
}

// ---------------------------------------------------------------------------------------------------------
// Title, byline, publisher

const TITLE_SEPARATORS = /\s+[|\-–—:•·»]\s+|\s+::\s+/;

/**
 * The headline without the site's name: "Minecraft exploit … - Ars Technica" → "Minecraft exploit …". A part
 * after the last separator is cut when it is the publisher's name, or short (at most 4 words) while what
 * stays is clearly a headline (at least 4 words).
 */
export function cleanTitle(title: string, publisher: string): string {
  let t = title.replace(/\s+/g, ' ').trim();
  const key = (s: string) => s.toLowerCase().replace(/[^\p{L}\p{N}]/gu, '');
  const pub = key(publisher);
  for (let i = 0; i < 2; i++) {
    const parts = t.split(TITLE_SEPARATORS);
    if (parts.length < 2) break;
    const last = parts.at(-1)!;
    const first = parts[0]!;
    const cutEnd = t.slice(0, t.lastIndexOf(last)).replace(/\s+[|\-–—:•·»:]+\s*$/, '').trim();
    const words = (s: string) => s.split(/\s+/).filter(Boolean).length;
    if ((pub && (key(last) === pub || pub.includes(key(last)) || key(last).includes(pub))) || (words(last) <= 4 && words(cutEnd) >= 4 && !/[:]/.test(t.slice(cutEnd.length, cutEnd.length + 3)))) {
      t = cutEnd;
    } else if (pub && key(first) === pub) {
      t = t.slice(first.length).replace(/^\s*[|\-–—:•·»:]+\s*/, '');
    } else break;
  }
  return t;
}

/** "By", and the same word in the languages of the desk's pages (par, von, por, di, door, av). */
const BYLINE_LEAD = /^\s*(written\s+)?(by|par|von|por|di|door|av|de)[:\s]+(?=\p{Lu})/iu;
/** A part of a byline that is a role or an outlet, not a person: "AP Sports Writer", "Cleveland.com", "CNN". */
const ROLE = /\b(writer|editor|correspondent|reporter|contributor|columnist|staff|producer|journalist|analyst)s?\b|\.\w{2,4}$/i;
const OUTLET_ACRONYM = /^\p{Lu}{2,5}$/u;
const NOT_A_NAME = /^(staff|staff writer|contributor|reporter|correspondent|editor|senior editor|associated press|reuters|afp|news|admin|guest|tmz staff)$/i;

/**
 * Names only from a byline as pages write it: "By Jane Doe and John Roe | Updated Nov 20, 2019" →
 * "Jane Doe, John Roe". Several authors are kept; "By", roles after a comma, dates, times, e-mail addresses
 * and Twitter handles go.
 */
export function cleanByline(raw: string | string[]): string {
  const parts = (Array.isArray(raw) ? raw : [raw]).flatMap((r) =>
    r
      .replace(/\s+/g, ' ')
      .replace(BYLINE_LEAD, '')
      .split(/\s*(?:\||•|·|—|–)\s*|\s+(?:and|&|with|y|et|und)\s+|\s*[,;]\s*|\s+by\s+/i),
  );
  const out: string[] = [];
  for (let p of parts) {
    p = p.replace(BYLINE_LEAD, '').replace(/\s+(\d|updated\b|published\b|posted\b).*$/i, '').replace(/@\w+/g, '').replace(/\S+@\S+/g, '').replace(/^[\s"'“”]+|[\s"'“”.]+$/g, '').trim();
    if (!p || /\d/.test(p) || /^https?:/i.test(p) || p.length > 60 || NOT_A_NAME.test(p) || ROLE.test(p) || OUTLET_ACRONYM.test(p)) continue;
    const words = p.split(/\s+/);
    if (words.length > 5 || !/^\p{Lu}/u.test(p) || /\b(updated|published|posted|min read|read|ago|photo|image)\b/i.test(p)) continue;
    if (!out.some((o) => o.toLowerCase() === p.toLowerCase())) out.push(p);
  }
  return out.join(', ');
}

function safeUrl(raw: string): string {
  const s = raw.trim();
  return /^https?:\/\/[^\s]+$/i.test(s) && s.length <= 2048 ? s : '';
}

/** "en_US" (og:locale) → "en-US"; anything that is not a language tag → ''. */
export function languageTag(raw: string): string {
  const s = raw.trim().replace(/_/g, '-');
  return /^[A-Za-z]{2,8}(-[A-Za-z0-9]{1,8})*$/.test(s) && s.length <= 35 ? s : '';
}

// ---------------------------------------------------------------------------------------------------------

const nameKey = (s: string) => s.toLowerCase().replace(/[^\p{L}\p{N}]/gu, '');
/** Whether two names are one (ignoring case, spacing and punctuation). */
export function sameName(a: string, b: string): boolean {
  return a !== '' && b !== '' && nameKey(a) === nameKey(b);
}

/** The page's metadata, each field from the first source that has it (the order of trust is each list's order). */
export function pageMetadata(doc: Document, hints: ReadabilityHints = {}): PageMeta {
  const ld = jsonLdObjects(doc);
  const fromLd = (key: string) => ld.map((o) => o[key]);

  const url =
    [
      doc.querySelector('link[rel="canonical"]')?.getAttribute('href') ?? '',
      ...metaContent(doc, metaNamed('og:url', 'twitter:url')),
      ...fromLd('url').map(str),
      ...fromLd('mainEntityOfPage').map((v) => str(v) || str((v as Record<string, Json> | null)?.['@id'])),
    ]
      .map(safeUrl)
      .find(Boolean) ?? '';

  const publisher =
    [
      ...fromLd('publisher').flatMap(names),
      ...metaContent(doc, metaNamed('og:site_name', 'application-name', 'publisher', 'twitter:site')).filter((s) => !s.startsWith('@')),
      hints.siteName ?? '',
    ]
      .map((s) => s.trim())
      .find((s) => s && s.length <= 200) ?? '';

  const rawTitle =
    [
      ...fromLd('headline').map(str),
      ...metaContent(doc, metaNamed('og:title', 'twitter:title', 'headline')),
      doc.querySelector('h1')?.textContent ?? '',
      hints.title ?? '',
      doc.querySelector('title')?.textContent ?? '',
    ]
      .map((s) => s.replace(/\s+/g, ' ').trim())
      .find((s) => s && s.length <= 500) ?? '';

  const byline =
    [
      cleanByline(ld.slice(0, 3).flatMap((o) => names(o.author ?? o.creator))),
      cleanByline(metaContent(doc, metaNamed('author', 'article:author', 'byl', 'dc.creator', 'DC.creator', 'parsely-author', 'sailthru.author')).filter((s) => !/^https?:/i.test(s))),
      cleanByline(Array.from(doc.querySelectorAll('[rel="author"], [itemprop="author"] [itemprop="name"], [itemprop="author"]')).map((e) => e.textContent ?? '').slice(0, 6)),
      cleanByline(hints.byline ?? ''),
    ].find(Boolean) ?? '';

  const publishedAt =
    firstDay([
      ...fromLd('datePublished').map(str),
      ...metaContent(doc, metaNamed('article:published_time', 'og:article:published_time', 'datePublished', 'pubdate', 'publishdate', 'publish-date', 'date', 'dc.date', 'DC.date.issued', 'dcterms.created', 'dcterms.date', 'sailthru.date', 'parsely-pub-date', 'cXenseParse:recs:publishtime', 'article.published', 'og:published_time')),
      ...fromLd('dateCreated').map(str),
      ...Array.from(doc.querySelectorAll('time[datetime][pubdate], time[itemprop="datePublished"], time[datetime]')).map((t) => t.getAttribute('datetime') ?? ''),
    ]) ||
    dateFromUrl(url) ||
    visibleDate(doc, false) ||
    isoDay(hints.publishedTime ?? '');

  const modifiedAt =
    firstDay([
      ...fromLd('dateModified').map(str),
      ...metaContent(doc, metaNamed('article:modified_time', 'og:updated_time', 'dateModified', 'last-modified', 'dcterms.modified', 'DC.date.modified')),
      ...Array.from(doc.querySelectorAll('time[itemprop="dateModified"]')).map((t) => t.getAttribute('datetime') ?? ''),
    ]) || visibleDate(doc, true);

  const language =
    [
      doc.documentElement?.getAttribute('lang') ?? '',
      ...metaContent(doc, ['meta[http-equiv="content-language" i]', ...metaNamed('og:locale', 'language', 'dc.language')]),
      ...fromLd('inLanguage').map(str),
      hints.lang ?? '',
    ]
      .map(languageTag)
      .find(Boolean) ?? '';

  return {
    title: cleanTitle(rawTitle, publisher),
    // An outlet named as the author ("BBC News", "Al-Bawaba") is the publisher, not a byline.
    byline: sameName(byline, publisher) ? '' : byline,
    publisher,
    publishedAt,
    // A modified date before the published one is the page's mistake (or a template's), not an update.
    modifiedAt: modifiedAt && publishedAt && modifiedAt < publishedAt ? '' : modifiedAt,
    url,
    language,
  };
}
