import { describe, expect, it } from 'vitest';
import { canonicalUrl } from './canonicalUrl';

describe('canonicalUrl', () => {
  it('gives one key for the ways one page is linked', () => {
    const key = canonicalUrl('https://www.example.com/world/tartous-ambush');
    expect(key).toBe('example.com/world/tartous-ambush');
    for (const variant of [
      'http://example.com/world/tartous-ambush/',
      'https://WWW.Example.COM/world/tartous-ambush#comments',
      'https://example.com/world/tartous-ambush?utm_source=twitter&utm_medium=social',
      'https://example.com/world/tartous-ambush?fbclid=abc123',
      ' https://example.com:443/world/tartous-ambush ',
    ]) {
      expect(canonicalUrl(variant), variant).toBe(key);
    }
  });

  it('keeps the parameters that choose the page, in one order', () => {
    expect(canonicalUrl('https://example.com/story?id=7&page=2&utm_campaign=x')).toBe('example.com/story?id=7&page=2');
    expect(canonicalUrl('https://example.com/story?page=2&id=7')).toBe('example.com/story?id=7&page=2');
    expect(canonicalUrl('https://example.com/story?id=7')).not.toBe(canonicalUrl('https://example.com/story?id=8'));
  });

  it('keeps the path case and other hosts apart', () => {
    expect(canonicalUrl('https://example.com/Story')).not.toBe(canonicalUrl('https://example.com/story'));
    expect(canonicalUrl('https://news.example.com/a')).not.toBe(canonicalUrl('https://example.com/a'));
  });

  it("gives '' for what is not a web address", () => {
    expect(canonicalUrl('')).toBe('');
    expect(canonicalUrl('not a url')).toBe('');
    expect(canonicalUrl('javascript:alert(1)')).toBe('');
    expect(canonicalUrl('file:///etc/passwd')).toBe('');
  });
});
