/**
 * TEMPORARY: how much text two versions share, until shared/versions/similarity.ts (textSimilarity,
 * versionMatch) lands from the carry work; then the import uses that and this file goes.
 */

/** Words, lowercased: letters and digits, with inner apostrophes, points and dashes ("17.5", "al-Assad"). */
function words(text: string): string[] {
  return text.toLocaleLowerCase().match(/[\p{L}\p{N}]+(?:['’.,\-][\p{L}\p{N}]+)*/gu) ?? [];
}

/** Share of words in common (as a bag: a word counts as often as both have it), over the longer text's words; 1 for two empty texts. */
export function wordOverlap(a: string, b: string): number {
  const wa = words(a);
  const wb = words(b);
  const longer = Math.max(wa.length, wb.length);
  if (longer === 0) return 1;
  const counts = new Map<string, number>();
  for (const w of wa) counts.set(w, (counts.get(w) ?? 0) + 1);
  let common = 0;
  for (const w of wb) {
    const n = counts.get(w) ?? 0;
    if (n > 0) {
      common++;
      counts.set(w, n - 1);
    }
  }
  return common / longer;
}

/**
 * Below this share of words in common a "new version" is taken for a different article. A publisher's
 * update (a figure, a sentence added or cut, a new headline) keeps well over 80 %; two articles on one
 * story by one publisher share its names and places but rarely half their words. Lower lets a rewrite
 * through as a version; higher refuses a heavily expanded update.
 */
export const MIN_VERSION_OVERLAP = 0.5;
