/**
 * schema.org ClaimReview JSON-LD for the claims the desk has finished, shaped after Google's
 * Fact Check structured data guidance: required claimReviewed, reviewRating (with alternateName) and
 * url; recommended author, datePublished and itemReviewed (a Claim with appearance, author,
 * datePublished and firstAppearance), and on the Rating bestRating, worstRating, ratingValue and name.
 *
 * Decisions:
 * - Which claims: by default those a person has finished, status done with a verdict: a ClaimReview is
 *   a publication, and a verdict still in progress or waiting for a second review is not one yet. With
 *   `includeUnfinished`, every claim that has a verdict. Never a claim without a verdict (no rating to
 *   give). Placed ones in document order, then orphaned ones: an orphan's words were deleted from the
 *   text but they were in the article as published, and the desk still reviewed them. When no claim
 *   qualifies there is no file to write: nothingToPublish says why.
 * - url: the desk's fact-check page for the claim, from its reviewUrlTemplate setting (./reviewUrl.ts).
 *   Without one, url is left out: it must be the page that carries the review, and only the desk knows
 *   it; the reviewed article's address would point readers at the claim instead of the check.
 * - reviewRating: the desk's scale runs best → worst. Labels that are not a position on a truth scale
 *   (NON_RATING_LABEL: "Unverifiable", "Unproven", "Not rated", "Insufficient evidence", ...) are set
 *   apart; the remaining N labels are numbered N (best) down to 1 (worst), so bestRating = N and
 *   worstRating = 1 (Google asks for a worst of at least 1). A verdict that is a non-rating, or that
 *   is not on the scale at all (the scale was edited after the verdict was given), gets alternateName
 *   and name only, with no ratingValue/bestRating/worstRating: any number would put it somewhere
 *   between true and false, which is exactly what such a verdict declines to do. The same holds when
 *   fewer than two rating labels remain (Google needs bestRating above worstRating).
 * - author (of the review): an Organization named after the desk (model.deskName) when it has a name;
 *   else the reviewer who publishes it (model.generatedBy, the name in Settings) as a Person; else none.
 *   Google recommends an author but does not require one, and a made-up organisation would be a false
 *   statement of who stands behind the review.
 * - datePublished: the claim's last update (updatedAt), not the export time: exporting the same review
 *   again must not make it look newer than it is.
 * - itemReviewed.author: the source the article attributes the claim to, when it is named (attribution
 *   kind named or vague with a source name; not for anonymous or none, nor source kinds anonymous/none):
 *   a Person for a witness, an Organization for every other kind.
 * - itemReviewed.datePublished: the traced source's date when known, else the article's publication date.
 * - itemReviewed.firstAppearance: the traced original (the statement the article relays), when traced.
 * - ratingExplanation (schema.org Rating, read by Google's Fact Check tools): the rationale, when written.
 */
import { claimRefs } from './claimRefs';
import { scriptSafeJson, type JsonLdObject, type JsonLdValue } from './jsonLd';
import { reviewUrl } from './reviewUrl';
import type { ClaimData } from '../schema/claim';
import type { ReportClaim, ReportModel } from './model';

export type ClaimReviewOptions = {
  /** The desk's fact-check page address with placeholders (./reviewUrl.ts); none: url left out. */
  reviewUrlTemplate?: string;
  /** Also claims with a verdict that are not done yet. */
  includeUnfinished?: boolean;
};

/** Verdict labels that say the claim could not be placed on a truth scale rather than where it sits. */
export const NON_RATING_LABEL = /\b(unverif|unprov|not (yet )?rated|no rating|unrated|cannot|can't|insufficient|undetermin|unclear|inconclusive)/i;

export function isNonRating(label: string): boolean {
  return NON_RATING_LABEL.test(label);
}

export type RatingPosition = { ratingValue: number; bestRating: number; worstRating: number };

/** Where a verdict sits on the desk's scale (best → worst) as numbers, or null when it has no place. */
export function ratingFor(verdict: string, scale: readonly string[]): RatingPosition | null {
  const rated = scale.filter((l) => !isNonRating(l));
  const key = verdict.trim().toLocaleLowerCase();
  const index = rated.findIndex((l) => l.trim().toLocaleLowerCase() === key);
  if (index < 0 || rated.length < 2) return null;
  return { ratingValue: rated.length - index, bestRating: rated.length, worstRating: 1 };
}

/** The page fragment (without #) a claim's review and the HTML report's anchor share: the report's own anchors. */
export function claimFragment(model: ReportModel, claim: ReportClaim): string {
  return claimRefs(model).of(claim).anchor;
}

/** Whether a claim goes into the ClaimReview export. */
export function isPublishable(claim: ReportClaim, opts: ClaimReviewOptions = {}): boolean {
  const v = claim.data.verification;
  return v.verdict !== null && (opts.includeUnfinished === true || v.status === 'done');
}

/** Why the export would be empty, in words for the person exporting, or null when some claim qualifies. */
export function nothingToPublish(model: ReportModel, opts: ClaimReviewOptions = {}): string | null {
  const all = [...model.claims, ...model.orphaned];
  if (all.some((c) => isPublishable(c, opts))) return null;
  const unfinished = all.filter((c) => c.data.verification.verdict !== null).length;
  if (unfinished === 0) return 'No claim in this article has a verdict yet, so there is no ClaimReview to publish.';
  const them = unfinished === 1 ? '1 claim has a verdict but is' : `${unfinished} claims have a verdict but are`;
  return `No claim in this article is done with a verdict, so there is no ClaimReview to publish: ${them} not done. Mark them done, or include claims that are not done.`;
}

/** Adds the entries whose value is a non-empty string, number or object, in order. */
function compact(entries: [string, JsonLdValue | null | undefined][]): JsonLdObject {
  const out: JsonLdObject = {};
  for (const [k, v] of entries) if (v !== null && v !== undefined && v !== '') out[k] = v;
  return out;
}

function claimAuthor(data: ClaimData): JsonLdObject | null {
  const { sourceName, sourceKind, kind } = data.attribution;
  if (sourceName.trim() === '' || kind === 'anonymous' || kind === 'none' || sourceKind === 'anonymous' || sourceKind === 'none') return null;
  return { '@type': sourceKind === 'witness' ? 'Person' : 'Organization', name: sourceName.trim() };
}

function appearance(model: ReportModel): JsonLdObject {
  const meta = model.article.meta;
  return compact([
    ['@type', 'CreativeWork'],
    ['url', meta.url],
    ['headline', meta.title],
    ['datePublished', meta.publishedAt],
    ['publisher', meta.publisher ? { '@type': 'Organization', name: meta.publisher } : null],
  ]);
}

function firstAppearance(data: ClaimData): JsonLdObject | null {
  const t = data.attribution.traced;
  if (t.url === '') return null;
  return compact([
    ['@type', 'CreativeWork'],
    ['url', t.url],
    ['headline', t.title],
    ['datePublished', t.date],
    ['publisher', t.publisher ? { '@type': 'Organization', name: t.publisher } : null],
    ['archivedAt', t.archivedUrl],
  ]);
}

function reviewRating(verdict: string, data: ClaimData, scale: readonly string[]): JsonLdObject {
  const position = ratingFor(verdict, scale);
  return compact([
    ['@type', 'Rating'],
    ['ratingValue', position?.ratingValue],
    ['bestRating', position?.bestRating],
    ['worstRating', position?.worstRating],
    ['alternateName', verdict],
    ['name', verdict],
    ['ratingExplanation', data.verification.rationale],
  ]);
}

/** Who stands behind the reviews: the named desk, else the reviewer publishing them, else nobody invented. */
export function reviewAuthor(model: Pick<ReportModel, 'deskName' | 'generatedBy'>): JsonLdObject | null {
  const desk = model.deskName.trim();
  if (desk !== '') return { '@type': 'Organization', name: desk };
  const reviewer = model.generatedBy.trim();
  return reviewer !== '' ? { '@type': 'Person', name: reviewer } : null;
}

export function renderClaimReview(model: ReportModel, opts: ClaimReviewOptions = {}): JsonLdObject[] {
  const author = reviewAuthor(model);
  const reviews: JsonLdObject[] = [];
  const refs = claimRefs(model);
  for (const claim of [...model.claims, ...model.orphaned]) {
    const verdict = claim.data.verification.verdict;
    if (verdict === null || !isPublishable(claim, opts)) continue;
    const itemReviewed = compact([
      ['@type', 'Claim'],
      ['appearance', [appearance(model)]],
      ['author', claimAuthor(claim.data)],
      ['datePublished', claim.data.attribution.traced.date || model.article.meta.publishedAt],
      ['firstAppearance', firstAppearance(claim.data)],
    ]);
    reviews.push(
      compact([
        ['@context', 'https://schema.org'],
        ['@type', 'ClaimReview'],
        ['url', reviewUrl(opts.reviewUrlTemplate, { article: model.article.id, claim: claim.id, anchor: refs.of(claim).anchor })],
        ['claimReviewed', claim.quote],
        ['reviewRating', reviewRating(verdict, claim.data, model.scale)],
        ['itemReviewed', itemReviewed],
        ['author', author],
        ['datePublished', claim.data.updatedAt],
      ]),
    );
  }
  return reviews;
}

/** The reviews as one JSON-LD array, ready to go straight into a <script type="application/ld+json"> element. */
export function renderClaimReviewJson(model: ReportModel, opts: ClaimReviewOptions = {}): string {
  return scriptSafeJson(renderClaimReview(model, opts));
}
