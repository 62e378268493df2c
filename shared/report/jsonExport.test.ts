import { describe, expect, it } from 'vitest';
import { CURRENT_SCHEMA_VERSION, migrate } from '../../electron/store/migrations';
import { ArticleRecord } from '../schema/article';
import type { SourceEntry } from '../schema/desk';
import { ARTICLE_EXPORT_FORMAT, exportArticleJson, parseArticleJson, sourcesNamedIn } from './jsonExport';
import { annotatedSample, STEALTH_EDITS, versionedSample } from './testing';

const directory: SourceEntry[] = [
  { id: 'src-000001', name: 'Reuters', aliases: [], kind: 'news_agency' },
  { id: 'src-000002', name: 'SOHR', aliases: ['Syrian Observatory for Human Rights'], kind: 'ngo_monitor' },
  { id: 'src-000003', name: 'SANA', aliases: [], kind: 'state_media' },
];
const ctx = { generatedAt: '2026-11-28T10:00:00.000Z', app: 'Claimdesk 0.1.0', schemaVersion: CURRENT_SCHEMA_VERSION, sources: directory };

const exported = () => JSON.parse(exportArticleJson(annotatedSample(), ctx)) as Record<string, unknown>;
const parseJson = (json: unknown) => parseArticleJson(JSON.stringify(json), CURRENT_SCHEMA_VERSION);
const refusal = (result: ReturnType<typeof parseArticleJson>): string => {
  if (result.ok) throw new Error('expected a refusal');
  return result.message;
};

describe('exportArticleJson', () => {
  it('writes the envelope, pretty-printed, with the full article', () => {
    const text = exportArticleJson(annotatedSample(), ctx);
    expect(text).toMatch(/^\{\n {2}"format": "claimdesk-article",\n/);
    expect(text.endsWith('}\n')).toBe(true);
    const json = JSON.parse(text) as Record<string, unknown>;
    expect(Object.keys(json)).toEqual(['format', 'schemaVersion', 'exportedAt', 'app', 'article', 'sources']);
    expect(json).toMatchObject({ format: ARTICLE_EXPORT_FORMAT, schemaVersion: CURRENT_SCHEMA_VERSION, exportedAt: ctx.generatedAt, app: 'Claimdesk 0.1.0' });
    const article = ArticleRecord.parse(json.article);
    expect(article.claims).toHaveLength(4);
    expect(article.claims.find((c) => c.data.id === 'claim-named')!.data.comments).toHaveLength(1);
    expect(article.audit).toHaveLength(2);
  });

  it('includes only the directory entries its claims name (by name or alias)', () => {
    expect(exported().sources).toEqual([directory[1]]);
    expect(sourcesNamedIn(annotatedSample(), [])).toEqual([]);
    expect(JSON.parse(exportArticleJson(annotatedSample(), { ...ctx, sources: undefined })).sources).toEqual([]);
  });
});

describe('parseArticleJson', () => {
  it('round-trips the annotated sample exactly', () => {
    const original = annotatedSample();
    const result = parseArticleJson(exportArticleJson(original, ctx), CURRENT_SCHEMA_VERSION);
    if (!result.ok) throw new Error(result.message);
    expect(result.article).toEqual(original);
    expect(result.sources).toEqual([directory[1]]);
  });

  it('accepts a byte-order mark and an export without sources', () => {
    const json = exported();
    delete json.sources;
    const result = parseArticleJson(`\uFEFF${JSON.stringify(json)}`, CURRENT_SCHEMA_VERSION);
    expect(result.ok && result.sources).toEqual([]);
  });

  it('refuses text that is not JSON', () => {
    expect(refusal(parseArticleJson('{"format": "claimdesk-article",', 2))).toBe('This file is not a Claimdesk article export. It is not valid JSON.');
    expect(refusal(parseArticleJson('', 2))).toMatch(/not valid JSON/);
  });

  it('refuses JSON that is not an object', () => {
    expect(refusal(parseJson([1, 2]))).toMatch(/does not hold a JSON object/);
    expect(refusal(parseJson(null))).toMatch(/does not hold a JSON object/);
  });

  it('refuses the wrong format, naming it', () => {
    expect(refusal(parseJson({ ...exported(), format: 'hypothesis-export' }))).toBe('This file is not a Claimdesk article export. (its format is “hypothesis-export”)');
    const json = exported();
    delete json.format;
    expect(refusal(parseJson(json))).toBe('This file is not a Claimdesk article export.');
    // A stored article file (no format) is not an export either.
    expect(refusal(parseJson({ schemaVersion: 2, article: annotatedSample() }))).toMatch(/not a Claimdesk article export/);
  });

  it('refuses an export from a newer Claimdesk', () => {
    expect(refusal(parseJson({ ...exported(), schemaVersion: CURRENT_SCHEMA_VERSION + 1 }))).toBe(
      `This article was made by a newer version of Claimdesk (schema ${CURRENT_SCHEMA_VERSION + 1}; this version reads up to ${CURRENT_SCHEMA_VERSION}). Update Claimdesk to open it.`,
    );
  });

  it('refuses a missing or invalid schema version', () => {
    for (const v of [undefined, '2', 0, 1.5]) expect(refusal(parseJson({ ...exported(), schemaVersion: v }))).toBe('This article export has no valid schema version.');
  });

  it('refuses a missing field, naming its path', () => {
    const json = exported();
    const article = { ...(json.article as Record<string, unknown>) };
    delete article.claims;
    expect(refusal(parseJson({ ...json, article }))).toMatch(/^This article export is damaged or incomplete: article\.claims: /);
    const noArticle = exported();
    delete noArticle.article;
    expect(refusal(parseJson(noArticle))).toMatch(/incomplete: article: /);
  });

  it('refuses an invalid field, naming its path and the schema’s message', () => {
    const sample = annotatedSample();
    const badUrl = { ...sample, meta: { ...sample.meta, url: 'javascript:alert(1)' } };
    expect(refusal(parseJson({ ...exported(), article: badUrl }))).toBe(
      'This article export is damaged or incomplete: article.meta.url: Enter a web address starting with http:// or https://',
    );
    const badClaim = { ...sample, claims: [{ ...sample.claims[0]!, data: { ...sample.claims[0]!.data, id: 'x' } }] };
    expect(refusal(parseJson({ ...exported(), article: badClaim }))).toMatch(/article\.claims\.0\.data\.id: A claim id is/);
    expect(refusal(parseJson({ ...exported(), sources: [{ id: 'src-000009', name: '', aliases: [], kind: 'ngo_monitor' }] }))).toMatch(/: sources\.0\.name: /);
  });

  it('refuses a document that does not fit the article schema', () => {
    const sample = annotatedSample();
    const badDoc = { ...sample, doc: { type: 'doc', content: [{ type: 'marquee', content: [{ type: 'text', text: 'hi' }] }] } };
    expect(refusal(parseJson({ ...exported(), article: badDoc }))).toMatch(/^This article export is damaged or incomplete: article\.doc\.content\.0\.type: Invalid option/);
    const noTitle = { ...sample, doc: { type: 'doc', content: [{ type: 'paragraph', content: [{ type: 'text', text: 'hi' }] }] } };
    expect(refusal(parseJson({ ...exported(), article: noTitle }))).toMatch(/^This article export is damaged: The document does not fit the article schema/);
  });

  it('brings an older export up to date with the store’s migration when given one', () => {
    const json = exported();
    const { claims: _claims, audit: _audit, ...v1Article } = json.article as Record<string, unknown>;
    const v1 = { ...json, schemaVersion: 1, article: v1Article };
    expect(refusal(parseArticleJson(JSON.stringify(v1), CURRENT_SCHEMA_VERSION))).toMatch(/article\.claims/);
    const result = parseArticleJson(JSON.stringify(v1), CURRENT_SCHEMA_VERSION, { migrate: (j) => migrate('article', j) });
    if (!result.ok) throw new Error(result.message);
    expect(result.article.claims).toEqual([]);
    expect(result.article.audit).toEqual([]);
    expect(result.article.meta).toEqual(annotatedSample().meta);
  });

  it('carries every version, with its text, metadata and how each claim came over, and reads them back', () => {
    const original = versionedSample(STEALTH_EDITS);
    const json = JSON.parse(exportArticleJson(original, ctx)) as { article: { versions: { number: number; carried: unknown[] }[] } };
    expect(json.article.versions.map((v) => v.number)).toEqual([1, 2, 3]);
    expect(json.article.versions[1]!.carried).toContainEqual(expect.objectContaining({ claimId: 'claim-vague', outcome: 'gone' }));
    const result = parseArticleJson(exportArticleJson(original, ctx), CURRENT_SCHEMA_VERSION);
    if (!result.ok) throw new Error(result.message);
    expect(result.article.versions).toEqual(original.versions);
    expect(result.article).toEqual(original);
  });

  it('gives an export from before versions its text as version 1, through the migration', () => {
    const json = exported();
    const { versions: _versions, ...article } = json.article as Record<string, unknown>;
    const v5 = { ...json, schemaVersion: 5, article };
    expect(refusal(parseArticleJson(JSON.stringify(v5), CURRENT_SCHEMA_VERSION))).toMatch(/article\.versions/);
    const result = parseArticleJson(JSON.stringify(v5), CURRENT_SCHEMA_VERSION, { migrate: (j) => migrate('article', j) });
    if (!result.ok) throw new Error(result.message);
    expect(result.article.versions.map((v) => [v.number, v.doc])).toEqual([[1, annotatedSample().doc]]);
  });

  it('refuses a version whose text does not fit the article schema, naming the version', () => {
    const article = versionedSample(STEALTH_EDITS);
    article.versions[1]!.doc = { type: 'doc', content: [{ type: 'paragraph', content: [{ type: 'text', text: 'no title' }] }] };
    expect(refusal(parseJson({ ...exported(), article }))).toMatch(/^This article export is damaged: version 2: The document does not fit the article schema/);
  });
});
