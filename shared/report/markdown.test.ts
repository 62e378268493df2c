import { JSDOM } from 'jsdom';
import MarkdownIt from 'markdown-it';
import { describe, expect, it } from 'vitest';
import { DEFAULT_RATING_SCALE, newClaimData } from '../schema/claim';
import { renderMarkdownReport } from './markdown';
import { buildReportModel, type ReportClaim, type ReportModel } from './model';
import { annotatedSample, tinyReportModel } from './testing';

const ctx = { scale: DEFAULT_RATING_SCALE, deskName: 'Verification Desk', generatedBy: 'Ana Reviewer', generatedAt: '2026-11-28T10:00:00.000Z' };
const sample = (includeComments = true, includeAudit = false) => renderMarkdownReport(buildReportModel(annotatedSample(), ctx, { includeComments, includeAudit }));
const md = new MarkdownIt();
const render = (markdown: string) => new JSDOM(`<!DOCTYPE html><body>${md.render(markdown)}</body>`).window.document;
const norm = (s: string | null | undefined) => (s ?? '').replace(/\s+/g, ' ').trim();

/** The elements between the heading with this text and the next heading of the same or a higher level. */
function section(doc: Document, headingText: string): Element[] {
  const all = [...doc.body.children];
  const start = all.findIndex((e) => /^H[1-6]$/.test(e.tagName) && norm(e.textContent) === headingText);
  if (start < 0) return [];
  const level = Number(all[start]!.tagName[1]);
  const out: Element[] = [];
  for (const e of all.slice(start + 1)) {
    if (/^H[1-6]$/.test(e.tagName) && Number(e.tagName[1]) <= level) break;
    out.push(e);
  }
  return out;
}
const sectionText = (doc: Document, heading: string) => norm(section(doc, heading).map((e) => e.textContent).join(' '));

describe('renderMarkdownReport on the sample article', () => {
  const markdown = sample();
  const doc = render(markdown);
  const model = buildReportModel(annotatedSample(), ctx);

  it('starts with the title and the article metadata', () => {
    expect(markdown.startsWith(`# ${model.article.meta.title}\n`)).toBe(true);
    expect(norm(doc.querySelector('h1')?.textContent)).toBe(model.article.meta.title);
    const header = norm(doc.querySelector('ul')?.textContent);
    for (const s of ['Publisher: Example News', 'Byline: Staff', 'Published: 26 Dec 2024', 'Address: https://example.org/tartous', 'Reviewers: Ana Reviewer, Ben Second', 'Generated: 28 Nov 2026, 10:00 UTC by Ana Reviewer'])
      expect(header).toContain(s);
    expect(markdown).toContain('**Fact-check report** — Verification Desk');
    expect(doc.querySelector('ul a')?.getAttribute('href')).toBe('https://example.org/tartous');
  });

  it('marks each claim in bold with a [N] marker after it, numbered in document order', () => {
    expect(markdown).toContain('**ten additional troops sustained injuries during the clashes on Tuesday**[\\[1\\]](#claim-1)');
    expect(markdown).toContain('**three unidentified “armed men” lost their lives during the clashes**[\\[2\\]](#claim-2).');
    expect(markdown).toContain('**Assad and his family have sought refuge in Russia**[\\[3\\]](#claim-3)');
    const text = section(doc, 'Article text');
    const strong = text.flatMap((e) => [...e.querySelectorAll('strong')].map((s) => s.textContent));
    expect(strong).toEqual(['bold', ...model.claims.map((c) => c.quote)]);
    const refs = text.flatMap((e) => [...e.querySelectorAll('a')].map((a) => [a.textContent, a.getAttribute('href')]));
    expect(refs).toEqual([
      ['[1]', '#claim-1'],
      ['[2]', '#claim-2'],
      ['[3]', '#claim-3'],
    ]);
  });

  it('summarises verdicts, statuses and weak sourcing in tables and lists', () => {
    const rows = [...doc.querySelectorAll('table')].map((t) => [...t.querySelectorAll('tbody tr')].map((r) => norm([...r.children].map((c) => c.textContent).join(' | '))));
    expect(sectionText(doc, 'Summary')).toContain('4 claims marked (3 in the article text, 1 orphaned: no longer in the text), 2 checked (done), 2 not done yet.');
    expect(norm([...doc.querySelectorAll('table')][0]!.querySelector('thead')?.textContent)).toBe('Verdict Done Not done yet');
    expect(rows[0]).toContain('Mostly true | 1 | 0');
    expect(rows[0]).toContain('Unverifiable | 0 | 1');
    expect(rows[0]!.at(-1)).toBe('No verdict yet | 0 | 1');
    expect(rows[1]).toEqual(['Unreviewed | 1', 'In progress | 1', 'Needs second review | 0', 'Done | 2']);
    const weak = sectionText(doc, 'Weak sourcing');
    expect(weak).toContain('Claim 1 — “ten additional troops sustained injuries during the clashes on Tuesday” — Vague attribution (“Reports indicate”)');
    expect(weak).toContain('Orphaned claim 1 — “HTS has committed to safeguarding” — No attribution given');
  });

  it('has a finding per claim, with verdict, source, evidence links and comments', () => {
    expect([...doc.querySelectorAll('h3')].map((h) => norm(h.textContent)).filter((t) => /claim \d/i.test(t))).toEqual(['Claim 1', 'Claim 2', 'Claim 3', 'Orphaned claim 1']);
    const two = sectionText(doc, 'Claim 2');
    for (const s of ['three unidentified “armed men” lost their lives during the clashes', 'Verdict: Mostly true', 'Confidence: Medium', 'Status: Done', 'Source: Syrian Observatory for Human Rights (NGO or monitor)', 'Attribution: Named — cue: “reported”', 'SOHR reported three gunmen killed; no independent count.', 'Supports: SOHR: clashes near Tartous · SOHR · accessed 28 Nov 2026', 'three gunmen', 'Ben Second, 28 Nov 2026, 09:10 UTC:', 'Check the Arabic page for the later toll.'])
      expect(two).toContain(s);
    const links = section(doc, 'Claim 2').flatMap((e) => [...e.querySelectorAll('a')].map((a) => a.getAttribute('href')));
    expect(links).toEqual(['https://www.syriahr.com/en/', 'https://www.syriahr.com/en/352000/']);
    expect(section(doc, 'Claim 3').flatMap((e) => [...e.querySelectorAll('a')].map((a) => a.getAttribute('href')))).toEqual(['https://www.bbc.com/news/world-middle-east']);
    expect(sectionText(doc, 'Claim 1')).toContain('Verdict: Unverifiable');
    expect(sectionText(doc, 'Claim 3')).toContain('Verdict: True');
  });

  it('lists the orphan in its own section', () => {
    const orphans = sectionText(doc, 'Orphaned claims');
    expect(orphans).toContain('HTS has committed to safeguarding');
    expect(orphans).toContain('no longer in the article text');
    expect(sectionText(doc, 'Findings')).not.toContain('HTS has committed');
  });

  it('nests replies under the comment they answer', () => {
    const article = annotatedSample();
    const named = article.claims.find((c) => c.data.id === 'claim-named')!;
    named.data.comments = [...named.data.comments, { id: 'cm-0002', author: 'Ana Reviewer', at: '2026-11-28T09:40:00.000Z', text: 'Done: 17 now.', replyTo: 'cm-0001', editedAt: '2026-11-28T09:45:00.000Z' }];
    const doc = render(renderMarkdownReport(buildReportModel(article, ctx, { includeComments: true, includeAudit: false })));
    const reply = [...doc.querySelectorAll('li li')].find((li) => li.textContent?.includes('Done: 17 now.'));
    expect(norm(reply?.textContent)).toBe('Ana Reviewer, 28 Nov 2026, 09:40 UTC (edited 28 Nov 2026, 09:45 UTC): Done: 17 now.');
    expect(norm(reply?.parentElement?.parentElement?.textContent)).toContain('Check the Arabic page for the later toll.');
  });

  it('leaves comments out when asked, and adds the audit trail only when asked', () => {
    expect(sample(false)).not.toContain('Check the Arabic page');
    expect(markdown).not.toContain('Audit trail');
    const withAudit = render(sample(true, true));
    const rows = [...withAudit.querySelectorAll('table')].at(-1)!.querySelectorAll('tbody tr');
    expect([...rows].map((r) => [...r.children].map((c) => norm(c.textContent)))).toEqual([
      ['28 Nov 2026, 08:50 UTC', 'Ana Reviewer', 'Import', '', '', '"tartous-ambush.txt"'],
      ['28 Nov 2026, 09:05 UTC', 'Ana Reviewer', 'Claim updated', '2', 'verification.verdict', 'null → "Mostly true"'],
    ]);
  });

  it('is deterministic and ends with a newline', () => {
    expect(sample()).toBe(markdown);
    expect(markdown.endsWith('.\n')).toBe(true);
  });
});

function tinyModel(): ReportModel {
  const claim = (n: number, start: number, end: number): ReportClaim => {
    const data = newClaimData(`claim-${n}xxxx`, 'Ana', '2026-01-01T00:00:00.000Z');
    return { id: data.id, number: n, quote: 'q', start, end, orphaned: false, data };
  };
  return tinyReportModel({
    text: '',
    blocks: [
      { kind: 'title', start: 0, text: 'Tiny', styles: [] },
      { kind: 'paragraph', start: 6, text: 'Alpha beta gamma delta', styles: [{ from: 11, to: 22, kind: 'link', href: 'https://example.org/x?a=1&amp;b' }, { from: 0, to: 5, kind: 'em' }] },
      { kind: 'heading', level: 2, start: 30, text: '1. Not a list', styles: [] },
      { kind: 'bullet', start: 45, text: '- one\ntwo', styles: [] },
      { kind: 'ordered', start: 56, text: '# first', styles: [] },
      { kind: 'quote', start: 65, text: 'said', styles: [] },
      { kind: 'rule' },
      { kind: 'paragraph', start: 71, text: 'end', styles: [] },
    ],
    // Claim 1 covers "Alpha beta gamma" (6–22), claim 2 "beta" nested in it, claim 3 "gamma delta" overlapping it.
    claims: [claim(1, 6, 22), claim(2, 12, 16), claim(3, 17, 28)],
  });
}

describe('Markdown claim marking with overlaps, nesting, links and block kinds', () => {
  const markdown = renderMarkdownReport(tinyModel());
  const doc = render(markdown);

  it('keeps delimiters valid, puts each number after its claim, and splits the link around a number', () => {
    const line = markdown.split('\n').find((l) => l.includes('Alpha'))!;
    expect(line).toBe(
      '***Alpha*** **beta**[\\[2\\]](#claim-2) [**gamma**](<https://example.org/x?a=1\\&amp;b>)[\\[1\\]](#claim-1) [**delta**](<https://example.org/x?a=1\\&amp;b>)[\\[3\\]](#claim-3)',
    );
    const p = section(doc, 'Article text').find((e) => e.textContent?.includes('Alpha'))!;
    expect(norm(p.textContent)).toBe('Alpha beta[2] gamma[1] delta[3]');
    expect([...p.querySelectorAll('strong')].map((s) => s.textContent)).toEqual(['Alpha', 'beta', 'gamma', 'delta']);
    expect(p.querySelector('em')?.textContent).toBe('Alpha');
    const links = [...p.querySelectorAll('a')].map((a) => [a.textContent, a.getAttribute('href')]);
    expect(links).toEqual([
      ['[2]', '#claim-2'],
      ['gamma', 'https://example.org/x?a=1&amp;b'],
      ['[1]', '#claim-1'],
      ['delta', 'https://example.org/x?a=1&amp;b'],
      ['[3]', '#claim-3'],
    ]);
  });

  it('renders headings, lists, quotes and rules, with user text that looks like Markdown kept literal', () => {
    const text = section(doc, 'Article text');
    expect(text.map((e) => e.tagName.toLowerCase())).toEqual(['p', 'h3', 'p', 'h4', 'ul', 'ol', 'blockquote', 'hr', 'p']);
    expect(norm(text[3]!.textContent)).toBe('1. Not a list');
    expect(text[4]!.querySelectorAll('li')).toHaveLength(1);
    expect(text[4]!.querySelector('li')!.innerHTML).toBe('- one<br>\ntwo');
    expect(norm(text[5]!.textContent)).toBe('# first');
    expect(norm(text[6]!.textContent)).toBe('said');
  });
});

describe('the desk line in Markdown', () => {
  const render = (deskName: string) => renderMarkdownReport(buildReportModel(annotatedSample(), { ...ctx, deskName }));
  it('names the desk when it has a name, and leaves it out rather than inventing one', () => {
    expect(render('Verification Desk')).toContain('\n\n**Fact-check report** — Verification Desk\n\n');
    const without = render('');
    expect(without).toContain('\n\n**Fact-check report**\n\n');
    expect(without).not.toMatch(/Fact-check desk|Claimdesk desk/);
  });
});
