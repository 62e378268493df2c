/**
 * What the workbench calls each claim field, by its dotted path in ClaimData (the paths of
 * shared/claims/fields.ts, audit events and validation issues). The claim form labels its fields with
 * these, and messages about a field (a conflict, a save that failed) name it the same way.
 */
export const CLAIM_FIELD_LABELS = {
  'attribution.sourceName': 'Source name',
  'attribution.sourceKind': 'Source kind',
  'attribution.kind': 'Attribution',
  'attribution.cue': 'Cue words',
  'attribution.traced.url': 'Original URL',
  'attribution.traced.title': 'Original title',
  'attribution.traced.publisher': 'Original publisher',
  'attribution.traced.date': 'Original date',
  'attribution.traced.archivedUrl': 'Archived copy URL',
  'verification.status': 'Status',
  'verification.verdict': 'Verdict',
  'verification.confidence': 'Confidence',
  'verification.rationale': 'Rationale',
  'verification.secondReview': 'Second review',
} as const;

export type LabelledClaimField = keyof typeof CLAIM_FIELD_LABELS;

export const EVIDENCE_FIELD_LABELS = {
  url: 'Evidence URL',
  title: 'Evidence title',
  publisher: 'Evidence publisher',
  accessedAt: 'Accessed',
  stance: 'Stance',
  quote: 'Quote from the evidence',
} as const;

/** Parts of a listed item, as the middle of a sentence ("the author of comment 1"). */
const COMMENT_PARTS: Record<string, string> = { id: 'id', text: 'text', author: 'author', at: 'time' };
const EVIDENCE_PARTS: Record<string, string> = { id: 'id', url: 'address', title: 'title', publisher: 'publisher', accessedAt: 'accessed date', stance: 'stance', quote: 'quote' };

const isIndex = (s: string | undefined): s is string => s !== undefined && /^\d+$/.test(s);

function item(kind: string, index: string, part: string | undefined, parts: Record<string, string>): string {
  const name = `${kind} ${Number(index) + 1}`;
  const partName = part ? parts[part] : undefined;
  return partName ? `the ${partName} of ${name}` : name;
}

/**
 * A field path as a person reads it. A form field is its label ("verification.rationale" is
 * "Rationale"); an item by position is named in words ("comments.0.author" is "the author of
 * comment 1", "verification.evidence.2.url" is "the address of evidence 3"); an item by id (audit and
 * merge paths) is "Comment" or "Evidence item".
 */
export function claimFieldLabel(path: string): string {
  if (path in CLAIM_FIELD_LABELS) return CLAIM_FIELD_LABELS[path as LabelledClaimField];
  const [head, second, third, fourth] = path.split('.');
  if (head === 'comments') {
    if (second === undefined) return 'Comments';
    return isIndex(second) ? item('comment', second, third, COMMENT_PARTS) : 'Comment';
  }
  if (head === 'verification' && second === 'evidence') {
    if (third === undefined) return 'Evidence';
    return isIndex(third) ? item('evidence', third, fourth, EVIDENCE_PARTS) : 'Evidence item';
  }
  // Inside a labelled field (verification.secondReview.signedOffBy is part of "Second review").
  const parent = Object.keys(CLAIM_FIELD_LABELS).find((p) => path.startsWith(`${p}.`));
  return parent ? CLAIM_FIELD_LABELS[parent as LabelledClaimField] : path;
}
