/**
 * Which file of the renderer's directory a URL path names. Shared by browser mode's server and the
 * desktop window's app:// protocol, so both refuse the same paths the same way.
 */
import path from 'node:path';

export type StaticPath = { kind: 'file'; file: string; rel: string } | { kind: 'malformed' } | { kind: 'outside' };

export function staticPath(root: string, pathname: string): StaticPath {
  let decoded: string;
  try {
    decoded = decodeURIComponent(pathname);
  } catch {
    // A lone or broken %-escape ("/%", "/%E0%A4"): the client's mistake, not ours.
    return { kind: 'malformed' };
  }
  if (decoded.includes('\0')) return { kind: 'malformed' };
  const rel = decoded === '/' ? 'index.html' : decoded.replace(/^\/+/, '');
  const base = path.resolve(root);
  const file = path.resolve(base, rel);
  // Decoding first, then resolving, catches "%2e%2e" and "..%2f" as well as plain "..".
  if (!file.startsWith(base + path.sep)) return { kind: 'outside' };
  return { kind: 'file', file, rel };
}
