/**
 * Editing the source directory by hand: the checks and the merge of two entries. The directory's rule
 * is that a name, alias or not, refers to one source (findSource), so each edit is checked against it.
 */
import type { SourceKind } from '../schema/claim';
import type { SourceEntry } from '../schema/desk';
import { findSource, sourceKey } from './directory';

/** Most aliases one source can have (the SourceEntry schema's limit). */
export const MAX_ALIASES = 50;

export type DirectoryEdit = { ok: true; sources: SourceEntry[] } | { ok: false; message: string };

/** Why `entry` cannot be in the directory beside the others, or null when it can. */
export function sourceProblem(directory: readonly SourceEntry[], entry: SourceEntry): string | null {
  const seen = new Set<string>();
  for (const name of [entry.name, ...entry.aliases]) {
    const k = sourceKey(name);
    if (k === '') return 'A source name or alias cannot be empty.';
    if (seen.has(k)) return k === sourceKey(entry.name) ? `“${name}” is already the source's name, not an alias of it.` : `“${name}” is listed twice for ${entry.name}.`;
    seen.add(k);
  }
  if (entry.aliases.length > MAX_ALIASES) return `A source can have at most ${MAX_ALIASES} aliases.`;
  const others = directory.filter((s) => s.id !== entry.id);
  for (const name of [entry.name, ...entry.aliases]) {
    const clash = findSource(others, name);
    if (clash) return `“${name}” already names another source in the directory (${clash.name}).`;
  }
  return null;
}

/** The directory with `entry` added, or replacing the entry of the same id. */
export function putSource(directory: readonly SourceEntry[], entry: SourceEntry): DirectoryEdit {
  const problem = sourceProblem(directory, entry);
  if (problem) return { ok: false, message: problem };
  const exists = directory.some((s) => s.id === entry.id);
  return { ok: true, sources: exists ? directory.map((s) => (s.id === entry.id ? entry : s)) : [...directory, entry] };
}

export type SourceMerge = { keepId: string; mergeId: string; name: string; kind: SourceKind };

/**
 * Two entries that name one source made one ("SOHR" and "Syrian Observatory for Human Rights"): the
 * entry `keepId` stays with the chosen `name` (any name or alias of the two) and `kind`; every other
 * name and alias of both becomes an alias, each once. `mergeId` leaves the directory. Claims keep the
 * name they were written with: findSource now finds the kept entry under either name.
 */
export function mergeSources(directory: readonly SourceEntry[], { keepId, mergeId, name, kind }: SourceMerge): DirectoryEdit {
  if (keepId === mergeId) return { ok: false, message: 'Choose two different sources to merge: a source cannot be merged into itself.' };
  const keep = directory.find((s) => s.id === keepId);
  const other = directory.find((s) => s.id === mergeId);
  if (!keep || !other) return { ok: false, message: 'One of the two sources is no longer in the directory.' };
  const names = [keep.name, ...keep.aliases, other.name, ...other.aliases];
  const chosen = names.find((n) => sourceKey(n) === sourceKey(name));
  if (!chosen) return { ok: false, message: `The merged source's name must be one of its names: ${names.join(', ')}.` };
  const seen = new Set([sourceKey(chosen)]);
  const aliases: string[] = [];
  for (const n of names) {
    const k = sourceKey(n);
    if (seen.has(k)) continue;
    seen.add(k);
    aliases.push(n);
  }
  if (aliases.length > MAX_ALIASES) return { ok: false, message: `Together the two sources have ${aliases.length} aliases; a source can have at most ${MAX_ALIASES}.` };
  const merged: SourceEntry = { id: keep.id, name: chosen, aliases, kind };
  return putSource(
    directory.filter((s) => s.id !== mergeId),
    merged,
  );
}
