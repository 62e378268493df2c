import type { Claim, SourceKind } from '../schema/claim';
import type { SourceEntry } from '../schema/desk';

/** What two names must share to be the same name: case and spacing aside. */
export const sourceKey = (s: string) => s.trim().toLocaleLowerCase().replace(/\s+/g, ' ');
const key = sourceKey;

/** The directory entry a source name (or one of its aliases) refers to, if any. */
export function findSource(directory: readonly SourceEntry[], name: string): SourceEntry | undefined {
  const k = key(name);
  if (k === '') return undefined;
  return directory.find((s) => key(s.name) === k || s.aliases.some((a) => key(a) === k));
}

/**
 * The directory after a save: every source named in the claims that it does not know yet is added, and a
 * kind the reviewer chose on a claim (one that differs from what that claim had before) reaches the
 * source's entry. The directory holds one kind per source, so when two claims give a source different
 * kinds the latest choice wins; each claim keeps its own. "None" never overwrites a kind: it is what a
 * claim has before anyone chooses. Returns null when nothing changed, so the desk file is not rewritten.
 */
export function recordSources(directory: readonly SourceEntry[], claims: readonly Claim[], previous: readonly Claim[], newId: () => string): SourceEntry[] | null {
  const before = new Map(previous.map((c) => [c.data.id, c.data.attribution]));
  let next: SourceEntry[] = [...directory];
  let changed = false;
  for (const claim of claims) {
    const { sourceName, sourceKind } = claim.data.attribution;
    if (sourceName.trim() === '') continue;
    const entry = findSource(next, sourceName);
    if (!entry) {
      next.push({ id: newId(), name: sourceName.trim(), aliases: [], kind: sourceKind });
      changed = true;
      continue;
    }
    const old = before.get(claim.data.id);
    const chosen = !old || old.sourceKind !== sourceKind || key(old.sourceName) !== key(sourceName);
    if (chosen && sourceKind !== 'none' && entry.kind !== sourceKind) {
      next = next.map((s) => (s === entry ? { ...s, kind: sourceKind } : s));
      changed = true;
    }
  }
  return changed ? next : null;
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
