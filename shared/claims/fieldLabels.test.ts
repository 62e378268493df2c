import { describe, expect, it } from 'vitest';
import { CLAIM_FIELD_PATHS } from './fields';
import { CLAIM_FIELD_LABELS, claimFieldLabel } from './fieldLabels';

describe('claimFieldLabel', () => {
  it('labels every field a person edits', () => {
    for (const path of CLAIM_FIELD_PATHS) expect(Object.keys(CLAIM_FIELD_LABELS)).toContain(path);
    expect(claimFieldLabel('attribution.cue')).toBe('Cue words');
    expect(claimFieldLabel('verification.rationale')).toBe('Rationale');
  });

  it('names list items by position in words, and by id generically', () => {
    expect(claimFieldLabel('comments.0.author')).toBe('the author of comment 1');
    expect(claimFieldLabel('comments.4')).toBe('comment 5');
    expect(claimFieldLabel('verification.evidence.2.url')).toBe('the address of evidence 3');
    expect(claimFieldLabel('comments.3f2a9c1e-77aa')).toBe('Comment');
    expect(claimFieldLabel('verification.evidence.3f2a9c1e-77aa')).toBe('Evidence item');
  });

  it('names a part of a field by the field', () => {
    expect(claimFieldLabel('verification.secondReview.signedOffBy')).toBe('Second review');
    expect(claimFieldLabel('something.else')).toBe('something.else');
  });
});
