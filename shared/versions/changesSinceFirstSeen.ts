/**
 * "Changes since first seen": for every claim a later version touched, its words when the desk first had
 * it beside its words now. Claims whose words changed or vanished come first (they are what a stealth edit
 * looks like), then claims that only moved. Built from the versions' `carried` records alone, so the
 * editor, the reports and the CLI read the same list.
 */
import type { CarryOutcome, VersionSummary } from '../schema/version';

export type ClaimChange = {
  claimId: string;
  /** gone: its words are no longer in the text; changed: they differ from the first seen; moved: same words elsewhere. */
  outcome: Exclude<CarryOutcome, 'unchanged'>;
  firstWords: string;
  /** null when gone. */
  currentWords: string | null;
  /** The versions whose import changed or moved it. */
  inVersions: number[];
};

const RANK: Record<ClaimChange['outcome'], number> = { gone: 0, changed: 1, moved: 2 };

export function claimChangesSinceFirstSeen(versions: readonly Pick<VersionSummary, 'number' | 'carried'>[]): ClaimChange[] {
  const byClaim = new Map<string, { first: string; current: string | null; gone: boolean; moved: boolean; inVersions: number[]; order: number }>();
  let order = 0;
  for (const v of [...versions].sort((a, b) => a.number - b.number)) {
    for (const c of v.carried) {
      let entry = byClaim.get(c.claimId);
      if (!entry) {
        entry = { first: c.before, current: c.before, gone: false, moved: false, inVersions: [], order: order++ };
        byClaim.set(c.claimId, entry);
      }
      if (entry.gone && c.outcome === 'gone') continue;
      entry.current = c.after;
      entry.gone = c.outcome === 'gone';
      if (c.outcome === 'moved') entry.moved = true;
      if (c.outcome !== 'unchanged') entry.inVersions.push(v.number);
    }
  }
  const out: (ClaimChange & { order: number })[] = [];
  for (const [claimId, e] of byClaim) {
    const outcome = e.gone ? 'gone' : e.current !== e.first ? 'changed' : e.moved ? 'moved' : null;
    if (outcome) out.push({ claimId, outcome, firstWords: e.first, currentWords: e.gone ? null : e.current, inVersions: e.inVersions, order: e.order });
  }
  return out.sort((a, b) => RANK[a.outcome] - RANK[b.outcome] || a.order - b.order).map(({ order: _order, ...c }) => c);
}
