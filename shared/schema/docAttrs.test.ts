/**
 * Every attribute of every node and mark is checked, the same way by zod (DocNodeJson) and by the
 * ProseMirror schema, and whatever both take renders to the DOM (where `setAttribute` is what broke).
 */
import fc from 'fast-check';
import { JSDOM } from 'jsdom';
import { DOMParser as PMDOMParser, DOMSerializer } from 'prosemirror-model';
import { describe, expect, it } from 'vitest';
import { checkArticleDoc } from '../doc/checkDoc';
import { articleFromText } from '../doc/fromText';
import { articleSchema } from '../doc/schema';
import { DocNodeJson, type DocMarkJson } from './doc';
import { MARK_ATTRS, MAX_HREF_CHARS, MAX_LINK_TITLE_CHARS, NODE_ATTRS } from './docAttrs';
import { firstIssue } from './firstIssue';

const { document } = new JSDOM('').window;
const serializer = DOMSerializer.fromSchema(articleSchema);

const text = (t: string, marks?: DocMarkJson[]): DocNodeJson => (marks ? { type: 'text', text: t, marks } : { type: 'text', text: t });
const docWith = (...blocks: DocNodeJson[]): DocNodeJson => ({ type: 'doc', content: [{ type: 'title', content: [text('T')] }, ...blocks] });
const linked = (attrs: Record<string, unknown> | undefined): DocNodeJson =>
  docWith({ type: 'paragraph', content: [text('see '), text('this', [attrs === undefined ? { type: 'link' } : { type: 'link', attrs }])] });
const heading = (attrs: Record<string, unknown>) => docWith({ type: 'heading', attrs, content: [text('H')] });
const list = (attrs: Record<string, unknown>) => docWith({ type: 'ordered_list', attrs, content: [{ type: 'list_item', content: [{ type: 'paragraph', content: [text('one')] }] }] });

/** What opening the article in the editor does: build the node, then draw it. */
function render(json: DocNodeJson): string {
  const node = articleSchema.nodeFromJSON(json);
  node.check();
  const div = document.createElement('div');
  div.appendChild(serializer.serializeFragment(node.content, { document }));
  return div.innerHTML;
}

function refusals(json: DocNodeJson): { zod: string | null; prosemirror: string | null } {
  const parsed = DocNodeJson.safeParse(json);
  const checked = checkArticleDoc(json);
  return { zod: parsed.success ? null : firstIssue(parsed.error), prosemirror: checked.ok ? null : checked.message };
}

describe('document attributes', () => {
  it('the ProseMirror schema has exactly the declared node and mark types and attributes', () => {
    const declared = (table: Record<string, object>) => Object.fromEntries(Object.entries(table).map(([type, attrs]) => [type, Object.keys(attrs).sort()]));
    const actual = (types: Record<string, { spec: { attrs?: object } }>) =>
      Object.fromEntries(Object.entries(types).map(([type, t]) => [type, Object.keys(t.spec.attrs ?? {}).sort()]));
    expect(actual(articleSchema.nodes)).toEqual(declared(NODE_ATTRS));
    expect(actual(articleSchema.marks)).toEqual(declared(MARK_ATTRS));
  });

  it('refuses a link whose title is an object (the article that could never open again), in zod and in ProseMirror', () => {
    const doc = linked({ href: 'https://example.org/', title: { toString: 'x' } });
    const { zod, prosemirror } = refusals(doc);
    expect(zod).toBe(`content.1.content.1.marks.0.attrs.title: A link title is text of at most ${MAX_LINK_TITLE_CHARS} characters, or null.`);
    expect(prosemirror).toMatch(/^The document does not fit the article schema: link\.title: A link title is text/);
    expect(() => render(doc)).toThrow(/link\.title/);
  });

  it.each<[string, DocNodeJson, RegExp]>([
    ['a javascript: href', linked({ href: 'javascript:alert(1)' }), /attrs\.href: A link points to an http\(s\) or mailto: address/],
    ['a data: href', linked({ href: 'data:text/html,<script>alert(1)</script>' }), /attrs\.href: A link points to/],
    ['an href that is not text', linked({ href: { toString: 'https://example.org/' } }), /attrs\.href: A link points to/],
    ['an href over the limit', linked({ href: `https://example.org/${'a'.repeat(MAX_HREF_CHARS)}` }), /attrs\.href: A link points to .* at most 2048 characters/],
    ['a link without an href', linked({ title: 'x' }), /attrs\.href: A link points to/],
    ['a link without attributes', linked(undefined), /attrs: The link mark needs its attributes/],
    ['a link title over the limit', linked({ href: 'https://example.org/', title: 't'.repeat(MAX_LINK_TITLE_CHARS + 1) }), /attrs\.title: A link title is text of at most 1000/],
    ['a link title that is a number', linked({ href: 'https://example.org/', title: 7 }), /attrs\.title: A link title/],
    ['an unknown link attribute', linked({ href: 'https://example.org/', target: '_blank' }), /attrs: The link mark has no attribute “target”/],
    ['heading level 7', heading({ level: 7 }), /content\.1\.attrs\.level: A heading level is a whole number from 2 to 6/],
    ['heading level 1 (the title is the only one)', heading({ level: 1 }), /attrs\.level: A heading level/],
    ['heading level 2.5', heading({ level: 2.5 }), /attrs\.level: A heading level/],
    ['heading level as text', heading({ level: '3' }), /attrs\.level: A heading level/],
    ['heading level as an object', heading({ level: { valueOf: 3 } }), /attrs\.level: A heading level/],
    ['an unknown heading attribute', heading({ level: 2, id: 'x' }), /attrs: The heading node has no attribute “id”/],
    ['a list starting below 0', list({ order: -1 }), /attrs\.order: A numbered list starts at a whole number from 0 to 999999999/],
    ['a list starting at 1.5', list({ order: 1.5 }), /attrs\.order: A numbered list/],
    ['a list starting at 10^10', list({ order: 1e10 }), /attrs\.order: A numbered list/],
    ['a list start as text', list({ order: '2' }), /attrs\.order: A numbered list/],
    ['an attribute on a paragraph', docWith({ type: 'paragraph', attrs: { style: 'color:red' }, content: [text('p')] }), /attrs: The paragraph node has no attribute “style”/],
    ['an attribute on a list item', docWith({ type: 'bullet_list', content: [{ type: 'list_item', attrs: { checked: true }, content: [{ type: 'paragraph' }] }] }), /attrs: The list_item node has no attribute “checked”/],
    ['an attribute on the doc', { ...docWith(), attrs: { lang: 'en' } }, /^attrs: The doc node has no attribute “lang”/],
    ['an attribute on a text node', docWith({ type: 'paragraph', content: [{ type: 'text', text: 'x', attrs: { title: 'x' } }] }), /attrs: The text node has no attribute “title”/],
    ['an attribute on emphasis', docWith({ type: 'paragraph', content: [text('x', [{ type: 'em', attrs: { class: 'x' } }])] }), /attrs: The em mark has no attribute “class”/],
    ['an unknown node type (images are not part of the schema)', docWith({ type: 'image', attrs: { src: 'https://example.org/x.png' } }), /content\.1\.type: Invalid option/],
    ['an unknown mark type', docWith({ type: 'paragraph', content: [text('x', [{ type: 'claim', attrs: { id: 'c1' } }])] }), /marks\.0\.type: Invalid option/],
  ])('refuses %s, naming where', (_name, doc, message) => {
    expect(refusals(doc).zod).toMatch(message);
    // Types and attributes are ProseMirror's to refuse as well; only the unknown-attribute case relies on
    // zod alone (ProseMirror drops those on load, so they never reach the DOM either way).
    const unknownAttr = /has no attribute/.test(message.source);
    if (!unknownAttr) expect(refusals(doc).prosemirror).not.toBeNull();
  });

  it.each<[string, DocNodeJson]>([
    ['an http link with a title', linked({ href: 'http://example.org/a?b=c#d', title: 'Example' })],
    ['an https link, title null', linked({ href: 'https://example.org/', title: null })],
    ['a mailto link without a title', linked({ href: 'mailto:desk@example.org' })],
    ['a link at the length limits', linked({ href: `https://example.org/${'a'.repeat(MAX_HREF_CHARS - 20)}`, title: 't'.repeat(MAX_LINK_TITLE_CHARS) })],
    ['headings 2 to 6', docWith(...[2, 3, 4, 5, 6].map((level) => ({ type: 'heading', attrs: { level }, content: [text(`H${level}`)] })))],
    ['a heading with the default level', docWith({ type: 'heading', content: [text('H')] })],
    ['lists from 0 and from 999999999', docWith(...[0, 999_999_999].map((order) => list({ order }).content![1]!))],
    ['empty attrs on a node without attributes', docWith({ type: 'paragraph', attrs: {}, content: [text('p')] })],
  ])('takes %s, and it renders', (_name, doc) => {
    expect(refusals(doc)).toEqual({ zod: null, prosemirror: null });
    expect(() => render(doc)).not.toThrow();
  });

  it('zod and ProseMirror agree on any attribute values, and whatever both take renders', () => {
    const anyValue = fc.oneof(
      fc.anything(),
      fc.integer({ min: -2, max: 8 }),
      fc.constantFrom('https://example.org/', 'mailto:a@b.c', 'javascript:x', ' https://example.org/ ', null),
      fc.string({ maxLength: 5 }),
    );
    const attrs = fc.option(fc.dictionary(fc.constantFrom('href', 'title', 'level', 'order', 'other'), anyValue, { maxKeys: 3 }), { nil: undefined });
    const withAttrs = (type: string, a: Record<string, unknown> | undefined) => (a === undefined ? { type } : { type, attrs: a });
    fc.assert(
      fc.property(attrs, attrs, attrs, attrs, (link, head, ordered, para) => {
        const doc = docWith(
          { ...withAttrs('heading', head), content: [text('H')] },
          { ...withAttrs('paragraph', para), content: [text('x', [withAttrs('link', link)])] },
          { ...withAttrs('ordered_list', ordered), content: [{ type: 'list_item', content: [{ type: 'paragraph', content: [text('i')] }] }] },
        );
        const { zod, prosemirror } = refusals(doc);
        const hasUnknown = [link, head, ordered, para].some((a, i) => a !== undefined && Object.keys(a).some((k) => !(k in [MARK_ATTRS.link, NODE_ATTRS.heading, NODE_ATTRS.ordered_list, NODE_ATTRS.paragraph][i]!)));
        // ProseMirror drops an unknown attribute where zod refuses it; on everything else they agree.
        if (!hasUnknown) expect(zod === null, `zod: ${zod}, ProseMirror: ${prosemirror}`).toBe(prosemirror === null);
        if (zod === null) expect(() => render(doc)).not.toThrow();
      }),
      { numRuns: 2000 },
    );
  });
});

describe('attributes from paste and import stay within the schema', () => {
  const parser = PMDOMParser.fromSchema(articleSchema);
  const paste = (html: string) => {
    const body = document.createElement('div');
    body.innerHTML = `<h1>T</h1>${html}`;
    const doc = parser.parse(body);
    doc.check();
    return doc;
  };

  it('a pasted link keeps a long title cut to the limit; an over-long href drops the link, keeping its words', () => {
    const long = paste(`<p><a href="https://example.org/" title="${'t'.repeat(5000)}">words</a></p>`);
    expect(long.child(1).child(0).marks[0]?.attrs.title).toBe('t'.repeat(MAX_LINK_TITLE_CHARS));
    const huge = paste(`<p><a href="https://example.org/${'a'.repeat(MAX_HREF_CHARS)}">words</a></p>`);
    expect(huge.child(1).textContent).toBe('words');
    expect(huge.child(1).child(0).marks).toEqual([]);
  });

  it.each([
    ['-3', 1],
    ['1e12', 1],
    ['2.5', 1],
    ['abc', 1],
    ['', 1],
    ['0', 0],
    ['12', 12],
  ])('a pasted <ol start="%s"> starts at %i instead of failing the paste', (start, order) => {
    expect(paste(`<ol start="${start}"><li><p>one</p></li></ol>`).child(1).attrs.order).toBe(order);
  });

  it('an imported Markdown link title over the limit is cut, not a failed import', () => {
    const { doc } = articleFromText(`# Headline\n\nSee [the report](https://example.org/r "${'t'.repeat(3000)}").`, 'markdown');
    expect(DocNodeJson.safeParse(doc).success).toBe(true);
    expect(JSON.stringify(doc)).toContain(`"title":"${'t'.repeat(MAX_LINK_TITLE_CHARS)}"`);
  });
});
