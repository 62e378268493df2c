/** Test helpers for versions: claims on words of a plain text. */
import { selectorsFor } from '../anchor/selectors';
import { newClaimData, type Claim } from '../schema/claim';

const STAMP = '2026-12-01T10:00:00.000Z';

/** A claim on text[start, end), id `claim-<n>`. */
export function claimAt(text: string, start: number, end: number, n = 1): Claim {
  const { quote, position } = selectorsFor(text, start, end);
  return { data: newClaimData(`claim-${n}`, 'Tester', STAMP), target: { quote, position, orphaned: false } };
}

/** A claim on the `occurrence`-th (0-based) occurrence of `words` in the text. */
export function claimOn(text: string, words: string, n = 1, occurrence = 0): Claim {
  let at = text.indexOf(words);
  for (let i = 0; i < occurrence && at >= 0; i++) at = text.indexOf(words, at + 1);
  if (at < 0) throw new Error(`"${words}" is not in the text`);
  return claimAt(text, at, at + words.length, n);
}
