/**
 * Three-way merge of an article's claims: ours (the store), theirs (a review bundle) and base (the claims
 * as last exchanged between the two, or null when that is unknown). Pure code: runs in Node and in the
 * browser. The audit events of a merge are diffClaims(ours, result.claims); each conflict decision is one
 * more claim_updated event.
 *
 * Rules, in order:
 * 1. Matching. Claims with the same id are the same claim. Then each theirs-claim that is new (not in
 *    base, or base unknown) and unmatched is matched to the new unmatched ours-claim whose anchor overlaps
 *    it most: both placed in `opts.text` (position first, then quote, see makeResolver) and overlapping by
 *    at least half of the shorter range; or, when either is orphaned, the same exact quote. Ours keeps its
 *    id; the pair is reported in `matchedByAnchor`. Two claims created apart share no history, so their
 *    base is an empty claim (newClaimData): a field only one reviewer filled in is taken without conflict.
 * 2. Fields (CLAIM_FIELDS). Equal: kept. Only one side changed since base: that side. Both changed to
 *    the same value: kept. Both changed differently, or base unknown and the sides differ: ours is kept
 *    and a Conflict is reported (base is `undefined` when unknown); decideConflict applies a choice.
 *    Except: a field only they changed whose prerequisite (FIELD_PREREQUISITES: status and second review
 *    need the verdict, ...) is in conflict is not taken: ours is kept and theirs waits in the conflict's
 *    `held`, taken if every conflict it waits for is decided for theirs.
 * 3. Evidence, by id. New on either side: kept. Changed on one side: that side. Changed differently on
 *    both (or differing with unknown base): ours kept, Conflict on `verification.evidence.<id>`. Deleted on
 *    one side and unchanged on the other: deleted. Deleted on one side and changed on the other: the
 *    changed item is kept and a Conflict reports it with `null` for the deleting side.
 * 4. Comments, by id, like evidence: the union, theirs' extra comments inserted in time order. Edited
 *    (text and editedAt) on one side: that side; on both, differently: ours kept and a Conflict on
 *    `comments.<id>`; with unknown history, the side that carries an edit of the same comment (author,
 *    time and parent equal) is taken, else a Conflict. Deleted on one side and unchanged on the other:
 *    deleted, with a note; its replies are items of their own, so the other side's replies stay (shown
 *    as replies to a deleted comment). Deleted on one side and edited on the other: the edit is kept and
 *    a Conflict reports it with `null` for the deleting side. With unknown history nothing is deleted.
 * 5. Claims on one side only. New (not in base, or base unknown): kept; theirs' are listed in `added`.
 *    In base and deleted by one side: deleted when the other side left its data unchanged (stamps aside:
 *    edited and changed back is unchanged); otherwise kept
 *    (nothing is dropped silently): one we deleted and they edited is restored from theirs and listed in
 *    `deletedHere`; one they deleted and we edited is kept with a note.
 * 6. Targets. A merged claim keeps ours' target while it is placed. Orphaned in ours but placed in theirs:
 *    theirs' target is taken when its quote is found in `opts.text` (at its position, else by quote),
 *    re-anchored to that text. A claim taken from theirs is re-anchored the same way, or kept orphaned.
 * 7. Stamps. A merged claim whose data differs from ours takes the later updatedBy/updatedAt of the two.
 * 8. Validity. A claim left done without a verdict (doneWithoutVerdict) is set to 'in_progress' with a note.
 *
 * Merging is idempotent: mergeClaims(b, x, x).claims equals x, and after r = mergeClaims(b, ours, theirs)
 * the common history is theirs, so mergeClaims(theirs, r.claims, theirs) returns r.claims and no
 * conflicts: merging the same bundle twice changes nothing the second time.
 */
import { Comment, Evidence, newClaimData, type Claim, type ClaimData, type ClaimTarget } from '../schema/claim';
import type { HeldField } from '../schema/exchange';
import { makeResolver, selectorsFor, type Resolved } from '../anchor/selectors';
import { CLAIM_FIELDS, claimField, deepEqual, type ClaimField } from '../claims/fields';
import { doneWithoutVerdict } from '../claims/status';
import { heldBack } from './dependencies';

export type FieldPath = string;

/**
 * `base` is undefined when the common history is unknown, null when the item did not exist in it.
 * `held`: their values of fields that depend on this one (absent when none), kept as ours meanwhile.
 */
export type Conflict = { claimId: string; field: FieldPath; base: unknown; ours: unknown; theirs: unknown; held?: HeldField[] };

export type MergeResult = {
  claims: Claim[];
  conflicts: Conflict[];
  /** Ids of claims taken from theirs that are new (not in the common history). */
  added: string[];
  /** Claims with different ids matched by their anchors; the merged claim has ours' id. */
  matchedByAnchor: { ours: string; theirs: string }[];
  /** Claims we deleted that they edited: kept (restored from theirs) and reported. */
  deletedHere: string[];
  /** Everything else a reviewer should know, in plain words. */
  notes: string[];
};

export const EVIDENCE_FIELD_PREFIX = 'verification.evidence.';
export const COMMENT_FIELD_PREFIX = 'comments.';

/** Share of the shorter range two placed claims must overlap by to be the same claim. */
export const MIN_ANCHOR_OVERLAP = 0.5;

type Range = { start: number; end: number };

function label(c: Claim): string {
  const q = c.target.quote.exact.replace(/\s+/g, ' ');
  return `“${q.length > 60 ? `${q.slice(0, 57)}…` : q}” (${c.data.id})`;
}

function byId<T>(items: readonly T[], id: (t: T) => string): Map<string, T> {
  return new Map(items.map((i) => [id(i), i]));
}

const claimId = (c: Claim): string => c.data.id;

/** A field path in words for notes: `verification.secondReview` → "second review". */
const fieldName = (path: FieldPath): string => path.slice(path.lastIndexOf('.') + 1).replace(/[A-Z]/g, (ch) => ` ${ch.toLowerCase()}`);

/** How well two claims' anchors match, 0 for not at all. */
function anchorScore(a: Claim, ra: Range | null, b: Claim, rb: Range | null): number {
  if (ra && rb) {
    const overlap = Math.min(ra.end, rb.end) - Math.max(ra.start, rb.start);
    const shorter = Math.min(ra.end - ra.start, rb.end - rb.start);
    if (overlap <= 0 || shorter <= 0) return 0;
    const share = overlap / shorter;
    return share >= MIN_ANCHOR_OVERLAP ? share : 0;
  }
  return a.target.quote.exact === b.target.quote.exact ? 1 : 0;
}

/** A claim's target re-anchored to the text, or null when its words are not there. */
function placeIn(resolve: (t: ClaimTarget) => Resolved | null, text: string, target: ClaimTarget): ClaimTarget | null {
  if (target.orphaned) return null;
  const r = resolve(target);
  if (!r) return null;
  return { ...selectorsFor(text, r.start, r.end), orphaned: false };
}

/** Same data, stamps aside: a claim edited and changed back is unchanged. */
function sameContent(a: ClaimData, b: ClaimData): boolean {
  return deepEqual({ ...a, updatedBy: '', updatedAt: '' }, { ...b, updatedBy: '', updatedAt: '' });
}

function laterStamp(o: ClaimData, t: ClaimData): Pick<ClaimData, 'updatedBy' | 'updatedAt'> {
  return Date.parse(t.updatedAt) > Date.parse(o.updatedAt) ? { updatedBy: t.updatedBy, updatedAt: t.updatedAt } : { updatedBy: o.updatedBy, updatedAt: o.updatedAt };
}

function keepValid(d: ClaimData): ClaimData {
  if (doneWithoutVerdict(d.verification)) return { ...d, verification: { ...d.verification, status: 'in_progress' } };
  return d;
}

type ItemConflict = { id: string; base: unknown; ours: unknown; theirs: unknown };

function mergeEvidence(base: Evidence[] | undefined, ours: Evidence[], theirs: Evidence[]): { items: Evidence[]; conflicts: ItemConflict[] } {
  const b = base ? byId(base, (e) => e.id) : null;
  const o = byId(ours, (e) => e.id);
  const t = byId(theirs, (e) => e.id);
  const items: Evidence[] = [];
  const conflicts: ItemConflict[] = [];
  const baseOf = (id: string): unknown => (b ? (b.get(id) ?? null) : undefined);
  for (const eo of ours) {
    const et = t.get(eo.id);
    const eb = b?.get(eo.id);
    if (et) {
      if (deepEqual(eo, et) || (eb && deepEqual(et, eb))) items.push(eo);
      else if (eb && deepEqual(eo, eb)) items.push(et);
      else {
        items.push(eo);
        conflicts.push({ id: eo.id, base: baseOf(eo.id), ours: eo, theirs: et });
      }
    } else if (eb) {
      // They deleted it.
      if (deepEqual(eo, eb)) continue;
      items.push(eo);
      conflicts.push({ id: eo.id, base: eb, ours: eo, theirs: null });
    } else items.push(eo);
  }
  for (const et of theirs) {
    if (o.has(et.id)) continue;
    const eb = b?.get(et.id);
    if (eb) {
      // We deleted it.
      if (deepEqual(et, eb)) continue;
      items.push(et);
      conflicts.push({ id: et.id, base: eb, ours: null, theirs: et });
    } else items.push(et);
  }
  return { items, conflicts };
}

/** Inserts `c` after the last comment not later than it, so a list in time order stays in time order. */
function insertByTime(list: Comment[], c: Comment): void {
  const at = Date.parse(c.at);
  let i = list.length;
  while (i > 0 && Date.parse(list[i - 1]?.at ?? '') > at) i--;
  list.splice(i, 0, c);
}

/**
 * An edited comment against its original with unknown history: the same comment (author, time, parent)
 * where only one side carries an edit is that edit; anything else is not decidable.
 */
function onlyEdit(o: Comment, t: Comment): Comment | null {
  if (o.author !== t.author || o.at !== t.at || o.replyTo !== t.replyTo) return null;
  if (o.editedAt !== undefined && t.editedAt === undefined) return o;
  if (t.editedAt !== undefined && o.editedAt === undefined) return t;
  return null;
}

function mergeComments(base: Comment[] | undefined, ours: Comment[], theirs: Comment[]): { items: Comment[]; conflicts: ItemConflict[]; deleted: string[] } {
  const b = base ? byId(base, (c) => c.id) : null;
  const o = byId(ours, (c) => c.id);
  const t = byId(theirs, (c) => c.id);
  const items: Comment[] = [];
  const conflicts: ItemConflict[] = [];
  const deleted: string[] = [];
  for (const co of ours) {
    const ct = t.get(co.id);
    const cb = b?.get(co.id);
    if (!ct) {
      if (!cb) items.push(co);
      else if (deepEqual(co, cb)) deleted.push(co.id);
      else {
        items.push(co);
        conflicts.push({ id: co.id, base: cb, ours: co, theirs: null });
      }
    } else if (deepEqual(co, ct) || (cb && deepEqual(ct, cb))) items.push(co);
    else if (cb && deepEqual(co, cb)) items.push(ct);
    else {
      const edit = b ? null : onlyEdit(co, ct);
      items.push(edit ?? co);
      if (!edit) conflicts.push({ id: co.id, base: b ? (cb ?? null) : undefined, ours: co, theirs: ct });
    }
  }
  for (const ct of theirs) {
    if (o.has(ct.id)) continue;
    const cb = b?.get(ct.id);
    if (cb && deepEqual(ct, cb)) {
      deleted.push(ct.id);
      continue;
    }
    insertByTime(items, ct);
    if (cb) conflicts.push({ id: ct.id, base: cb, ours: null, theirs: ct });
  }
  return { items, conflicts, deleted };
}

export function mergeClaims(base: Claim[] | null, ours: Claim[], theirs: Claim[], opts: { text: string }): MergeResult {
  const resolve: (t: ClaimTarget) => Resolved | null = makeResolver(opts.text);
  const baseById = base ? byId(base, claimId) : null;
  const oursById = byId(ours, claimId);
  const theirsById = byId(theirs, claimId);
  const result: MergeResult = { claims: [], conflicts: [], added: [], matchedByAnchor: [], deletedHere: [], notes: [] };
  const { notes } = result;

  // 1. Matching: by id, then new claims by anchor.
  const isNew = (c: Claim): boolean => !baseById?.has(c.data.id);
  const rangeOf = (c: Claim): Range | null => (c.target.orphaned ? null : resolve(c.target));
  const anchorMatch = new Map<string, Claim>(); // ours id -> theirs claim
  const anchoredTheirs = new Set<string>();
  const freeOurs = ours.filter((o) => !theirsById.has(o.data.id) && isNew(o)).map((o) => ({ claim: o, range: rangeOf(o) }));
  for (const t of theirs) {
    if (oursById.has(t.data.id) || !isNew(t)) continue;
    const rt = rangeOf(t);
    let best = -1;
    let bestScore = 0;
    freeOurs.forEach((o, i) => {
      if (anchorMatch.has(o.claim.data.id)) return;
      const score = anchorScore(o.claim, o.range, t, rt);
      if (score > bestScore) {
        best = i;
        bestScore = score;
      }
    });
    const o = freeOurs[best];
    if (!o) continue;
    anchorMatch.set(o.claim.data.id, t);
    anchoredTheirs.add(t.data.id);
    result.matchedByAnchor.push({ ours: o.claim.data.id, theirs: t.data.id });
    notes.push(`Claim ${label(t)} from the bundle is the same as ${label(o.claim)} here (same words): merged into it.`);
  }

  /** A claim taken whole from theirs, anchored in our text. */
  const takeTheirs = (t: Claim): Claim => {
    if (t.target.orphaned) return t;
    const placed = placeIn(resolve, opts.text, t.target);
    if (placed) {
      if (placed.position.start !== t.target.position.start || placed.position.end !== t.target.position.end) notes.push(`Claim ${label(t)} was re-anchored to where its words are in this text.`);
      return { ...t, target: placed };
    }
    notes.push(`Claim ${label(t)}: its words are not in this text, so it is kept as orphaned.`);
    return { ...t, target: { ...t.target, orphaned: true } };
  };

  const mergePair = (o: Claim, t: Claim, baseData: ClaimData | undefined): Claim => {
    const id = o.data.id;
    let data: ClaimData = o.data;
    // 2. Fields.
    const theirsOnly: { f: ClaimField; ours: unknown; theirs: unknown }[] = [];
    const conflicts: Conflict[] = [];
    for (const f of CLAIM_FIELDS) {
      const vo = f.get(o.data);
      const vt = f.get(t.data);
      if (deepEqual(vo, vt)) continue;
      const vb = baseData ? f.get(baseData) : undefined;
      if (baseData && deepEqual(vt, vb)) continue;
      if (baseData && deepEqual(vo, vb)) theirsOnly.push({ f, ours: vo, theirs: vt });
      else conflicts.push({ claimId: id, field: f.path, base: vb, ours: vo, theirs: vt });
    }
    const held = heldBack(
      theirsOnly.map((x) => x.f.path),
      new Set(conflicts.map((c) => c.field)),
    );
    for (const x of theirsOnly) {
      const waitsFor = held.get(x.f.path);
      if (!waitsFor) {
        data = x.f.set(data, x.theirs);
        continue;
      }
      for (const c of conflicts) if (waitsFor.has(c.field)) c.held = [...(c.held ?? []), { field: x.f.path, ours: x.ours, theirs: x.theirs }];
    }
    for (const c of conflicts) {
      if (!c.held) continue;
      const theirFields = c.held.map((h) => fieldName(h.field)).join(', ');
      notes.push(`Claim ${label(o)}: the bundle's ${theirFields} went with its ${fieldName(c.field)}, which is in conflict; yours are kept until you decide it, and taking theirs takes them too.`);
    }
    result.conflicts.push(...conflicts);
    // 3. Evidence.
    const ev = mergeEvidence(baseData?.verification.evidence, o.data.verification.evidence, t.data.verification.evidence);
    data = { ...data, verification: { ...data.verification, evidence: ev.items } };
    for (const c of ev.conflicts) result.conflicts.push({ claimId: id, field: `${EVIDENCE_FIELD_PREFIX}${c.id}`, base: c.base, ours: c.ours, theirs: c.theirs });
    // 4. Comments.
    const cm = mergeComments(baseData?.comments, o.data.comments, t.data.comments);
    data = { ...data, comments: cm.items };
    for (const c of cm.conflicts) result.conflicts.push({ claimId: id, field: `${COMMENT_FIELD_PREFIX}${c.id}`, base: c.base, ours: c.ours, theirs: c.theirs });
    if (cm.deleted.length > 0) notes.push(`Claim ${label(o)}: ${cm.deleted.length === 1 ? 'a comment' : `${cm.deleted.length} comments`} deleted on one side ${cm.deleted.length === 1 ? 'is' : 'are'} deleted; replies to ${cm.deleted.length === 1 ? 'it' : 'them'} are kept.`);
    // 7. Stamps.
    if (!deepEqual(data, o.data)) data = { ...data, ...laterStamp(o.data, t.data) };
    // 8. Validity.
    const valid = keepValid(data);
    if (valid !== data) notes.push(`Claim ${label(o)} would be done without a verdict after the merge: set to in progress.`);
    // 6. Target.
    let target = o.target;
    if (o.target.orphaned && !t.target.orphaned) {
      const placed = placeIn(resolve, opts.text, t.target);
      if (placed) {
        target = placed;
        notes.push(`Claim ${label(o)} was orphaned here; re-attached where the bundle places it.`);
      }
    }
    return { data: valid, target };
  };

  const emptyBase = (o: Claim): ClaimData => newClaimData(o.data.id, o.data.createdBy, o.data.createdAt);

  // Ours, in ours' order.
  for (const o of ours) {
    const id = o.data.id;
    const byIdMatch = theirsById.get(id);
    const anchored = anchorMatch.get(id);
    if (byIdMatch) {
      result.claims.push(mergePair(o, byIdMatch, baseById?.get(id)?.data));
      continue;
    }
    if (anchored) {
      result.claims.push(mergePair(o, anchored, emptyBase(o)));
      continue;
    }
    const b = baseById?.get(id);
    if (b) {
      // 5. They deleted it.
      if (sameContent(o.data, b.data)) {
        notes.push(`Claim ${label(o)} was deleted in the bundle and not changed here: deleted.`);
        continue;
      }
      notes.push(`Claim ${label(o)} was deleted in the bundle but edited here: kept.`);
    }
    result.claims.push(o);
  }
  // Theirs that matched nothing of ours.
  for (const t of theirs) {
    const id = t.data.id;
    if (oursById.has(id) || anchoredTheirs.has(id)) continue;
    const b = baseById?.get(id);
    if (b) {
      // 5. We deleted it.
      if (sameContent(t.data, b.data)) continue;
      notes.push(`Claim ${label(t)} was deleted here but edited in the bundle: restored.`);
      result.deletedHere.push(id);
    } else result.added.push(id);
    const taken = takeTheirs(t);
    const valid = keepValid(taken.data);
    if (valid !== taken.data) notes.push(`Claim ${label(t)} was done without a verdict: set to in progress.`);
    result.claims.push({ ...taken, data: valid });
  }
  return result;
}

/** Applies `value` (an item or null for none) to the item with `id` in `list`. */
function setItem<T extends { id: string }>(list: T[], id: string, value: T | null): T[] {
  const i = list.findIndex((x) => x.id === id);
  if (value === null) return i < 0 ? list : list.filter((x) => x.id !== id);
  if (i < 0) return [...list, value];
  return list.map((x, j) => (j === i ? value : x));
}

/** `d` with `field` set to `value` (an evidence item or comment: null removes it), checked with the claim schema. */
function applyField(d: ClaimData, field: FieldPath, value: unknown): ClaimData {
  const f = claimField(field);
  if (f) return f.set(d, value);
  if (field.startsWith(EVIDENCE_FIELD_PREFIX)) {
    const id = field.slice(EVIDENCE_FIELD_PREFIX.length);
    const item = value === null ? null : Evidence.parse(value);
    return { ...d, verification: { ...d.verification, evidence: setItem(d.verification.evidence, id, item) } };
  }
  if (field.startsWith(COMMENT_FIELD_PREFIX)) {
    const id = field.slice(COMMENT_FIELD_PREFIX.length);
    const item = value === null ? null : Comment.parse(value);
    return { ...d, comments: setItem(d.comments, id, item) };
  }
  throw new Error(`Unknown claim field: ${field}`);
}

const sameConflict = (a: Conflict, b: Conflict): boolean => a.claimId === b.claimId && a.field === b.field;

/**
 * One conflict decided, among the `open` ones (it included): the field (or evidence item, or comment)
 * of claim `conflict.claimId` set to the chosen side's value; `null` for an evidence item or comment
 * removes it. Its held fields follow the choice:
 * - theirs: each held field takes their value, unless another open conflict also holds it (it then
 *   waits for that one too), or the field has changed here since the merge (that later edit stands);
 * - ours: held fields stay ours, and no other open conflict brings them any more.
 * Claims stay valid: done without a verdict becomes in progress. Values are checked with the claim
 * schema (throws on a value of the wrong type). A claim no longer present is left alone.
 */
export function decideConflict<C extends Conflict>(claims: Claim[], open: readonly C[], decided: C, choice: 'ours' | 'theirs'): { claims: Claim[]; open: C[] } {
  // The open list's copy: an earlier decision may have changed what it holds.
  const conflict = open.find((c) => sameConflict(c, decided)) ?? decided;
  const others = open.filter((c) => !sameConflict(c, conflict));
  const heldElsewhere = (field: FieldPath) => others.some((c) => c.claimId === conflict.claimId && c.held?.some((h) => h.field === field));
  const apply = (d: ClaimData): ClaimData => {
    let next = applyField(d, conflict.field, choice === 'ours' ? conflict.ours : conflict.theirs);
    if (choice === 'theirs') {
      for (const h of conflict.held ?? []) {
        const f = claimField(h.field);
        if (f && !heldElsewhere(h.field) && deepEqual(f.get(next), h.ours)) next = f.set(next, h.theirs);
      }
    }
    return keepValid(next);
  };
  const dropped = new Set(choice === 'ours' ? (conflict.held ?? []).map((h) => h.field) : []);
  const remaining = others.map((c) => (c.claimId === conflict.claimId && c.held ? { ...c, held: c.held.filter((h) => !dropped.has(h.field)) } : c));
  return { claims: claims.map((c) => (c.data.id === conflict.claimId ? { ...c, data: apply(c.data) } : c)), open: remaining };
}

/** decideConflict for a conflict on its own (no other conflict open on the claim). */
export function resolveConflict(claims: Claim[], conflict: Conflict, choice: 'ours' | 'theirs'): Claim[] {
  return decideConflict(claims, [conflict], conflict, choice).claims;
}
