/**
 * The renderer's one client. In the desktop app the preload's bridge carries calls over IPC; in a plain
 * browser they go over HTTP to the browser-mode server. Views never know which.
 */
import { ApiError, createClient, type Client, type Transport } from '../shared/api';
import type { Bridge } from '../shared/bridge';
import { createHttpTransport } from './httpTransport';

declare global {
  interface Window {
    claimdesk?: Bridge;
  }
}

export const bridge: Bridge | undefined = window.claimdesk;
export const isDesktop = bridge !== undefined;

const transport: Transport = bridge ? (method, payload) => bridge.invoke(method, payload) : createHttpTransport();

export const client: Client = createClient(transport);

export function errorMessage(e: unknown): string {
  if (e instanceof ApiError) return e.message;
  if (e instanceof Error) return e.message;
  return String(e);
}
