/**
 * The claims plugin: keeps every claim's data (changed only by ClaimDataStep, so history covers it) and
 * draws the claims as decorations over the words their `claim` marks cover. Decorations are mapped
 * through each transaction and rebuilt only when claims themselves change, never by searching text.
 */
import type { Node } from 'prosemirror-model';
import { Plugin, PluginKey, type EditorState, type Transaction } from 'prosemirror-state';
import { AddMarkStep, RemoveMarkStep, ReplaceStep, type Step } from 'prosemirror-transform';
import { Decoration, DecorationSet } from 'prosemirror-view';
import type { ClaimData } from '../../shared/schema/claim';
import { readClaimRanges, type Range } from '../../shared/anchor/claimRanges';
import { ClaimDataStep } from './claimStep';
import { claimClass, claimTitle } from './claimStyle';

export type ClaimsState = {
  data: ReadonlyMap<string, ClaimData>;
  decorations: DecorationSet;
  selected: string | null;
};

export const claimsKey = new PluginKey<ClaimsState>('claims');

type Meta = { select: string | null };

function hasClaimMark(node: Node | { forEach: (f: (n: Node) => void) => void }): boolean {
  let found = false;
  const visit = (n: Node) => {
    if (found) return;
    if (n.marks.some((m) => m.type.name === 'claim')) found = true;
    else n.forEach(visit);
  };
  node.forEach(visit);
  return found;
}

/** Whether a step adds, removes or re-inserts claim marks, so the decorations must be rebuilt. */
function touchesClaimMarks(step: Step): boolean {
  if (step instanceof AddMarkStep || step instanceof RemoveMarkStep) return step.mark.type.name === 'claim';
  if (step instanceof ReplaceStep) return hasClaimMark(step.slice.content);
  // ReplaceAroundStep and others move content without creating claim marks: mapping is enough.
  return 'slice' in step && hasClaimMark((step as unknown as { slice: { content: Node } }).slice.content);
}

function decorationsFor(doc: Node, data: ReadonlyMap<string, ClaimData>, selected: string | null, ranges?: Map<string, Range>): DecorationSet {
  const all = ranges ?? readClaimRanges(doc);
  const decos: Decoration[] = [];
  for (const [id, range] of all) {
    const claim = data.get(id);
    if (!claim) continue;
    decos.push(...claimDecorations(id, range, claim, id === selected));
  }
  return DecorationSet.create(doc, decos);
}

function claimDecorations(id: string, range: Range, claim: ClaimData, selected: boolean): Decoration[] {
  const spec = { claimId: id };
  return [
    Decoration.inline(range.from, range.to, { class: claimClass(claim, selected), 'data-claim': id, title: claimTitle(claim) }, spec),
    Decoration.widget(range.from, () => statusBadge(claim), { ...spec, side: -1, ignoreSelection: true, key: `${id}:${claim.verification.status}` }),
  ];
}

const STATUS_GLYPH: Record<ClaimData['verification']['status'], string> = {
  unreviewed: '○',
  in_progress: '◔',
  needs_second_review: '◑',
  done: '●',
};

/** A small glyph before each claim: its status without relying on colour. */
function statusBadge(claim: ClaimData): HTMLElement {
  const span = document.createElement('span');
  span.className = `claim-badge claim-badge-${claim.verification.status}`;
  span.textContent = STATUS_GLYPH[claim.verification.status];
  span.setAttribute('aria-hidden', 'true');
  span.contentEditable = 'false';
  return span;
}

/** When a claim's words are all deleted its highlight vanishes with them; its badge must go too. */
function dropStrayBadges(set: DecorationSet, tr: Transaction): DecorationSet {
  const deleted = tr.steps.some((s) => s instanceof ReplaceStep && (s as unknown as { from: number; to: number }).to > (s as unknown as { from: number }).from);
  if (!deleted) return set;
  const all = set.find();
  const highlighted = new Set(all.filter((d) => d.from !== d.to).map((d) => (d.spec as { claimId: string }).claimId));
  const stray = all.filter((d) => d.from === d.to && !highlighted.has((d.spec as { claimId: string }).claimId));
  return stray.length > 0 ? set.remove(stray) : set;
}

/** Redraws one claim's decorations (after its data or selection changed), reusing its mapped range. */
function redraw(set: DecorationSet, doc: Node, id: string, claim: ClaimData | undefined, selected: boolean): DecorationSet {
  const old = set.find(undefined, undefined, (spec) => spec.claimId === id);
  const inline = old.find((d) => d.from !== d.to) ?? null;
  let next = set.remove(old);
  if (claim && inline) next = next.add(doc, claimDecorations(id, { from: inline.from, to: inline.to }, claim, selected));
  return next;
}

export function claimsPlugin(initial: ReadonlyMap<string, ClaimData>): Plugin<ClaimsState> {
  return new Plugin<ClaimsState>({
    key: claimsKey,
    state: {
      init: (_config, state) => ({ data: initial, selected: null, decorations: decorationsFor(state.doc, initial, null) }),
      apply(tr, prev, _old, state) {
        const meta = tr.getMeta(claimsKey) as Meta | undefined;
        let data = prev.data;
        const changedData = new Set<string>();
        let rebuild = false;
        for (const step of tr.steps) {
          if (step instanceof ClaimDataStep) {
            const next = new Map(data);
            if (step.after) next.set(step.claimId, step.after);
            else next.delete(step.claimId);
            data = next;
            changedData.add(step.claimId);
          } else if (!rebuild && touchesClaimMarks(step)) {
            rebuild = true;
          }
        }
        let selected = meta ? meta.select : prev.selected;
        if (selected !== null && !data.has(selected)) selected = null;
        if (rebuild) return { data, selected, decorations: decorationsFor(state.doc, data, selected) };
        let decorations = tr.docChanged ? dropStrayBadges(prev.decorations.map(tr.mapping, tr.doc), tr) : prev.decorations;
        if (selected !== prev.selected) {
          if (prev.selected) changedData.add(prev.selected);
          if (selected) changedData.add(selected);
        }
        for (const id of changedData) decorations = redraw(decorations, state.doc, id, data.get(id), id === selected);
        return { data, selected, decorations };
      },
    },
    props: {
      decorations: (state) => claimsKey.getState(state)?.decorations,
      handleClick(view, pos) {
        const id = innermostClaimAt(view.state, pos);
        const current = claimsKey.getState(view.state)?.selected ?? null;
        if (id !== current) view.dispatch(view.state.tr.setMeta(claimsKey, { select: id } satisfies Meta));
        return false;
      },
      // Claims never travel with copied or pasted text: a pasted copy is not the claim.
      transformPasted(slice) {
        const claim = slice.content.firstChild?.type.schema.marks.claim;
        if (!claim || !hasClaimMark(slice.content)) return slice;
        return stripMarkFromSlice(slice, claim);
      },
    },
  });
}

function stripMarkFromSlice<S extends { content: import('prosemirror-model').Fragment; openStart: number; openEnd: number }>(
  slice: S,
  type: import('prosemirror-model').MarkType,
): S {
  const strip = (fragment: import('prosemirror-model').Fragment): import('prosemirror-model').Fragment => {
    const nodes: Node[] = [];
    fragment.forEach((node) => {
      const marks = type.isInSet(node.marks) ? node.marks.filter((m) => m.type !== type) : node.marks;
      nodes.push(node.isText ? node.mark(marks) : node.copy(strip(node.content)).mark(marks));
    });
    return (fragment.constructor as typeof import('prosemirror-model').Fragment).fromArray(nodes);
  };
  return new (slice.constructor as new (c: import('prosemirror-model').Fragment, s: number, e: number) => S)(strip(slice.content), slice.openStart, slice.openEnd);
}

/** The smallest claim covering a position: with nested claims, a click picks the inner one. */
export function innermostClaimAt(state: EditorState, pos: number): string | null {
  const set = claimsKey.getState(state)?.decorations;
  if (!set) return null;
  let best: { id: string; size: number } | null = null;
  for (const d of set.find(pos, pos)) {
    if (d.from === d.to || pos < d.from || pos > d.to) continue;
    const id = (d.spec as { claimId: string }).claimId;
    if (!best || d.to - d.from < best.size) best = { id, size: d.to - d.from };
  }
  return best?.id ?? null;
}

/** Every claim's current range (from the mapped decorations: no document walk), and the orphaned ones. */
export function claimRangesOf(state: EditorState): { ranges: Map<string, Range>; orphaned: string[] } {
  const plugin = claimsKey.getState(state);
  const ranges = new Map<string, Range>();
  if (!plugin) return { ranges, orphaned: [] };
  for (const d of plugin.decorations.find()) {
    if (d.from === d.to) continue;
    ranges.set((d.spec as { claimId: string }).claimId, { from: d.from, to: d.to });
  }
  const orphaned = [...plugin.data.keys()].filter((id) => !ranges.has(id));
  return { ranges, orphaned };
}

export function selectClaimMeta(tr: Transaction, id: string | null): Transaction {
  return tr.setMeta(claimsKey, { select: id } satisfies Meta);
}
