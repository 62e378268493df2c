/**
 * A claim's words shortened for a list row, a conflict or a message: at most `max` characters, cut at the
 * end of a word, never inside one. Only a first word longer than `max` is cut (there is nothing else to show).
 */
export function clipQuote(s: string, max: number): string {
  const text = s.replace(/\s+/g, ' ').trim();
  if (text.length <= max) return text;
  // One character is the ellipsis'; a cut just before a space keeps the whole word before it.
  const room = text.slice(0, max - 1);
  const end = text[max - 1] === ' ' ? max - 1 : room.lastIndexOf(' ');
  const kept = end > 0 ? text.slice(0, end) : room;
  return `${kept.replace(/[\s,;:.–—-]+$/, '')}…`;
}

/** The last `words` words of `s` (the words before a claim, to tell two rows with the same quote apart). */
export function lastWords(s: string, words: number): string {
  const parts = s.replace(/\s+/g, ' ').trim().split(' ').filter(Boolean);
  return parts.slice(-words).join(' ');
}
