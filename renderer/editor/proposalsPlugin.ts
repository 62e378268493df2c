/**
 * Proposals of "Find claims" on the text: a plugin apart from the claims plugin, since a proposal is not a
 * claim until a person accepts it (it is never saved, never in the history, never in a report). Each is
 * an inline decoration (few enough that elements are cheap, and they carry a title for the pointer and a
 * class per strength) whose ends map through every edit; a proposal whose words are all deleted goes.
 */
import { Plugin, PluginKey, type EditorState, type Transaction } from 'prosemirror-state';
import { Decoration, DecorationSet } from 'prosemirror-view';
import type { Node } from 'prosemirror-model';
import type { Proposal } from '../../shared/api';
import { makeResolver } from '../../shared/anchor/selectors';
import { buildTextIndex } from '../../shared/anchor/textIndex';
import type { Range } from '../../shared/anchor/claimRanges';
import { proposalTitle } from '../proposals/proposalWords';

export type PlacedProposal = { key: string; proposal: Proposal; from: number; to: number };

export type ProposalsState = {
  items: ReadonlyMap<string, PlacedProposal>;
  /** The proposal chosen in the list, drawn stronger in the text. */
  active: string | null;
  decorations: DecorationSet;
};

export const proposalsKey = new PluginKey<ProposalsState>('proposals');

type Meta = { set: PlacedProposal[] } | { remove: string[] } | { active: string | null };

/** A proposal's key: where detection found it (stable for one run). */
export const proposalKeyOf = (p: Proposal) => `${p.claim.start}-${p.claim.end}`;

function decoration(it: PlacedProposal, active: boolean): Decoration {
  const strength = it.proposal.attribution.strength;
  const classes = ['proposal', `proposal-${strength}`];
  if (strength !== 'named') classes.push('proposal-weak');
  if (active) classes.push('proposal-active');
  return Decoration.inline(it.from, it.to, { class: classes.join(' '), title: proposalTitle(it.proposal), 'data-proposal': it.key }, { key: it.key });
}

function decorate(doc: Node, items: ReadonlyMap<string, PlacedProposal>, active: string | null): DecorationSet {
  return DecorationSet.create(doc, [...items.values()].map((it) => decoration(it, it.key === active)));
}

/**
 * The set with the given proposals' decorations drawn again (or taken away when gone): a 1 MB text has
 * thousands, and building them all anew for one decision made each accept or reject take seconds.
 */
function redraw(set: DecorationSet, doc: Node, items: ReadonlyMap<string, PlacedProposal>, active: string | null, keys: readonly (string | null)[]): DecorationSet {
  const wanted = new Set(keys.filter((k): k is string => k !== null));
  if (wanted.size === 0) return set;
  const old = set.find(undefined, undefined, (spec: { key?: string }) => spec.key !== undefined && wanted.has(spec.key));
  const added = [...wanted].flatMap((k) => {
    const it = items.get(k);
    return it ? [decoration(it, k === active)] : [];
  });
  return set.remove(old).add(doc, added);
}

function mapItems(items: ReadonlyMap<string, PlacedProposal>, tr: Transaction): Map<string, PlacedProposal> {
  const next = new Map<string, PlacedProposal>();
  for (const [key, it] of items) {
    const from = tr.mapping.map(it.from, 1);
    const to = tr.mapping.map(it.to, -1);
    if (to > from) next.set(key, { ...it, from, to });
  }
  return next;
}

export function proposalsPlugin(): Plugin<ProposalsState> {
  return new Plugin<ProposalsState>({
    key: proposalsKey,
    state: {
      init: (_, state) => ({ items: new Map(), active: null, decorations: DecorationSet.create(state.doc, []) }),
      apply(tr, prev, _old, state) {
        const meta = tr.getMeta(proposalsKey) as Meta | undefined;
        if (!meta && !tr.docChanged) return prev;
        let items = tr.docChanged ? mapItems(prev.items, tr) : prev.items;
        let active = prev.active;
        // Edits map the decorations along; a proposal whose words all went is taken off.
        let decorations = tr.docChanged ? prev.decorations.map(tr.mapping, tr.doc) : prev.decorations;
        const gone = items.size === prev.items.size ? [] : [...prev.items.keys()].filter((k) => !items.has(k));
        if (meta && 'set' in meta) {
          items = new Map(meta.set.map((p) => [p.key, p]));
          if (active !== null && !items.has(active)) active = null;
          decorations = decorate(state.doc, items, active);
          return { items, active, decorations };
        }
        if (meta && 'remove' in meta) {
          const next = new Map(items);
          for (const k of meta.remove) next.delete(k);
          items = next;
          gone.push(...meta.remove);
        }
        const before = active;
        if (meta && 'active' in meta) active = meta.active;
        if (active !== null && !items.has(active)) active = null;
        decorations = redraw(decorations, state.doc, items, active, before === active ? gone : [...gone, before, active]);
        return { items, active, decorations };
      },
    },
    props: {
      decorations: (state) => proposalsKey.getState(state)?.decorations ?? null,
    },
  });
}

export function proposalsOf(state: EditorState): ProposalsState | undefined {
  return proposalsKey.getState(state);
}

/**
 * Proposals placed in `doc`: by their offsets when `text` is the text they were found in, else by their
 * quote and its context (the text changed while detection ran); those found nowhere are left out.
 */
export function placeProposals(doc: Node, text: string, proposals: readonly Proposal[]): PlacedProposal[] {
  const index = buildTextIndex(doc);
  const resolve = index.text === text ? null : makeResolver(index.text);
  const out: PlacedProposal[] = [];
  for (const p of proposals) {
    const { start, end } = p.claim;
    const at = resolve ? resolve({ quote: p.quote, position: { type: 'TextPositionSelector', start, end } }) : { start, end };
    if (!at || !index.hasText(at.start, at.end)) continue;
    const from = index.offsetToPos(at.start, 'start');
    const to = index.offsetToPos(at.end, 'end');
    if (to > from) out.push({ key: proposalKeyOf(p), proposal: p, from, to });
  }
  return out;
}

export const setProposalsMeta = (tr: Transaction, items: PlacedProposal[]) => tr.setMeta(proposalsKey, { set: items } satisfies Meta);
export const removeProposalsMeta = (tr: Transaction, keys: string[]) => tr.setMeta(proposalsKey, { remove: keys } satisfies Meta);
export const activeProposalMeta = (tr: Transaction, key: string | null) => tr.setMeta(proposalsKey, { active: key } satisfies Meta);

/** Where a proposal's words are now, or null when they are gone. */
export function proposalRange(state: EditorState, key: string): Range | null {
  const it = proposalsOf(state)?.items.get(key);
  return it ? { from: it.from, to: it.to } : null;
}
