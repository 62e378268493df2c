/**
 * Making user data safe to show in a report: HTML and Markdown escaping and link filtering. (Dates,
 * labels and short values are formatted in ./displayFormat.ts.) Pure string code: no DOM, no Node APIs.
 *
 * Every string that came from a person or an imported file (article text and metadata, claim fields,
 * comments, names, audit values) is treated as hostile: it goes through `displayText` and then through
 * `escapeHtml` or `escapeMarkdown`, and only a `safeHref` result may become a link target.
 *
 * Bidi controls: the embedding/override/isolate controls (U+202A–U+202E, U+2066–U+2069) are stateful, so
 * an unterminated RIGHT-TO-LEFT OVERRIDE in a source name could reverse the report's own text after it
 * (labels, numbers, other fields). `displayText` removes them, together with the marks U+200E/U+200F, so
 * no user string can reorder anything. The HTML renderer additionally isolates user strings (`<bdi>`
 * around inline values, `dir="auto"` on article blocks), so genuine right-to-left text (an Arabic source
 * name, a Hebrew quote) still displays in its own direction without disturbing the report around it.
 * Removing rather than escaping was chosen because a report is read, not edited: the words stay, only
 * the invisible reordering instructions go. Zero-width joiners (U+200C/U+200D) are kept: they are part of
 * ordinary text in many scripts and in emoji, and cannot reorder anything.
 */

const HTML_ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

/** Escapes the five HTML-significant characters; the result is safe as element text and as a quoted attribute value. */
export function escapeHtml(s: string): string {
  return String(s).replace(/[&<>"']/g, (c) => HTML_ESCAPES[c]!);
}

/** Bidi embedding, override and isolate controls, and the left-to-right / right-to-left marks. */
const BIDI_CONTROLS = /[\u202A-\u202E\u2066-\u2069\u200E\u200F]/g;

/** Removes Unicode bidi controls (U+202A–U+202E, U+2066–U+2069, U+200E, U+200F) so user text cannot reorder the report's own text. */
export function stripBidiControls(s: string): string {
  return String(s).replace(BIDI_CONTROLS, '');
}

/**
 * Text as it may be shown: bidi controls removed, NUL and the other C0/C1 control characters removed
 * (tab, line feed and carriage return are kept), lone surrogates and noncharacters replaced by U+FFFD.
 * HTML forbids these code points, and Markdown turns NUL into U+FFFD anyway.
 */
export function displayText(s: unknown): string {
  if (s === null || s === undefined) return '';
  return stripBidiControls(String(s))
    .replace(/[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F]/g, '')
    .replace(/[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g, '\uFFFD')
    .replace(/[\uFDD0-\uFDEF\uFFFE\uFFFF]|[\uD83F\uD87F\uD8BF\uD8FF\uD93F\uD97F\uD9BF\uD9FF\uDA3F\uDA7F\uDABF\uDAFF\uDB3F\uDB7F\uDBBF\uDBFF][\uDFFE\uDFFF]/g, '\uFFFD');
}

/** `escapeHtml(displayText(s))`: the form every user string takes in the HTML report. */
export function htmlText(s: unknown): string {
  return escapeHtml(displayText(s));
}

/** Characters kept as they are in a link target; everything else is percent-encoded. */
const URL_KEEP = /[A-Za-z0-9\-._~:/?#@!$&'()*+,;=%]/;

/**
 * The link target to use for a user-supplied address, or null when it must not be a link.
 * Only `http://`, `https://` (with a host right after the slashes) and `mailto:` pass, after trimming;
 * anything with whitespace or control characters inside is refused, so `java\tscript:`, `&#106;avascript:`,
 * `data:`, `vbscript:`, `javascript:` in any case and protocol-relative `//host` addresses are all null.
 * Characters that are not valid in a URL (quotes, angle brackets, backslash, braces, non-ASCII…) are
 * percent-encoded, so the result is also safe inside a Markdown `<…>` destination.
 */
export function safeHref(url: unknown): string | null {
  if (typeof url !== 'string') return null;
  const s = url.trim();
  if (s.length === 0 || s.length > 8192) return null;
  // No whitespace, control characters, bidi controls or invisible format characters anywhere.
  if (/[\s\u0000-\u001F\u007F-\u009F\u00AD\u200B-\u200F\u202A-\u202E\u2060-\u2069\uFEFF]/.test(s)) return null;
  const web = /^(https?):\/\/([^/\\?#@]*@)?[^/\\?#]/i.exec(s);
  const mail = /^mailto:[^/\\]/i.exec(s);
  if (!web && !mail) return null;
  let out = '';
  let seenHash = false;
  const authorityEnd = web ? s.slice(web[1]!.length + 3).search(/[/?#]/) : -1;
  const pathStart = web ? (authorityEnd < 0 ? s.length : web[1]!.length + 3 + authorityEnd) : 0;
  for (let i = 0; i < s.length; ) {
    const cp = s.codePointAt(i)!;
    const ch = String.fromCodePoint(cp);
    i += ch.length;
    if (ch === '%') out += /^[0-9A-Fa-f]{2}$/.test(s.slice(i, i + 2)) ? '%' : '%25';
    else if (ch === '#') {
      out += seenHash ? '%23' : '#';
      seenHash = true;
    }
    else if ((ch === '[' || ch === ']') && i - 1 < pathStart && web) out += ch;
    else if (URL_KEEP.test(ch)) out += ch;
    else if (cp >= 0xd800 && cp <= 0xdfff) return null;
    else out += encodeURIComponent(ch);
  }
  return out;
}

/**
 * Escapes user text for Markdown so it renders as literal text in CommonMark and GFM viewers: every
 * character that can start or end markup anywhere in a line (backslash, backtick, `*`, `_`, `[`, `]`, `<`,
 * `>`, `&`, `|`, `~`, `!`, `=`, `^`, `$`, `{`, `}`, `#`) is backslash-escaped, and so is whatever else
 * would start a block at the beginning of a line (`-`, `+`, `1.` / `1)` list markers). Leading spaces of each
 * line are dropped (Markdown ignores them in a paragraph, and four of them would start a code block).
 * Over-escaping is harmless: a backslash before ASCII punctuation always renders that punctuation.
 * `lineStart: false` says the text continues a line (a run inside a paragraph): its first line then keeps
 * its leading spaces and gets no line-start escaping.
 */
export function escapeMarkdown(s: string, options: { lineStart?: boolean } = {}): string {
  const firstAtLineStart = options.lineStart ?? true;
  return String(s)
    .replace(/\r\n?/g, '\n')
    .split('\n')
    .map((line, i) => {
      const escaped = (i > 0 || firstAtLineStart ? line.replace(/^[ \t]+/, '') : line).replace(/[\\`*_[\]<>&|~!=^${}#]/g, (c) => `\\${c}`);
      return i > 0 || firstAtLineStart ? escaped.replace(/^([+-])/, '\\$1').replace(/^(\d{1,9})([.)])/, '$1\\$2') : escaped;
    })
    .join('\n');
}
