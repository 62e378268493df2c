import { summarizeVersions } from './versions/firstVersion';
import { describe, expect, it } from 'vitest';
import { ApiError, createClient } from './api';
import { MAX_JSON_DEPTH } from './limits';
import { annotatedSample } from './report/testing';

describe('the contract client', () => {
  it('refuses an answer nested too deeply before its schema or the editor walks it (no stack overflow)', async () => {
    const { audit: _audit, exchange: _exchange, versions, ...rest } = annotatedSample();
    const article = { ...rest, versions: summarizeVersions(versions) };
    const levels = 100_000;
    const nest = `${'{"type":"blockquote","content":['.repeat(levels)}{"type":"paragraph"}${']}'.repeat(levels)}`;
    const deep: unknown = JSON.parse(JSON.stringify({ ok: true, value: { ...article, doc: '__DOC__' } }).replace('"__DOC__"', `{"type":"doc","content":[${nest}]}`));
    const client = createClient(async () => deep);
    const error = await client.getArticle({ id: article.id }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ApiError);
    expect(error).toMatchObject({
      code: 'transport',
      message: `The back end's answer to getArticle cannot be read: it is nested more than ${MAX_JSON_DEPTH} levels deep (Claimdesk reads at most ${MAX_JSON_DEPTH}).`,
    });
  });

  it('still reads an ordinary article', async () => {
    const { audit: _audit, exchange: _exchange, versions, ...rest } = annotatedSample();
    const article = { ...rest, versions: summarizeVersions(versions) };
    const client = createClient(async () => ({ ok: true, value: article }));
    expect(await client.getArticle({ id: article.id })).toEqual(article);
  });
});
