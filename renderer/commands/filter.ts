/** How the palette finds and orders commands: every word typed must start a word of the command. */
import type { Command } from './registry';

const words = (s: string) => s.toLowerCase().split(/[^\p{L}\p{N}]+/u).filter(Boolean);

/**
 * 0 when `search` does not match; higher is better: words of the label beat keywords and the group, and
 * a label that starts with the search beats one that only contains it. Prefix matching, not fuzzy
 * subsequences: "ver" finds "Verdict: False", never "Reveal the overlay".
 */
export function commandScore(command: Pick<Command, 'label' | 'group' | 'keywords'>, search: string): number {
  const typed = words(search);
  if (typed.length === 0) return 1;
  const label = words(command.label);
  const extra = [...words(command.group), ...(command.keywords ?? []).flatMap(words)];
  let score = 0;
  for (const t of typed) {
    if (label.some((w) => w.startsWith(t))) score += 2;
    else if (extra.some((w) => w.startsWith(t))) score += 1;
    else return 0;
  }
  if (command.label.toLowerCase().startsWith(search.trim().toLowerCase())) score += 1;
  return score;
}

/** Commands by group, groups in the order they were first registered, commands in theirs. */
export function groupCommands<C extends Pick<Command, 'group'>>(commands: readonly C[]): { group: string; commands: C[] }[] {
  const groups = new Map<string, C[]>();
  for (const c of commands) {
    const list = groups.get(c.group);
    if (list) list.push(c);
    else groups.set(c.group, [c]);
  }
  return [...groups].map(([group, list]) => ({ group, commands: list }));
}
