import { describe, expect, it } from 'vitest';
import { api, ApiError, issuesOf } from '../../shared/api';
import { annotatedSample } from '../../shared/report/testing';
import { describeClaimIssue, describeSaveFailure, type ClaimRef } from './saveFailure';

/** The error the back end's dispatcher answers for a save request its contract refuses. */
function refusedSave(change: (claims: ReturnType<typeof annotatedSample>['claims']) => void): ApiError {
  const article = annotatedSample();
  change(article.claims);
  const parsed = api.saveArticle.request.safeParse({ id: article.id, baseRevision: 0, doc: article.doc, claims: article.claims });
  if (parsed.success) throw new Error('expected the request to be refused');
  const issues = issuesOf(parsed.error);
  return new ApiError('invalid_request', `Invalid saveArticle request: ${issues[0]!.path}: ${issues[0]!.message}.`, issues);
}

const claims: ClaimRef[] = [
  { id: 'c-one', number: 1, quote: 'fourteen troops from the interior ministry were killed' },
  { id: 'c-two', number: 2, quote: 'three unidentified “armed men” lost their lives during the clashes in the western region' },
  { id: 'c-orphan', number: null, quote: 'Assad and his family have sought refuge in Russia' },
];
const claimAt = (i: number) => claims[i] ?? null;

describe('describeSaveFailure', () => {
  it('says which claim and what is wrong for a comment saved without an author (the reported failure)', () => {
    const error = refusedSave((c) => {
      c[1]!.data.comments = [{ id: 'comment-1', author: '', at: '2026-11-28T10:00:00.000Z', text: 'Check the toll.' }];
    });
    expect(error.message).toMatch(/^Invalid saveArticle request: claims\.1\.data\.comments\.0\.author: Too small/);
    const failure = describeSaveFailure(error, claimAt);
    expect(failure.sentence).toBe(
      'Claim 2 (“three unidentified “armed men” lost their lives during the…”): the author of comment 1 is empty. Correct it in the claim, or undo the change (Ctrl+Z).',
    );
    expect(failure.claimId).toBe('c-two');
    expect(failure.details).toContain('claims.1.data.comments.0.author: Too small');
  });

  it('names a form field by its label and keeps a message that is already a sentence', () => {
    const tooLong = refusedSave((c) => {
      c[0]!.data.attribution.cue = 'x'.repeat(201);
    });
    expect(describeSaveFailure(tooLong, claimAt).sentence).toMatch(/^Claim 1 \(“fourteen troops from the interior ministry were killed”\): “Cue words” is longer than 200 characters\./);
    const badUrl = refusedSave((c) => {
      c[0]!.data.attribution.traced.url = 'javascript:alert(1)';
    });
    expect(describeSaveFailure(badUrl, claimAt).sentence).toMatch(/^Claim 1 \(.*\): Original URL: Enter a web address starting with http:\/\/ or https:\/\/\. Correct it/);
  });

  it('takes the back end’s own checks (verdicts on the scale) with their words, and names an orphaned claim', () => {
    const error = new ApiError('invalid_request', '“Mostly true” is not on the desk\'s rating scale (Correct, Wrong).', [
      { path: 'claims.2.data.verification.verdict', message: '“Mostly true” is not on the desk\'s rating scale (Correct, Wrong).' },
    ]);
    const failure = describeSaveFailure(error, claimAt);
    expect(failure.sentence).toBe(
      'The orphaned claim (“Assad and his family have sought refuge in Russia”): Verdict: “Mostly true” is not on the desk\'s rating scale (Correct, Wrong). Correct it in the claim, or undo the change (Ctrl+Z).',
    );
    expect(failure.claimId).toBe('c-orphan');
  });

  it('says what happened, in words, when no claim is to blame', () => {
    expect(describeSaveFailure(new ApiError('transport', 'Cannot reach the Claimdesk server. Is it still running?'), claimAt).sentence).toMatch(/^Claimdesk's server cannot be reached\. Your changes are still on screen\./);
    expect(describeSaveFailure(new ApiError('conflict', 'This article was changed elsewhere (revision 5, this copy is 4).'), claimAt).sentence).toMatch(/^this article was changed elsewhere/);
    const internal = describeSaveFailure(new ApiError('internal', 'Something went wrong in saveArticle: EIO. Nothing was changed.'), claimAt);
    expect(internal.sentence).toBe('something went wrong while saving. Your changes are still on screen.');
    expect(internal.details).toBe('internal: Something went wrong in saveArticle: EIO. Nothing was changed.');
    // A claim the failure names but the list no longer has (deleted since): the message without it.
    const gone = describeSaveFailure(new ApiError('invalid_request', 'x', [{ path: 'claims.9.data.verification.verdict', message: 'Not on the scale.' }]), claimAt);
    expect(gone.claimId).toBeNull();
    expect(gone.sentence).toBe('the article could not be saved as it is: Not on the scale. Your changes are still on screen.');
  });
});

describe('describeClaimIssue', () => {
  it('turns the schema’s wording into the end of a sentence about the field', () => {
    expect(describeClaimIssue('comments.0.text', 'Too small: expected string to have >=1 characters')).toBe('the text of comment 1 is empty.');
    expect(describeClaimIssue('verification.evidence', 'Too big: expected array to have <=500 items')).toBe('“Evidence” has more than 500 items.');
    expect(describeClaimIssue('', 'This claim was deleted.')).toBe('This claim was deleted.');
  });
});
