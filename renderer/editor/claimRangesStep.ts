/**
 * A step that sets where some claims are (their ranges in the doc) without touching the text: marking a
 * claim, deleting one, putting an orphan back on words, and recording the ranges a deletion is about to
 * cut (see snapshotClaimRanges). Being a Step, it is undone and redone with the text edits around it, so
 * undoing a deletion puts every claim back exactly where it was.
 */
import type { Node, Schema } from 'prosemirror-model';
import { Step, StepMap, StepResult, type Mappable } from 'prosemirror-transform';
import type { Range } from '../../shared/anchor/claimRanges';
import { mapRanges } from '../../shared/anchor/mapRanges';

export type RangeChange = { id: string; before: Range | null; after: Range | null };

function mapEnds(r: Range | null, mapping: Mappable): Range | null {
  if (!r) return null;
  const from = mapping.map(r.from, 1);
  const to = mapping.map(r.to, -1);
  return from < to ? { from, to } : null;
}

function parseRange(v: unknown): Range | null {
  if (v === null || v === undefined) return null;
  const r = v as { from?: unknown; to?: unknown };
  if (typeof r.from !== 'number' || typeof r.to !== 'number' || !Number.isInteger(r.from) || !Number.isInteger(r.to) || r.from < 0 || r.to <= r.from) {
    throw new RangeError('Invalid range in ClaimRangesStep');
  }
  return { from: r.from, to: r.to };
}

export class ClaimRangesStep extends Step {
  constructor(readonly changes: readonly RangeChange[]) {
    super();
  }

  apply(doc: Node): StepResult {
    for (const { after } of this.changes) {
      if (after && (after.from < 0 || after.to > doc.content.size)) return StepResult.fail('Claim range outside the document');
    }
    return StepResult.ok(doc);
  }

  invert(): ClaimRangesStep {
    return new ClaimRangesStep(this.changes.map((c) => ({ id: c.id, before: c.after, after: c.before })));
  }

  map(mapping: Mappable): ClaimRangesStep {
    return new ClaimRangesStep(this.changes.map((c) => ({ id: c.id, before: mapEnds(c.before, mapping), after: mapEnds(c.after, mapping) })));
  }

  override getMap(): StepMap {
    return StepMap.empty;
  }

  toJSON() {
    return { stepType: 'claimRanges', changes: this.changes };
  }

  static override fromJSON(_schema: Schema, json: { changes?: unknown }): ClaimRangesStep {
    if (!Array.isArray(json.changes)) throw new RangeError('Invalid input for ClaimRangesStep.fromJSON');
    return new ClaimRangesStep(
      json.changes.map((c: { id?: unknown; before?: unknown; after?: unknown }) => {
        if (typeof c.id !== 'string') throw new RangeError('Invalid claim id in ClaimRangesStep');
        return { id: c.id, before: parseRange(c.before), after: parseRange(c.after) };
      }),
    );
  }
}

Step.jsonID('claimRanges', ClaimRangesStep);

/** Claim ranges after one step: set by a ClaimRangesStep, mapped through any other. `doc` is the doc after it. */
export function rangesAfterStep(ranges: ReadonlyMap<string, Range>, step: Step, doc: Node): ReadonlyMap<string, Range> {
  if (step instanceof ClaimRangesStep) {
    const next = new Map(ranges);
    for (const c of step.changes) {
      if (c.after) next.set(c.id, c.after);
      else next.delete(c.id);
    }
    return next;
  }
  const map = step.getMap();
  return map === StepMap.empty || ranges.size === 0 ? ranges : mapRanges(ranges, map, doc);
}
