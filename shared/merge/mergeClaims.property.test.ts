/**
 * Property tests of the merge. Base is the annotated sample after random edits; ours and theirs are base
 * after more random edits each: field changes, added claims (on random words, so some overlap the other
 * side's), comments added, replied to, edited or deleted, evidence added or deleted, evidence changed, claims orphaned or deleted. Every
 * edit keeps the claim valid, as the editor does. Checked:
 * - the merged claims are valid and have distinct ids, each from ours or theirs;
 * - nothing is lost: every claim of ours or theirs is in the result (under its id, or a theirs-claim under
 *   the id of the ours-claim it was matched to by anchor), except a claim of the common history that the
 *   other side deleted while this side left its data unchanged (stamps aside); every comment of such a
 *   kept claim, from either side, is in the merged claim (but one of the common history the other side
 *   deleted and this side left as it was: a delete is honoured, its replies stay), and so is every
 *   evidence item new on its side;
 * - with unknown history (base null) every claim of both sides is kept;
 * - merge(b, x, x) = x, and merging the same bundle again (base := theirs) changes nothing, no conflicts;
 * - no claim is done without a verdict, and no field that depends on another (FIELD_PREREQUISITES) was
 *   taken from theirs while that other is in conflict: it is ours, held with the conflict;
 * - deciding every conflict, ours, theirs or a random mix, leaves valid claims; all ours keeps each
 *   conflicting field and its dependents as merged; all theirs brings every held field.
 */
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { selectorsFor } from '../anchor/selectors';
import { Claim, DEFAULT_RATING_SCALE, STATUSES, newClaimData, type ClaimData } from '../schema/claim';
import { decideConflict, mergeClaims, type Conflict, type MergeResult } from './mergeClaims';
import { claimField, deepEqual } from '../claims/fields';
import { doneWithoutVerdict, setStatus, signOff } from '../claims/status';
import { FIELD_PREREQUISITES } from './dependencies';
import { baseClaims, comment, evidence, text } from './testing';

type Op =
  | { kind: 'verdict'; claim: number; value: string | null }
  | { kind: 'status'; claim: number; value: (typeof STATUSES)[number] }
  | { kind: 'signOff'; claim: number }
  | { kind: 'confidence'; claim: number; value: 'low' | 'high' | null }
  | { kind: 'source'; claim: number; value: string }
  | { kind: 'rationale'; claim: number; value: string }
  | { kind: 'addClaim'; start: number; length: number }
  | { kind: 'addComment'; claim: number; minute: number }
  | { kind: 'deleteComment'; claim: number }
  | { kind: 'replyComment'; claim: number }
  | { kind: 'editComment'; claim: number; text: string }
  | { kind: 'addEvidence'; claim: number }
  | { kind: 'changeEvidence'; claim: number; title: string }
  | { kind: 'deleteEvidence'; claim: number }
  | { kind: 'orphan'; claim: number }
  | { kind: 'deleteClaim'; claim: number };

const idx = fc.nat(20);
/** A few spots both sides annotate, so their new claims often overlap (and are matched by anchor). */
const hotspots = ['ambush attributed', 'overnight curfew', 'Hayat Tahrir al-Sham'].map((w) => text.indexOf(w));
const start = fc.oneof(fc.nat(text.length - 2), fc.constantFrom(...hotspots).chain((h) => fc.integer({ min: h, max: h + 15 })));
const op: fc.Arbitrary<Op> = fc.oneof(
  fc.record({ kind: fc.constant('verdict' as const), claim: idx, value: fc.constantFrom<string | null>(null, ...DEFAULT_RATING_SCALE.slice(0, 3)) }),
  fc.record({ kind: fc.constant('status' as const), claim: idx, value: fc.constantFrom(...STATUSES) }),
  fc.record({ kind: fc.constant('signOff' as const), claim: idx }),
  fc.record({ kind: fc.constant('confidence' as const), claim: idx, value: fc.constantFrom<'low' | 'high' | null>('low', 'high', null) }),
  fc.record({ kind: fc.constant('source' as const), claim: idx, value: fc.constantFrom('SOHR', 'Interior ministry', '') }),
  fc.record({ kind: fc.constant('rationale' as const), claim: idx, value: fc.constantFrom('Checked.', 'No source found.') }),
  fc.record({ kind: fc.constant('addClaim' as const), start, length: fc.integer({ min: 1, max: 120 }) }),
  fc.record({ kind: fc.constant('addComment' as const), claim: idx, minute: fc.nat(59) }),
  fc.record({ kind: fc.constant('deleteComment' as const), claim: idx }),
  fc.record({ kind: fc.constant('replyComment' as const), claim: idx }),
  fc.record({ kind: fc.constant('editComment' as const), claim: idx, text: fc.constantFrom('Edited once.', 'Edited twice.') }),
  fc.record({ kind: fc.constant('addEvidence' as const), claim: idx }),
  fc.record({ kind: fc.constant('changeEvidence' as const), claim: idx, title: fc.constantFrom('A', 'B') }),
  fc.record({ kind: fc.constant('deleteEvidence' as const), claim: idx }),
  fc.record({ kind: fc.constant('orphan' as const), claim: idx }),
  fc.record({ kind: fc.constant('deleteClaim' as const), claim: idx }),
);

/** Applies the ops as reviewer `side`; new ids start with the side, so the two sides never collide. */
function applyOps(claims: Claim[], ops: Op[], side: string, hour: number): Claim[] {
  let out = structuredClone(claims);
  let n = 0;
  const at = (minute = n) => `2026-12-01T${String(hour).padStart(2, '0')}:${String(minute % 60).padStart(2, '0')}:00.000Z`;
  const nextId = (what: string) => `${side}-${what}-${String(n++).padStart(3, '0')}`;
  const change = (i: number, f: (d: ClaimData) => ClaimData) => {
    if (out.length === 0) return;
    const k = i % out.length;
    out = out.map((c, j) => (j === k ? { ...c, data: { ...f(c.data), updatedBy: side, updatedAt: at() } } : c));
  };
  const verification = (f: (v: ClaimData['verification']) => ClaimData['verification']) => (d: ClaimData): ClaimData => ({ ...d, verification: f(d.verification) });
  for (const o of ops) {
    switch (o.kind) {
      case 'verdict':
        change(o.claim, verification((v) => ({ ...v, verdict: o.value, status: o.value === null && v.status === 'done' ? 'in_progress' : v.status })));
        break;
      case 'status':
        // The app's own rule: refused without a verdict; asking for a second review records who asked.
        change(o.claim, (d) => {
          const r = setStatus(d, o.value, side, at());
          return r.ok ? r.data : d;
        });
        break;
      case 'signOff':
        change(o.claim, (d) => {
          const r = signOff(d, side, at());
          return r.ok ? r.data : d;
        });
        break;
      case 'confidence':
        change(o.claim, verification((v) => ({ ...v, confidence: o.value })));
        break;
      case 'source':
        change(o.claim, (d) => ({ ...d, attribution: { ...d.attribution, sourceName: o.value } }));
        break;
      case 'rationale':
        change(o.claim, verification((v) => ({ ...v, rationale: o.value })));
        break;
      case 'addClaim': {
        const end = Math.min(text.length, o.start + o.length);
        const { quote, position } = selectorsFor(text, o.start, end);
        out.push({ data: newClaimData(nextId('claim'), side, at()), target: { quote, position, orphaned: false } });
        break;
      }
      case 'addComment':
        change(o.claim, (d) => ({ ...d, comments: [...d.comments, comment(nextId('cm'), at(o.minute), 'A note', side)] }));
        break;
      case 'deleteComment':
        change(o.claim, (d) => ({ ...d, comments: d.comments.slice(1) }));
        break;
      case 'replyComment':
        change(o.claim, (d) => {
          const parent = d.comments.find((c) => c.replyTo === undefined);
          return parent ? { ...d, comments: [...d.comments, { ...comment(nextId('cm'), at(), 'A reply', side), replyTo: parent.id }] } : d;
        });
        break;
      case 'editComment':
        change(o.claim, (d) => ({ ...d, comments: d.comments.map((c, i) => (i === d.comments.length - 1 ? { ...c, text: o.text, editedAt: at() } : c)) }));
        break;
      case 'addEvidence':
        change(o.claim, verification((v) => ({ ...v, evidence: [...v.evidence, evidence(nextId('ev'))] })));
        break;
      case 'changeEvidence':
        change(o.claim, verification((v) => ({ ...v, evidence: v.evidence.map((e, i) => (i === 0 ? { ...e, title: o.title } : e)) })));
        break;
      case 'deleteEvidence':
        change(o.claim, verification((v) => ({ ...v, evidence: v.evidence.slice(1) })));
        break;
      case 'orphan':
        if (out.length > 0) {
          const k = o.claim % out.length;
          out = out.map((c, j) => (j === k ? { ...c, target: { ...c.target, orphaned: true } } : c));
        }
        break;
      case 'deleteClaim':
        if (out.length > 0) out.splice(o.claim % out.length, 1);
        break;
    }
  }
  return out;
}

const sameContent = (a: ClaimData, b: ClaimData) => deepEqual({ ...a, updatedBy: '', updatedAt: '' }, { ...b, updatedBy: '', updatedAt: '' });

function checkNothingLost(base: Claim[] | null, ours: Claim[], theirs: Claim[], r: MergeResult): void {
  const result = new Map(r.claims.map((c) => [c.data.id, c]));
  const baseById = new Map((base ?? []).map((c) => [c.data.id, c]));
  const anchored = new Map(r.matchedByAnchor.map((m) => [m.theirs, m.ours]));
  const check = (side: Claim[], other: Claim[], isTheirs: boolean) => {
    const otherIds = new Set(other.map((c) => c.data.id));
    for (const c of side) {
      const b = base ? baseById.get(c.data.id) : undefined;
      const deletedUnchanged = b !== undefined && !otherIds.has(c.data.id) && sameContent(c.data, b.data);
      const id = (isTheirs && anchored.get(c.data.id)) || c.data.id;
      const merged = result.get(id);
      if (deletedUnchanged) {
        expect(merged, `${c.data.id} deleted by the other side`).toBeUndefined();
        continue;
      }
      expect(merged, `claim ${c.data.id} kept`).toBeDefined();
      if (!merged) continue;
      // A comment is kept unless it was in the common history, the other side deleted it, and this side left it as it was.
      const comments = new Set(merged.data.comments.map((x) => x.id));
      const otherComments = new Set((other.find((x) => x.data.id === c.data.id)?.data.comments ?? []).map((x) => x.id));
      const baseComments = new Map((b?.data.comments ?? []).map((x) => [x.id, x]));
      for (const x of c.data.comments) {
        const was = baseComments.get(x.id);
        const deletedThere = was !== undefined && deepEqual(was, x) && other.some((o) => o.data.id === c.data.id) && !otherComments.has(x.id);
        expect(comments.has(x.id), `comment ${x.id} of ${c.data.id}`).toBe(!deletedThere);
      }
      const evidenceIds = new Set(merged.data.verification.evidence.map((x) => x.id));
      const baseEvidence = new Set((b?.data.verification.evidence ?? []).map((x) => x.id));
      for (const x of c.data.verification.evidence) if (!baseEvidence.has(x.id)) expect(evidenceIds.has(x.id), `evidence ${x.id} of ${c.data.id}`).toBe(true);
    }
  };
  check(ours, theirs, false);
  check(theirs, ours, true);
  const sourceIds = new Set([...ours, ...theirs].map((c) => c.data.id));
  for (const c of r.claims) expect(sourceIds.has(c.data.id)).toBe(true);
}

function expectValid(claims: Claim[]): void {
  for (const c of claims) expect(Claim.safeParse(c).success, c.data.id).toBe(true);
  expect(new Set(claims.map((c) => c.data.id)).size).toBe(claims.length);
}

/** Every field that depends on `field`, directly or through another dependent. */
function dependentsOf(field: string): Set<string> {
  const out = new Set<string>();
  for (let grew = true; grew; ) {
    grew = false;
    for (const [f, needs] of Object.entries(FIELD_PREREQUISITES)) {
      if (!out.has(f) && f !== field && needs.some((p) => p === field || out.has(p))) {
        out.add(f);
        grew = true;
      }
    }
  }
  return out;
}

/** No dependent field was taken from theirs while its prerequisite is in conflict; held fields say both sides right. */
function checkDependents(ours: Claim[], theirs: Claim[], r: MergeResult): void {
  for (const c of r.claims) expect(doneWithoutVerdict(c.data.verification), `${c.data.id} done without a verdict`).toBe(false);
  const oursById = new Map(ours.map((c) => [c.data.id, c.data]));
  const theirsOf = new Map(r.matchedByAnchor.map((m) => [m.ours, m.theirs]));
  const theirsById = new Map(theirs.map((c) => [c.data.id, c.data]));
  const merged = new Map(r.claims.map((c) => [c.data.id, c.data]));
  for (const conflict of r.conflicts) {
    const o = oursById.get(conflict.claimId);
    const t = theirsById.get(theirsOf.get(conflict.claimId) ?? conflict.claimId);
    const m = merged.get(conflict.claimId);
    if (!o || !t || !m) throw new Error(`conflict on a claim that is not a merged pair: ${conflict.claimId}`);
    if (!claimField(conflict.field)) continue;
    for (const dep of dependentsOf(conflict.field)) {
      const f = claimField(dep)!;
      expect(f.get(m), `${conflict.claimId} ${dep} while ${conflict.field} is in conflict`).toEqual(f.get(o));
    }
    for (const h of conflict.held ?? []) {
      const f = claimField(h.field)!;
      expect([h.ours, h.theirs]).toEqual([f.get(o), f.get(t)]);
      expect(h.ours).not.toEqual(h.theirs);
    }
  }
}

/** Decides the conflicts one by one, in order, as the review handoff panel does. */
function decideAll(r: MergeResult, choose: (c: Conflict, i: number) => 'ours' | 'theirs'): Claim[] {
  let state = { claims: r.claims, open: r.conflicts };
  r.conflicts.forEach((c, i) => (state = decideConflict(state.claims, state.open, c, choose(c, i))));
  expect(state.open).toEqual([]);
  return state.claims;
}

type Scenario = { before: Op[]; ours: Op[]; theirs: Op[]; knownBase: boolean; choices: boolean[] };
const scenario: fc.Arbitrary<Scenario> = fc.record({
  before: fc.array(op, { maxLength: 6 }),
  ours: fc.array(op, { maxLength: 12 }),
  theirs: fc.array(op, { maxLength: 12 }),
  knownBase: fc.boolean(),
  choices: fc.array(fc.boolean(), { maxLength: 20 }),
});

describe('mergeClaims (properties)', () => {
  it('keeps every claim and comment of both sides, stays valid, and is idempotent', () => {
    const stats = { runs: 0, conflicts: 0, held: 0, anchored: 0, added: 0, deletedHere: 0, deleted: 0 };
    fc.assert(
      fc.property(scenario, (s: Scenario) => {
        const base = applyOps(baseClaims(), s.before, 'b', 8);
        const ours = applyOps(base, s.ours, 'o', 10);
        const theirs = applyOps(base, s.theirs, 't', 11);
        const history = s.knownBase ? base : null;
        const opts = { text };
        const r = mergeClaims(history, ours, theirs, opts);
        expectValid(r.claims);
        checkNothingLost(history, ours, theirs, r);
        if (!history) {
          const kept = new Set(r.claims.map((c) => c.data.id));
          for (const c of ours) expect(kept.has(c.data.id)).toBe(true);
        }
        // Idempotence.
        expect(mergeClaims(history, ours, ours, opts).claims).toEqual(ours);
        const again = mergeClaims(theirs, r.claims, theirs, opts);
        expect(again.claims).toEqual(r.claims);
        expect(again.conflicts).toEqual([]);
        checkDependents(ours, theirs, r);
        // Every conflict can be decided either way, or in a mix.
        const allOurs = decideAll(r, () => 'ours');
        const allTheirs = decideAll(r, () => 'theirs');
        const dataIn = (claims: Claim[], id: string) => claims.find((x) => x.data.id === id)!.data;
        for (const c of r.conflicts) {
          if (!claimField(c.field)) continue;
          for (const field of [c.field, ...dependentsOf(c.field)]) {
            const f = claimField(field)!;
            expect(f.get(dataIn(allOurs, c.claimId)), `${c.claimId} ${field} kept with ours for ${c.field}`).toEqual(f.get(dataIn(r.claims, c.claimId)));
          }
          for (const h of c.held ?? []) expect(claimField(h.field)!.get(dataIn(allTheirs, c.claimId)), `${c.claimId} ${h.field} taken with ${c.field}`).toEqual(h.theirs);
        }
        const mixed = decideAll(r, (_c, i) => (s.choices[i] ? 'theirs' : 'ours'));
        for (const resolved of [allTheirs, mixed]) {
          expectValid(resolved);
          expect(mergeClaims(theirs, resolved, theirs, opts).claims).toEqual(resolved);
        }
        stats.runs++;
        stats.held += r.conflicts.filter((c) => (c.held ?? []).length > 0).length;
        stats.conflicts += r.conflicts.length;
        stats.anchored += r.matchedByAnchor.length;
        stats.added += r.added.length;
        stats.deletedHere += r.deletedHere.length;
        stats.deleted += ours.length + r.added.length + r.deletedHere.length - r.claims.length;
      }),
      {
        numRuns: 400,
        // Scenarios that surely take every path, so the coverage checks below never hang on chance:
        // both sides add a claim on the same words (matched by anchor) and give one claim different
        // rationales (a conflict); theirs adds one more and deletes one; ours deletes one theirs edited.
        examples: [
          [
            {
              before: [],
              ours: [{ kind: 'rationale', claim: 0, value: 'Checked.' }, { kind: 'addClaim', start: hotspots[0] ?? 0, length: 17 }, { kind: 'deleteClaim', claim: 1 }],
              theirs: [
                { kind: 'rationale', claim: 0, value: 'No source found.' },
                { kind: 'source', claim: 1, value: 'SOHR' },
                { kind: 'addClaim', start: hotspots[0] ?? 0, length: 17 },
                { kind: 'addClaim', start: hotspots[1] ?? 0, length: 9 },
                { kind: 'deleteClaim', claim: 2 },
              ],
              knownBase: true,
              choices: [],
            },
          ],
          // Different verdicts on claim-vague, and theirs is done with a confident verdict: status and confidence held.
          [
            {
              before: [],
              ours: [{ kind: 'verdict', claim: 1, value: 'True' }],
              theirs: [
                { kind: 'verdict', claim: 1, value: 'Mostly true' },
                { kind: 'status', claim: 1, value: 'done' },
                { kind: 'confidence', claim: 1, value: 'high' },
              ],
              knownBase: true,
              choices: [true],
            },
          ],
        ],
      },
    );
    // The generator reaches every path that matters.
    expect(stats.conflicts).toBeGreaterThan(0);
    expect(stats.held).toBeGreaterThan(0);
    expect(stats.anchored).toBeGreaterThan(0);
    expect(stats.added).toBeGreaterThan(0);
    expect(stats.deletedHere).toBeGreaterThan(0);
    expect(stats.deleted).toBeGreaterThan(0);
  });
});
