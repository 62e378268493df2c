/**
 * The words the app uses about versions, in one place: where a version came from, how its claims came
 * over, and the line that tells a publisher's version from the desk's own corrections.
 */
import type { VersionSummary } from '../schema/version';
import type { ImportOrigin } from '../schema/articleMeta';
import { carryCounts, type CarryCounts } from './addVersion';

export { carryCounts, type CarryCounts };

/** "v2.html", "pasted text", "the sample article" */
export function versionSource(origin: ImportOrigin): string {
  if (origin.kind === 'paste') return 'pasted text';
  if (origin.kind === 'sample') return 'the sample article';
  return origin.fileName ?? 'a file';
}

/** A publisher's version, as the app names it everywhere (the desk's own edits are "your corrections"). */
export function versionName(number: number, of?: number): string {
  return of === undefined ? `Version ${number}` : `Version ${number} of ${of}`;
}

export const DESK_CORRECTIONS_LABEL = 'Your corrections';
export const PUBLISHER_VERSION_NOTE = 'from the publisher';

const claims = (n: number) => `${n} ${n === 1 ? 'claim' : 'claims'}`;

/** "2 claims changed, 1 gone, 1 moved", "no claim touched", or "no claims to carry over". */
export function carrySentence(counts: CarryCounts): string {
  const touched = counts.changed + counts.gone + counts.moved;
  if (touched + counts.unchanged === 0) return 'no claims to carry over';
  if (touched === 0) return `${claims(counts.unchanged)} unchanged`;
  const parts: string[] = [];
  let first = true;
  for (const [n, word] of [
    [counts.changed, 'changed'],
    [counts.gone, 'gone'],
    [counts.moved, 'moved'],
  ] as const) {
    if (n === 0) continue;
    parts.push(first ? `${claims(n)} ${word}` : `${n} ${word}`);
    first = false;
  }
  return parts.join(', ');
}

/** The notice after an import added a version: "Version 2 added: 2 claims changed, 1 gone." */
export function versionAddedSentence(version: Pick<VersionSummary, 'number' | 'carried'>): string {
  return `${versionName(version.number)} added: ${carrySentence(carryCounts(version.carried))}.`;
}

/** The claim list's flag on a claim a later version touched: "changed in v2", "gone in v3". Moved claims get none (their words are the same). */
export function claimVersionFlags(changes: readonly { claimId: string; outcome: 'changed' | 'gone' | 'moved'; inVersions: readonly number[] }[]): Map<string, string> {
  const flags = new Map<string, string>();
  for (const c of changes) {
    if (c.outcome === 'moved') continue;
    const v = c.inVersions[c.inVersions.length - 1];
    flags.set(c.claimId, `${c.outcome === 'gone' ? 'gone' : 'changed'}${v === undefined ? '' : ` in v${v}`}`);
  }
  return flags;
}
