import { describe, expect, it } from 'vitest';
import type { ArticleRecord } from '../schema/article';
import { noDetection } from '../schema/detection';
import { noExchange } from '../schema/exchange';
import { MAX_VERSIONS, type ArticleVersion } from '../schema/version';
import { addVersion, metaForVersion, type IncomingVersion } from './addVersion';
import { claimOn } from './testing';

const META = { title: 'Ambush near Tartous', publisher: 'Reuters', byline: 'Jane Doe', publishedAt: '2025-03-03', modifiedAt: '', url: 'https://example.org/a', language: 'en' };
const BODY = 'At least 14 people were killed in the ambush near the port of Tartous, state media said. Ten troops were injured.';
const docOf = (body: string) => ({ type: 'doc', content: [{ type: 'title', content: [{ type: 'text', text: META.title }] }, { type: 'paragraph', content: [{ type: 'text', text: body }] }] });
const textOf = (body: string) => `${META.title}\n\n${body}`;
const hash = (n: number) => n.toString(16).padStart(64, '0');
const stamp = { at: '2026-12-01T12:00:00.000Z', who: 'Ana', newId: (() => { let i = 0; return () => `event-${++i}`; })() };

function article(versions = 1): ArticleRecord {
  const v: ArticleVersion = { number: 1, hash: hash(1), wordCount: 22, importedAt: '2026-11-28T09:00:00.000Z', importedBy: 'Ana', origin: { kind: 'file', fileName: 'v1.txt' }, meta: META, doc: docOf(BODY), removedOnImport: [], carried: [] };
  const text = textOf(BODY);
  return {
    id: 'article-1', meta: META, origin: v.origin, importedAt: v.importedAt, updatedAt: v.importedAt, revision: 3, doc: v.doc, removedOnImport: [],
    claims: [claimOn(text, 'At least 14 people were killed', 1), claimOn(text, 'state media said', 2)], audit: [], exchange: noExchange(),
    versions: Array.from({ length: versions }, (_, i) => ({ ...v, number: i + 1, hash: hash(i + 1) })), detection: noDetection(),
  };
}
const incoming = (body: string, h = hash(99), meta = META): IncomingVersion => ({ doc: docOf(body), meta, removed: [], origin: { kind: 'paste' }, text: textOf(body), hash: h, wordCount: 20 });

describe('addVersion', () => {
  it('the same hash as the last version: identical, whatever the desk corrected', () => {
    const a = article();
    expect(addVersion(a, textOf(BODY), incoming(BODY, hash(1)), stamp)).toEqual({ outcome: 'identical', message: 'This is the same text as version 1 of “Ambush near Tartous”; nothing changed.' });
    expect(addVersion(a, textOf(`${BODY} Typo fixed.`), incoming(BODY, hash(1)), stamp)).toMatchObject({ outcome: 'identical', message: expect.stringContaining('corrections since are kept') });
  });

  it('a different article is refused, unless a person chose it', () => {
    const other = 'The harvest festival opened on Saturday with music, food stalls and a parade of decorated tractors.';
    expect(addVersion(article(), textOf(BODY), incoming(other), stamp)).toMatchObject({ outcome: 'refused', reason: 'different_article' });
    expect(addVersion(article(), textOf(BODY), incoming(other), stamp, { chosen: true }).outcome).toBe('version');
  });

  it('refuses a version beyond MAX_VERSIONS', () => {
    expect(addVersion(article(MAX_VERSIONS), textOf(BODY), incoming(BODY.replace('14', '17')), stamp)).toMatchObject({ outcome: 'refused', reason: 'too_many' });
  });

  it('carries the claims, appends the version, audits the counts and each claim gone', () => {
    const r = addVersion(article(), textOf(BODY), incoming(BODY.replace('14', '17').replace(', state media said', '')), stamp);
    if (r.outcome !== 'version') throw new Error(r.outcome);
    expect(r.version).toMatchObject({ number: 2, hash: hash(99), importedBy: 'Ana', importedAt: stamp.at });
    expect(r.version.carried.map((c) => [c.claimId, c.outcome, c.after])).toEqual([
      ['claim-1', 'changed', 'At least 17 people were killed'],
      ['claim-2', 'gone', null],
    ]);
    expect(r.article).toMatchObject({ revision: 4, updatedAt: stamp.at, doc: r.version.doc });
    expect(r.article.versions).toHaveLength(2);
    expect(r.events.map((e) => [e.action, e.claimId])).toEqual([
      ['version_added', undefined],
      ['claim_orphaned', 'claim-2'],
    ]);
    expect(r.events[0]!.new).toEqual({ number: 2, hash: hash(99), from: 'paste', unchanged: 0, moved: 0, changed: 1, gone: 1 });
  });

  it('metadata: what the new version gives, else what the article has', () => {
    expect(metaForVersion(META, { ...META, title: 'Seventeen killed near Tartous', url: '', byline: '' })).toEqual({ ...META, title: 'Seventeen killed near Tartous' });
  });
});
