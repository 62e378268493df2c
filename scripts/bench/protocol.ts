/** What the benchmark page exposes on `window.bench`, shared by page.ts (browser) and browser.ts (Node). */

export type EditorKind = 'real' | 'bare';

export type ArticleStats = { words: number; paragraphs: number; claims: number; docSize: number };

/** One open, in ms from the start of building the state. */
export type OpenTiming = {
  /** Building the EditorState (for real: openArticle, which parses, anchors claims and starts the plugins). */
  state: number;
  /** new EditorView: rendering the document to DOM. */
  view: number;
  /** The first forced style + layout of the new DOM. */
  layout: number;
  /** The first frame's own work: from its requestAnimationFrame callback to the task after it (paint, commit). */
  paint: number;
  /** The work of opening: state + view + layout + paint, without the idle wait for the next vsync. */
  total: number;
  /** Wall time from the start to after the first frame (total plus the wait for vsync: whole frames). */
  firstFrame: number;
  /** Elements in the editor's DOM (claims are drawn as CSS highlights, so they add none). */
  elements: number;
};

/** One measured keystroke, in ms from keydown. */
export type KeySample = {
  /** keydown to the state updated, the DOM redrawn and a forced layout read done. */
  total: number;
  /** From the key event's timestamp to the page's keydown listener (waiting behind other main-thread work). */
  queued: number;
  /** keydown to the 'input' event: keymaps, the browser inserting the character (with its style/layout). */
  browser: number;
  /** 'input' to dispatch: ProseMirror reading the DOM change, input rules, building the transaction. */
  read: number;
  /** view.state.apply(tr): the plugins' apply (claims decorations mapping, history, …). */
  apply: number;
  /** view.updateState: redrawing the changed DOM (decorations diffed against the previous ones). */
  update: number;
  /** The forced layout after the update. */
  layout: number;
  /** Whether the character was typed inside a claim. */
  inClaim: boolean;
};

export type BenchPage = {
  /** Builds (and caches) the generated article with this many claims; returns its size. */
  prepare: (claims: number) => ArticleStats;
  /** Opens the prepared article in a fresh view (destroying any previous one) and times it. */
  open: (kind: EditorKind, claims: number) => Promise<OpenTiming>;
  /**
   * Where to type: first a warm-up place, then `count` places in the middle of the article, half inside
   * claims and half outside where the article has both.
   */
  typingPositions: (claims: number, count: number) => { pos: number; inClaim: boolean }[];
  /** Puts the cursor at `pos`, focuses the editor, scrolls there; starts recording keystrokes. */
  placeCursor: (pos: number) => Promise<void>;
  /** The keystrokes recorded since the last call (and clears them). Missing ones are counted. */
  takeKeys: () => { samples: KeySample[]; keydowns: number };
  /** Main-thread ms of snapshotForSave + JSON.stringify of the save request, per run (real editor only). */
  autosaveSerialisation: (runs: number) => number[];
};

declare global {
  interface Window {
    bench: BenchPage;
  }
}
