/**
 * Turns imported plain text or Markdown into an article document: strips page furniture, takes the first
 * block as the title, drops a repeated headline, moves byline / date / address lines into metadata, and
 * builds the body from the remaining blocks. Everything taken out is listed in `removed`.
 * Pure code: runs in Node and in the browser.
 */
import MarkdownIt from 'markdown-it';
import type { StateCore, Token } from 'markdown-it';
import type { Node as PMNode } from 'prosemirror-model';
import { MarkdownParser } from 'prosemirror-markdown';
import type { RemovedText } from '../schema/article';
import type { DocNodeJson } from '../schema/doc';
import { linkTitleFrom } from '../schema/docAttrs';
import { stripFurniture } from '../text/furniture';
import { articleSchema, isSafeHref } from './schema';

export type ParsedArticle = {
  doc: DocNodeJson;
  meta: { title: string; byline: string; publishedAt: string; url: string };
  removed: RemovedText[];
};

type Format = 'text' | 'markdown';

/** A first block longer than this is article text, not a headline; the title is then left empty. */
const MAX_TITLE_WORDS = 40;
/** How many blocks after the title may hold a repeat of the headline. */
const DUPLICATE_WINDOW = 3;
/** How many blocks after the title are searched for byline, date and address lines. */
const META_WINDOW = 4;
/** A line with more words than this is article prose; metadata search stops at its block. */
const META_PROSE_WORDS = 12;

// ---------------------------------------------------------------------------------------------------------
// Markdown

type ParseEnv = { images?: string[] };

function createMarkdown(): MarkdownIt {
  const md = new MarkdownIt('commonmark', { html: false });
  // No code: articles have no code, and an indented paragraph should stay a paragraph.
  md.disable(['code', 'fence', 'backticks']);
  // Let every link through the tokenizer; unsafe targets are dropped below with `isSafeHref`, keeping the text.
  md.validateLink = () => true;
  md.core.ruler.push('claimdesk_sanitise', (state: StateCore) => {
    const env = state.env as ParseEnv;
    for (const block of state.tokens) {
      if (block.type !== 'inline' || !block.children) continue;
      const out: Token[] = [];
      const dropped: boolean[] = [];
      for (const tok of block.children) {
        if (tok.type === 'link_open') {
          const href = tok.attrGet('href');
          const safe = isSafeHref(href);
          dropped.push(!safe);
          if (safe) {
            tok.attrSet('href', href.trim());
            out.push(tok);
          }
        } else if (tok.type === 'link_close') {
          if (!dropped.pop()) out.push(tok);
        } else if (tok.type === 'image') {
          // The desk annotates prose, so images are left out and reported.
          const alt = tok.content.trim();
          const src = tok.attrGet('src') ?? '';
          (env.images ??= []).push(alt && src ? `${alt} (${src})` : alt || src);
        } else if (tok.type === 'code_inline' || tok.type === 'html_inline') {
          const text = new state.Token('text', '', 0);
          text.content = tok.content;
          out.push(text);
        } else {
          out.push(tok);
        }
      }
      block.children = out;
    }
  });
  return md;
}

let markdownSingleton: { md: MarkdownIt; parser: MarkdownParser } | null = null;

function markdown(): { md: MarkdownIt; parser: MarkdownParser } {
  if (markdownSingleton) return markdownSingleton;
  const md = createMarkdown();
  const parser = new MarkdownParser(articleSchema, md, {
    blockquote: { block: 'blockquote' },
    paragraph: { block: 'paragraph' },
    list_item: { block: 'list_item' },
    bullet_list: { block: 'bullet_list' },
    ordered_list: { block: 'ordered_list', getAttrs: (tok) => ({ order: Number(tok.attrGet('start')) || 1 }) },
    // The title is the document's only level-1 heading, so "#" in the body becomes level 2.
    heading: { block: 'heading', getAttrs: (tok) => ({ level: Math.min(6, Math.max(2, Number(tok.tag.slice(1)) || 2)) }) },
    hr: { node: 'horizontal_rule' },
    hardbreak: { node: 'hard_break' },
    em: { mark: 'em' },
    strong: { mark: 'strong' },
    link: {
      mark: 'link',
      getAttrs: (tok) => ({ href: tok.attrGet('href') ?? '', title: linkTitleFrom(tok.attrGet('title')) }),
    },
    // Disabled above; mapped anyway so an unexpected token can never make the parse throw.
    code_block: { block: 'paragraph', noCloseToken: true },
    fence: { block: 'paragraph', noCloseToken: true },
  });
  markdownSingleton = { md, parser };
  return markdownSingleton;
}

/** The text of one line of Markdown as a reader sees it (no emphasis, link or escape syntax). */
function markdownPlain(line: string): string {
  const tokens = markdown().md.parseInline(line, {});
  let out = '';
  for (const block of tokens) {
    for (const tok of block.children ?? []) {
      if (tok.type === 'text' || tok.type === 'code_inline') out += tok.content;
      else if (tok.type === 'softbreak' || tok.type === 'hardbreak') out += ' ';
    }
  }
  return out;
}

// ---------------------------------------------------------------------------------------------------------
// Blocks, titles and metadata

function splitBlocks(text: string): string[] {
  const lines = text
    .replace(/^\uFEFF/, '')
    .replace(/\r\n?/g, '\n')
    .split('\n')
    .map((l) => l.replace(/\s+$/, ''));
  const blocks: string[] = [];
  let current: string[] = [];
  for (const line of lines) {
    if (line === '') {
      if (current.length) blocks.push(current.join('\n'));
      current = [];
    } else {
      current.push(line);
    }
  }
  if (current.length) blocks.push(current.join('\n'));
  return blocks;
}

function wordCount(s: string): number {
  const t = s.trim();
  return t === '' ? 0 : t.split(/\s+/).length;
}

/** Compares headlines ignoring quote and dash styles, spacing and case. */
export function headlineKey(s: string): string {
  return s
    .normalize('NFKC')
    .replace(/[\u2018\u2019\u201A\u201B\u2032\u00B4`]/g, "'")
    .replace(/[\u201C\u201D\u201E\u201F\u2033\u00AB\u00BB]/g, '"')
    .replace(/[\u2010-\u2015\u2212]/g, '-')
    .replace(/\s+/g, ' ')
    .trim()
    .toLowerCase();
}

/** One line as a reader sees it: Markdown decoration removed for Markdown input, spacing tidied. */
function plainLine(line: string, format: Format): string {
  const t = line.trim();
  return (format === 'markdown' ? markdownPlain(t.replace(/^#{1,6}\s+/, '').replace(/\s+#+$/, '')) : t).replace(/\s+/g, ' ').trim();
}

function plainBlock(block: string, format: Format): string {
  return block
    .split('\n')
    .map((l) => plainLine(l, format))
    .filter((l) => l !== '')
    .join(' ');
}

const BYLINE_CONNECTORS = new Set([
  'and', '&', 'de', 'da', 'del', 'della', 'der', 'den', 'van', 'von', 'al', 'el', 'bin', 'ibn', 'la', 'le', 'du', 'dos',
  'das', 'y', 'of', 'for', 'the', 'in', 'at', 'with', '|', '-', '–', '—', '/',
]);

/** "By Jane Doe" / "By Jane Doe and John Roe, Reuters" → the names after "By"; otherwise null. */
export function parseByline(line: string): string | null {
  const m = /^by\s*:?\s+(.+)$/i.exec(line.trim());
  if (!m || !m[1]) return null;
  const rest = m[1].trim().replace(/[\s,|–—-]+$/, '');
  if (rest.length === 0 || rest.length > 120 || /[!?;:"“”]/.test(rest)) return null;
  const words = rest.split(/[\s,]+/).filter((w) => w !== '');
  if (words.length === 0 || words.length > 14) return null;
  if (!/^\p{Lu}/u.test(words[0] ?? '')) return null;
  for (const w of words) {
    if (/^\p{Lu}/u.test(w) || BYLINE_CONNECTORS.has(w.toLowerCase())) continue;
    return null;
  }
  // A full stop only after an initial or abbreviation (J., Jr.), never at the end of a sentence.
  const last = words[words.length - 1] ?? '';
  if (last.endsWith('.') && last.length > 4) return null;
  return rest;
}

const MONTHS: Record<string, number> = {
  jan: 1, january: 1, feb: 2, february: 2, mar: 3, march: 3, apr: 4, april: 4, may: 5, jun: 6, june: 6,
  jul: 7, july: 7, aug: 8, august: 8, sep: 9, sept: 9, september: 9, oct: 10, october: 10, nov: 11,
  november: 11, dec: 12, december: 12,
};

function isoDate(year: number, month: number, day: number): string | null {
  if (!Number.isInteger(year) || year < 1800 || year > 2200 || month < 1 || month > 12 || day < 1) return null;
  const leap = (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
  const days = [31, leap ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][month - 1] ?? 0;
  if (day > days) return null;
  return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

/** What may follow a date on a dateline: a time, a zone, nothing else. */
const TIME_TAIL =
  /^(\s*(,|at|-|–|—|\||·)?\s*\d{1,2}[:.]\d{2}(:\d{2})?\s*([ap]\.?\s?m\.?)?\s*(\(?(utc|gmt)?\s*[+-]\d{1,2}(:?\d{2})?\)?|\(?[a-z]{2,5}\)?)?)?\s*$/i;

/**
 * A line that is only a date, optionally "Published"/"Updated" and a weekday before it and a time after it:
 * "December 24, 2024", "24 December 2024", "2024-12-24", "Published: Tue 24 Dec 2024 10.32 GMT" → "2024-12-24".
 */
export function parseDateLine(line: string): string | null {
  let s = line.trim().replace(/\s+/g, ' ');
  s = s.replace(/^(first published|last updated|published|updated|posted|date)(\s+on)?\s*:?\s*/i, '');
  s = s.replace(/^(mon|tue|tues|wed|thu|thur|thurs|fri|sat|sun)[a-z]*\.?,?\s+/i, '');
  let m = /^(\d{4})-(\d{2})-(\d{2})(T[\d:.]+(Z|[+-]\d{2}:?\d{2})?)?(.*)$/i.exec(s);
  if (m) {
    if (!TIME_TAIL.test(m[6] ?? '')) return null;
    return isoDate(Number(m[1]), Number(m[2]), Number(m[3]));
  }
  m = /^(\p{L}+)\.?\s+(\d{1,2})(st|nd|rd|th)?,?\s+(\d{4})(.*)$/iu.exec(s);
  if (m) {
    const month = MONTHS[(m[1] ?? '').toLowerCase()];
    if (month === undefined || !TIME_TAIL.test(m[5] ?? '')) return null;
    return isoDate(Number(m[4]), month, Number(m[2]));
  }
  m = /^(\d{1,2})(st|nd|rd|th)?\s+(of\s+)?(\p{L}+)\.?,?\s+(\d{4})(.*)$/iu.exec(s);
  if (m) {
    const month = MONTHS[(m[4] ?? '').toLowerCase()];
    if (month === undefined || !TIME_TAIL.test(m[6] ?? '')) return null;
    return isoDate(Number(m[5]), month, Number(m[1]));
  }
  return null;
}

/** A line that is only a web address (optionally in angle brackets). */
export function parseUrlLine(line: string): string | null {
  const m = /^<?(https?:\/\/[^\s<>]+)>?$/i.exec(line.trim());
  return m && m[1] && m[1].length <= 2048 ? m[1] : null;
}

type Meta = ParsedArticle['meta'];
type MetaKind = 'byline' | 'publishedAt' | 'url';
const META_REASON: Record<MetaKind, string> = {
  byline: 'moved to metadata (byline)',
  publishedAt: 'moved to metadata (date)',
  url: 'moved to metadata (web address)',
};

/** If the line is a not-yet-found byline, date or address, records it in `meta` and says which. */
function takeMetaLine(line: string, format: Format, meta: Meta): MetaKind | null {
  const plain = plainLine(line, format);
  if (plain === '') return null;
  if (!meta.byline) {
    const byline = parseByline(plain);
    if (byline) {
      meta.byline = byline;
      return 'byline';
    }
  }
  if (!meta.publishedAt) {
    const date = parseDateLine(plain);
    if (date) {
      meta.publishedAt = date;
      return 'publishedAt';
    }
  }
  if (!meta.url) {
    const url = parseUrlLine(plain) ?? (format === 'markdown' ? parseUrlLine(line) : null);
    if (url) {
      meta.url = url;
      return 'url';
    }
  }
  return null;
}

/** Takes metadata lines out of a block; returns what is left of the block (possibly nothing). */
function extractMeta(block: string, format: Format, meta: Meta, removed: RemovedText[]): string[] {
  const left: string[] = [];
  for (const line of block.split('\n')) {
    const kind = takeMetaLine(line, format, meta);
    if (kind) removed.push({ text: line.trim(), reason: META_REASON[kind] });
    else left.push(line);
  }
  return left;
}

/** The headline from the first block; `rest` is any part of that block that is not the headline. */
function titleFromBlock(block: string, format: Format): { title: string; rest: string | null } {
  const lines = block.split('\n');
  if (format === 'markdown') {
    const first = lines[0] ?? '';
    if (/^#{1,6}(\s|$)/.test(first.trim())) {
      return { title: plainLine(first, format), rest: lines.length > 1 ? lines.slice(1).join('\n') : null };
    }
    const last = lines[lines.length - 1] ?? '';
    if (lines.length > 1 && /^\s*(=+|-+)\s*$/.test(last)) {
      return { title: plainBlock(lines.slice(0, -1).join('\n'), format), rest: null };
    }
  }
  return { title: plainBlock(block, format), rest: null };
}

// ---------------------------------------------------------------------------------------------------------
// Plain-text body

const BULLET = /^[-*•]\s+(.*)$/;
const ORDERED = /^(\d{1,3})[.)]\s+(.*)$/;
const QUOTE = /^>(?:\s(.*))?$/;
const RULE = /^([-*_])(\s*\1){2,}$/;

type Segment =
  | { kind: 'para'; lines: string[] }
  | { kind: 'bullet'; items: string[][] }
  | { kind: 'ordered'; start: number; items: string[][] }
  | { kind: 'quote'; lines: string[] };

function segments(block: string): Segment[] {
  const out: Segment[] = [];
  for (const raw of block.split('\n')) {
    const line = raw.trim();
    if (line === '') continue;
    const last = out[out.length - 1];
    const bullet = BULLET.exec(line);
    const ordered = bullet ? null : ORDERED.exec(line);
    const quote = bullet || ordered ? null : QUOTE.exec(line);
    if (bullet) {
      if (last?.kind === 'bullet') last.items.push([bullet[1] ?? '']);
      else out.push({ kind: 'bullet', items: [[bullet[1] ?? '']] });
    } else if (ordered) {
      if (last?.kind === 'ordered') last.items.push([ordered[2] ?? '']);
      else out.push({ kind: 'ordered', start: Number(ordered[1]) || 1, items: [[ordered[2] ?? '']] });
    } else if (quote) {
      const text = quote[1] ?? '';
      if (last?.kind === 'quote') last.lines.push(text);
      else out.push({ kind: 'quote', lines: [text] });
    } else if (last?.kind === 'bullet' || last?.kind === 'ordered') {
      // A hard-wrapped list item continues on the next line.
      last.items[last.items.length - 1]?.push(line);
    } else if (last?.kind === 'para') {
      last.lines.push(line);
    } else {
      out.push({ kind: 'para', lines: [line] });
    }
  }
  return out;
}

function joinLines(lines: string[]): string {
  return lines
    .map((l) => l.trim())
    .filter((l) => l !== '')
    .join(' ');
}

function paragraph(text: string): PMNode {
  return articleSchema.node('paragraph', null, text ? [articleSchema.text(text)] : []);
}

/** One line of at most 10 words, capitalised, with no closing punctuation, followed by more text. */
export function looksLikeSubheading(block: string, isLast: boolean): boolean {
  if (isLast || block.includes('\n')) return false;
  const t = block.trim();
  if (t === '' || wordCount(t) > 10) return false;
  if (!/^[\p{Lu}\p{N}]/u.test(t)) return false;
  if (/[.,;:!?"'”’»]$/.test(t)) return false;
  return !BULLET.test(t) && !ORDERED.test(t) && !QUOTE.test(t);
}

function textBody(blocks: string[]): PMNode[] {
  const nodes: PMNode[] = [];
  blocks.forEach((block, i) => {
    const oneLine = block.trim();
    if (!oneLine.includes('\n') && RULE.test(oneLine)) {
      nodes.push(articleSchema.node('horizontal_rule'));
      return;
    }
    if (looksLikeSubheading(block, i === blocks.length - 1)) {
      nodes.push(articleSchema.node('heading', { level: 2 }, [articleSchema.text(oneLine)]));
      return;
    }
    for (const seg of segments(block)) {
      if (seg.kind === 'para') {
        nodes.push(paragraph(joinLines(seg.lines)));
      } else if (seg.kind === 'quote') {
        const paras: string[][] = [[]];
        for (const l of seg.lines) {
          if (l.trim() === '') paras.push([]);
          else paras[paras.length - 1]?.push(l);
        }
        const content = paras.map(joinLines).filter((t) => t !== '').map(paragraph);
        if (content.length) nodes.push(articleSchema.node('blockquote', null, content));
      } else {
        const items = seg.items.map((item) => articleSchema.node('list_item', null, [paragraph(joinLines(item))]));
        nodes.push(
          seg.kind === 'bullet'
            ? articleSchema.node('bullet_list', null, items)
            : articleSchema.node('ordered_list', { order: seg.start }, items),
        );
      }
    }
  });
  return nodes;
}

function markdownBody(blocks: string[], removed: RemovedText[]): PMNode[] {
  if (blocks.length === 0) return [];
  const env: ParseEnv = {};
  const parsed = markdown().parser.parse(blocks.join('\n\n'), env);
  for (const image of env.images ?? []) removed.push({ text: image, reason: 'image (not imported)' });
  const nodes: PMNode[] = [];
  parsed.forEach((node) => {
    if (node.type.name === 'title') return; // filled in by the parser to satisfy the schema
    // Empty paragraphs, quotes and lists (a bare ">" or a lone image) carry nothing to annotate.
    if (node.type.name !== 'horizontal_rule' && node.textContent.trim() === '') return;
    nodes.push(node);
  });
  return nodes;
}

// ---------------------------------------------------------------------------------------------------------

/**
 * Builds an article from imported text. Throws an Error with a message for the user when no article text
 * is left (for example when the text is only share buttons and comment-form lines).
 */
export function articleFromText(text: string, format: 'text' | 'markdown'): ParsedArticle {
  const allBlocks = splitBlocks(text);
  if (allBlocks.length === 0) throw new Error('There is no text to import.');
  const furniture = stripFurniture(allBlocks);
  const blocks = furniture.kept;
  if (blocks.length === 0) {
    throw new Error(
      'No article text was found: everything in it looks like web-page extras (share buttons, comment forms, related links) rather than an article.',
    );
  }

  const meta: Meta = { title: '', byline: '', publishedAt: '', url: '' };
  const removed: RemovedText[] = [];

  // Title: the first block, unless it is clearly a paragraph of the article.
  let first = blocks[0] ?? '';
  let body = blocks.slice(1);
  if (wordCount(plainBlock(first, format)) > MAX_TITLE_WORDS) {
    body = blocks;
  } else {
    // Byline or date lines written straight under the headline, with no blank line between.
    const [head = '', ...under] = first.split('\n');
    first = [head, ...extractMeta(under.join('\n'), format, meta, removed).filter((l) => l.trim() !== '')].join('\n');
    const { title, rest } = titleFromBlock(first, format);
    meta.title = title;
    if (rest !== null) {
      const left = extractMeta(rest, format, meta, removed);
      if (left.some((l) => l.trim() !== '')) body.unshift(left.join('\n'));
    }
  }

  // A repeat of the headline just below it (a second copy of the page title, often with other quote marks).
  if (meta.title) {
    const key = headlineKey(meta.title);
    const next: string[] = [];
    body.forEach((block, i) => {
      if (i < DUPLICATE_WINDOW && headlineKey(plainBlock(block, format)) === key) {
        removed.push({ text: block.trim(), reason: 'duplicated headline' });
      } else {
        next.push(block);
      }
    });
    body = next;
  }

  // Byline, date and address lines near the top.
  const withoutMeta: string[] = [];
  let scanning = true;
  body.forEach((block, i) => {
    if (!scanning || i >= META_WINDOW) {
      withoutMeta.push(block);
      return;
    }
    const left = extractMeta(block, format, meta, removed);
    if (left.length > 0) withoutMeta.push(left.join('\n'));
    if (left.some((l) => wordCount(l) > META_PROSE_WORDS)) scanning = false;
  });
  body = withoutMeta;

  let nodes = format === 'markdown' ? markdownBody(body, removed) : textBody(body);
  if (nodes.length === 0) {
    if (!meta.title) throw new Error('No article text was found: there is no headline or paragraph to import.');
    nodes = [paragraph('')];
  }

  const titleNode = articleSchema.node('title', null, meta.title ? [articleSchema.text(meta.title)] : []);
  const doc = articleSchema.node('doc', null, [titleNode, ...nodes]);
  doc.check();
  return { doc: doc.toJSON() as DocNodeJson, meta, removed: [...removed, ...furniture.removed] };
}
