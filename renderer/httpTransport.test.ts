import { describe, expect, it } from 'vitest';
import { ApiError } from '../shared/api';
import { NOT_SIGNED_IN } from '../shared/browserSignIn';
import { createHttpTransport } from './httpTransport';

type Sent = { url: string; init: RequestInit };

function fakeFetch(status: number, body: unknown, sent: Sent[] = []): typeof fetch {
  return async (input, init) => {
    sent.push({ url: String(input), init: init ?? {} });
    return new Response(JSON.stringify(body), { status, headers: { 'Content-Type': 'application/json' } });
  };
}

describe('browser-mode transport', () => {
  it('posts JSON to the same origin with the session cookie', async () => {
    const sent: Sent[] = [];
    const envelope = { ok: true, value: { articles: [] } };
    await expect(createHttpTransport(fakeFetch(200, envelope, sent))('listArticles', {})).resolves.toEqual(envelope);
    expect(sent).toHaveLength(1);
    expect(sent[0]?.url).toBe('api/listArticles');
    expect(sent[0]?.init).toMatchObject({ method: 'POST', credentials: 'same-origin', headers: { 'Content-Type': 'application/json' } });
  });

  it('turns a 401 into the not-signed-in message, whatever the body says', async () => {
    const refused = { ok: false, error: { code: 'unauthorized', message: 'for scripts' } };
    const call = createHttpTransport(fakeFetch(401, refused))('getDesk', {});
    await expect(call).rejects.toBeInstanceOf(ApiError);
    await expect(call).rejects.toMatchObject({ code: 'unauthorized', message: NOT_SIGNED_IN });
    expect(NOT_SIGNED_IN).toMatch(/^This browser tab is not signed in to Claimdesk: open the address the server printed/);
  });

  it('passes other failures through as the server wrote them', async () => {
    const missing = { ok: false, error: { code: 'not_found', message: 'No such article.' } };
    await expect(createHttpTransport(fakeFetch(404, missing))('getArticle', { id: 'x' })).resolves.toEqual(missing);
  });
});
