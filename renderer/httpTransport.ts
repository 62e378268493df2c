/**
 * Browser mode's transport: each call is a same-origin POST to the server, signed in by the session
 * cookie the printed address set (HttpOnly, so this code never sees the token).
 */
import { ApiError, type Method, type Transport } from '../shared/api';
import { NOT_SIGNED_IN } from '../shared/browserSignIn';

/** fetch's keepalive lets a save started while the page unloads still arrive; it is capped at 64 KiB. */
const KEEPALIVE_LIMIT = 60 * 1024;

export function createHttpTransport(fetchImpl: typeof fetch = (input, init) => fetch(input, init)): Transport {
  return async (method: Method, payload: unknown) => {
    const body = JSON.stringify(payload ?? {});
    let res: Response;
    try {
      res = await fetchImpl(`api/${method}`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json' },
        credentials: 'same-origin',
        body,
        keepalive: body.length < KEEPALIVE_LIMIT,
      });
    } catch {
      throw new ApiError('transport', 'Cannot reach the Claimdesk server. Is it still running?');
    }
    // The server's 401 message is written for scripts too; a tab gets the one thing it can do.
    if (res.status === 401) throw new ApiError('unauthorized', NOT_SIGNED_IN);
    try {
      return await res.json();
    } catch {
      throw new ApiError('transport', `The Claimdesk server answered ${res.status} without a readable body.`);
    }
  };
}
