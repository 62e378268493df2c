import { writeFileSync } from 'node:fs';
import { JSDOM } from 'jsdom';
import { describe, expect, it } from 'vitest';
import { DEFAULT_RATING_SCALE, newClaimData } from '../schema/claim';
import { renderHtmlReport } from './html';
import { segmentBlocks } from './textRuns';
import { buildReportModel, type ReportClaim, type ReportModel } from './model';
import { annotatedSample, tinyReportModel } from './testing';

const ctx = { scale: DEFAULT_RATING_SCALE, deskName: 'Verification Desk', generatedBy: 'Ana Reviewer', generatedAt: '2026-11-28T10:00:00.000Z' };
const sampleModel = (includeComments = true, includeAudit = false) => buildReportModel(annotatedSample(), ctx, { includeComments, includeAudit });
const dom = (html: string) => new JSDOM(html).window.document;
const norm = (s: string | null | undefined) => (s ?? '').replace(/\s+/g, ' ').trim();

// Set REPORT_PREVIEW=/tmp/report.html to write the sample report for a look in a browser.
if (process.env.REPORT_PREVIEW) writeFileSync(process.env.REPORT_PREVIEW, renderHtmlReport(sampleModel(true, true)));

describe('renderHtmlReport on the sample article', () => {
  const html = renderHtmlReport(sampleModel());
  const doc = dom(html);
  const model = sampleModel();

  it('is one self-contained HTML5 document with a strict CSP, one style and no script', () => {
    expect(html.startsWith('<!DOCTYPE html>\n<html lang="en">')).toBe(true);
    expect(doc.querySelector('meta[charset]')?.getAttribute('charset')).toBe('utf-8');
    expect(doc.querySelector('meta[name=viewport]')).not.toBeNull();
    expect(doc.querySelector('meta[http-equiv="Content-Security-Policy"]')?.getAttribute('content')).toBe("default-src 'none'; style-src 'unsafe-inline'; img-src data:");
    expect(doc.querySelectorAll('style')).toHaveLength(1);
    expect(doc.querySelectorAll('script, link, img, iframe, object, embed, base')).toHaveLength(0);
    for (const el of doc.querySelectorAll('*')) for (const a of el.attributes) expect(a.name.startsWith('on')).toBe(false);
    const css = doc.querySelector('style')!.textContent!;
    expect(css).not.toMatch(/url\(|@import/);
    expect(css).toContain('@media print');
    expect(css).toContain('print-color-adjust:exact');
    expect(css).toMatch(/#findings\{break-before:page\}/);
    expect(css).toMatch(/a\.ext::after\{content:" <" attr\(href\) ">"/);
  });

  it('shows the article metadata, desk, reviewers and generation', () => {
    expect(norm(doc.querySelector('h1')?.textContent)).toBe(model.article.meta.title);
    expect(norm(doc.title)).toContain(model.article.meta.title);
    const header = norm(doc.querySelector('.report-header')?.textContent);
    for (const s of ['Example News', 'Staff', '26 Dec 2024', 'https://example.org/tartous', '28 Nov 2026, 08:50 UTC', '28 Nov 2026, 09:20 UTC', 'Verification Desk', 'Ana Reviewer, Ben Second', '28 Nov 2026, 10:00 UTC by Ana Reviewer'])
      expect(header).toContain(s);
    expect(doc.querySelector('.report-header a')?.getAttribute('href')).toBe('https://example.org/tartous');
    expect(doc.querySelector('time[datetime="2026-11-28T10:00:00.000Z"]')).not.toBeNull();
  });

  it('marks each claim in the text, numbered 1–3 in document order, with verdict colour and status underline classes', () => {
    const refs = [...doc.querySelectorAll('#article-text a.claim-ref')];
    expect(refs.map((a) => a.getAttribute('data-claim-number'))).toEqual(['1', '2', '3']);
    expect(refs.map((a) => a.getAttribute('href'))).toEqual(['#claim-1', '#claim-2', '#claim-3']);
    expect(refs.map((a) => a.getAttribute('aria-label'))).toEqual(['Claim 1', 'Claim 2', 'Claim 3']);
    // The number is drawn by CSS, so it is not part of the text a reader copies.
    expect(html).toContain('<a class="claim-ref" href="#claim-1" data-claim-number="1" aria-label="Claim 1"></a>');
    expect(refs.map((a) => a.textContent)).toEqual(['', '', '']);
    expect(doc.querySelector('style')!.textContent).toContain('a.claim-ref::before{content:attr(data-claim-number)}');
    expect(norm(doc.querySelector('#article-text .article-body')?.textContent)).toContain('Reports indicate that ten additional troops sustained injuries');
    model.claims.forEach((c, i) => {
      const marks = [...doc.querySelectorAll(`#article-text mark[data-claims~="${i + 1}"]`)];
      expect(norm(marks.map((m) => m.textContent).join(''))).toBe(norm(c.quote));
    });
    const first = doc.querySelector('mark[data-claims="1"]')!;
    expect(first.className).toBe('claim v-unverifiable s-in_progress');
    expect(first.getAttribute('title')).toBe('Claim 1: Unverifiable (In progress)');
    expect(doc.querySelector('mark[data-claims="2"]')!.className).toBe('claim v-mostly-true s-done');
    // The key names every verdict and status in words.
    expect(norm(doc.querySelector('.legend')?.textContent)).toMatch(/Unverifiable.*Mostly true.*True.*In progress.*Done/);
  });

  it('summarises by verdict (with "No verdict yet"), by status and weak sourcing', () => {
    const summary = doc.querySelector('#summary')!;
    const cells = (r: Element) => [...r.querySelectorAll('td')].map((td) => norm(td.textContent)).join(' ');
    const rows = [...summary.querySelectorAll('table')[0]!.querySelectorAll('tbody tr')].map(cells);
    expect(norm(summary.querySelector('p.lead')?.textContent)).toBe('4 claims marked (3 in the article text, 1 orphaned: no longer in the text), 2 checked (done), 2 not done yet.');
    expect([...summary.querySelectorAll('table')[0]!.querySelectorAll('thead th')].map((th) => norm(th.textContent))).toEqual(['Verdict', 'Done', 'Not done yet']);
    expect(rows).toContain('Mostly true 1 0');
    expect(rows).toContain('True 1 0');
    expect(rows).toContain('Unverifiable 0 1');
    expect(rows.at(-1)).toBe('No verdict yet 0 1');
    const statuses = [...summary.querySelectorAll('table')[1]!.querySelectorAll('tbody tr')].map(cells);
    expect(statuses).toEqual(['Unreviewed 1', 'In progress 1', 'Needs second review 0', 'Done 2']);
    const weak = [...summary.querySelectorAll('ul.weak a')].map((a) => a.getAttribute('href'));
    expect(weak.sort()).toEqual(['#claim-1', '#claim-3', '#orphaned-claim-1']);
    expect(norm(summary.querySelector('ul.weak')?.textContent)).toContain('Vague attribution (“Reports indicate”)');
  });

  it('has a finding per claim with attribution, verdict, rationale, evidence, reviewers and comments', () => {
    const findings = [...doc.querySelectorAll('#findings article.finding')];
    expect(findings.map((f) => f.id)).toEqual(['claim-1', 'claim-2', 'claim-3']);
    const named = doc.getElementById('claim-2')!;
    const text = norm(named.textContent);
    for (const s of ['three unidentified “armed men” lost their lives during the clashes', 'Mostly true', 'Medium', 'Done', 'Syrian Observatory for Human Rights', 'NGO or monitor', 'Named', 'reported', 'SOHR reported three gunmen killed; no independent count.', 'SOHR: clashes near Tartous', 'Supports', 'three gunmen', 'Ben Second', 'Check the Arabic page for the later toll.', '28 Nov 2026, 09:10 UTC', 'Marked by Ana Reviewer'])
      expect(text).toContain(s);
    expect(named.querySelector('blockquote.claim-words')?.textContent).toContain('armed men');
    const hrefs = [...named.querySelectorAll('a')].map((a) => a.getAttribute('href'));
    expect(hrefs).toContain('https://www.syriahr.com/en/352000/');
    expect(hrefs).toContain('https://www.syriahr.com/en/');
    expect(doc.querySelector('#claim-3 ol.evidence a')?.getAttribute('href')).toBe('https://www.bbc.com/news/world-middle-east');
    expect(norm(doc.querySelector('#claim-1')?.textContent)).toContain('Vague — cue: “Reports indicate”');
  });

  it('lists the orphan apart, with a note, and no audit appendix unless asked', () => {
    const orphans = [...doc.querySelectorAll('#orphaned article.finding')];
    expect(orphans.map((o) => o.id)).toEqual(['orphaned-claim-1']);
    expect(norm(orphans[0]!.textContent)).toContain('HTS has committed to safeguarding');
    expect(norm(orphans[0]!.textContent)).toContain('no longer in the article text');
    expect(doc.querySelector('#findings #orphaned-claim-1')).toBeNull();
    expect(doc.querySelector('#article-text mark[data-claims~="O1"]')).toBeNull();
    expect(doc.querySelector('#audit')).toBeNull();
  });

  it('shows replies under the comment they answer, edits, and replies to a deleted comment', () => {
    const article = annotatedSample();
    const named = article.claims.find((c) => c.data.id === 'claim-named')!;
    named.data.comments = [
      { ...named.data.comments[0]!, editedAt: '2026-11-28T09:30:00.000Z' },
      { id: 'cm-0002', author: 'Ana Reviewer', at: '2026-11-28T09:40:00.000Z', text: 'Done: 17 now.', replyTo: 'cm-0001' },
      { id: 'cm-0003', author: 'Ben Second', at: '2026-11-28T09:50:00.000Z', text: 'Orphan reply.', replyTo: 'cm-gone-01' },
    ];
    const d = dom(renderHtmlReport(buildReportModel(article, ctx, { includeComments: true, includeAudit: false })));
    const list = [...d.querySelectorAll('ol.comments')].find((o) => o.textContent?.includes('Done: 17 now.'))!;
    expect(list.querySelectorAll(':scope > li')).toHaveLength(2);
    const first = list.querySelector(':scope > li')!;
    expect(norm(first.querySelector('.comment-meta')?.textContent)).toBe('Ben Second · 28 Nov 2026, 09:10 UTC · edited 28 Nov 2026, 09:30 UTC');
    expect(norm(first.querySelector('ol.replies')?.textContent)).toBe('Ana Reviewer · 28 Nov 2026, 09:40 UTC Done: 17 now.');
    expect(norm(list.querySelector(':scope > li:last-child .comment-meta')?.textContent)).toContain('reply to a deleted comment');
  });

  it('leaves comments out when includeComments is false', () => {
    const without = renderHtmlReport(sampleModel(false));
    expect(without).not.toContain('Check the Arabic page');
    expect(dom(without).querySelector('ol.comments')).toBeNull();
    expect(html).toContain('Check the Arabic page for the later toll.');
  });

  it('adds the audit appendix when asked', () => {
    const d = dom(renderHtmlReport(sampleModel(true, true)));
    const rows = [...d.querySelectorAll('#audit tbody tr')].map((r) => [...r.querySelectorAll('td')].map((td) => norm(td.textContent)));
    expect(rows).toEqual([
      ['28 Nov 2026, 08:50 UTC', 'Ana Reviewer', 'Import', '', '', '"tartous-ambush.txt"'],
      ['28 Nov 2026, 09:05 UTC', 'Ana Reviewer', 'Claim updated', '2', 'verification.verdict', 'null → "Mostly true"'],
    ]);
    expect(d.querySelector('#audit tbody a')?.getAttribute('href')).toBe('#claim-2');
  });

  it('is deterministic', () => {
    expect(renderHtmlReport(sampleModel())).toBe(html);
  });
});

// A small hand-made model for the splitting rules.
function tinyModel(): ReportModel {
  const claim = (n: number, start: number, end: number, verdict: string | null): ReportClaim => {
    const data = newClaimData(`claim-${n}xxxx`, 'Ana', '2026-01-01T00:00:00.000Z');
    return { id: data.id, number: n, quote: '', start, end, orphaned: false, data: { ...data, verification: { ...data.verification, verdict } } };
  };
  // text: "Alpha beta gamma delta" (0..22); second block "Epsilon zeta" starts at 24.
  const claims = [claim(1, 0, 16, 'True'), claim(2, 6, 10, 'False'), claim(3, 11, 31, null)];
  for (const c of claims) c.quote = 'Alpha beta gamma delta\n\nEpsilon zeta'.slice(c.start!, c.end!);
  return tinyReportModel({
    text: 'Alpha beta gamma delta\n\nEpsilon zeta',
    blocks: [
      { kind: 'paragraph', start: 0, text: 'Alpha beta gamma delta', styles: [{ from: 3, to: 8, kind: 'em' }, { from: 12, to: 22, kind: 'link', href: 'https://example.org/x' }] },
      { kind: 'paragraph', start: 24, text: 'Epsilon zeta', styles: [{ from: 0, to: 12, kind: 'strong' }] },
    ],
    claims,
  });
}

describe('claim highlighting with overlaps, nesting and styles', () => {
  it('splits at every claim and style boundary', () => {
    const segs = segmentBlocks(tinyModel());
    expect(segs.get(0)!.map((s) => [s.text, s.claims.map((c) => c.number).join(','), s.em, s.href !== null])).toEqual([
      ['Alp', '1', false, false],
      ['ha ', '1', true, false],
      ['be', '1,2', true, false],
      ['ta', '1,2', false, false],
      [' ', '1', false, false],
      ['g', '1,3', false, false],
      ['amma', '1,3', false, true],
      [' delta', '3', false, true],
    ]);
    // Claim 3 crosses into the second block; its number is shown once, at its start.
    expect(segs.get(1)!.map((s) => [s.text, s.claims.map((c) => c.number).join(','), s.starts.length, s.ends.length])).toEqual([
      ['Epsilon', '3', 0, 1],
      [' zeta', '', 0, 0],
    ]);
  });

  it('nests tags properly and numbers each claim once', () => {
    const html = renderHtmlReport(tinyModel());
    const d = dom(html);
    const p = d.querySelectorAll('.article-body p')[0]!;
    // Serialising the parsed DOM gives back the same markup only if the tags were properly nested.
    const raw = html.slice(html.indexOf('<div class="article-body">'), html.indexOf('</div>', html.indexOf('<div class="article-body">')));
    expect(raw).toContain(p.innerHTML);
    expect([...d.querySelectorAll('a.claim-ref')].map((s) => s.getAttribute('data-claim-number'))).toEqual(['1', '2', '3']);
    expect(norm(p.textContent)).toBe('Alpha beta gamma delta');
    expect([...p.querySelectorAll('mark')].map((m) => [m.textContent, m.getAttribute('data-claims')])).toEqual([
      ['Alpha ', '1'],
      ['beta', '1 2'],
      [' ', '1'],
      ['g', '1 3'],
      ['amma', '1 3'],
      [' delta', '3'],
    ]);
    expect(p.querySelector('mark[data-claims="1 2"]')!.className).toBe('claim v-false s-unreviewed overlap depth-2');
    // The link is split where claim 3's number sits, and only its last part prints the address.
    const links = [...p.querySelectorAll('a[href^="https"]')];
    expect(links.map((a) => [a.textContent, a.className])).toEqual([['amma delta', 'ext']]);
    expect(p.querySelector('em')?.closest('mark')).not.toBeNull();
    const p2 = d.querySelectorAll('.article-body p')[1]!;
    expect(p2.innerHTML).toBe('<mark class="claim v-none s-unreviewed" data-claims="3" title="Claim 3: No verdict yet (Unreviewed)"><strong>Epsilon</strong></mark><strong> zeta</strong>');
  });

  it('renders headings, lists, quotes and rules with a sensible outline', () => {
    const m = tinyModel();
    m.blocks = [
      { kind: 'title', start: 0, text: 'Tiny', styles: [] },
      { kind: 'heading', level: 2, start: 6, text: 'Section', styles: [] },
      { kind: 'bullet', start: 15, text: 'one', styles: [] },
      { kind: 'bullet', start: 20, text: 'two', styles: [] },
      { kind: 'ordered', start: 25, text: 'first', styles: [] },
      { kind: 'quote', start: 32, text: 'said\nthis', styles: [] },
      { kind: 'rule' },
      { kind: 'paragraph', start: 43, text: 'end', styles: [] },
    ];
    m.claims = [];
    const d = dom(renderHtmlReport(m));
    const body = d.querySelector('.article-body')!;
    expect([...body.children].map((e) => e.tagName.toLowerCase())).toEqual(['h3', 'h4', 'ul', 'ol', 'blockquote', 'hr', 'p']);
    expect(body.querySelectorAll('ul > li')).toHaveLength(2);
    expect(body.querySelector('blockquote')!.innerHTML).toContain('said<br>\nthis');
    expect(d.querySelectorAll('h1')).toHaveLength(1);
  });
});

describe('second review in the report', () => {
  it('shows who asked for it and who signed it off', () => {
    const html = renderHtmlReport(buildReportModel(annotatedSample(), { scale: DEFAULT_RATING_SCALE, deskName: 'Desk', generatedBy: 'Ana', generatedAt: '2026-11-28T10:00:00.000Z' }));
    expect(html).toContain('Second review');
    expect(html).toMatch(/asked for by Ana Reviewer \([^)]*\); signed off by Ben Second/);
  });
});

describe('the desk line', () => {
  const render = (deskName: string) => dom(renderHtmlReport(buildReportModel(annotatedSample(), { ...ctx, deskName })));
  it('names the desk when it has a name', () => {
    const d = render('Verification Desk');
    expect(norm(d.querySelector('.kicker')?.textContent)).toBe('Verification Desk · Fact-check report');
    expect([...d.querySelectorAll('.report-header dt')].map((dt) => norm(dt.textContent))).toContain('Desk');
  });
  it('is left out, not invented, when the desk has no name', () => {
    const d = render('  ');
    expect(norm(d.querySelector('.kicker')?.textContent)).toBe('Fact-check report');
    expect([...d.querySelectorAll('.report-header dt')].map((dt) => norm(dt.textContent))).not.toContain('Desk');
    expect(norm(d.body.textContent)).not.toMatch(/Fact-check desk|Claimdesk desk/);
  });
});

describe('headings in print', () => {
  it('keep their spaces and line breaks once each, so the PDF bookmarks read as the words', () => {
    const article = annotatedSample();
    article.meta.title = 'First line\nsecond line';
    const html = renderHtmlReport(buildReportModel(article, ctx));
    const d = dom(html);
    expect(d.querySelector('h1')!.innerHTML).toBe('First line\nsecond line');
    expect(html).toMatch(/@media print\{[^]*h1,h2,h3,h4,h5,h6\{white-space:pre-wrap\}/);
    expect(html).toMatch(/h1,h2,h3,h4,h5,h6\{white-space:pre-line\}/);
    // The finding's number is drawn by CSS: its heading's text is "Claim 2", not "2 Claim 2".
    expect(norm(d.querySelector('#claim-2 h3')?.textContent)).toBe('Claim 2');
    expect(d.querySelector('#claim-2 .finding-num')?.getAttribute('data-claim-number')).toBe('2');
  });
});

describe('the article\'s language', () => {
  const render = (language: string) => {
    const article = annotatedSample();
    article.meta.language = language;
    return dom(renderHtmlReport(buildReportModel(article, ctx)));
  };
  it('marks the article\'s own words (title, text, claim quotes) with it, the report around them staying English', () => {
    const d = render('fr-CA');
    expect(d.documentElement.getAttribute('lang')).toBe('en');
    expect(d.querySelector('h1')?.getAttribute('lang')).toBe('fr-CA');
    expect(d.querySelector('.article-body')?.getAttribute('lang')).toBe('fr-CA');
    expect(d.querySelector('#claim-1 blockquote.claim-words')?.getAttribute('lang')).toBe('fr-CA');
    expect(d.querySelector('#summary [lang]')).toBeNull();
  });
  it('leaves it out when unknown or not a language tag', () => {
    for (const language of ['', 'not a tag', '"><script>']) expect(render(language).querySelectorAll('body [lang]')).toHaveLength(0);
  });
});
