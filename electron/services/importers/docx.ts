/**
 * Word (.docx) files to article HTML, through mammoth. mammoth gives faithful HTML of the document; this
 * module makes it an article: the title, byline, publisher and date paragraphs at the top become metadata,
 * tables become paragraphs of text, footnotes and endnotes become notes at the end, images and unsafe
 * links are dropped (and listed), and only the few tags an article uses are left.
 *
 * The file's own properties (docProps: author, "created", "modified") are never read: they describe the
 * file, which is often a template or a copy, not the article.
 */
import mammoth from 'mammoth';
import { parseHTML } from 'linkedom';
import { ApiError } from '../../../shared/api';
import { headlineKey } from '../../../shared/doc/fromText';
import type { RemovedText } from '../../../shared/schema/article';
import { isSafeHref } from '../../../shared/schema/docAttrs';
import { headerReason, parseHeaderLine, type HeaderFields } from '../../../shared/text/headerLines';
import { checkWordFile } from '../../../shared/text/wordFile';

export type DocxMeta = { title: string; byline: string; publisher: string; publishedAt: string; modifiedAt: string; url: string };

export type DocxArticle = {
  /**
   * The body as an HTML fragment without the title: `p`, `h2`–`h6` (Word's Heading 1 is `h2`: level 1 is
   * the article's title), `ul`/`ol`/`li`, `blockquote`, `a href` (http(s) and mailto only), `strong`, `em`,
   * `sub`, `sup`, `s`, `br`; no other element or attribute. Notes, if any, end it under `<h2>Notes</h2>`.
   */
  html: string;
  /** From the top of the body only; '' where the document does not say. Dates are ISO 8601 (YYYY-MM-DD). */
  meta: DocxMeta;
  /** What was taken out of the body, with the reason, as the other importers list it. */
  removed: RemovedText[];
  /** The footnotes and endnotes in the order of their markers: "[1] …" (the body keeps "[1]" where it stood). */
  notes: string[];
};

/** Paragraphs at the top of the body searched for the title and header lines. */
const HEADER_WINDOW = 8;
/** A paragraph with more words than this is article prose: the header ends there. */
const HEADER_PROSE_WORDS = 12;

const ALLOWED = new Set(['P', 'H2', 'H3', 'H4', 'H5', 'H6', 'UL', 'OL', 'LI', 'BLOCKQUOTE', 'A', 'STRONG', 'EM', 'SUB', 'SUP', 'S', 'BR']);

// Word's Title style has no default mapping in mammoth (it would be an ordinary paragraph).
const STYLE_MAP = ["p[style-name='Title'] => h1.docx-title:fresh", "p[style-name='Subtitle'] => p:fresh"];

const text = (el: Element) => (el.textContent ?? '').replace(/\s+/g, ' ').trim();
const words = (s: string) => (s === '' ? 0 : s.split(' ').length);

function unwrap(el: Element): void {
  el.replaceWith(...Array.from(el.childNodes));
}

/**
 * Converts a .docx to article HTML and metadata. Throws an `ApiError` ('bad_file' or 'too_large') whose
 * message is for the user, naming the file: not a Word file, corrupt, password-protected, an old .doc,
 * too large, or without text.
 */
export async function docxToHtml(bytes: Uint8Array, fileName: string): Promise<DocxArticle> {
  const checked = checkWordFile(bytes, fileName);
  if (!checked.ok) throw new ApiError(checked.code, checked.message);
  const name = `“${fileName.split(/[\\/]/).pop() || 'file'}”`;

  let converted: { value: string };
  try {
    converted = await mammoth.convertToHtml(
      { buffer: Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength) },
      {
        styleMap: STYLE_MAP,
        // The image bytes are never needed: images are dropped below, their alt text listed.
        convertImage: mammoth.images.imgElement(() => Promise.resolve({ src: '' })),
        // No reading of linked files from disk (a .docx may name any path).
        externalFileAccess: false,
      },
    );
  } catch (e) {
    throw new ApiError('bad_file', `${name} is damaged and cannot be read as a Word file (${(e as Error).message.replace(/\.$/, '')}).`);
  }

  // linkedom's document implements the DOM calls used here; its own types are not the DOM's.
  const { document } = parseHTML(`<!doctype html><html><body><div id="root">${converted.value}</div></body></html>`) as unknown as { document: Document };
  const root = document.getElementById('root')!;
  const removed: RemovedText[] = [];

  const notes = takeNotes(root);
  dropImages(root, removed);
  tablesToParagraphs(document, root);
  cleanLinks(root, removed);
  const meta = takeHeader(root, removed);
  demoteHeadings(document, root);
  keepAllowed(root);
  for (const p of Array.from(root.querySelectorAll('p, li, h2, h3, h4, h5, h6'))) if (text(p) === '' && !p.querySelector('br')) p.remove();

  if (text(root) === '' && meta.title === '') throw new ApiError('bad_file', `${name} has no text to import.`);
  let html = root.innerHTML;
  if (notes.length > 0) html += `<h2>Notes</h2>${notes.map((n) => `<p>${escapeText(n)}</p>`).join('')}`;
  return { html, meta, removed, notes };
}

function escapeText(s: string): string {
  return s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

/** mammoth ends the body with a list of every note; markers in the text are `<sup><a href="#footnote-1">[1]</a></sup>`. */
function takeNotes(root: Element): string[] {
  const notes: string[] = [];
  const items = Array.from(root.querySelectorAll('li[id^="footnote-"], li[id^="endnote-"]'));
  items.forEach((li, i) => {
    for (const back of Array.from(li.querySelectorAll('a[href^="#footnote-ref-"], a[href^="#endnote-ref-"]'))) back.remove();
    notes.push(`[${i + 1}] ${text(li)}`);
  });
  const list = items[0]?.parentElement;
  if (list) list.remove();
  for (const marker of Array.from(root.querySelectorAll('a[href^="#footnote-"], a[href^="#endnote-"]'))) {
    const sup = marker.parentElement?.tagName === 'SUP' ? marker.parentElement : marker;
    sup.replaceWith(root.ownerDocument.createTextNode(text(marker)));
  }
  return notes;
}

function dropImages(root: Element, removed: RemovedText[]): void {
  for (const img of Array.from(root.querySelectorAll('img'))) {
    removed.push({ text: img.getAttribute('alt')?.trim() || '(an image without a description)', reason: 'image (not imported)' });
    img.remove();
  }
}

/** "Tables as text": each row becomes one paragraph, its cells' text joined by " | ". Innermost tables first. */
function tablesToParagraphs(document: Document, root: Element): void {
  for (const table of Array.from(root.querySelectorAll('table')).reverse()) {
    const rows = Array.from(table.querySelectorAll('tr')).filter((tr) => tr.closest('table') === table);
    const paras = rows
      .map((tr) =>
        Array.from(tr.children)
          .map((cell) => Array.from(cell.querySelectorAll('p')).map(text).filter((t) => t !== '').join(' ') || text(cell))
          .filter((t) => t !== '')
          .join(' | '),
      )
      .filter((t) => t !== '')
      .map((t) => {
        const p = document.createElement('p');
        p.textContent = t;
        return p;
      });
    table.replaceWith(...paras);
  }
}

/** Keeps http(s) and mailto links; any other target (javascript:, file:, a bookmark) is dropped and its words kept. */
function cleanLinks(root: Element, removed: RemovedText[]): void {
  for (const a of Array.from(root.querySelectorAll('a'))) {
    const href = (a.getAttribute('href') ?? '').trim();
    // Annotated boolean: isSafeHref is a type guard, and its false branch would narrow `href` to never.
    const safe: boolean = isSafeHref(href);
    if (safe) {
      for (const attr of Array.from(a.attributes)) if (attr.name !== 'href') a.removeAttribute(attr.name);
      a.setAttribute('href', href);
      continue;
    }
    // Internal links (to a bookmark, "#…") and bookmark anchors are Word's own navigation, not addresses.
    if (href !== '' && !href.startsWith('#')) {
      removed.push({ text: `${text(a)} (${href.slice(0, 200)})`, reason: 'link to an unsafe address (the words are kept)' });
    }
    unwrap(a);
  }
}

/**
 * The title (Word's Title style, else a heading that opens the document) and the header lines around it
 * (byline, publisher, dates, address), taken out of the body; a repeat of the title just after them too.
 */
function takeHeader(root: Element, removed: RemovedText[]): DocxMeta {
  const meta: DocxMeta = { title: '', byline: '', publisher: '', publishedAt: '', modifiedAt: '', url: '' };
  const top = Array.from(root.children).slice(0, HEADER_WINDOW);
  const styled = top.find((el) => el.tagName === 'H1' && el.classList.contains('docx-title'));
  const firstBlock = top.find((el) => text(el) !== '' && !(el.tagName === 'P' && parseHeaderLine(text(el))));
  const titleEl = styled ?? (firstBlock && /^H[1-6]$/.test(firstBlock.tagName) ? firstBlock : undefined);
  if (titleEl) {
    meta.title = text(titleEl);
    titleEl.remove();
  }
  const key = meta.title ? headlineKey(meta.title) : null;
  for (const el of top) {
    if (!el.isConnected || el === titleEl) continue;
    const line = text(el);
    if (line === '') continue;
    if (key !== null && headlineKey(line) === key) {
      removed.push({ text: line, reason: 'duplicated headline' });
      el.remove();
      continue;
    }
    const fields = el.tagName === 'P' ? parseHeaderLine(line) : null;
    if (fields) {
      const fresh: HeaderFields = {};
      for (const [field, value] of Object.entries(fields) as [keyof HeaderFields, string][]) {
        if (!meta[field]) fresh[field] = meta[field] = value;
      }
      if (Object.keys(fresh).length > 0) {
        removed.push({ text: line, reason: headerReason(fresh) });
        el.remove();
        continue;
      }
    }
    if (words(line) > HEADER_PROSE_WORDS || el.tagName !== 'P') break;
  }
  return meta;
}

/** The article's title is its only level-1 heading, so the body's headings start at level 2. */
function demoteHeadings(document: Document, root: Element): void {
  for (const h1 of Array.from(root.querySelectorAll('h1'))) {
    const h2 = document.createElement('h2');
    h2.append(...Array.from(h1.childNodes));
    h1.replaceWith(h2);
  }
}

/** Leaves only the article elements; anything else mammoth may write (checkboxes, comment lists) is unwrapped or dropped. */
function keepAllowed(root: Element): void {
  for (const el of Array.from(root.querySelectorAll('*')).reverse()) {
    if (!ALLOWED.has(el.tagName)) {
      if (el.tagName === 'INPUT' || el.tagName === 'DL') el.remove();
      else unwrap(el);
      continue;
    }
    for (const attr of Array.from(el.attributes)) if (!(el.tagName === 'A' && attr.name === 'href')) el.removeAttribute(attr.name);
  }
}
