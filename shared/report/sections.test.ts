import { JSDOM } from 'jsdom';
import { describe, expect, it } from 'vitest';
import { DEFAULT_RATING_SCALE } from '../schema/claim';
import { claimRefs } from './claimRefs';
import { renderHtmlReport } from './html';
import { renderMarkdownReport } from './markdown';
import { buildReportModel } from './model';
import { linkView, phrase, value } from './parts';
import { findingView, headerRows, reportTitle } from './sections';
import { annotatedSample } from './testing';
import * as W from './wording';

const ctx = { scale: DEFAULT_RATING_SCALE, deskName: 'Verification Desk', generatedBy: 'Ana Reviewer', generatedAt: '2026-11-28T10:00:00.000Z' };
const norm = (s: string | null | undefined) => (s ?? '').replace(/\s+/g, ' ').trim();
const both = (article = annotatedSample(), c = ctx) => {
  const model = buildReportModel(article, c);
  return { model, html: new JSDOM(renderHtmlReport(model)).window.document, md: renderMarkdownReport(model) };
};

describe('the report title', () => {
  it('is the headline, else the article\'s title block, else "Untitled article", the same in both markups', () => {
    const article = annotatedSample();
    expect(reportTitle(buildReportModel(article, ctx))).toBe(article.meta.title);
    article.meta.title = '';
    const { model, html, md } = both(article);
    const block = model.blocks.find((b) => b.kind === 'title');
    expect(block && 'text' in block).toBe(true);
    expect(reportTitle(model)).toBe(block && 'text' in block ? block.text.trim() : '');
    expect(norm(html.querySelector('h1')?.textContent)).toBe(reportTitle(model));
    expect(md.startsWith(`# ${reportTitle(model)}\n`)).toBe(true);
    model.blocks = model.blocks.filter((b) => b.kind !== 'title');
    expect(reportTitle(model)).toBe('Untitled article');
    expect(norm(new JSDOM(renderHtmlReport(model)).window.document.querySelector('h1')?.textContent)).toBe('Untitled article');
    expect(renderMarkdownReport(model).startsWith('# Untitled article\n')).toBe(true);
  });
});

describe('links', () => {
  it('are made only of safe addresses; an unsafe one is shown and said to be not linked', () => {
    expect(linkView('https://example.org/a', 'A page')).toEqual({ kind: 'link', href: 'https://example.org/a', label: 'A page', showsUrl: false });
    expect(linkView('https://example.org/a')).toEqual({ kind: 'link', href: 'https://example.org/a', label: 'https://example.org/a', showsUrl: true });
    expect(linkView('javascript:alert(1)', 'Click')).toEqual({ kind: 'unlinked', label: 'Click', url: 'javascript:alert(1)' });
    expect(linkView('javascript:alert(1)')).toEqual({ kind: 'plain', text: 'javascript:alert(1)' });
  });

  it('say "not linked" in the same words in HTML and Markdown', () => {
    const article = annotatedSample();
    article.claims[2]!.data.verification.evidence[0]!.url = 'javascript:alert(1)';
    const { html, md } = both(article);
    expect(norm(html.querySelector('#claim-2 ol.evidence')?.textContent)).toContain('SOHR: clashes near Tartous (javascript:alert(1), not linked)');
    expect(md).toContain('SOHR: clashes near Tartous (javascript:alert(1), not linked)');
    expect(html.querySelector('#claim-2 ol.evidence a')).toBeNull();
  });
});

describe('the sections both markups show', () => {
  it('give the header the same rows, leaving out a desk that has no name', () => {
    const { model, md } = both();
    const rows = headerRows(model);
    expect(rows.article.map((r) => r.label)).toEqual(['Publisher', 'Byline', 'Published', 'Address', 'Imported', 'Last updated']);
    expect(rows.report.map((r) => r.label)).toEqual(['Desk', 'Reviewers', 'Generated']);
    for (const r of [...rows.article, ...rows.report]) expect(md).toContain(`- **${r.label}:** `);
    expect(headerRows(buildReportModel(annotatedSample(), { ...ctx, deskName: ' ' })).report.map((r) => r.label)).toEqual(['Reviewers', 'Generated']);
  });

  it('say what is missing in a finding in the same words', () => {
    const article = annotatedSample();
    const vague = article.claims.find((c) => c.data.id === 'claim-vague')!;
    const { model, html, md } = both(article);
    const view = findingView(model.claims.find((c) => c.id === vague.data.id)!, claimRefs(model), model);
    expect(view.rationale).toBeNull();
    expect(view.evidence).toEqual([]);
    const rows = Object.fromEntries([...view.verdictRows, ...view.attributionRows].map((r) => [r.key, r.parts]));
    expect(rows.confidence).toEqual([{ kind: 'missing', text: W.NOT_GIVEN.confidence }]);
    expect(rows.traced).toEqual([{ kind: 'missing', text: W.NOT_GIVEN.traced }]);
    const one = norm(html.querySelector('#claim-1')?.textContent);
    for (const s of [W.NOT_GIVEN.rationale, W.NOT_GIVEN.evidence, W.NOT_GIVEN.traced, W.NOT_GIVEN.source, W.NOT_GIVEN.confidence]) {
      expect(one).toContain(s);
      expect(md.slice(md.indexOf('### Claim 1'), md.indexOf('### Claim 2'))).toContain(s);
    }
  });

  it('say the orphan note, the weak-sourcing intro and the footer once for both', () => {
    const { html, md } = both();
    for (const s of [W.ORPHANED_NOTE, W.ORPHANED_INTRO, W.WEAK_SOURCING_INTRO]) {
      expect(norm(html.body.textContent)).toContain(s);
      expect(md).toContain(s);
    }
    const footer = 'Generated 28 Nov 2026, 10:00 UTC by Ana Reviewer with Claimdesk. Article revision 12.';
    expect(norm(html.querySelector('footer')?.textContent)).toBe(footer);
    expect(md.trimEnd().endsWith(footer)).toBe(true);
  });
});

describe('phrase', () => {
  it('puts values between the words, keeping the spaces', () => {
    expect(phrase`Marked by ${value('Ana')} today.`).toEqual([
      { kind: 'text', text: 'Marked by ' },
      { kind: 'value', text: 'Ana' },
      { kind: 'text', text: ' today.' },
    ]);
  });
});
