import { JSDOM } from 'jsdom';
import MarkdownIt from 'markdown-it';
import { describe, expect, it } from 'vitest';
import { DEFAULT_RATING_SCALE } from '../schema/claim';
import { renderHtmlReport } from './html';
import { renderMarkdownReport } from './markdown';
import { buildReportModel } from './model';
import { annotatedSample, STEALTH_EDITS, versionedSample, type SampleEdit } from './testing';
import { MAX_TEXT_CHANGES } from './versionChanges';

const ctx = { scale: DEFAULT_RATING_SCALE, deskName: 'Verification Desk', generatedBy: 'Ana Reviewer', generatedAt: '2026-12-01T10:00:00.000Z' };
const norm = (s: string | null | undefined) => (s ?? '').replace(/\s+/g, ' ').trim();
const OLD_HEADLINE = '14 are killed by Assad supporters in a conflict with Syria’s new government';
const NEW_HEADLINE = '16 security troops killed in ambush blamed on Assad loyalists';

describe('changes since first seen, in the report model', () => {
  it('is left out while the article has only the version it was imported as', () => {
    expect(buildReportModel(annotatedSample(), ctx).changes).toBeNull();
    expect(renderHtmlReport(buildReportModel(annotatedSample(), ctx))).not.toContain('Changes since first seen');
    expect(renderMarkdownReport(buildReportModel(annotatedSample(), ctx))).not.toContain('Changes since first seen');
  });

  const changes = buildReportModel(versionedSample(STEALTH_EDITS), ctx).changes!;

  it('lists every version with when, by whom and from what it was imported, and its words', () => {
    expect(changes.versions.map((v) => [v.number, v.importedAt, v.importedBy, v.origin.kind, v.current])).toEqual([
      [1, '2026-11-28T08:50:00.000Z', 'Ana Reviewer', 'file', false],
      [2, '2026-11-30T07:15:00.000Z', 'Ana Reviewer', 'file', false],
      [3, '2026-12-01T06:40:00.000Z', 'Ben Second', 'paste', true],
    ]);
    expect(changes.versions[1]!.wordCount).toBeLessThan(changes.versions[0]!.wordCount);
    expect(changes.versions.map((v) => v.headline)).toEqual([OLD_HEADLINE, OLD_HEADLINE, NEW_HEADLINE]);
  });

  it('puts the vanished attribution sentence\'s claim and the changed figure first, with their first and current words', () => {
    expect(changes.altered.map((c) => [c.claimId, c.outcome, c.inVersions])).toEqual([
      ['claim-vague', 'gone', [2]],
      ['claim-named', 'changed', [2]],
    ]);
    const [gone, changed] = changes.altered;
    expect(gone!.firstWords).toBe('ten additional troops sustained injuries during the clashes on Tuesday');
    expect(gone!.now).toBeNull();
    expect(changed!.first.filter((r) => r.changed).map((r) => r.text)).toEqual(['three']);
    expect(changed!.now!.filter((r) => r.changed).map((r) => r.text)).toEqual(['five']);
    expect(changed!.now!.map((r) => r.text).join('')).toBe('five unidentified “armed men” lost their lives during the clashes');
    expect(changes.moved).toEqual([]);
  });

  it('lists the other changes between version 1 and the current one: the reworded headline and a figure, none inside a claim', () => {
    expect(changes.text.map((t) => [t.removed, t.added])).toEqual([
      [OLD_HEADLINE, NEW_HEADLINE],
      ['14', '16'],
    ]);
    expect(changes.text[1]!.before).toMatch(/reported that $/);
    expect(changes.text[1]!.after).toMatch(/^ troops from the interior ministry/);
    expect(changes.moreText).toBe(0);
  });

  it(`lists at most ${MAX_TEXT_CHANGES} other changes and counts the rest`, () => {
    const rewrite: SampleEdit = { ...STEALTH_EDITS[1]!, replace: [[' the ', ' a ']] };
    const c = buildReportModel(versionedSample([rewrite]), ctx).changes!;
    expect(c.text).toHaveLength(MAX_TEXT_CHANGES);
    expect(c.moreText).toBeGreaterThan(0);
    expect(renderHtmlReport(buildReportModel(versionedSample([rewrite]), ctx))).toContain(`And ${c.moreText} more changes to the text, not listed.`);
  });

  it('calls out what kind of words each change altered: figures, names, attribution', () => {
    expect(changes.altered.map((c) => c.callouts)).toEqual([[], ['number']]);
    expect(changes.text.map((t) => t.callouts)).toEqual([['number', 'name', 'attribution'], ['number']]);
  });
});

describe('changes since first seen, in the HTML report (and so the PDF)', () => {
  const doc = new JSDOM(renderHtmlReport(buildReportModel(versionedSample(STEALTH_EDITS), ctx))).window.document;
  const section = doc.querySelector('#changes')!;

  it('comes right after the summary, under its own heading', () => {
    expect([...doc.querySelectorAll('main > section')].map((s) => s.id)).toEqual(['summary', 'changes', 'article-text', 'findings', 'orphaned']);
    expect(norm(section.querySelector('h2')?.textContent)).toBe('Changes since first seen');
    expect(norm(section.querySelector('.lead')?.textContent)).toBe('3 versions of this article. Since version 1: 2 claims changed or gone, 0 moved, 2 other changes to the text.');
  });

  it('has a row per version', () => {
    const rows = [...section.querySelectorAll('table.versions tbody tr')].map((r) => [...r.querySelectorAll('td')].map((td) => norm(td.textContent)));
    expect(rows).toEqual([
      ['1', '28 Nov 2026, 08:50 UTC', 'Ana Reviewer', 'File “tartous-ambush.txt”', '586', OLD_HEADLINE],
      ['2', '30 Nov 2026, 07:15 UTC', 'Ana Reviewer', 'File “tartous-ambush-updated.html”', rows[1]![4]!, OLD_HEADLINE],
      ['3 (current)', '1 Dec 2026, 06:40 UTC', 'Ben Second', 'Pasted text', rows[2]![4]!, NEW_HEADLINE],
    ]);
  });

  it('shows each changed or vanished claim with its old and new words, linked to its finding', () => {
    const items = [...section.querySelectorAll('ol.claim-changes > li')];
    expect(items.map((li) => norm(li.querySelector('.change-head')?.textContent))).toEqual(['Orphaned claim 1 Gone in version 2', 'Claim 1 Words changed in version 2 Figures']);
    expect(items.map((li) => li.querySelector('.change-head a')?.getAttribute('href'))).toEqual(['#orphaned-claim-1', '#claim-1']);
    expect(doc.querySelector('#orphaned-claim-1 blockquote')?.textContent).toContain('ten additional troops');
    const rows = (li: Element) => [...li.querySelectorAll('dl > div')].map((d) => [norm(d.querySelector('dt')?.textContent), norm(d.querySelector('dd')?.textContent)]);
    expect(rows(items[0]!)).toEqual([
      ['First seen', 'ten additional troops sustained injuries during the clashes on Tuesday'],
      ['Now', 'No longer in the text'],
    ]);
    expect(items[1]!.querySelector('del')?.textContent).toBe('three');
    expect(items[1]!.querySelector('ins')?.textContent).toBe('five');
    expect(rows(items[1]!)).toEqual([
      ['First seen', 'three unidentified “armed men” lost their lives during the clashes'],
      ['Now', 'five unidentified “armed men” lost their lives during the clashes'],
    ]);
  });

  it('shows the other changes with the old words struck and the new ones marked', () => {
    const items = [...section.querySelectorAll('ol.text-changes > li')];
    expect(items.map((li) => [li.querySelector('del')?.textContent, li.querySelector('ins')?.textContent])).toEqual([
      [OLD_HEADLINE, NEW_HEADLINE],
      ['14', '16'],
    ]);
    expect(norm(items[1]!.querySelector('.text-change')?.textContent)).toBe('… rebel-led authorities in Syria have reported that 14 16 troops from the interior ministry were killed in an ambush …');
    expect(items.map((li) => [...li.querySelectorAll('.badge.callout')].map((b) => b.textContent))).toEqual([['Figures', 'Names', 'Attribution'], ['Figures']]);
  });
});

describe('changes since first seen, in the Markdown report', () => {
  const markdown = renderMarkdownReport(buildReportModel(versionedSample(STEALTH_EDITS), ctx));
  const section = markdown.slice(markdown.indexOf('## Changes since first seen'), markdown.indexOf('## Article text'));

  it('says the same as the HTML report', () => {
    expect(markdown.indexOf('## Summary')).toBeLessThan(markdown.indexOf('## Changes since first seen'));
    expect(section).toContain('3 versions of this article. Since version 1: 2 claims changed or gone, 0 moved, 2 other changes to the text.');
    expect(section).toContain('| 3 (current) | 1 Dec 2026, 06:40 UTC | Ben Second | Pasted text |');
    expect(section).toContain('- [Orphaned claim 1](#orphaned-claim-1) — **Gone** (in version 2)\n  - First seen: “ten additional troops sustained injuries during the clashes on Tuesday”\n  - Now: *No longer in the text*');
    expect(section).toContain('- [Claim 1](#claim-1) — **Words changed** (in version 2) — Figures\n  - First seen: “~~three~~ unidentified “armed men” lost their lives during the clashes”\n  - Now: “**five** unidentified “armed men” lost their lives during the clashes”');
    expect(section).toContain(`- ~~${OLD_HEADLINE}~~ **${NEW_HEADLINE}** — Figures, Names, Attribution`);
    expect(section).toContain('~~14~~ **16** troops from the interior ministry were killed in an ambush … — Figures');
  });

  it('renders as struck and bold words in a Markdown viewer', () => {
    const d = new JSDOM(`<body>${new MarkdownIt().render(section)}</body>`).window.document;
    expect([...d.querySelectorAll('s')].map((s) => s.textContent)).toEqual(['three', OLD_HEADLINE, '14']);
    expect([...d.querySelectorAll('li strong')].map((s) => s.textContent)).toEqual(['Gone', 'Words changed', 'five', NEW_HEADLINE, '16']);
  });
});

describe('a claim that only moved', () => {
  const moveUp: SampleEdit = {
    importedAt: '2026-11-30T07:15:00.000Z',
    importedBy: 'Ana Reviewer',
    origin: { kind: 'paste' },
    replace: [
      ['Assad and his family have sought refuge in Russia following escalating tensions.\n\n', ''],
      ['In a significant turn of events,', 'Assad and his family have sought refuge in Russia following escalating tensions.\n\nIn a significant turn of events,'],
    ],
  };
  const model = buildReportModel(versionedSample([moveUp]), ctx);

  it('is listed apart from the changed ones (under its new number), with its words once, and its move is not listed again as a text change', () => {
    expect(model.changes!.altered).toEqual([]);
    expect(model.changes!.moved.map((c) => [c.claimId, c.firstWords])).toEqual([['claim-none', 'Assad and his family have sought refuge in Russia']]);
    expect(model.changes!.text).toEqual([]);
    const d = new JSDOM(renderHtmlReport(model)).window.document;
    expect([...d.querySelectorAll('#changes h3')].map((h) => norm(h.textContent))).toEqual(['Claims whose words changed or vanished', 'Claims that moved', 'Other changes to the text']);
    expect(norm(d.querySelector('#changes')?.textContent)).toContain('No claim’s words changed or vanished.');
    expect(norm(d.querySelector('#changes .claim-changes .change-head')?.textContent)).toBe('Claim 2 Moved in version 2');
    expect(norm(d.querySelector('#changes .claim-was')?.textContent)).toBe('Assad and his family have sought refuge in Russia');
    expect(norm(d.querySelector('#changes')?.textContent)).toContain('No other changes to the text.');
    const md = renderMarkdownReport(model);
    expect(md).toContain('### Claims that moved\n\n- [Claim 2](#claim-2) — **Moved** (in version 2)\n  - “Assad and his family have sought refuge in Russia”');
    expect(md).toContain('### Other changes to the text\n\n*No other changes to the text.*');
  });
});

