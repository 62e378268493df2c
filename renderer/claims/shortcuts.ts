/**
 * The claim keyboard shortcuts, in one table: the panel's help lists it and the article view's key
 * handler reads it, so the two never disagree.
 */
import { STATUSES, type ClaimStatus } from '../../shared/schema/claim';

export type ClaimAction =
  | { type: 'mark' }
  | { type: 'next' }
  | { type: 'previous' }
  | { type: 'status'; status: ClaimStatus }
  | { type: 'verdict'; index: number | null }
  | { type: 'delete' };

export type KeyLike = { key: string; code: string; altKey: boolean; ctrlKey: boolean; metaKey: boolean; shiftKey: boolean };

export const SHORTCUT_HELP: [string, string][] = [
  ['Ctrl+Alt+M (⌘⌥M)', 'Mark the selected words as a claim'],
  ['Alt+↓ / Alt+↑', 'Next / previous claim'],
  ['Alt+1 … Alt+4', 'Status: unreviewed, in progress, needs second review, done'],
  ['Alt+Shift+1 … 9', 'Verdict: the nth label of the rating scale (Alt+Shift+0 clears it)'],
  ['Ctrl+Shift+Backspace', 'Delete the selected claim (Ctrl+Z brings it back)'],
  ['Ctrl+Z / Ctrl+Shift+Z', 'Undo / redo text and claim changes alike (in a text field: its own typing)'],
  ['Escape', 'Leave a claim field (it is kept) for the claim list'],
];

/** The claim action for a key, or null. */
export function claimAction(e: KeyLike, isMac: boolean): ClaimAction | null {
  const mod = isMac ? e.metaKey : e.ctrlKey;
  if (mod && e.altKey && !e.shiftKey && e.code === 'KeyM') return { type: 'mark' };
  if (mod && e.shiftKey && !e.altKey && e.key === 'Backspace') return { type: 'delete' };
  if (!e.altKey || e.ctrlKey || e.metaKey) return null;
  if (!e.shiftKey && e.key === 'ArrowDown') return { type: 'next' };
  if (!e.shiftKey && e.key === 'ArrowUp') return { type: 'previous' };
  const digit = /^Digit(\d)$/.exec(e.code);
  if (!digit) return null;
  const n = Number(digit[1]);
  if (e.shiftKey) return { type: 'verdict', index: n === 0 ? null : n - 1 };
  const status = STATUSES[n - 1];
  return status ? { type: 'status', status } : null;
}

/** Undo and redo of the editor's history; Ctrl+Y is redo too outside macOS, as in the text. */
export function historyAction(e: KeyLike, isMac: boolean): 'undo' | 'redo' | null {
  const mod = isMac ? e.metaKey : e.ctrlKey;
  if (!mod || e.altKey) return null;
  if (e.code === 'KeyZ') return e.shiftKey ? 'redo' : 'undo';
  if (!isMac && !e.shiftKey && e.code === 'KeyY') return 'redo';
  return null;
}

/** Inputs that take no typed text: in them undo is the article's, not the browser's. */
const NOT_TYPED = new Set(['button', 'checkbox', 'color', 'file', 'hidden', 'image', 'radio', 'range', 'reset', 'submit']);

/** Whether keys go to text typed in a form field, where the browser's own undo and word deletion apply. */
export function isTextEntry(el: { tagName: string; type?: string } | null): boolean {
  if (!el) return false;
  const tag = el.tagName.toLowerCase();
  return tag === 'textarea' || (tag === 'input' && !NOT_TYPED.has((el.type ?? 'text').toLowerCase()));
}
