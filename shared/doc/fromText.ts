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
import { headerReason, parseHeaderLine, type HeaderFields } from '../text/headerLines';
import { articleSchema, isSafeHref } from './schema';

export type ParsedArticle = {
  doc: DocNodeJson;
  /** Header lines found around the headline (shared/text/headerLines.ts); '' where none was. */
  meta: { title: string; byline: string; publisher: string; publishedAt: string; modifiedAt: string; url: string };
  removed: RemovedText[];
};

type Format = 'text' | 'markdown';

/** A first block longer than this is article text, not a headline; the title is then left empty. */
const MAX_TITLE_WORDS = 40;
/** How many blocks of text after the title may come before a repeat of the headline. */
const DUPLICATE_WINDOW = 3;
/** How many blocks of text after the title may come before header lines (byline, date, publisher…). */
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

type Meta = ParsedArticle['meta'];

/** If the line is a header line, records the fields not yet found in `meta`; returns the reason it is taken out. */
function takeMetaLine(line: string, format: Format, meta: Meta): string | null {
  const plain = plainLine(line, format);
  if (plain === '') return null;
  // In Markdown an address line may be written as a link: "<https://…>".
  const fields = parseHeaderLine(plain) ?? (format === 'markdown' ? parseHeaderLine(line) : null);
  if (!fields) return null;
  const fresh: HeaderFields = {};
  for (const [field, value] of Object.entries(fields) as [keyof HeaderFields, string][]) {
    if (!meta[field]) fresh[field] = meta[field] = value;
  }
  // A second header line (the agency under the site's name) is still not article text.
  return Object.keys(fresh).length > 0 ? headerReason(fresh) : headerReason(fields, 'already found');
}

/** Takes metadata lines out of a block; returns what is left of the block (possibly nothing). */
function extractMeta(block: string, format: Format, meta: Meta, removed: RemovedText[]): string[] {
  const left: string[] = [];
  for (const line of block.split('\n')) {
    const reason = takeMetaLine(line, format, meta);
    if (reason) removed.push({ text: line.trim(), reason });
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

  const meta: Meta = { title: '', byline: '', publisher: '', publishedAt: '', modifiedAt: '', url: '' };
  const removed: RemovedText[] = [];

  // Header lines above the headline ("Reuters", a date), in blocks of their own or in the headline's block.
  let body = [...blocks];
  let first: string[] = [];
  while (body.length > 0 && first.length === 0) {
    const block = body.shift() ?? '';
    if (wordCount(plainBlock(block, format)) > MAX_TITLE_WORDS) {
      // The first block is clearly a paragraph of the article: there is no title.
      body.unshift(block);
      break;
    }
    first = extractMeta(block, format, meta, removed).filter((l) => l.trim() !== '');
  }
  if (first.length > 0) {
    const { title, rest } = titleFromBlock(first.join('\n'), format);
    meta.title = title;
    if (rest !== null && rest.trim() !== '') body.unshift(rest);
  }

  // The header zone under the headline: header lines, and a repeat of the headline (a second copy of the
  // page title, often with other quote marks), until the first paragraph of prose or META_WINDOW blocks.
  const key = meta.title ? headlineKey(meta.title) : null;
  const next: string[] = [];
  let kept = 0;
  let scanning = true;
  for (const block of body) {
    if (key !== null && kept < DUPLICATE_WINDOW && headlineKey(plainBlock(block, format)) === key) {
      removed.push({ text: block.trim(), reason: 'duplicated headline' });
      continue;
    }
    if (!scanning) {
      next.push(block);
      kept++;
      continue;
    }
    const left = extractMeta(block, format, meta, removed);
    if (left.length > 0) {
      next.push(left.join('\n'));
      kept++;
    }
    if (left.some((l) => wordCount(l) > META_PROSE_WORDS) || kept >= META_WINDOW) scanning = false;
  }
  body = next;

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
