/** Fixtures for merge tests: the annotated sample's claims and text, and small editing helpers. */
import { annotatedSample, claimOn } from '../report/testing';
import { articleSchema } from '../doc/schema';
import { docPlainText } from '../doc/plainText';
import type { Claim, ClaimData, Comment, Evidence } from '../schema/claim';

export const sample = annotatedSample();
export const text = docPlainText(articleSchema.nodeFromJSON(sample.doc));
export const baseClaims = (): Claim[] => structuredClone(sample.claims);

export { claimOn };

/** The claims with claim `id`'s data changed (and stamped by `who` at `at`). */
export function edit(claims: Claim[], id: string, change: (d: ClaimData) => ClaimData, who = 'Editor', at = '2026-12-01T10:00:00.000Z'): Claim[] {
  if (!claims.some((c) => c.data.id === id)) throw new Error(`no claim ${id}`);
  return claims.map((c) => (c.data.id === id ? { ...c, data: { ...change(c.data), updatedBy: who, updatedAt: at } } : c));
}

export function remove(claims: Claim[], id: string): Claim[] {
  return claims.filter((c) => c.data.id !== id);
}

export function get(claims: Claim[], id: string): Claim {
  const c = claims.find((x) => x.data.id === id);
  if (!c) throw new Error(`no claim ${id}`);
  return c;
}

export const withVerdict = (verdict: string | null) => (d: ClaimData): ClaimData => ({ ...d, verification: { ...d.verification, verdict } });
export const withSourceName = (sourceName: string) => (d: ClaimData): ClaimData => ({ ...d, attribution: { ...d.attribution, sourceName } });
export const withComment = (c: Comment) => (d: ClaimData): ClaimData => ({ ...d, comments: [...d.comments, c] });
export const withEvidence = (e: Evidence) => (d: ClaimData): ClaimData => ({ ...d, verification: { ...d.verification, evidence: [...d.verification.evidence, e] } });

export function comment(id: string, at: string, text = `Note ${id}`, author = 'Someone'): Comment {
  return { id, author, at, text };
}

export function evidence(id: string, title = `Source ${id}`): Evidence {
  return { id, url: `https://example.org/${id}`, title, publisher: 'Example', accessedAt: '2026-12-01', quote: '', stance: 'context' };
}
