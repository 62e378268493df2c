/**
 * The claims plugin: keeps every claim's data (changed only by ClaimDataStep, so history covers it) and
 * styles the claims' words. Where a claim is, is its `claim` mark, which ProseMirror maps through every
 * transaction; the plugin never searches the text and adds nothing to the editor's DOM per keystroke.
 *
 * The look of each claim (colour by verdict, underline style by status, outline when selected) is one
 * CSS rule on the mark's per-claim class, in a constructable stylesheet the plugin view keeps
 * in step with the data. That keeps the DOM at one element per claimed text run: decorations would
 * double it, and both opening and typing cost grows with DOM size.
 */
import type { Fragment, MarkType, Node, Slice } from 'prosemirror-model';
import { Plugin, PluginKey, type EditorState, type Transaction } from 'prosemirror-state';
import type { EditorView } from 'prosemirror-view';
import { DEFAULT_RATING_SCALE, type ClaimData } from '../../shared/schema/claim';
import { readClaimRanges, type Range } from '../../shared/anchor/claimRanges';
import { ClaimDataStep } from './claimStep';
import { claimRule } from './claimStyle';
import { claimClassName } from '../../shared/doc/schema';

export type ClaimsState = {
  data: ReadonlyMap<string, ClaimData>;
  selected: string | null;
};

export const claimsKey = new PluginKey<ClaimsState>('claims');

type Meta = { select: string | null };

function hasClaimMark(fragment: Fragment): boolean {
  let found = false;
  fragment.descendants((n) => {
    if (found) return false;
    if (n.marks.some((m) => m.type.name === 'claim')) found = true;
    return !found;
  });
  return found;
}

function stripMark(fragment: Fragment, type: MarkType): Fragment {
  const nodes: Node[] = [];
  fragment.forEach((node) => {
    const marks = node.marks.filter((m) => m.type !== type);
    nodes.push(node.isText ? node.mark(marks) : node.copy(stripMark(node.content, type)).mark(marks));
  });
  return (fragment.constructor as typeof Fragment).fromArray(nodes);
}

/** Keeps the per-claim stylesheet in step with the plugin state. */
function claimStyles(view: EditorView, scale: readonly string[]) {
  const sheet = typeof CSSStyleSheet === 'function' ? new CSSStyleSheet() : null;
  const doc = view.dom.ownerDocument;
  if (sheet) doc.adoptedStyleSheets = [...doc.adoptedStyleSheets, sheet];
  let shown: ClaimsState | null = null;
  // A claim's rule is rebuilt only when its data (or selection) changed: most edits touch one claim.
  const cache = new Map<string, { claim: ClaimData; selected: boolean; rule: string }>();
  const render = (state: ClaimsState) => {
    if (!sheet || (shown && shown.data === state.data && shown.selected === state.selected)) return;
    shown = state;
    const rules: string[] = [];
    for (const [id, claim] of state.data) {
      const selected = id === state.selected;
      let hit = cache.get(id);
      if (!hit || hit.claim !== claim || hit.selected !== selected) {
        hit = { claim, selected, rule: claimRule(id, claim, selected, scale) };
        cache.set(id, hit);
      }
      rules.push(hit.rule);
    }
    sheet.replaceSync(rules.join('\n'));
  };
  const current = claimsKey.getState(view.state);
  if (current) render(current);
  return {
    update(v: EditorView) {
      const next = claimsKey.getState(v.state);
      if (next) render(next);
    },
    destroy() {
      if (sheet) doc.adoptedStyleSheets = doc.adoptedStyleSheets.filter((s) => s !== sheet);
    },
  };
}

/** `scale` is the desk's rating scale, for the colours of verdicts beyond the default ones. */
export function claimsPlugin(initial: ReadonlyMap<string, ClaimData>, scale: readonly string[] = DEFAULT_RATING_SCALE): Plugin<ClaimsState> {
  return new Plugin<ClaimsState>({
    key: claimsKey,
    state: {
      init: () => ({ data: initial, selected: null }),
      apply(tr, prev) {
        const meta = tr.getMeta(claimsKey) as Meta | undefined;
        let data = prev.data;
        for (const step of tr.steps) {
          if (!(step instanceof ClaimDataStep)) continue;
          const next = new Map(data);
          if (step.after) next.set(step.claimId, step.after);
          else next.delete(step.claimId);
          data = next;
        }
        let selected = meta ? meta.select : prev.selected;
        if (selected !== null && !data.has(selected)) selected = null;
        return data === prev.data && selected === prev.selected ? prev : { data, selected };
      },
    },
    view: (view) => claimStyles(view, scale),
    props: {
      // The claim's span built directly: the hot path when an article with hundreds of claims opens.
      markViews: {
        claim(mark) {
          const dom = document.createElement('span');
          dom.className = claimClassName(String(mark.attrs.id));
          return { dom };
        },
      },
      handleClick(view, pos) {
        const id = innermostClaimAt(view.state, pos);
        const current = claimsKey.getState(view.state)?.selected ?? null;
        if (id !== current) view.dispatch(view.state.tr.setMeta(claimsKey, { select: id } satisfies Meta));
        return false;
      },
      // Claims never travel with copied or pasted text: a pasted copy is not the claim.
      transformPasted(slice: Slice, view: EditorView) {
        const claim = view.state.schema.marks.claim;
        if (!claim || !hasClaimMark(slice.content)) return slice;
        return new (slice.constructor as new (c: Fragment, s: number, e: number) => Slice)(stripMark(slice.content, claim), slice.openStart, slice.openEnd);
      },
    },
  });
}

/** The smallest claim covering a position: with nested claims, a click picks the inner one. */
export function innermostClaimAt(state: EditorState, pos: number): string | null {
  const $pos = state.doc.resolve(pos);
  const marks = [...($pos.nodeAfter?.marks ?? []), ...($pos.nodeBefore?.marks ?? [])].filter((m) => m.type.name === 'claim');
  const ids = [...new Set(marks.map((m) => String(m.attrs.id)))];
  if (ids.length <= 1) return ids[0] ?? null;
  const ranges = readClaimRanges(state.doc);
  const size = (id: string) => {
    const r = ranges.get(id);
    return r ? r.to - r.from : Infinity;
  };
  return ids.reduce((best, id) => (size(id) < size(best) ? id : best));
}

/** Every claim's current range (from its marks) and the orphaned ones (data, but no words left). */
export function claimRangesOf(state: EditorState): { ranges: Map<string, Range>; orphaned: string[] } {
  const plugin = claimsKey.getState(state);
  const ranges = readClaimRanges(state.doc);
  if (!plugin) return { ranges, orphaned: [] };
  for (const id of ranges.keys()) if (!plugin.data.has(id)) ranges.delete(id);
  const orphaned = [...plugin.data.keys()].filter((id) => !ranges.has(id));
  return { ranges, orphaned };
}

export function selectClaimMeta(tr: Transaction, id: string | null): Transaction {
  return tr.setMeta(claimsKey, { select: id } satisfies Meta);
}
