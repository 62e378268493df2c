/**
 * The ProseMirror schema for news articles: a title, then paragraphs, headings, block quotes, lists and
 * section breaks, with links and emphasis. Built from ProseMirror's own basic and list node specs; code
 * blocks and images are left out because the desk annotates prose, not media.
 */
import { Schema, type MarkSpec, type NodeSpec } from 'prosemirror-model';
import { marks as basicMarks, nodes as basicNodes } from 'prosemirror-schema-basic';
import { bulletList, listItem, orderedList } from 'prosemirror-schema-list';

/** Only these link targets survive import, paste and load: anything else (javascript:, data:…) is dropped. */
export function isSafeHref(href: unknown): href is string {
  return typeof href === 'string' && /^(https?:\/\/|mailto:)[^\s]*$/i.test(href.trim());
}

const nodes: Record<string, NodeSpec> = {
  doc: { content: 'title block+' },
  title: {
    content: 'text*',
    marks: '',
    defining: true,
    parseDOM: [{ tag: 'h1' }],
    toDOM: () => ['h1', { class: 'article-title' }, 0],
  },
  paragraph: basicNodes.paragraph,
  heading: {
    ...basicNodes.heading,
    attrs: { level: { default: 2, validate: 'number' } },
    parseDOM: [2, 3, 4, 5, 6].map((level) => ({ tag: `h${level}`, attrs: { level } })),
    toDOM: (node) => [`h${Math.min(6, Math.max(2, Number(node.attrs.level)))}`, 0],
  },
  blockquote: basicNodes.blockquote,
  horizontal_rule: basicNodes.horizontal_rule,
  ordered_list: { ...orderedList, content: 'list_item+', group: 'block' },
  bullet_list: { ...bulletList, content: 'list_item+', group: 'block' },
  list_item: { ...listItem, content: 'paragraph block*' },
  text: basicNodes.text,
  hard_break: basicNodes.hard_break,
};

const marks: Record<string, MarkSpec> = {
  link: {
    attrs: { href: { validate: 'string' }, title: { default: null } },
    inclusive: false,
    parseDOM: [
      {
        tag: 'a[href]',
        getAttrs: (dom: HTMLElement) => {
          const href = dom.getAttribute('href');
          return isSafeHref(href) ? { href: href.trim(), title: dom.getAttribute('title') } : false;
        },
      },
    ],
    toDOM: (mark) => [
      'a',
      { href: isSafeHref(mark.attrs.href) ? mark.attrs.href : '#', title: mark.attrs.title, rel: 'noopener noreferrer nofollow' },
      0,
    ],
  },
  em: basicMarks.em,
  strong: basicMarks.strong,
};

export const articleSchema = new Schema({ nodes, marks });
export type ArticleSchema = typeof articleSchema;
