/** Opening and saving: stored article (text + claim selectors) <-> editor state (text + claim ranges). */
import { EditorState } from 'prosemirror-state';
import { anchorClaimTargets, targetsForRanges } from '../../shared/anchor/claimRanges';
import { articleSchema } from '../../shared/doc/schema';
import type { ArticleForEditing } from '../../shared/schema/article';
import { DEFAULT_RATING_SCALE, type Claim, type ClaimData, type ClaimTarget } from '../../shared/schema/claim';
import type { DocNodeJson } from '../../shared/schema/doc';
import { claimRangesOf, claimsKey, claimsPlugin } from './claimsPlugin';
import { editorPlugins } from './setup';
import { proposalsPlugin } from './proposalsPlugin';

export type Opened = { state: EditorState; targets: Map<string, ClaimTarget>; moved: string[]; lost: string[] };

export function openArticle(article: ArticleForEditing, scale: readonly string[] = DEFAULT_RATING_SCALE): Opened {
  const doc = articleSchema.nodeFromJSON(article.doc);
  const anchored = anchorClaimTargets(
    doc,
    article.claims.map((c) => ({ id: c.data.id, target: c.target })),
  );
  const data = new Map<string, ClaimData>(article.claims.map((c) => [c.data.id, c.data]));
  const targets = new Map(article.claims.map((c) => [c.data.id, c.target]));
  const wasOrphaned = new Set(article.claims.filter((c) => c.target.orphaned).map((c) => c.data.id));
  const state = EditorState.create({ doc, plugins: [claimsPlugin(data, anchored.ranges, scale), proposalsPlugin(), ...editorPlugins()] });
  return { state, targets, moved: anchored.moved, lost: anchored.orphaned.filter((id) => !wasOrphaned.has(id)) };
}

/** What a save sends: the text, and each claim with selectors taken from its current range. */
export function snapshotForSave(state: EditorState, previous: Map<string, ClaimTarget>): { doc: DocNodeJson; claims: Claim[]; targets: Map<string, ClaimTarget> } {
  const data = claimsKey.getState(state)?.data ?? new Map<string, ClaimData>();
  const { ranges } = claimRangesOf(state);
  const targets = targetsForRanges(state.doc, new Map([...data.keys()].map((id) => [id, ranges.get(id) ?? null])), previous);
  const claims: Claim[] = [];
  for (const [id, d] of data) {
    const target = targets.get(id);
    if (target) claims.push({ data: d, target });
  }
  return { doc: state.doc.toJSON() as DocNodeJson, claims, targets };
}
