/**
 * A long text cut for detection at paragraph breaks, so "Find claims" on a 1 MB text runs as several
 * calls of a fraction of a second each: the window shows progress between them, and the back end answers
 * saves in between. Detection reads paragraphs on their own (a claim's fallback attribution is its
 * paragraph's lead), so cutting between paragraphs changes nothing it finds.
 */
import type { Span } from './schema';

/**
 * About 0.2-0.3 s of detection on this machine class (1 MB took 0.9-1.7 s whole): short enough for steady
 * progress and for a save to get its turn, long enough that a normal article (20,000 words is ~130 KB)
 * is one call.
 */
export const DETECT_CHUNK_CHARS = 200_000;

const BREAK = '\n\n';

/** Consecutive spans covering `text`, each ending at a paragraph break where one exists within `max` characters. */
export function paragraphChunks(text: string, max = DETECT_CHUNK_CHARS): Span[] {
  const out: Span[] = [];
  let start = 0;
  while (text.length - start > max) {
    const at = text.lastIndexOf(BREAK, start + max);
    // No break in reach (one huge paragraph): cut at a line end or a space, else at the limit.
    const end =
      at > start ? at + BREAK.length : Math.max(text.lastIndexOf('\n', start + max), text.lastIndexOf(' ', start + max)) + 1 || start + max;
    const cut = end > start ? end : start + max;
    out.push({ start, end: cut });
    start = cut;
  }
  if (start < text.length || out.length === 0) out.push({ start, end: text.length });
  return out;
}
