/**
 * Case- and accent-insensitive text for the library's search. `fold` keeps the length of its input's
 * NFC form, one code unit for one code unit, so a position found in the folded text is the same
 * position in the text shown: highlights and snippets need no offset map (which would cost four bytes
 * per character of every article kept in memory).
 */

// 0: not computed yet. Filled lazily, so the renderer pays only for the characters it meets.
const table = new Uint16Array(0x10000);

/** Typographic punctuation a person types plainly: “Syria’s” is found by "syria's". */
const PUNCTUATION: Record<string, string> = { '’': "'", '‘': "'", 'ʼ': "'", '“': '"', '”': '"', '–': '-', '—': '-', '\u00a0': ' ' };

function foldUnit(c: number): number {
  // Halves of a surrogate pair are kept as they are: no case or accent to remove that way.
  if (c >= 0xd800 && c <= 0xdfff) return c;
  const ch = String.fromCharCode(c);
  const punct = PUNCTUATION[ch];
  if (punct !== undefined) return punct.charCodeAt(0);
  const stripped = ch.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase();
  if (stripped.length === 1) return stripped.charCodeAt(0);
  // A character that folds to several (a ligature, 'ß' upper forms) or to nothing (a lone mark) stays one.
  const lower = ch.toLowerCase();
  return lower.length === 1 ? lower.charCodeAt(0) : c;
}

function unit(c: number): number {
  if (c < 0x80) return c >= 0x41 && c <= 0x5a ? c + 32 : c;
  let f = table[c]!;
  if (f === 0) {
    f = foldUnit(c);
    table[c] = f;
  }
  return f;
}

/** The form text is shown in when it is searched: NFC, so "e" + combining accent reads as "é". */
export function searchable(text: string): string {
  return text.normalize('NFC');
}

/** Lowercase, accents removed, typographic quotes and dashes plain; `fold(s).length === searchable(s).length`. */
export function fold(text: string): string {
  const s = searchable(text);
  const out = new Uint16Array(s.length);
  for (let i = 0; i < s.length; i++) out[i] = unit(s.charCodeAt(i));
  let result = '';
  const CHUNK = 8192;
  for (let i = 0; i < out.length; i += CHUNK) result += String.fromCharCode(...out.subarray(i, i + CHUNK));
  return result;
}
