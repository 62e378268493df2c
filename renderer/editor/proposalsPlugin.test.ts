import { describe, expect, it } from 'vitest';
import { EditorState } from 'prosemirror-state';
import { articleFromText } from '../../shared/doc/fromText';
import { articleSchema } from '../../shared/doc/schema';
import { buildTextIndex } from '../../shared/anchor/textIndex';
import { detect } from '../../shared/detect/detect';
import { toProposals } from '../../shared/detect/proposals';
import { placeProposals, proposalRange, proposalsOf, proposalsPlugin, removeProposalsMeta, setProposalsMeta } from './proposalsPlugin';

const TEXT = [
  'Fighting on the coast',
  '',
  'According to the Syrian Observatory for Human Rights, 14 troops were killed in an ambush near Tartous on Tuesday.',
  '',
  'Reports indicate that ten additional troops were injured during the clashes on the coast.',
].join('\n');

function setup() {
  const doc = articleSchema.nodeFromJSON(articleFromText(TEXT, 'text').doc);
  let state = EditorState.create({ doc, plugins: [proposalsPlugin()] });
  const text = buildTextIndex(doc).text;
  const placed = placeProposals(doc, text, toProposals(detect(text, null), []));
  state = state.apply(setProposalsMeta(state.tr, placed));
  const words = (s: EditorState, key: string) => {
    const r = proposalRange(s, key);
    return r ? s.doc.textBetween(r.from, r.to) : null;
  };
  return { state, placed, words };
}

describe('proposalsPlugin', () => {
  it('places proposals on their words and draws one decoration each', () => {
    const { state, placed, words } = setup();
    expect(placed.length).toBeGreaterThanOrEqual(2);
    for (const p of placed) expect(words(state, p.key)).toBe(p.proposal.quote.exact);
    expect(proposalsOf(state)!.decorations.find().length).toBe(placed.length);
  });

  it('keeps each proposal on its words through an edit before it, and drops one whose words are deleted', () => {
    const { state, placed, words } = setup();
    const [first, second] = placed;
    let s = state.apply(state.tr.insertText('Breaking: ', 1 + 'Fighting'.length + 1));
    expect(words(s, first!.key)).toBe(first!.proposal.quote.exact);
    expect(words(s, second!.key)).toBe(second!.proposal.quote.exact);
    const r = proposalRange(s, second!.key)!;
    s = s.apply(s.tr.delete(r.from, r.to));
    expect(proposalRange(s, second!.key)).toBeNull();
    expect(proposalsOf(s)!.decorations.find().length).toBe(placed.length - 1);
  });

  it('places by quote when the text changed while detection ran, and removes what it is told', () => {
    const { state, placed } = setup();
    const oldText = buildTextIndex(state.doc).text;
    const edited = state.apply(state.tr.insertText('Update: ', 1 + 'Fighting on the coast'.length + 2));
    const again = placeProposals(edited.doc, oldText, placed.map((p) => p.proposal));
    expect(again).toHaveLength(placed.length);
    for (const p of again) expect(edited.doc.textBetween(p.from, p.to)).toBe(p.proposal.quote.exact);
    const s = state.apply(removeProposalsMeta(state.tr, [placed[0]!.key]));
    expect(proposalsOf(s)!.items.has(placed[0]!.key)).toBe(false);
  });
});
