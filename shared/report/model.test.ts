import { describe, expect, it } from 'vitest';
import { DEFAULT_RATING_SCALE } from '../schema/claim';
import { buildReportModel } from './model';
import { annotatedSample } from './testing';

const ctx = { scale: DEFAULT_RATING_SCALE, deskName: 'Verification Desk', generatedBy: 'Ana Reviewer', generatedAt: '2026-11-28T10:00:00.000Z' };

describe('report model', () => {
  it('numbers claims in document order, keeps orphans apart, and summarises', () => {
    const m = buildReportModel(annotatedSample(), ctx);
    expect(m.claims.map((c) => c.id)).toEqual(['claim-vague', 'claim-named', 'claim-none']);
    expect(m.claims.map((c) => c.number)).toEqual([1, 2, 3]);
    expect(m.orphaned.map((c) => c.id)).toEqual(['claim-orphan']);
    for (const c of m.claims) expect(m.text.slice(c.start!, c.end!)).toBe(c.quote);
    expect(m.summary.byVerdict.find((v) => v.verdict === 'Mostly true')).toEqual({ verdict: 'Mostly true', done: 1, notDone: 0 });
    expect(m.summary.byVerdict.find((v) => v.verdict === 'Unverifiable')).toEqual({ verdict: 'Unverifiable', done: 0, notDone: 1 });
    expect(m.summary.byVerdict.at(-1)).toEqual({ verdict: 'No verdict yet', done: 0, notDone: 1 });
    expect(m.summary.byStatus.find((s) => s.status === 'done')?.count).toBe(2);
    expect(m.summary.weakSourcing.map((c) => c.id).sort()).toEqual(['claim-none', 'claim-orphan', 'claim-vague']);
    expect(m.reviewers).toEqual(['Ana Reviewer', 'Ben Second']);
    expect(m.audit).toBeNull();
    expect(buildReportModel(annotatedSample(), ctx, { includeComments: true, includeAudit: true }).audit).toHaveLength(2);
  });

  it('gives every block its offset in the plain text', () => {
    const m = buildReportModel(annotatedSample(), ctx);
    const textBlocks = m.blocks.filter((b) => b.kind !== 'rule');
    expect(textBlocks[0]).toMatchObject({ kind: 'title', start: 0 });
    for (const b of textBlocks) if ('text' in b) expect(m.text.slice(b.start, b.start + b.text.length)).toBe(b.text);
  });
});
