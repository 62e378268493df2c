/**
 * Turns sanitised article HTML (a DOM element holding Readability's or mammoth's output, after DOMPurify)
 * into an article document: page furniture removed and listed, figure captions kept as captions (their
 * credits removed), a repeated headline and byline/date lines moved out of the text, then ProseMirror's own
 * DOM parser builds the document from what is left. Works on any DOM (jsdom at import, the browser's);
 * it changes the element it is given.
 */
import { DOMParser as PMDOMParser, type Node as PMNode } from 'prosemirror-model';
import type { RemovedText } from '../schema/article';
import type { DocNodeJson } from '../schema/doc';
import type { PageMeta } from '../html/pageMeta';
import { cleanByline, isoDay } from '../html/pageMeta';
import { CAPTION_CREDITS, CAPTION_LABEL, pageBlockFurniture } from '../text/pageFurniture';
import { headlineKey } from './fromText';
import { parseDateLine } from '../text/headerLines';
import { articleSchema } from './schema';

export type ImportedMeta = PageMeta;

export type ImportedArticle = {
  doc: DocNodeJson;
  meta: ImportedMeta;
  /** What was taken out of the text, each with its reason. */
  removed: RemovedText[];
  /** The figure captions kept (caption blocks), in order. */
  captions: string[];
  /** The body as plain text, paragraphs separated by blank lines, without the title or captions. */
  text: string;
};

const LEAF_BLOCKS = 'p, h1, h2, h3, h4, h5, h6, li, figcaption, dt, dd, pre, blockquote, div, td, th';
const BLOCK_CHILD = /^(P|H[1-6]|LI|UL|OL|FIGCAPTION|FIGURE|DT|DD|DL|PRE|BLOCKQUOTE|DIV|TABLE|TR|TD|TH|SECTION|ARTICLE|HEADER|FOOTER|ASIDE|MAIN|HR)$/;
/** Metadata lines (byline, date) are looked for only this many blocks into the text. */
const META_WINDOW = 6;
/** A block after a related-story marker whose words are mostly a link is part of that box. */
const TAIL_LINK_SHARE = 0.6;
const TAIL_MAX_WORDS = 30;

const squash = (s: string) => s.replace(/\s+/g, ' ').trim();
const words = (s: string) => (s === '' ? 0 : s.split(' ').length);

function isLeaf(el: Element): boolean {
  for (const c of Array.from(el.children)) if (BLOCK_CHILD.test(c.tagName.toUpperCase())) return false;
  return true;
}

function linkShare(el: Element, text: string): number {
  const linked = Array.from(el.querySelectorAll('a')).reduce((n, a) => n + squash(a.textContent ?? '').length, 0);
  return text.length === 0 ? 0 : linked / text.length;
}

/** Removes the element, and any list, figure or quote it leaves empty. */
function removeBlock(el: Element): void {
  let parent = el.parentElement;
  el.remove();
  while (parent && /^(UL|OL|FIGURE|BLOCKQUOTE|DL)$/.test(parent.tagName.toUpperCase()) && squash(parent.textContent ?? '') === '') {
    const up: HTMLElement | null = parent.parentElement;
    parent.remove();
    parent = up;
  }
}

/** Tables are kept as text: each row becomes a paragraph of its cells. */
function tablesAsText(root: Element): void {
  const doc = root.ownerDocument;
  for (const table of Array.from(root.querySelectorAll('table')).reverse()) {
    const rows = Array.from(table.querySelectorAll('tr')).map((tr) => Array.from(tr.children).map((c) => squash(c.textContent ?? '')).filter(Boolean).join(' | '));
    const out = doc.createElement('div');
    for (const r of rows.filter(Boolean)) {
      const p = doc.createElement('p');
      p.textContent = r;
      out.appendChild(p);
    }
    table.replaceWith(out);
  }
}

/**
 * Text lying loose beside blocks (BBC puts "Image copyright EPA" in spans beside the <figcaption>; sites
 * put a dateline in a <div> before the first <p>): each run of inline content between blocks is judged
 * like a block, and furniture there goes with its reason.
 */
function looseRuns(root: Element, record: (el: Element, text: string, reason: string) => void): void {
  for (const box of [root, ...Array.from(root.querySelectorAll('div, figure, section, article, header, footer, aside, main, li, blockquote'))]) {
    if (isLeaf(box)) continue;
    const runs: ChildNode[][] = [[]];
    for (const n of Array.from(box.childNodes)) {
      const tag = (n as Element).tagName?.toUpperCase();
      if (tag && BLOCK_CHILD.test(tag)) runs.push([]);
      else runs.at(-1)!.push(n);
    }
    for (const run of runs) {
      const text = squash(run.map((n) => n.textContent ?? '').join(''));
      const verdict = text ? pageBlockFurniture(text) : null;
      if (verdict) {
        record(box, text, verdict.reason);
        for (const n of run) n.parentNode?.removeChild(n);
      }
    }
  }
}

/**
 * Lines of one block split by <br> (a byline and a dateline in one <p>): a line that is furniture is
 * removed with its <br>, the others stay.
 */
function brLines(el: Element, record: (text: string, reason: string) => void): void {
  if (!el.querySelector('br')) return;
  const lines: ChildNode[][] = [[]];
  for (const n of Array.from(el.childNodes)) {
    if ((n as Element).tagName?.toUpperCase() === 'BR') lines.push([n]);
    else lines.at(-1)!.push(n);
  }
  if (lines.length < 2) return;
  for (const line of lines) {
    const text = squash(line.map((n) => n.textContent ?? '').join(''));
    const verdict = text ? pageBlockFurniture(text) : null;
    if (verdict) {
      record(text, verdict.reason);
      for (const n of line) n.parentNode?.removeChild(n);
    }
  }
}

/** Takes the caption's label and credits out of its text nodes; returns the credits removed. */
function cleanCaption(el: Element): string[] {
  const credits: string[] = [];
  const doc = el.ownerDocument;
  const walker = doc.createTreeWalker(el, 4 /* NodeFilter.SHOW_TEXT */);
  const texts: Text[] = [];
  for (let n = walker.nextNode(); n; n = walker.nextNode()) texts.push(n as Text);
  texts.forEach((t, i) => {
    let s = t.data;
    if (i === 0) s = s.replace(CAPTION_LABEL, '');
    for (const re of CAPTION_CREDITS) {
      s = s.replace(re, (m) => {
        credits.push(squash(m).replace(/^\(|\)$/g, ''));
        return ' ';
      });
    }
    s = s.replace(/\s*(image|media) caption\s*/gi, ' ');
    if (s !== t.data) t.data = s.replace(/\s{2,}/g, ' ');
  });
  return credits.filter(Boolean);
}

function plainBody(doc: PMNode): { text: string; captions: string[] } {
  const body: string[] = [];
  const captions: string[] = [];
  doc.descendants((node) => {
    if (!node.isTextblock) return true;
    const t = node.textBetween(0, node.content.size, '', '\n');
    if (node.type.name === 'caption') captions.push(t);
    else if (node.type.name !== 'title') body.push(t);
    return false;
  });
  return { text: body.filter((t) => t.trim() !== '').join('\n\n'), captions };
}

/**
 * The article from its body element. `meta` is what the page's own metadata gave; byline and date lines
 * found at the top of the text fill what it lacks and are removed either way.
 */
export function articleFromDom(body: Element, meta: ImportedMeta): ImportedArticle {
  const found: ImportedMeta = { ...meta };
  const removed: RemovedText[] = [];
  let lastRemovedFrom: Element | null = null;
  const record = (el: Element, text: string, reason: string, afterPrevious: boolean) => {
    const last = removed.at(-1);
    if (last && afterPrevious && last.reason === reason) last.text += `\n${text}`;
    else removed.push({ text, reason });
    lastRemovedFrom = el;
  };

  tablesAsText(body);
  looseRuns(body, (el, text, reason) => record(el, text, reason, false));
  let tail: string | null = null;
  let index = 0;
  let previous: Element | null = null;
  for (const el of Array.from(body.querySelectorAll(LEAF_BLOCKS))) {
    if (!body.contains(el) || !isLeaf(el)) continue;
    const tag = el.tagName.toUpperCase();
    const adjacent: boolean = previous !== null && lastRemovedFrom === previous;
    previous = el;
    if (tag === 'FIGCAPTION') {
      // A caption that is only a credit ("Photo Credit Kevin Frayer/Getty Images") goes whole.
      const whole = squash(el.textContent ?? '');
      if (whole && pageBlockFurniture(whole)?.reason === 'image credit') {
        record(el, whole, 'image credit', false);
        removeBlock(el);
        continue;
      }
      for (const credit of cleanCaption(el)) record(el, credit, 'image credit', false);
    } else {
      brLines(el, (text, reason) => record(el, text, reason, false));
    }
    const text = squash(el.textContent ?? '');
    if (text === '') {
      removeBlock(el);
      lastRemovedFrom = el;
      continue;
    }
    index++;
    const drop = (reason: string) => {
      record(el, text, reason, adjacent);
      removeBlock(el);
    };
    if (tail !== null) {
      if (words(text) <= TAIL_MAX_WORDS && linkShare(el, text) >= TAIL_LINK_SHARE) {
        drop(`links after “${tail}”`);
        continue;
      }
      tail = null;
    }
    if (index <= 3 && /^H[1-6]$/.test(tag) && found.title && headlineKey(text) === headlineKey(found.title)) {
      drop('duplicated headline');
      continue;
    }
    // Pasted or Word HTML without a headline of its own: a first heading, or a short first line, is it.
    if (!found.title && index === 1 && (/^H[1-6]$/.test(tag) || (tag === 'P' && words(text) <= 25 && !/[.!?:]$/.test(text)))) {
      found.title = text;
      removeBlock(el); // it is the title block now, so nothing is lost to list
      lastRemovedFrom = el;
      continue;
    }
    if (index <= META_WINDOW && tag !== 'FIGCAPTION') {
      const names = /^(written\s+)?by\b/i.test(text) && words(text) <= 16 ? cleanByline(text) : '';
      if (names || (found.byline && squash(text).toLowerCase() === found.byline.toLowerCase())) {
        if (!found.byline) found.byline = names;
        drop('moved to metadata (byline)');
        continue;
      }
      const date = words(text) <= 12 ? (parseDateLine(text) ?? '') || (/^(published|posted|updated)\b/i.test(text) ? isoDay(text.replace(/^\D*/, '')) : '') : '';
      if (date) {
        if (/updated|modified/i.test(text)) found.modifiedAt ||= date;
        else found.publishedAt ||= date;
        drop('moved to metadata (date)');
        continue;
      }
    }
    const verdict = tag === 'FIGCAPTION' ? null : pageBlockFurniture(text);
    if (verdict) {
      drop(verdict.reason);
      if (verdict.tail) tail = text;
    }
  }

  const docEl = body.ownerDocument;
  const wrapper = docEl.createElement('div');
  const h1 = docEl.createElement('h1');
  h1.textContent = found.title;
  wrapper.appendChild(h1);
  // The one <h1> is the title; headings inside the text start at level 2 (the schema's).
  for (const h of Array.from(body.querySelectorAll('h1'))) {
    const h2 = docEl.createElement('h2');
    while (h.firstChild) h2.appendChild(h.firstChild);
    h.replaceWith(h2);
  }
  while (body.firstChild) wrapper.appendChild(body.firstChild);
  const parsed = PMDOMParser.fromSchema(articleSchema).parse(wrapper);
  // Empty paragraphs (spacers, emptied boxes) carry nothing to read or claim.
  const blocks: PMNode[] = [];
  parsed.forEach((child, _offset, i) => {
    if (i === 0 || child.textContent.trim() !== '' || child.type.name === 'horizontal_rule') blocks.push(child);
  });
  if (blocks.length === 1) blocks.push(articleSchema.nodes.paragraph!.create());
  const doc = articleSchema.nodes.doc!.create(null, blocks);
  doc.check();
  return { doc: doc.toJSON() as DocNodeJson, meta: found, removed, ...plainBody(doc) };
}
