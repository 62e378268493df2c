import MarkdownIt from 'markdown-it';
import { describe, expect, it } from 'vitest';
import { displayText, escapeHtml, escapeMarkdown, htmlText, safeHref, stripBidiControls } from './escape';

describe('escapeHtml', () => {
  it('escapes the five significant characters and nothing else', () => {
    expect(escapeHtml(`<a href="x" title='y'>&amp;</a>`)).toBe('&lt;a href=&quot;x&quot; title=&#39;y&#39;&gt;&amp;amp;&lt;/a&gt;');
    expect(escapeHtml('Plain “text” — é 漢字 👩‍💻')).toBe('Plain “text” — é 漢字 👩‍💻');
    expect(escapeHtml('')).toBe('');
  });

  it('escapes entities so they show literally', () => {
    expect(escapeHtml('&lt;script&gt;')).toBe('&amp;lt;script&amp;gt;');
  });
});

describe('safeHref', () => {
  it.each([
    ['https://example.org/a?b=1&c=2#top', 'https://example.org/a?b=1&c=2#top'],
    ['  http://example.org  ', 'http://example.org'],
    ['HTTPS://EXAMPLE.ORG/', 'HTTPS://EXAMPLE.ORG/'],
    ['mailto:desk@example.org', 'mailto:desk@example.org'],
    ['https://example.org/"onmouseover="x', 'https://example.org/%22onmouseover=%22x'],
    ['https://example.org/<script>', 'https://example.org/%3Cscript%3E'],
    ['https://example.org/a|b{c}^`\\', 'https://example.org/a%7Cb%7Bc%7D%5E%60%5C'],
    ['https://example.org/100%/x%41', 'https://example.org/100%25/x%41'],
    ['https://example.org/a#b#c', 'https://example.org/a#b%23c'],
    ['https://[::1]:8080/p[1]', 'https://[::1]:8080/p%5B1%5D'],
    ['https://example.org/ü', 'https://example.org/%C3%BC'],
    ['https://user@example.org/', 'https://user@example.org/'],
  ])('keeps %j as %j', (input, output) => {
    expect(safeHref(input)).toBe(output);
  });

  it.each([
    'javascript:alert(1)',
    'JaVaScRiPt:alert(1)',
    ' javascript:alert(1)',
    'java\tscript:alert(1)',
    'java\nscript:alert(1)',
    '&#106;avascript:alert(1)',
    'jav&#x09;ascript:alert(1)',
    'data:text/html,<script>alert(1)</script>',
    'vbscript:msgbox(1)',
    'file:///etc/passwd',
    '//evil.example/x',
    '\\\\evil.example\\x',
    'https:evil.example',
    'https:/evil.example',
    'https:///evil.example',
    'https:\\\\evil.example',
    'https://',
    'https://exa mple.org',
    'https://example.org/\u202Eexe',
    'https://example.org/\u0000',
    'mailto:',
    '/relative',
    '#fragment',
    '',
    'x'.repeat(9000),
  ])('refuses %j', (input) => {
    expect(safeHref(input)).toBeNull();
  });

  it('refuses non-strings', () => {
    expect(safeHref(null)).toBeNull();
    expect(safeHref(undefined)).toBeNull();
    expect(safeHref(42)).toBeNull();
    expect(safeHref({ toString: () => 'https://x.example' })).toBeNull();
  });
});

describe('bidi controls and display text', () => {
  it('removes every bidi embedding, override, isolate and mark', () => {
    const all = '\u202A\u202B\u202C\u202D\u202E\u2066\u2067\u2068\u2069\u200E\u200F';
    expect(stripBidiControls(`a${all}b`)).toBe('ab');
    expect(displayText('invoice\u202Etxt.exe')).toBe('invoicetxt.exe');
  });

  it('keeps joiners and right-to-left text itself', () => {
    expect(displayText('👩\u200D💻 zero\u200Cwidth')).toBe('👩\u200D💻 zero\u200Cwidth');
    expect(displayText('المرصد السوري')).toBe('المرصد السوري');
  });

  it('drops NUL and control characters but keeps tabs and line breaks', () => {
    expect(displayText('a\u0000b\u0007c\u001Bd\u007Fe\u0085f\tg\nh\ri')).toBe('abcdef\tg\nh\ri');
  });

  it('replaces lone surrogates and noncharacters', () => {
    expect(displayText('a\uD800b\uDC00c\uFFFEd\uFDD0')).toBe('a\uFFFDb\uFFFDc\uFFFDd\uFFFD');
    expect(displayText('\uD83F\uDFFF')).toBe('\uFFFD');
    expect(displayText('😀')).toBe('😀');
  });

  it('htmlText is displayText then escapeHtml; null and undefined are empty', () => {
    expect(htmlText('<b>\u202E\u0000')).toBe('&lt;b&gt;');
    expect(displayText(null)).toBe('');
    expect(displayText(undefined)).toBe('');
  });
});

describe('escapeMarkdown', () => {
  const md = new MarkdownIt({ html: true });
  /** What a viewer shows for the escaped text inside a paragraph (markdown-it, raw HTML allowed). */
  const shown = (s: string) => {
    const tokens = md.parse(`Start: ${escapeMarkdown(s, { lineStart: false })}`, {});
    const types = tokens.map((t) => t.type);
    return { types, text: tokens.filter((t) => t.type === 'inline').map((t) => (t.children ?? []).map((c) => (c.type === 'softbreak' ? '\n' : c.content)).join('')).join('\n\n') };
  };

  it.each([
    '*em* _u_ **b** __b__ ~~s~~',
    '`code` and ``more``',
    '[x](javascript:alert(1))',
    '![x](https://evil.example/img.png)',
    '<script>alert(1)</script>',
    '<https://evil.example>',
    '&lt;script&gt; &amp; &#106;',
    'a | b | c',
    'back\\slash \\* \\',
    '==mark== ^sup^ $x$ {attr}',
  ])('keeps %j literal inside a line', (s) => {
    const r = shown(s);
    expect(r.types).toEqual(['paragraph_open', 'inline', 'paragraph_close']);
    expect(r.text).toBe(`Start: ${s}`);
  });

  it.each(['# heading', '> quote', '- item', '+ item', '* item', '1. item', '12) item', '    indented code', '---', '***', '___', '===', '```js', '~~~', '| a | b |', '[ref]: https://evil.example', '<div>'])(
    'keeps %j literal at the start of a line',
    (s) => {
      const tokens = md.parse(escapeMarkdown(`Para\n${s}\n\n${s}`), {});
      expect(tokens.map((t) => t.type)).toEqual(['paragraph_open', 'inline', 'paragraph_close', 'paragraph_open', 'inline', 'paragraph_close']);
      const text = (i: number) => (tokens[i]!.children ?? []).map((c) => (c.type === 'softbreak' ? '\n' : c.content)).join('');
      expect(text(1)).toBe(`Para\n${s.trimStart()}`);
      expect(text(4)).toBe(s.trimStart());
    },
  );

  it('treats a carriage return as a line break', () => {
    const tokens = md.parse(escapeMarkdown('a\r# b\r\n- c'), {});
    expect(tokens.map((t) => t.type)).toEqual(['paragraph_open', 'inline', 'paragraph_close']);
  });

  it('keeps leading spaces only when the text continues a line', () => {
    expect(escapeMarkdown('  - x')).toBe('\\- x');
    expect(escapeMarkdown('  - x', { lineStart: false })).toBe('  - x');
    expect(escapeMarkdown('a\n  - x', { lineStart: false })).toBe('a\n\\- x');
  });
});
