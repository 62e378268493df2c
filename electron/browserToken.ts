/**
 * Browser mode's per-launch secret: who may call the server at all. Listening on 127.0.0.1 keeps other
 * machines out, not other users or programs of this one, so every request must show this token: as the
 * session cookie the page gets from the printed address, or as `Authorization: Bearer TOKEN` from a script.
 */
import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';

export const TOKEN_ENV = 'CLAIMDESK_TOKEN';

/** 256 bits from the OS's CSPRNG: far beyond guessing, even at a loopback port's request rate. */
const TOKEN_BYTES = 32;
/** A token given in CLAIMDESK_TOKEN needs at least this many characters: 32 hex digits are 128 bits. */
export const MIN_TOKEN_CHARS = 32;
/** Characters that pass through a URL query and a cookie value unescaped (base64url and hex use only these). */
const TOKEN_CHARS = /^[A-Za-z0-9_-]+$/;

export class TokenError extends Error {
  override name = 'TokenError';
}

/** A fresh token, base64url. */
export function newToken(): string {
  return randomBytes(TOKEN_BYTES).toString('base64url');
}

/** The token for this launch: CLAIMDESK_TOKEN when set (checked), otherwise a new one. */
export function launchToken(env: NodeJS.ProcessEnv = process.env): string {
  const given = env[TOKEN_ENV];
  if (given === undefined || given === '') return newToken();
  if (given.length < MIN_TOKEN_CHARS || !TOKEN_CHARS.test(given)) {
    throw new TokenError(
      `${TOKEN_ENV} must be at least ${MIN_TOKEN_CHARS} characters of letters, digits, '-' or '_' (got ${given.length} characters${TOKEN_CHARS.test(given) ? '' : ' with others among them'}); e.g. \`openssl rand -hex 32\`. Unset it to get a new token at each launch.`,
    );
  }
  return given;
}

/**
 * Constant-time comparison. Both sides are hashed first so that timingSafeEqual sees equal lengths and
 * the time taken tells nothing about the token's length either.
 */
export function tokenMatches(expected: string, given: string): boolean {
  const digest = (s: string) => createHash('sha256').update(s, 'utf8').digest();
  return timingSafeEqual(digest(expected), digest(given));
}

/**
 * Cookies are scoped by host, not port: the port in the name keeps two Claimdesk servers on 127.0.0.1
 * (two desks, say) from overwriting each other's session in one browser.
 */
export function sessionCookieName(port: number): string {
  return `claimdesk-session-${port}`;
}

/** HttpOnly: no script reads it. SameSite=Strict: no other site's page sends it. No Max-Age: gone with the browser session. */
export function sessionCookie(port: number, token: string): string {
  return `${sessionCookieName(port)}=${token}; Path=/; HttpOnly; SameSite=Strict`;
}

/** Every token a request shows: the Bearer credential, then each session cookie of ours (a browser may send several). */
export function presentedTokens(headers: { authorization?: string | undefined; cookie?: string | undefined }, port: number): string[] {
  const out: string[] = [];
  const bearer = /^Bearer[ \t]+(\S+)[ \t]*$/i.exec(headers.authorization ?? '');
  if (bearer?.[1]) out.push(bearer[1]);
  const name = sessionCookieName(port);
  for (const part of (headers.cookie ?? '').split(';')) {
    const eq = part.indexOf('=');
    if (eq > 0 && part.slice(0, eq).trim() === name) out.push(part.slice(eq + 1).trim());
  }
  return out;
}

/** Whether a request carries the token, by either way. */
export function isSignedIn(headers: { authorization?: string | undefined; cookie?: string | undefined }, port: number, token: string): boolean {
  // Every candidate is compared, so a request's time does not depend on which one matched.
  return presentedTokens(headers, port).reduce((ok, given) => tokenMatches(token, given) || ok, false);
}
