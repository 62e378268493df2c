/**
 * The renderer's one client. In the desktop app the preload's bridge carries calls over IPC; in a plain
 * browser they go over HTTP to the browser-mode server. Views never know which.
 */
import { ApiError, createClient, type Client, type Method, type Transport } from '../shared/api';
import type { Bridge } from '../shared/bridge';

declare global {
  interface Window {
    claimdesk?: Bridge;
  }
}

/** fetch's keepalive lets a save started while the page unloads still arrive; it is capped at 64 KiB. */
const KEEPALIVE_LIMIT = 60 * 1024;

const httpTransport: Transport = async (method: Method, payload: unknown) => {
  const body = JSON.stringify(payload ?? {});
  let res: Response;
  try {
    res = await fetch(`api/${method}`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body,
      keepalive: body.length < KEEPALIVE_LIMIT,
    });
  } catch {
    throw new ApiError('transport', 'Cannot reach the Claimdesk server. Is it still running?');
  }
  try {
    return await res.json();
  } catch {
    throw new ApiError('transport', `The Claimdesk server answered ${res.status} without a readable body.`);
  }
};

export const bridge: Bridge | undefined = window.claimdesk;
export const isDesktop = bridge !== undefined;

const transport: Transport = bridge ? (method, payload) => bridge.invoke(method, payload) : httpTransport;

export const client: Client = createClient(transport);

export function errorMessage(e: unknown): string {
  if (e instanceof ApiError) return e.message;
  if (e instanceof Error) return e.message;
  return String(e);
}
