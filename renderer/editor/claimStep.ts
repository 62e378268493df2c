/**
 * A step that changes one claim's data (attribution, verification, comments) without touching the text.
 * Being a Step, it goes through ProseMirror's history with the text edits and the claim ranges, so one
 * undo stack covers typing, marking, verdicts and deletions alike.
 */
import type { Node, Schema } from 'prosemirror-model';
import { Step, StepMap, StepResult } from 'prosemirror-transform';
import { ClaimData } from '../../shared/schema/claim';

export class ClaimDataStep extends Step {
  constructor(
    readonly claimId: string,
    readonly before: ClaimData | null,
    readonly after: ClaimData | null,
  ) {
    super();
  }

  apply(doc: Node): StepResult {
    return StepResult.ok(doc);
  }

  invert(): ClaimDataStep {
    return new ClaimDataStep(this.claimId, this.after, this.before);
  }

  map(): ClaimDataStep {
    return this;
  }

  override getMap(): StepMap {
    return StepMap.empty;
  }

  /** Successive edits of one claim fold into one step, so a burst of edits undoes together. */
  override merge(other: Step): Step | null {
    if (other instanceof ClaimDataStep && other.claimId === this.claimId && other.before === this.after) {
      return new ClaimDataStep(this.claimId, this.before, other.after);
    }
    return null;
  }

  toJSON() {
    return { stepType: 'claimData', claimId: this.claimId, before: this.before, after: this.after };
  }

  static override fromJSON(_schema: Schema, json: { claimId?: unknown; before?: unknown; after?: unknown }): ClaimDataStep {
    if (typeof json.claimId !== 'string') throw new RangeError('Invalid input for ClaimDataStep.fromJSON');
    const parse = (v: unknown) => (v === null || v === undefined ? null : ClaimData.parse(v));
    return new ClaimDataStep(json.claimId, parse(json.before), parse(json.after));
  }
}

Step.jsonID('claimData', ClaimDataStep);
