/**
 * Hostile data through every user field of a report, for the HTML and Markdown reports and the JSON-LD
 * exports (ClaimReview, Web Annotations), which must stay safe inside a <script> element.
 *
 * The article is built without zod (as data that skipped validation would be), and the model is then
 * patched so that even a link the model's own filter would drop (an unsafe href) reaches the renderers.
 * (The document itself can only hold a safe href: the article schema refuses others as it builds a link.)
 *
 * How visible text is compared: the expected text is `displayText(hostile)` (bidi controls, NUL and other
 * control characters removed; see ./escape.ts) with every run of whitespace collapsed to one space; the
 * rendered document's `body.textContent`, collapsed the same way, must contain it.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { JSDOM } from 'jsdom';
import MarkdownIt from 'markdown-it';
import type { Token } from 'markdown-it';
import { describe, expect, it } from 'vitest';
import { selectorsFor } from '../anchor/selectors';
import { articleSchema, isSafeHref } from '../doc/schema';
import { docPlainText } from '../doc/plainText';
import type { ArticleRecord } from '../schema/article';
import type { AuditEvent } from '../schema/audit';
import { DEFAULT_RATING_SCALE, newClaimData, type Claim, type ClaimData } from '../schema/claim';
import type { DocNodeJson } from '../schema/doc';
import { displayText } from './escape';
import { renderClaimReview, renderClaimReviewJson } from './claimReview';
import { renderHtmlReport } from './html';
import { renderMarkdownReport } from './markdown';
import { buildReportModel, type ReportModel } from './model';
import { renderWebAnnotations, renderWebAnnotationsJson } from './webAnnotation';

const LONG = `${'A'.repeat(30_000)}<script>alert(1)</script>${'B'.repeat(30_000)}`;

export const HOSTILE: string[] = [
  '<script>alert(1)</script>',
  '<SCRIPT SRC=https://evil.example/x.js></SCRIPT>',
  '<scr<script>ipt>alert(1)</scr</script>ipt>',
  '<script\n>alert(1)</script\n>',
  '"><script>alert(document.cookie)</script>',
  '<img src=x onerror=alert(1)>',
  '<svg onload=alert(1)>',
  '<svg><script>alert(1)</script></svg>',
  '<math><mtext><table><mglyph><style><img src=x onerror=alert(1)>',
  'javascript:alert(1)',
  'JaVaScRiPt:alert(1)',
  'java\tscript:alert(1)',
  'java\nscript:alert(1)',
  '&#106;avascript:alert(1)',
  '&#x6A;&#x61;vascript&colon;alert(1)',
  '  javascript:alert(1)',
  'data:text/html,<script>alert(1)</script>',
  'data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==',
  'vbscript:msgbox(1)',
  '//evil.example/x',
  '\\\\evil.example\\x',
  'https://evil.example/"onmouseover="alert(1)',
  'https://evil.example/<script>alert(1)</script>',
  '<b><i>unclosed',
  '</mark></p><script>alert(1)</script>',
  '</bdi></dd></dl></header><script>alert(1)</script>',
  '</title><script>alert(1)</script>',
  '</style><script>alert(1)</script>',
  '" onmouseover="alert(1)',
  "' onmouseover='alert(1)",
  "'--><script>alert(1)</script>",
  '<!--',
  '<![CDATA[<script>alert(1)</script>]]>',
  '<style>@import url(https://evil.example/x.css); body{background:url(https://evil.example/x.png)}</style>',
  '<iframe src="https://evil.example"></iframe>',
  '<object data="https://evil.example/x.swf"></object><embed src="https://evil.example/x.swf">',
  '<meta http-equiv="refresh" content="0;url=https://evil.example">',
  '<base href="https://evil.example/">',
  '<link rel="stylesheet" href="https://evil.example/x.css">',
  '<div style="width: expression(alert(1))">x</div>',
  '<a href="javascript:alert(1)">click</a>',
  '<form action="https://evil.example"><input name="x"></form>',
  'Normal text \u202Eevil\u202C and \u2067isolate\u2069 \u200Fmark',
  '\u202Etxt.exe',
  'zero\u200Dwidth\u200Cjoiners 👩‍💻 and \u200Bspace',
  'NUL\u0000byte and \u0007bell \u001Besc \u0085nel',
  'lone \uD800 surrogate and \uFFFF nonchar',
  LONG,
  '[x](javascript:alert(1))',
  '![x](https://evil.example/img.png)',
  '[x]: https://evil.example "ref"\n\n[x]',
  '<https://evil.example>',
  '&lt;script&gt;alert(1)&lt;/script&gt; &amp; &quot;',
  '# Heading\n> quote\n- item\n+ plus\n1. one\n2) two\n    code',
  '| a | b |\n| --- | --- |\n| c | d |',
  '```js\nalert(1)\n```\n~~~\nx\n~~~',
  '***\n---\n___\nSetext\n===\nSetext2\n---',
  '*em* _u_ **b** __b__ ~~s~~ `code` ==mark== ^sup^ $math$ {.attr}',
  'trailing backslash \\',
  'line\r# carriage return heading\r\n- crlf item',
  '${alert(1)} {{constructor.constructor("alert(1)")()}}',
];

const unchecked = <T>(v: unknown): T => v as T;

function textNode(text: string, marks?: DocNodeJson['marks']): DocNodeJson {
  return marks ? { type: 'text', text, marks } : { type: 'text', text };
}

/** An article, a context and a model with `h` in every user field, and claims over it (overlapping, nested, orphaned). */
export function hostileModel(h: string, includeAudit = true): ReportModel {
  const doc: DocNodeJson = {
    type: 'doc',
    content: [
      { type: 'title', content: [textNode(h)] },
      { type: 'paragraph', content: [textNode('Before '), textNode(h, [{ type: 'strong' }]), textNode(' after '), textNode('link text', [{ type: 'link', attrs: { href: isSafeHref(h) ? h : 'https://example.org/' } }]), textNode('.')] },
      { type: 'heading', attrs: { level: 2 }, content: [textNode(h)] },
      { type: 'blockquote', content: [{ type: 'paragraph', content: [textNode(h, [{ type: 'em' }])] }] },
      { type: 'bullet_list', content: [{ type: 'list_item', content: [{ type: 'paragraph', content: [textNode(h)] }] }] },
      { type: 'ordered_list', content: [{ type: 'list_item', content: [{ type: 'paragraph', content: [textNode(`1. ${h}`)] }] }] },
      { type: 'horizontal_rule' },
      { type: 'paragraph', content: [textNode(h), { type: 'hard_break' }, textNode(h)] },
    ],
  };
  const text = docPlainText(articleSchema.nodeFromJSON(doc));
  const para = text.indexOf('Before ');
  const inPara = para + 'Before '.length;
  const claim = (id: string, start: number, end: number, change: (d: ClaimData) => unknown): Claim => ({
    data: unchecked<ClaimData>(change(newClaimData(id, h, h))),
    target: { ...selectorsFor(text, start, end), orphaned: false },
  });
  const fields = (d: ClaimData, verdict: string | null, status: string) => ({
    ...d,
    attribution: { sourceName: h, sourceKind: 'ngo_monitor', kind: 'vague', cue: h, traced: { url: h, title: h, publisher: h, date: h, archivedUrl: h } },
    verification: {
      status,
      verdict,
      confidence: 'high',
      rationale: `${h}\n\n${h}\n${h}`,
      evidence: [
        { id: h, url: h, title: h, publisher: h, accessedAt: h, quote: h, stance: 'supports' },
        { id: 'ev-ok', url: `https://ok.example/${h}`, title: '', publisher: h, accessedAt: '2026-01-01', quote: '', stance: 'refutes' },
      ],
    },
    comments: [{ id: h, author: h, at: h, text: `${h}\n\n${h}` }],
    createdBy: h,
    createdAt: h,
    updatedBy: h,
    updatedAt: h,
  });
  const claims: Claim[] = [
    claim('claim-title', 0, h.length, (d) => fields(d, h, 'done')),
    claim('claim-para', para, inPara + h.length, (d) => fields(d, 'True', 'in_progress')),
    claim('claim-nested', inPara + Math.floor(h.length / 3), inPara + Math.max(Math.floor(h.length / 3) + 1, Math.floor((2 * h.length) / 3)), (d) => fields(d, null, h)),
    claim('claim-cross', text.lastIndexOf(h) - 3, text.length, (d) => ({ ...fields(d, 'Mostly false', 'needs_second_review'), attribution: { ...fields(d, null, '').attribution, kind: h, sourceKind: h } })),
  ];
  claims.push({ ...claim('claim-orphan', 0, 1, (d) => fields(d, h, 'unreviewed')), target: { quote: { type: 'TextQuoteSelector', exact: h, prefix: h, suffix: h }, position: { type: 'TextPositionSelector', start: 0, end: 1 }, orphaned: true } });
  const audit: AuditEvent[] = [
    unchecked<AuditEvent>({ id: h, at: h, who: h, action: h, claimId: h, field: h, old: h, new: { value: h } }),
    { id: 'au-000002', at: '2026-01-01T00:00:00.000Z', who: h, action: 'claim_updated', claimId: 'claim-para', field: h, old: h, new: h },
    { id: 'au-000003', at: '2026-01-01T00:00:00.000Z', who: h, action: 'comment_added', claimId: 'claim-orphan', new: [h, { h }] },
  ];
  // A later version with the string in its headline, its importer, its file name, a changed claim's words and a new paragraph.
  const later: DocNodeJson = { ...doc, content: [...doc.content!, { type: 'paragraph', content: [textNode(`Added ${h} here.`)] }] };
  const version = (number: number, d: DocNodeJson, carried: unknown[]) => ({
    number,
    hash: '0'.repeat(64),
    wordCount: number,
    importedAt: h,
    importedBy: h,
    origin: { kind: 'file', fileName: h },
    meta: { title: h },
    doc: d,
    removedOnImport: [],
    carried,
  });
  const versions = [
    version(1, doc, []),
    version(2, later, [
      { claimId: 'claim-para', outcome: 'changed', method: 'diff', before: `${h} before`, after: `${h} after` },
      { claimId: 'claim-orphan', outcome: 'gone', method: 'none', before: h, after: null },
      { claimId: 'claim-title', outcome: 'moved', method: 'quote', before: h, after: h },
    ]),
  ];
  const article = unchecked<ArticleRecord>({
    id: 'hostile-article',
    versions,
    meta: { title: h, publisher: h, byline: h, publishedAt: h, url: h },
    origin: { kind: 'file', fileName: h },
    importedAt: h,
    updatedAt: h,
    revision: 3,
    doc,
    removedOnImport: [],
    claims,
    audit,
  });
  const model = buildReportModel(article, { scale: [...DEFAULT_RATING_SCALE, h], deskName: h, generatedBy: h, generatedAt: h }, { includeComments: true, includeAudit });
  // The model drops unsafe links itself; put them back so the renderers' own checks are what is tested.
  for (const b of model.blocks) if (b.kind !== 'rule' && b.text.length > 2) b.styles.push({ from: 1, to: b.text.length - 1, kind: 'link', href: h });
  return model;
}

const norm = (s: string | null | undefined) => (s ?? '').replace(/\s+/g, ' ').trim();
const expected = (h: string) => norm(displayText(h));

const HTML_TAGS = new Set(
  'html head meta title style body header main footer section article div p h1 h2 h3 h4 h5 h6 dl dt dd bdi time a table caption thead tbody tr th td span ul ol li blockquote mark strong em br hr code del ins'.split(' '),
);
const HTML_ATTRS = new Set('lang charset name content http-equiv class id href rel title dir data-claims data-claim-number datetime aria-labelledby aria-label aria-hidden scope'.split(' '));
const MD_TAGS = new Set('html head body p h1 h2 h3 h4 h5 h6 ul ol li strong em s a table thead tbody tr th td blockquote hr br'.split(' '));
/** What a viewer's own autolinking of plain text may produce: anything but a script or local scheme. */
const NO_SCRIPT_SCHEME = /^(?!\s*(javascript|vbscript|data|file):)/i;
const SAFE_TARGET = /^(https?:\/\/[^\s/\\]|mailto:|#[A-Za-z0-9-]+$)/i;

/** The structural checks shared by the HTML report and the Markdown rendered to HTML. */
function checkDom(document: Document, tags: Set<string>, attrs: Set<string> | null, target: RegExp = SAFE_TARGET) {
  for (const el of document.querySelectorAll('*')) {
    expect(tags.has(el.localName), `unexpected <${el.localName}>`).toBe(true);
    for (const a of el.attributes) {
      expect(a.name.toLowerCase().startsWith('on'), `event handler ${a.name}`).toBe(false);
      if (attrs) expect(attrs.has(a.name), `unexpected attribute ${a.name}`).toBe(true);
      if (a.name === 'href' || a.name === 'src' || a.name === 'action' || a.name === 'formaction') expect(a.value, `unsafe ${a.name}`).toMatch(target);
      // markdown-it's own table alignment is the only style attribute allowed.
      if (a.name === 'style') expect(a.value).toMatch(/^text-align:(left|right|center)$/);
    }
  }
  expect(document.querySelectorAll('script, iframe, object, embed, base, link, img, svg, math, form, input, frame, frameset')).toHaveLength(0);
  expect(document.querySelectorAll('meta[http-equiv]:not([http-equiv="Content-Security-Policy"])')).toHaveLength(0);
}

describe.each(HOSTILE.map((h, i) => [i, JSON.stringify(h.length > 60 ? `${h.slice(0, 60)}…` : h), h] as const))('hostile string %i %s', (_i, _label, h) => {
  it('HTML: no active content, only safe targets, and the string shown as literal text', () => {
    const html = renderHtmlReport(hostileModel(h));
    const document = new JSDOM(html).window.document;
    checkDom(document, HTML_TAGS, HTML_ATTRS);
    const styles = document.querySelectorAll('style');
    expect(styles).toHaveLength(1);
    expect(styles[0]!.parentElement?.localName).toBe('head');
    const css = styles[0]!.textContent ?? '';
    expect(css).not.toMatch(/url\(|@import|expression\(|<\/|javascript:/i);
    expect(document.querySelectorAll('meta[http-equiv="Content-Security-Policy"]')).toHaveLength(1);
    // Exactly the report's own structure: one h1, the sections it always has.
    expect(document.querySelectorAll('h1')).toHaveLength(1);
    expect([...document.querySelectorAll('main > section')].map((s) => s.id)).toEqual(['summary', 'changes', 'article-text', 'findings', 'orphaned', 'audit']);

    const want = expected(h);
    expect(norm(document.querySelector('h1')?.textContent)).toBe(want);
    expect(norm(document.title)).toContain(want);
    expect(norm(document.body.textContent)).toContain(want);
    // In the places a reader would look for it.
    expect(norm(document.querySelector('.report-header dl')?.textContent)).toContain(want);
    expect(norm(document.querySelector('#claim-2 .facts:not(.verdict-facts)')?.textContent)).toContain(want);
    expect(norm(document.querySelector('#orphaned-claim-1 blockquote.claim-words')?.textContent)).toBe(want);
    expect(norm([...document.querySelectorAll('#article-text mark[data-claims~="2"]')].map((m) => m.textContent).join(''))).toContain(want);
    // In the changes since first seen: the versions table, a changed claim's old and new words, an added paragraph.
    const changes = document.querySelector('#changes')!;
    expect(norm(changes.querySelector('table.versions tbody tr:last-child')?.textContent)).toContain(want);
    expect(norm(changes.querySelector('ol.claim-changes')?.textContent)).toContain(norm(displayText(`${h} before`)));
    expect(norm(changes.querySelector('ol.claim-changes')?.textContent)).toContain(norm(displayText(`${h} after`)));
    // A change is shown up to 300 characters.
    expect(norm(changes.querySelector('ol.text-changes')?.textContent)).toContain(norm(displayText(h.slice(0, 250))));
    // Bidi overrides never reach the output.
    expect(html).not.toMatch(/[\u202A-\u202E\u2066-\u2069\u200E\u200F\u0000]/);
  });

  it('Markdown: no raw HTML, no image, only safe link targets, and the string shown as literal text', () => {
    const markdown = renderMarkdownReport(hostileModel(h));
    // Parse as permissively as possible: raw HTML on, links not filtered by markdown-it.
    const md = new MarkdownIt({ html: true });
    md.validateLink = () => true;
    // With autolinking on as well, the viewer may turn plain-text addresses into links of its own (never a script scheme).
    const linkified = new MarkdownIt({ html: true, linkify: true });
    linkified.validateLink = () => true;
    const walk = (tokens: Token[]) => {
      for (const t of tokens) {
        expect(t.type, `raw HTML survived: ${t.content.slice(0, 80)}`).not.toMatch(/^html_(block|inline)$/);
        expect(t.type).not.toBe('image');
        expect(t.type).not.toMatch(/^(code_inline|code_block|fence)$/);
        if (t.type === 'link_open' && t.markup === 'linkify') expect(t.attrGet('href')).not.toMatch(/^\s*(javascript|vbscript|data|file):/i);
        else if (t.type === 'link_open') expect(t.attrGet('href')).toMatch(SAFE_TARGET);
        if (t.children) walk(t.children);
      }
    };
    walk(md.parse(markdown, {}));
    walk(linkified.parse(markdown, {}));
    // Markdown's own structure is intact: the report's headings and nothing else at level 1 and 2.
    const headings = md
      .parse(markdown, {})
      .filter((t) => t.type === 'heading_open' && (t.tag === 'h1' || t.tag === 'h2'))
      .map((t) => t.tag);
    expect(headings).toEqual(['h1', 'h2', 'h2', 'h2', 'h2', 'h2', 'h2']);
    for (const render of [md, linkified]) {
      const document = new JSDOM(`<!DOCTYPE html><html><head></head><body>${render.render(markdown)}</body></html>`).window.document;
      checkDom(document, MD_TAGS, null, render === md ? SAFE_TARGET : NO_SCRIPT_SCHEME);
      if (render === md) {
        expect(norm(document.querySelector('h1')?.textContent)).toBe(want(h));
        expect(norm(document.body.textContent)).toContain(want(h));
      }
    }
    expect(markdown).not.toMatch(/[\u202A-\u202E\u2066-\u2069\u200E\u200F\u0000]/);
  });

  it('JSON-LD (ClaimReview, Web Annotations): no <, > or & anywhere, and it parses back to the same values', () => {
    const model = hostileModel(h);
    const everything = { includeUnfinished: true, reviewUrlTemplate: 'https://factcheck.example.org/{article}/{claim}' };
    const outputs = [
      { json: renderClaimReviewJson(model, everything), value: renderClaimReview(model, everything) },
      { json: renderWebAnnotationsJson(model), value: renderWebAnnotations(model) },
    ];
    for (const { json, value } of outputs) {
      expect(json).not.toMatch(/[<>&]/);
      expect(JSON.parse(json)).toEqual(value);
      // The string did reach the output (as escapes where needed), so the check above means something.
      expect(JSON.stringify(value)).toContain(JSON.stringify(h).slice(1, -1));
    }
  });
});

function want(h: string) {
  return expected(h);
}

// Set HOSTILE_PREVIEW=/tmp/hostile.html to write one hostile report (bidi override and markup) for a look in a browser.
if (process.env.HOSTILE_PREVIEW) writeFileSync(process.env.HOSTILE_PREVIEW, renderHtmlReport(hostileModel('Normal \u202Eevil <b>bold?</b> المرصد السوري \u2067isolate')));

describe('hostile catalogue', () => {
  it('has at least 30 strings', () => {
    expect(HOSTILE.length).toBeGreaterThanOrEqual(30);
  });

  it('puts the string in every user field (a canary string is found everywhere it should be)', () => {
    const h = 'CANARY<x>';
    const model = hostileModel(h);
    const d = new JSDOM(renderHtmlReport(model)).window.document;
    const text = (sel: string) => norm(d.querySelector(sel)?.textContent);
    // Header: title, publisher, byline, url (not linked), desk, reviewers, generated by.
    expect(text('h1')).toBe(h);
    expect(text('.kicker')).toContain(h);
    expect(text('.report-header').split(h).length - 1).toBeGreaterThanOrEqual(6);
    expect(d.querySelectorAll('.report-header a')).toHaveLength(0);
    // A finding: words, source, cue, traced url/title/publisher/archived, rationale, evidence, comments, reviewers.
    expect(text('#claim-2').split(h).length - 1).toBeGreaterThanOrEqual(18);
    expect(text('#audit').split(h).length - 1).toBeGreaterThanOrEqual(10);
  });
});

const hasJava = spawnSync('java', ['-version']).status === 0;

describe('hostile reports are valid HTML too', () => {
  it.skipIf(!hasJava)('passes the Nu HTML Checker with 0 errors for every hostile string', () => {
    const jar = String(createRequire(import.meta.url)('vnu-jar'));
    const dir = mkdtempSync(join(tmpdir(), 'claimdesk-hostile-'));
    try {
      const files = HOSTILE.map((h, i) => {
        const file = join(dir, `hostile-${i}.html`);
        writeFileSync(file, renderHtmlReport(hostileModel(h)));
        return file;
      });
      const run = spawnSync('java', ['-jar', jar, '--format', 'json', '--stdout', ...files], { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
      const messages = (JSON.parse(run.stdout) as { messages: { type: string; subType?: string; url?: string; message: string; extract?: string }[] }).messages;
      const errors = messages.filter((m) => m.type === 'error' || m.subType === 'fatal');
      expect(errors.map((e) => `${e.url}: ${e.message} ${JSON.stringify(e.extract ?? '')}`)).toEqual([]);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }, 120_000);
});
