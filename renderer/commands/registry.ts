/**
 * The actions the command palette (Ctrl+K / ⌘K) and the shortcut overlay (?) list. Each view registers
 * what it can do while it is shown; the palette and the overlay read the one list, so a shortcut shown is a
 * shortcut that works.
 */
import { useEffect, useRef, useSyncExternalStore } from 'react';

export type Command = {
  /** Stable id, e.g. "claim.mark". */
  id: string;
  /** What the palette shows, a verb first: "Mark the selected words as a claim". */
  label: string;
  /** Heading it is listed under: "Claims", "Article", "Library", "App". */
  group: string;
  /** The keys, as shown to a person ("Ctrl+Alt+M"), or none. */
  shortcut?: string;
  /** Extra words the palette matches on. */
  keywords?: readonly string[];
  /** False when it cannot run now (listed, greyed). */
  enabled?: boolean;
  run: () => void;
};

type Entry = { owner: symbol; commands: readonly Command[] };

let entries: Entry[] = [];
let snapshot: readonly Command[] = [];
const listeners = new Set<() => void>();

function publish() {
  snapshot = entries.flatMap((e) => e.commands);
  for (const l of listeners) l();
}

/** Replaces what `owner` registered (an empty list removes it). */
export function registerCommands(owner: symbol, commands: readonly Command[]) {
  entries = [...entries.filter((e) => e.owner !== owner), ...(commands.length > 0 ? [{ owner, commands }] : [])];
  publish();
}

export function subscribeCommands(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

export function currentCommands(): readonly Command[] {
  return snapshot;
}

/** Registers a view's commands while it is mounted; re-registers when `commands` changes. */
export function useCommands(commands: readonly Command[]) {
  const owner = useRef(Symbol('commands'));
  useEffect(() => registerCommands(owner.current, commands), [commands]);
  useEffect(() => {
    const o = owner.current;
    return () => registerCommands(o, []);
  }, []);
}

/** Every registered command, in registration order. */
export function useCommandList(): readonly Command[] {
  return useSyncExternalStore(subscribeCommands, currentCommands);
}
