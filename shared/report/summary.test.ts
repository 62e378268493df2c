import { describe, expect, it } from 'vitest';
import { DEFAULT_RATING_SCALE, type ClaimStatus } from '../schema/claim';
import { renderHtmlReport } from './html';
import { renderMarkdownReport } from './markdown';
import { buildReportModel } from './model';
import { claimCounts, summarySentence } from './summary';
import { annotatedSample } from './testing';

const ctx = { scale: DEFAULT_RATING_SCALE, deskName: '', generatedBy: 'Ana Reviewer', generatedAt: '2026-11-28T10:00:00.000Z' };

/** The sample article with one claim in the text per status given (copies of its three), done ones rated False, and `orphans` orphans. */
function sampleWith(statuses: ClaimStatus[], orphans = 0) {
  const article = annotatedSample();
  const placed = article.claims.filter((c) => !c.target.orphaned);
  const orphan = article.claims.find((c) => c.target.orphaned)!;
  article.claims = [
    ...statuses.map((status, i) => {
      const c = placed[i % placed.length]!;
      return { ...c, data: { ...c.data, id: `claim-${i}`, verification: { ...c.data.verification, status, verdict: status === 'done' ? 'False' : c.data.verification.verdict } } };
    }),
    ...Array.from({ length: orphans }, (_, i) => ({ ...orphan, data: { ...orphan.data, id: `orphan-${i}` } })),
  ];
  return buildReportModel(article, ctx);
}

describe('the summary sentence', () => {
  it('says how many claims are marked and how many are checked (done), never "12 checked" of 3 done', () => {
    const statuses: ClaimStatus[] = ['done', 'done', 'done', ...Array<ClaimStatus>(9).fill('in_progress')];
    const m = sampleWith(statuses);
    expect(claimCounts(m)).toEqual({ marked: 12, inText: 12, orphaned: 0, done: 3 });
    expect(summarySentence(m)).toBe('12 claims marked, 3 checked (done), 9 not done yet.');
  });

  it('handles none, one, all done and orphans', () => {
    expect(summarySentence(sampleWith([]))).toBe('No claims are marked in this article.');
    expect(summarySentence(sampleWith(['done']))).toBe('1 claim marked, 1 checked (done).');
    expect(summarySentence(sampleWith(['unreviewed']))).toBe('1 claim marked, 0 checked (done), 1 not done yet.');
    expect(summarySentence(sampleWith(['done', 'done']))).toBe('2 claims marked, 2 checked (done).');
    expect(summarySentence(sampleWith(['done', 'needs_second_review'], 1))).toBe('3 claims marked (2 in the article text, 1 orphaned: no longer in the text), 1 checked (done), 2 not done yet.');
  });

  it('is the same sentence in the HTML report (and so the PDF) and the Markdown report', () => {
    const m = sampleWith(['done', 'done', 'done', 'in_progress', 'unreviewed']);
    const sentence = '5 claims marked, 3 checked (done), 2 not done yet.';
    expect(summarySentence(m)).toBe(sentence);
    expect(renderHtmlReport(m)).toContain(`<p class="lead">${sentence}</p>`);
    expect(renderMarkdownReport(m)).toContain(`## Summary\n\n${sentence}\n`);
  });

  it('counts verdicts of done claims apart from those not done yet', () => {
    const m = sampleWith(['done', 'done', 'done', 'in_progress', 'unreviewed']);
    expect(m.summary.byVerdict.find((v) => v.verdict === 'False')).toEqual({ verdict: 'False', done: 3, notDone: 0 });
    const total = m.summary.byVerdict.reduce((n, v) => n + v.done + v.notDone, 0);
    expect(total).toBe(5);
    expect(m.summary.byVerdict.reduce((n, v) => n + v.done, 0)).toBe(3);
  });
});
