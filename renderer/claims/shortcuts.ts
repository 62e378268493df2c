/**
 * The workbench's keyboard shortcuts, in one table: the shortcut help, the command palette and the
 * shortcut overlay list it, and the article view's key handler reads it, so they never disagree.
 */
import { STATUSES, type ClaimStatus } from '../../shared/schema/claim';

export type ClaimAction =
  | { type: 'mark' }
  | { type: 'next' }
  | { type: 'previous' }
  | { type: 'status'; status: ClaimStatus }
  | { type: 'verdict'; index: number | null }
  | { type: 'delete' }
  | { type: 'addEvidence' }
  | { type: 'focusList' }
  | { type: 'toggleList' }
  | { type: 'focusInspector' }
  | { type: 'focusText' }
  | { type: 'findClaims' }
  | { type: 'export' };

export type KeyLike = { key: string; code: string; altKey: boolean; ctrlKey: boolean; metaKey: boolean; shiftKey: boolean };

/** The one platform test, with its seam for tests: macOS takes ⌘ where others take Ctrl. */
export function isMacPlatform(platform: string = typeof navigator === 'undefined' ? '' : navigator.platform): boolean {
  return /Mac|iP(hone|[oa]d)/.test(platform);
}

type Shortcut = { keys: string; mac?: string; what: string };

/** Every shortcut, by what it does. `keys` as shown outside macOS; `mac` where macOS differs. */
export const SHORTCUTS = {
  mark: { keys: 'Ctrl+Alt+M', mac: '⌘⌥M', what: 'Mark the selected words as a claim' },
  next: { keys: 'Alt+↓', mac: '⌥↓', what: 'Next claim' },
  previous: { keys: 'Alt+↑', mac: '⌥↑', what: 'Previous claim' },
  status: { keys: 'Alt+1 … Alt+4', mac: '⌥1 … ⌥4', what: 'Status: unreviewed, in progress, needs second review, done' },
  verdict: { keys: 'Alt+Shift+1 … 9', mac: '⌥⇧1 … 9', what: 'Verdict: the nth label of the rating scale (Alt+Shift+0 clears it)' },
  verdictKey: { keys: '1 … 9, 0', what: 'In the claim list or the inspector (not while typing): verdict n of the scale; 0 clears it' },
  delete: { keys: 'Ctrl+Shift+Backspace', mac: '⌘⇧⌫', what: 'Delete the selected claim (Ctrl+Z brings it back)' },
  undo: { keys: 'Ctrl+Z / Ctrl+Shift+Z', mac: '⌘Z / ⌘⇧Z', what: 'Undo / redo text and claim changes alike (in a text field: its own typing)' },
  addEvidence: { keys: 'Alt+Shift+E', mac: '⌥⇧E', what: 'Add evidence to the selected claim' },
  focusList: { keys: 'Alt+Shift+L', mac: '⌥⇧L', what: 'Go to the claim list (↑ ↓ move, Enter opens the claim in the inspector)' },
  toggleList: { keys: 'Alt+Shift+B', mac: '⌥⇧B', what: 'Show or hide the claim list' },
  focusInspector: { keys: 'Alt+Shift+I', mac: '⌥⇧I', what: 'Go to the claim inspector' },
  focusText: { keys: 'Alt+Shift+T', mac: '⌥⇧T', what: 'Go to the article text, at the selected claim' },
  export: { keys: 'Ctrl+Shift+E', mac: '⌘⇧E', what: 'Export a report, the claims or a review bundle' },
  findClaims: { keys: 'Alt+Shift+F', mac: '⌥⇧F', what: 'Find claims: propose the check-worthy claims and their attributions' },
  proposalAccept: { keys: 'A or Enter', what: 'In the proposals list: accept the proposal as a claim' },
  proposalReject: { keys: 'R or Delete', what: 'In the proposals list: reject the proposal (it is not proposed again)' },
  proposalAdjust: { keys: 'E', what: 'In the proposals list: select its words in the text to widen or narrow them, then Mark claim accepts it' },
  escape: { keys: 'Escape', what: 'Leave a claim field (it is kept) for the claim list; close the inspector drawer' },
} as const satisfies Record<string, Shortcut>;

export type ShortcutId = keyof typeof SHORTCUTS;

/** The keys of a shortcut on this platform. */
export function shortcutKeys(id: ShortcutId, isMac = isMacPlatform()): string {
  const s: Shortcut = SHORTCUTS[id];
  return isMac && s.mac ? s.mac : s.keys;
}

/** The keys of one status (n = 1…4) or one verdict (n = 1…9, 0 clears), as the palette shows them. */
export function statusKeys(n: number, isMac = isMacPlatform()): string {
  return isMac ? `⌥${n}` : `Alt+${n}`;
}
export function verdictKeys(n: number, isMac = isMacPlatform()): string | undefined {
  if (n > 9) return undefined;
  return isMac ? `⌥⇧${n}` : `Alt+Shift+${n}`;
}

/** The shortcut help: keys and what they do, in the table's order. */
export const SHORTCUT_HELP: [string, string][] = Object.values(SHORTCUTS).map((s: Shortcut) => [s.mac ? `${s.keys} (${s.mac})` : s.keys, s.what]);

const LETTER_ACTIONS: Record<string, ClaimAction> = {
  KeyE: { type: 'addEvidence' },
  KeyL: { type: 'focusList' },
  KeyB: { type: 'toggleList' },
  KeyI: { type: 'focusInspector' },
  KeyT: { type: 'focusText' },
  KeyF: { type: 'findClaims' },
};

/**
 * The claim action for a key, or null. `singleKeys`: the focus is in the claim list or the inspector and
 * not in a text entry, so a bare digit sets a verdict.
 */
export function claimAction(e: KeyLike, isMac: boolean, singleKeys = false): ClaimAction | null {
  const mod = isMac ? e.metaKey : e.ctrlKey;
  if (mod && e.altKey && !e.shiftKey && e.code === 'KeyM') return { type: 'mark' };
  if (mod && e.shiftKey && !e.altKey && e.key === 'Backspace') return { type: 'delete' };
  if (mod && e.shiftKey && !e.altKey && e.code === 'KeyE') return { type: 'export' };
  const digit = /^Digit(\d)$/.exec(e.code);
  if (singleKeys && digit && !e.altKey && !e.ctrlKey && !e.metaKey && !e.shiftKey) {
    const n = Number(digit[1]);
    return { type: 'verdict', index: n === 0 ? null : n - 1 };
  }
  if (!e.altKey || e.ctrlKey || e.metaKey) return null;
  if (!e.shiftKey && e.key === 'ArrowDown') return { type: 'next' };
  if (!e.shiftKey && e.key === 'ArrowUp') return { type: 'previous' };
  if (e.shiftKey && LETTER_ACTIONS[e.code]) return LETTER_ACTIONS[e.code]!;
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

/** Whether a bare key typed here is the control's own (text, a list's type-ahead), not a shortcut. */
export function takesTypedKeys(el: { tagName: string; type?: string; isContentEditable?: boolean } | null): boolean {
  return isTextEntry(el) || el?.tagName.toLowerCase() === 'select' || el?.isContentEditable === true;
}
