/**
 * What kind of source a source span names, and how strong the attribution is, from the words alone.
 */
import type { SourceKind } from '../schema/claim';
import { SOURCE_KIND_WORDS, VAGUE_CUES, VAGUE_SOURCES } from './lexicon';
import type { DetectStrength } from './schema';
import { normalizeWord } from './tokenize';

const wordsCache = new Map<string, string>();

/** " the words of s " in lower case, spaced, for matching whole words; cached, as cues and sources repeat ("said"). */
function words(s: string): string {
  let w = wordsCache.get(s);
  if (w === undefined) {
    w = ` ${normalizeWord(s).replace(/[^\p{L}\p{N}'\- ]+/gu, ' ').replace(/\s+/g, ' ').trim()} `;
    if (wordsCache.size > 10_000) wordsCache.clear();
    wordsCache.set(s, w);
  }
  return w;
}

/**
 * The kind a source span names: the first kind in SOURCE_KIND_WORDS whose word appears in it ("state
 * media" before "official", a monitor before "group"). "none" when the words say nothing of its kind (a
 * person's name, a pronoun): the reviewer picks it, or the desk's directory knows the name.
 */
export function sourceKindOf(source: string | null, cue: string): SourceKind {
  if (source === null) return /reportedly|allegedly|said to|reported|believed/.test(normalizeWord(cue)) ? 'anonymous' : 'none';
  const w = words(source);
  const c = words(cue);
  if (/ (tweeted|posted) /.test(c)) return 'social_media';
  for (const [kind, list] of SOURCE_KIND_WORDS) {
    if (list.some((x) => w.includes(` ${x} `))) return kind;
  }
  if (VAGUE_SOURCES.has(w.trim())) return 'anonymous';
  return 'none';
}

/**
 * A passive cue that names no one: "is said to", "are believed to", "was reported". Its subject is what
 * the claim is about, not a source.
 */
export function isVaguePassive(cue: string): boolean {
  return /^(?:it )?(?:is|are|was|were|has been|have been|had been) (?:said|believed|reported|thought|alleged|understood|rumoured|rumored)(?: to)?$/.test(words(cue).trim());
}

/** Named when a source is named; vague for "Reports indicate", "reportedly", "sources say", "is said to". */
export function strengthOf(source: string | null, cue: string): DetectStrength {
  const c = words(cue).trim();
  if (VAGUE_CUES.some((v) => c === v || c.endsWith(` ${v}`)) || isVaguePassive(cue)) return 'vague';
  if (source === null) return c === '' ? 'none' : 'vague';
  const w = words(source).trim();
  const last = w.split(' ').at(-1) ?? '';
  if (VAGUE_SOURCES.has(w) || (VAGUE_SOURCES.has(last) && !/\p{Lu}/u.test(source))) return 'vague';
  // A pronoun ("he said") refers to a source named before it: still a named attribution.
  return 'named';
}
