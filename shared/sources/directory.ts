import type { Claim, SourceKind } from '../schema/claim';
import type { SourceEntry } from '../schema/desk';

const key = (s: string) => s.trim().toLocaleLowerCase().replace(/\s+/g, ' ');

/** The directory entry a source name (or one of its aliases) refers to, if any. */
export function findSource(directory: readonly SourceEntry[], name: string): SourceEntry | undefined {
  const k = key(name);
  if (k === '') return undefined;
  return directory.find((s) => key(s.name) === k || s.aliases.some((a) => key(a) === k));
}

/**
 * Adds every source named in the claims that the directory does not know yet, with the kind the
 * reviewer gave it. Returns null when nothing is new, so the desk file is not rewritten for nothing.
 */
export function recordSources(directory: readonly SourceEntry[], claims: readonly Claim[], newId: () => string): SourceEntry[] | null {
  const added: SourceEntry[] = [];
  for (const claim of claims) {
    const { sourceName, sourceKind } = claim.data.attribution;
    if (sourceName.trim() === '' || findSource(directory, sourceName) || findSource(added, sourceName)) continue;
    added.push({ id: newId(), name: sourceName.trim(), aliases: [], kind: sourceKind as SourceKind });
  }
  return added.length > 0 ? [...directory, ...added] : null;
}

/** Adds directory entries brought in with an imported article, unless the desk already knows the name. */
export function recordSourceEntries(directory: readonly SourceEntry[], incoming: readonly SourceEntry[]): SourceEntry[] | null {
  const added: SourceEntry[] = [];
  for (const entry of incoming) {
    if ([entry.name, ...entry.aliases].some((n) => findSource(directory, n) || findSource(added, n))) continue;
    if (directory.some((s) => s.id === entry.id)) continue;
    added.push(entry);
  }
  return added.length > 0 ? [...directory, ...added] : null;
}
