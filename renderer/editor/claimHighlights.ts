/**
 * Draws claims over the editor's text with the CSS Custom Highlight API: one DOM Range per claim, in one
 * named highlight per look (verdict colour × status), styled by the `::highlight()` rules of claimStyle.
 * Nothing is added to the editor's DOM, so an article with claims renders as the same text without them.
 *
 * Ranges are live, so they follow the DOM wherever ProseMirror leaves text nodes alone. After a change,
 * the Range of a claim is rebuilt only when the claim has an end in the textblocks the change touched
 * (which ProseMirror may redraw), or when its range or look changed; every other Range stays.
 *
 * Where the API is missing (jsdom in unit tests), nothing is drawn; the claims still work.
 */
import type { Node } from 'prosemirror-model';
import type { EditorView } from 'prosemirror-view';
import type { ClaimData } from '../../shared/schema/claim';
import type { Range as ClaimRange } from '../../shared/anchor/claimRanges';
import { claimHighlightRules, claimLookName, SELECTED_HIGHLIGHT, WEAK_HIGHLIGHT } from './claimStyle';
import { isWeakSourcing } from '../../shared/schema/claim';

export type HighlightInput = {
  data: ReadonlyMap<string, ClaimData>;
  ranges: ReadonlyMap<string, ClaimRange>;
  selected: string | null;
};

type Shown = { from: number; to: number; data: ClaimData; look: string; range: Range; weak: boolean };
type DomPoint = { node: globalThis.Node; offset: number };

function registry(): HighlightRegistry | null {
  return typeof CSS !== 'undefined' && 'highlights' in CSS && typeof Highlight === 'function' ? CSS.highlights : null;
}

/** Whether this browser can draw claims (Chromium 105+, so every Electron we ship; Firefox 140+; Safari 17.2+). */
export function canDrawClaims(): boolean {
  return registry() !== null;
}

// One stylesheet for the whole app: the looks are a fixed set per rating scale, and adding a sheet makes
// the browser restyle the page, which should not happen on every article opened.
const sheets = new Map<string, CSSStyleSheet>();
function adoptRules(doc: Document, scale: readonly string[]): void {
  if (typeof CSSStyleSheet !== 'function') return;
  const key = scale.join('\n');
  let sheet = sheets.get(key);
  if (!sheet) {
    sheet = new CSSStyleSheet();
    sheet.replaceSync(claimHighlightRules(scale));
    sheets.set(key, sheet);
  }
  if (!doc.adoptedStyleSheets.includes(sheet)) doc.adoptedStyleSheets = [...doc.adoptedStyleSheets, sheet];
}

/** The part of the DOM tree ProseMirror's view keeps per top-level node (internal; see domPoints). */
type TopDesc = { size: number; border: number; domFromPos(pos: number, side: number): DomPoint };

/**
 * DOM points for many positions at once. view.domAtPos walks the top-level nodes from the start on every
 * call; for hundreds of claims that walk dominates opening, so positions are sorted and the top level is
 * walked once, handing each position to its top-level node's view (ProseMirror's internal `docView`,
 * used only when it looks as expected; otherwise, and at block boundaries, domAtPos).
 */
function domPoints(view: EditorView, points: readonly { pos: number; side: 1 | -1 }[]): DomPoint[] {
  const top = (view as unknown as { docView?: { children?: unknown } }).docView?.children;
  const fast = Array.isArray(top) && top.length === view.state.doc.childCount ? (top as TopDesc[]) : null;
  const order = points.map((_, i) => i).sort((a, b) => (points[a]?.pos ?? 0) - (points[b]?.pos ?? 0));
  const out: DomPoint[] = new Array<DomPoint>(points.length);
  let i = 0;
  let start = 0;
  for (const k of order) {
    const { pos, side } = points[k]!;
    if (fast) {
      while (i < fast.length && start + (fast[i]?.size ?? 0) <= pos) start += fast[i++]?.size ?? 0;
      const desc = fast[i];
      if (desc && typeof desc.domFromPos === 'function' && pos > start && pos < start + desc.size) {
        out[k] = desc.domFromPos(pos - start - desc.border, side);
        continue;
      }
    }
    out[k] = view.domAtPos(pos, side);
  }
  return out;
}

export function claimHighlighter(view: EditorView, scale: readonly string[], initial: HighlightInput) {
  const highlights = registry();
  const doc = view.dom.ownerDocument;
  const looks = new Map<string, Highlight>();
  const shown = new Map<string, Shown>();
  let selected: { id: string; range: Range } | null = null;
  // Weak sourcing (vague or no attribution) is a second highlight over the same Ranges, not a look of its own.
  let weakHighlight: Highlight | null = null;
  const weak = (): Highlight => {
    if (!weakHighlight) {
      weakHighlight = new Highlight();
      weakHighlight.priority = 2;
      highlights?.set(WEAK_HIGHLIGHT, weakHighlight);
    }
    return weakHighlight;
  };
  const setWeak = (s: Shown, on: boolean) => {
    s.weak = on;
    if (on) weak().add(s.range);
    else weakHighlight?.delete(s.range);
  };
  let input = initial;
  let lastDoc = view.state.doc;
  if (highlights) adoptRules(doc, scale);

  function look(name: string): Highlight {
    let h = looks.get(name);
    if (!h) {
      h = new Highlight();
      looks.set(name, h);
      highlights?.set(name, h);
    }
    return h;
  }

  function hide(id: string): void {
    const s = shown.get(id);
    if (!s) return;
    looks.get(s.look)?.delete(s.range);
    if (s.weak) weakHighlight?.delete(s.range);
    shown.delete(id);
  }

  /** (Re)draws the given claims. */
  function show(claims: { id: string; r: ClaimRange; data: ClaimData }[]): void {
    if (claims.length === 0) return;
    const points = domPoints(
      view,
      claims.flatMap(({ r }) => [
        { pos: r.from, side: 1 as const },
        { pos: r.to, side: -1 as const },
      ]),
    );
    claims.forEach(({ id, r, data }, k) => {
      hide(id);
      const a = points[2 * k];
      const b = points[2 * k + 1];
      if (!a || !b) return;
      const range = doc.createRange();
      try {
        range.setStart(a.node, a.offset);
        range.setEnd(b.node, b.offset);
      } catch {
        return; // a point the view has no DOM for yet; drawn on the next update
      }
      const name = claimLookName(data, scale);
      look(name).add(range);
      const s: Shown = { from: r.from, to: r.to, data, look: name, range, weak: false };
      shown.set(id, s);
      if (isWeakSourcing(data.attribution.kind)) setWeak(s, true);
    });
  }

  function drawSelected(): void {
    if (!highlights) return;
    const id = input.selected;
    const s = id ? shown.get(id) : undefined;
    if (selected && (!s || selected.id !== id || selected.range !== s.range)) {
      highlights.delete(SELECTED_HIGHLIGHT);
      selected = null;
    }
    if (id && s && !selected) {
      const h = new Highlight(s.range);
      h.priority = 1;
      highlights.set(SELECTED_HIGHLIGHT, h);
      selected = { id, range: s.range };
    }
  }

  function update(next: HighlightInput, nextDoc: Node): void {
    const prevInput = input;
    input = next;
    const change = nextDoc === lastDoc ? null : touched(lastDoc, nextDoc);
    lastDoc = nextDoc;
    if (!highlights) return;
    if (change || prevInput.ranges !== next.ranges || prevInput.data !== next.data) {
      for (const id of [...shown.keys()]) if (!next.ranges.has(id) || !next.data.has(id)) hide(id);
      const redraw: { id: string; r: ClaimRange; data: ClaimData }[] = [];
      // Where a drawn Range is now if the DOM around it was left alone: its old place, shifted.
      const moved = (p: number) => (!change || p < change.from ? p : p > change.oldTo ? p + change.shift : -1);
      for (const [id, r] of next.ranges) {
        const data = next.data.get(id);
        if (!data) continue;
        const s = shown.get(id);
        if (s && (s.data === data || s.look === claimLookName(data, scale)) && moved(s.from) === r.from && moved(s.to) === r.to) {
          s.from = r.from;
          s.to = r.to;
          s.data = data;
          const isWeak = isWeakSourcing(data.attribution.kind);
          if (isWeak !== s.weak) setWeak(s, isWeak);
          continue;
        }
        redraw.push({ id, r, data });
      }
      show(redraw);
    }
    drawSelected();
  }

  show([...initial.ranges].flatMap(([id, r]) => {
    const data = initial.data.get(id);
    return data ? [{ id, r, data }] : [];
  }));
  drawSelected();

  return {
    update,
    destroy(): void {
      if (!highlights) return;
      for (const [name, h] of looks) if (highlights.get(name) === h) highlights.delete(name);
      if (selected) highlights.delete(SELECTED_HIGHLIGHT);
      if (weakHighlight && highlights.get(WEAK_HIGHLIGHT) === weakHighlight) highlights.delete(WEAK_HIGHLIGHT);
    },
  };
}

/**
 * What a change from `prev` to `doc` touched, widened to whole textblocks: from `from` to `oldTo`
 * (both ends included, in `prev`), and how far positions after it moved.
 */
function touched(prev: Node, doc: Node): { from: number; oldTo: number; shift: number } | null {
  const start = prev.content.findDiffStart(doc.content);
  if (start === null) return null;
  const end = prev.content.findDiffEnd(doc.content) ?? { a: prev.content.size, b: doc.content.size };
  // The two ends can overlap when the change repeats the text beside it.
  const overlap = Math.max(0, start - Math.min(end.a, end.b));
  const oldEnd = end.a + overlap;
  const newEnd = end.b + overlap;
  const $from = doc.resolve(start);
  const $oldTo = prev.resolve(oldEnd);
  const from = $from.parent.isTextblock ? $from.start() : start;
  const oldTo = $oldTo.parent.isTextblock ? $oldTo.end() : oldEnd;
  return { from, oldTo, shift: newEnd - oldEnd };
}
