import { describe, expect, it } from 'vitest';
import { isSignedIn, launchToken, MIN_TOKEN_CHARS, newToken, presentedTokens, sessionCookie, sessionCookieName, TokenError, tokenMatches } from './browserToken';

describe('browser-mode token', () => {
  it('is 256 random bits, URL-safe, new at each launch without CLAIMDESK_TOKEN', () => {
    const a = launchToken({});
    const b = launchToken({ CLAIMDESK_TOKEN: '' });
    expect(a).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(Buffer.from(a, 'base64url')).toHaveLength(32);
    expect(b).not.toBe(a);
    expect(newToken()).not.toBe(newToken());
  });

  it('honours CLAIMDESK_TOKEN when it is long enough', () => {
    const hex = '0123456789abcdef'.repeat(2);
    expect(hex).toHaveLength(MIN_TOKEN_CHARS);
    expect(launchToken({ CLAIMDESK_TOKEN: hex })).toBe(hex);
  });

  it('refuses a CLAIMDESK_TOKEN that is too short or would need escaping, with a clear message', () => {
    for (const bad of ['secret', 'a'.repeat(MIN_TOKEN_CHARS - 1), `${'a'.repeat(40)} b`, `${'a'.repeat(40)};b`, `${'a'.repeat(40)}=`]) {
      expect(() => launchToken({ CLAIMDESK_TOKEN: bad })).toThrow(TokenError);
    }
    expect(() => launchToken({ CLAIMDESK_TOKEN: 'secret' })).toThrow(/^CLAIMDESK_TOKEN must be at least 32 characters .*\(got 6 characters\)/);
  });

  it('compares whole tokens only', () => {
    const t = newToken();
    expect(tokenMatches(t, t)).toBe(true);
    expect(tokenMatches(t, t.slice(0, -1))).toBe(false);
    expect(tokenMatches(t, `${t}a`)).toBe(false);
    expect(tokenMatches(t, '')).toBe(false);
  });

  it('reads the Bearer credential and our own session cookie', () => {
    const t = newToken();
    expect(presentedTokens({ authorization: `Bearer ${t}` }, 4000)).toEqual([t]);
    expect(presentedTokens({ authorization: `bearer  ${t} ` }, 4000)).toEqual([t]);
    expect(presentedTokens({ authorization: `Basic ${t}` }, 4000)).toEqual([]);
    expect(presentedTokens({ cookie: `a=1; claimdesk-session-4000=${t}; claimdesk-session-4001=other` }, 4000)).toEqual([t]);
    expect(isSignedIn({ cookie: `claimdesk-session-4000=old; claimdesk-session-4000=${t}` }, 4000, t)).toBe(true);
    expect(isSignedIn({ cookie: `claimdesk-session-4001=${t}` }, 4000, t)).toBe(false);
    expect(isSignedIn({}, 4000, t)).toBe(false);
  });

  it('makes a session cookie no script can read and no other site can send', () => {
    expect(sessionCookie(4000, 'tok')).toBe(`${sessionCookieName(4000)}=tok; Path=/; HttpOnly; SameSite=Strict`);
  });
});
