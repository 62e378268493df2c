/**
 * Two desks' versions of one article merged (issue #14). Pure. A version is its text: the same hash is
 * the same version, whoever imported it and whatever number it has there.
 *
 * 1. Union by hash. Their versions this desk does not have are appended after ours, numbered on from our
 *    highest, in the order they were imported (their current one last); their `carried` records stay.
 * 2. The last entry stays the one the desk's text started from. When theirs were appended, our current
 *    version is stated again after them (a new number, the same text), its `carried` taking each claim
 *    from their last words back to ours, so "changes since first seen" still reads our text as current.
 * 3. Their current version this desk did not have (they imported a newer one, or each desk a different
 *    one) is a conflict on the article, field 'version', ours and theirs side by side; nothing switches
 *    the text under the reviewer without a choice. Their current version older than ours, or the same:
 *    ours stays, with a note.
 */
import { z } from 'zod';
import type { Claim } from '../schema/claim';
import { MAX_VERSIONS, type ArticleVersion, type CarriedClaim } from '../schema/version';

/** A conflict on the article itself rather than a claim: its claimId. */
export const ARTICLE_CONFLICT_CLAIM_ID = '';
export const VERSION_CONFLICT_FIELD = 'version';

/** One side of a version conflict, as the conflict list shows it (and reads it back from the store). */
export const VersionSide = z.object({ number: z.number().int().positive(), hash: z.string(), title: z.string(), importedAt: z.string(), wordCount: z.number().int().nonnegative() });
export type VersionSide = z.infer<typeof VersionSide>;

/** Whether a stored conflict is the article's version conflict rather than a claim's field. */
export const isVersionConflict = (c: { claimId: string; field: string }): boolean => c.claimId === ARTICLE_CONFLICT_CLAIM_ID && c.field === VERSION_CONFLICT_FIELD;

export const versionSide = (v: ArticleVersion): VersionSide => ({ number: v.number, hash: v.hash, title: v.meta.title, importedAt: v.importedAt, wordCount: v.wordCount });

export type VersionMerge = {
  versions: ArticleVersion[];
  /** How many of their versions were new here. */
  added: number;
  conflict: { ours: VersionSide; theirs: VersionSide } | null;
  notes: string[];
};

/** 2: each claim the appended versions carried, from its last words there to its words here. */
function backToOurs(appended: readonly ArticleVersion[], claims: readonly Claim[]): CarriedClaim[] {
  const lastWords = new Map<string, string | null>();
  for (const v of appended) for (const c of v.carried) lastWords.set(c.claimId, c.after);
  const here = new Map(claims.map((c) => [c.data.id, c]));
  const out: CarriedClaim[] = [];
  for (const [claimId, there] of lastWords) {
    const claim = here.get(claimId);
    const after = claim && !claim.target.orphaned ? claim.target.quote.exact : null;
    const before = there ?? after;
    if (before === null) continue;
    out.push({ claimId, method: 'none', before, after, outcome: after === null ? 'gone' : after === before ? 'unchanged' : 'changed' });
  }
  return out;
}

const dated = (v: ArticleVersion) => `version ${v.number}, imported by ${v.importedBy} on ${v.importedAt.slice(0, 10)}`;

/** `ours` and `theirs` are never empty (the schema says so). Throws when the union would pass MAX_VERSIONS. */
export function mergeVersions(ours: readonly ArticleVersion[], theirs: readonly ArticleVersion[], ourClaims: readonly Claim[], stamp: { at: string; who: string }): VersionMerge {
  const ourCurrent = ours[ours.length - 1]!;
  const theirCurrent = theirs[theirs.length - 1]!;
  const known = new Set(ours.map((v) => v.hash));
  const foreign = new Map<string, ArticleVersion>();
  for (const v of theirs) if (!known.has(v.hash)) foreign.set(v.hash, v);
  const notes: string[] = [];
  if (foreign.size === 0) {
    if (theirCurrent.hash !== ourCurrent.hash) {
      const here = [...ours].reverse().find((v) => v.hash === theirCurrent.hash)!;
      notes.push(`The bundle’s text is an older version (${dated(here)}); this desk’s current version stays.`);
    }
    return { versions: [...ours], added: 0, conflict: null, notes };
  }
  // 1.
  const isTheirCurrent = (v: ArticleVersion) => v.hash === theirCurrent.hash;
  const order = [...foreign.values()].sort((a, b) => Number(isTheirCurrent(a)) - Number(isTheirCurrent(b)) || a.importedAt.localeCompare(b.importedAt));
  let next = Math.max(...ours.map((v) => v.number)) + 1;
  const appended = order.map((v) => ({ ...v, number: next++ }));
  if (ours.length + appended.length + 1 > MAX_VERSIONS) {
    throw new Error(`Merging would give the article ${ours.length + appended.length + 1} versions, more than the ${MAX_VERSIONS} one article keeps.`);
  }
  // 2.
  const restated: ArticleVersion = { ...ourCurrent, number: next, importedAt: stamp.at, importedBy: stamp.who, carried: backToOurs(appended, ourClaims) };
  const versions = [...ours, ...appended, restated];
  notes.push(
    `${appended.length === 1 ? '1 version' : `${appended.length} versions`} of the text from the bundle added (${appended.map((v) => v.number).join(', ')}); this desk’s current text is listed again after ${appended.length === 1 ? 'it' : 'them'} as version ${restated.number}.`,
  );
  // 3.
  const theirs3 = appended.find(isTheirCurrent);
  if (!theirs3) return { versions, added: appended.length, conflict: null, notes };
  const ahead = theirs.some((v) => v.hash === ourCurrent.hash);
  notes.push(
    ahead
      ? `The bundle has a newer version of the text (${dated(theirs3)}); yours stays current until you choose it in the conflicts.`
      : `The bundle’s current text (${dated(theirs3)}) and yours (version ${ourCurrent.number}) are different versions: choose one in the conflicts.`,
  );
  return { versions, added: appended.length, conflict: { ours: versionSide(restated), theirs: versionSide(theirs3) }, notes };
}
