/**
 * The ProseMirror schema for news articles: a title, then paragraphs, headings, block quotes, lists,
 * figure captions and section breaks, with links and emphasis. Built from ProseMirror's own basic and list node specs; code
 * blocks and images are left out because the desk annotates prose, not media.
 */
import { Schema, type AttributeSpec, type MarkSpec, type NodeSpec } from 'prosemirror-model';
import { marks as basicMarks, nodes as basicNodes } from 'prosemirror-schema-basic';
import { bulletList, listItem, orderedList } from 'prosemirror-schema-list';
import {
  isSafeHref,
  linkTitleFrom,
  listStartFrom,
  MARK_ATTRS,
  NODE_ATTRS,
  type AttrsDecl,
  type MarkTypeName,
  type NodeTypeName,
} from '../schema/docAttrs';

export { isSafeHref };

/**
 * ProseMirror's attribute specs from the one declaration (schema/docAttrs.ts): a node or mark with a
 * bad attribute cannot even be created, so no path (load, paste, import, a step) builds one.
 */
function attrs(type: string, decls: AttrsDecl): Record<string, AttributeSpec> {
  const specs: Record<string, AttributeSpec> = {};
  for (const [name, decl] of Object.entries(decls)) {
    const validate = (value: unknown) => {
      const checked = decl.value.safeParse(value);
      if (!checked.success) throw new RangeError(`${type}.${name}: ${checked.error.issues[0]?.message ?? 'invalid value'}`);
    };
    specs[name] = 'default' in decl ? { default: decl.default, validate } : { validate };
  }
  return specs;
}

const node = (type: NodeTypeName, spec: NodeSpec): NodeSpec => ({ ...spec, attrs: attrs(type, NODE_ATTRS[type]) });
const mark = (type: MarkTypeName, spec: MarkSpec): MarkSpec => ({ ...spec, attrs: attrs(type, MARK_ATTRS[type]) });

const nodes: Record<NodeTypeName, NodeSpec> = {
  doc: node('doc', { content: 'title block+' }),
  title: node('title', {
    content: 'text*',
    marks: '',
    defining: true,
    parseDOM: [{ tag: 'h1' }],
    toDOM: () => ['h1', { class: 'article-title' }, 0],
  }),
  paragraph: node('paragraph', basicNodes.paragraph),
  heading: node('heading', {
    ...basicNodes.heading,
    parseDOM: [2, 3, 4, 5, 6].map((level) => ({ tag: `h${level}`, attrs: { level } })),
    toDOM: (n) => [`h${Number(n.attrs.level)}`, 0],
  }),
  // A figure's caption without its image (the desk annotates prose; images are never loaded). It is a
  // text block like a paragraph, so claims can be marked on it. Parsed from <figcaption> and from the
  // editor's own copy (p.article-caption), before the paragraph rule sees it.
  caption: node('caption', {
    content: 'inline*',
    group: 'block',
    parseDOM: [{ tag: 'figcaption' }, { tag: 'p.article-caption', priority: 60 }],
    toDOM: () => ['p', { class: 'article-caption' }, 0],
  }),
  blockquote: node('blockquote', basicNodes.blockquote),
  horizontal_rule: node('horizontal_rule', basicNodes.horizontal_rule),
  ordered_list: node('ordered_list', {
    ...orderedList,
    content: 'list_item+',
    group: 'block',
    // A pasted <ol start="-2"> or start="1e12" would be refused at creation and fail the paste.
    parseDOM: [{ tag: 'ol', getAttrs: (dom: HTMLElement) => ({ order: listStartFrom(dom.getAttribute('start')) }) }],
  }),
  bullet_list: node('bullet_list', { ...bulletList, content: 'list_item+', group: 'block' }),
  list_item: node('list_item', { ...listItem, content: 'paragraph block*' }),
  text: node('text', basicNodes.text),
  hard_break: node('hard_break', basicNodes.hard_break),
};

const marks: Record<MarkTypeName, MarkSpec> = {
  link: mark('link', {
    inclusive: false,
    parseDOM: [
      {
        tag: 'a[href]',
        getAttrs: (dom: HTMLElement) => {
          const href = dom.getAttribute('href');
          return isSafeHref(href) ? { href: href.trim(), title: linkTitleFrom(dom.getAttribute('title')) } : false;
        },
      },
    ],
    toDOM: (mark) => [
      'a',
      { href: isSafeHref(mark.attrs.href) ? mark.attrs.href : '#', title: mark.attrs.title, rel: 'noopener noreferrer nofollow' },
      0,
    ],
  }),
  em: mark('em', basicMarks.em),
  strong: mark('strong', basicMarks.strong),
};

export const articleSchema = new Schema({ nodes, marks });
export type ArticleSchema = typeof articleSchema;
