/**
 * The directory entry a source span of the text names: "the Syrian Observatory for Human Rights (SOHR)"
 * finds "Syrian Observatory for Human Rights", and its alias "SOHR" does too. Detection's spans carry the
 * article's wording, so the name is compared without case, accents, a leading "the" or a bracketed
 * acronym; the acronym alone is tried last.
 */
import type { SourceEntry } from '../schema/desk';
import { fold } from '../library/fold';

/** The library search's folding (case, accents, typographic quotes), spaces collapsed. */
export function foldName(s: string): string {
  return fold(s).replace(/\s+/g, ' ').trim();
}

const LEADING_THE = /^the\s+/i;
const BRACKETED = /\s*\(([^()]{1,40})\)\s*$/;

/**
 * The name a span gives, as a directory would keep it: without a leading "the" and a trailing bracketed
 * acronym, and without edge punctuation. "the Syrian Observatory for Human Rights (SOHR)" → "Syrian
 * Observatory for Human Rights". A sentence's first word keeps its capital ("The interior ministry" →
 * "Interior ministry").
 */
export function sourceNameOf(span: string): string {
  const name = span
    .replace(/\s+/g, ' ')
    .replace(/[\s,;:.]+$/, '')
    .replace(BRACKETED, '')
    .replace(/^[\s,;:“"‘'(]+|[\s,;:”"’')]+$/g, '')
    .replace(LEADING_THE, '')
    .trim();
  return name.charAt(0).toLocaleUpperCase('en') + name.slice(1);
}

/** The forms of a span to look up, most specific first. */
function forms(span: string): string[] {
  const out = [span, span.replace(BRACKETED, ''), sourceNameOf(span)];
  const acronym = BRACKETED.exec(span.trim())?.[1];
  if (acronym) out.push(acronym);
  return [...new Set(out.map(foldName).filter((f) => f !== ''))];
}

/** The entry whose name or an alias is the span (see the module comment), or null. */
export function matchSource(directory: readonly SourceEntry[], span: string): SourceEntry | null {
  if (directory.length === 0 || span.trim() === '') return null;
  const wanted = forms(span);
  const byName = new Map<string, SourceEntry>();
  for (const entry of directory) {
    for (const n of [entry.name, ...entry.aliases]) {
      for (const f of forms(n)) if (!byName.has(f)) byName.set(f, entry);
    }
  }
  for (const f of wanted) {
    const hit = byName.get(f);
    if (hit) return hit;
  }
  return null;
}
