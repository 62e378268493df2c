/**
 * The claim fields a person edits, as dotted paths (the same paths diffClaims writes in audit events),
 * each with a reader and a writer. Writers validate the value with the claim schema's own field schema,
 * so a value that comes back from a conflict or a bundle cannot put a wrong type into a claim.
 * Evidence and comments are not here: they are merged item by item (see mergeClaims).
 */
import type { z } from 'zod';
import { Attribution, TracedSource, Verification, type ClaimData } from '../schema/claim';

export type ClaimField = {
  path: string;
  get: (d: ClaimData) => unknown;
  set: (d: ClaimData, value: unknown) => ClaimData;
};

type AttributionKey = 'sourceName' | 'sourceKind' | 'kind' | 'cue';
type TracedKey = keyof TracedSource;
type VerificationKey = 'status' | 'verdict' | 'confidence' | 'rationale' | 'secondReview';

function attribution<K extends AttributionKey>(key: K, schema: z.ZodType<Attribution[K]>): ClaimField {
  return {
    path: `attribution.${key}`,
    get: (d) => d.attribution[key],
    set: (d, value) => {
      const next: Attribution = { ...d.attribution };
      next[key] = schema.parse(value);
      return { ...d, attribution: next };
    },
  };
}

function traced<K extends TracedKey>(key: K, schema: z.ZodType<TracedSource[K]>): ClaimField {
  return {
    path: `attribution.traced.${key}`,
    get: (d) => d.attribution.traced[key],
    set: (d, value) => {
      const next: TracedSource = { ...d.attribution.traced };
      next[key] = schema.parse(value);
      return { ...d, attribution: { ...d.attribution, traced: next } };
    },
  };
}

function verification<K extends VerificationKey>(key: K, schema: z.ZodType<Verification[K]>): ClaimField {
  return {
    path: `verification.${key}`,
    get: (d) => d.verification[key],
    set: (d, value) => {
      const next: Verification = { ...d.verification };
      next[key] = schema.parse(value);
      return { ...d, verification: next };
    },
  };
}

/** In diffClaims' order. */
export const CLAIM_FIELDS: readonly ClaimField[] = [
  attribution('sourceName', Attribution.shape.sourceName),
  attribution('sourceKind', Attribution.shape.sourceKind),
  attribution('kind', Attribution.shape.kind),
  attribution('cue', Attribution.shape.cue),
  traced('url', TracedSource.shape.url),
  traced('title', TracedSource.shape.title),
  traced('publisher', TracedSource.shape.publisher),
  traced('date', TracedSource.shape.date),
  traced('archivedUrl', TracedSource.shape.archivedUrl),
  verification('status', Verification.shape.status),
  verification('verdict', Verification.shape.verdict),
  verification('confidence', Verification.shape.confidence),
  verification('rationale', Verification.shape.rationale),
  verification('secondReview', Verification.shape.secondReview),
];

export const CLAIM_FIELD_PATHS: readonly string[] = CLAIM_FIELDS.map((f) => f.path);

export function claimField(path: string): ClaimField | undefined {
  return CLAIM_FIELDS.find((f) => f.path === path);
}

/**
 * Structural equality of JSON-like values (what claims are made of): key order does not matter and a
 * property set to undefined counts as absent.
 */
export function deepEqual(a: unknown, b: unknown): boolean {
  if (Object.is(a, b)) return true;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false;
  if (Array.isArray(a) || Array.isArray(b)) {
    if (!Array.isArray(a) || !Array.isArray(b) || a.length !== b.length) return false;
    return a.every((x, i) => deepEqual(x, b[i]));
  }
  const ra = a as Record<string, unknown>;
  const rb = b as Record<string, unknown>;
  const ka = Object.keys(ra).filter((k) => ra[k] !== undefined);
  const kb = Object.keys(rb).filter((k) => rb[k] !== undefined);
  if (ka.length !== kb.length) return false;
  return ka.every((k) => Object.prototype.hasOwnProperty.call(rb, k) && deepEqual(ra[k], rb[k]));
}
