/**
 * Checks the ClaimReview output field by field against Google's Fact Check structured data list:
 * ClaimReview requires claimReviewed, reviewRating and url and recommends author, datePublished and
 * itemReviewed; Claim recommends appearance, author, datePublished and firstAppearance; Rating requires
 * alternateName and recommends bestRating, name, ratingValue and worstRating.
 */
import { describe, expect, it } from 'vitest';
import { DEFAULT_RATING_SCALE } from '../schema/claim';
import { claimFragment, isNonRating, nothingToPublish, ratingFor, renderClaimReview, renderClaimReviewJson } from './claimReview';
import type { JsonLdObject, JsonLdValue } from './jsonLd';
import { buildReportModel, type ReportModel } from './model';
import { annotatedSample } from './testing';

const ctx = { scale: DEFAULT_RATING_SCALE, deskName: 'Verification Desk', generatedBy: 'Ana Reviewer', generatedAt: '2026-11-28T10:00:00.000Z' };
const model = (): ReportModel => buildReportModel(annotatedSample(), ctx);
/** Every claim with a verdict, so the field checks below see all three (claim-vague is in progress). */
const all = { includeUnfinished: true } as const;
const TEMPLATE = 'https://factcheck.example.org/{article}/{claim}';

function obj(v: JsonLdValue | undefined): JsonLdObject {
  if (typeof v !== 'object' || v === null || Array.isArray(v)) throw new Error(`not an object: ${JSON.stringify(v)}`);
  return v;
}
const byId = (reviews: JsonLdObject[], m: ReportModel) => {
  const all = [...m.claims, ...m.orphaned];
  return (id: string) => {
    const claim = all.find((c) => c.id === id)!;
    return reviews.find((r) => r.claimReviewed === claim.quote)!;
  };
};

describe('renderClaimReview: which claims', () => {
  it('by default only claims that are done with a verdict, in document order', () => {
    const m = model();
    const reviews = renderClaimReview(m);
    // claim-named (done, Mostly true) and claim-none (done, True); claim-vague is in progress, the orphan has no verdict.
    expect(reviews.map((r) => r.claimReviewed)).toEqual(m.claims.filter((c) => c.data.verification.status === 'done').map((c) => c.quote));
    expect(reviews).toHaveLength(2);
    for (const r of reviews) {
      expect(r['@context']).toBe('https://schema.org');
      expect(r['@type']).toBe('ClaimReview');
    }
  });

  it('with includeUnfinished, every claim with a verdict, and still none without one', () => {
    const m = model();
    expect(renderClaimReview(m, all).map((r) => r.claimReviewed)).toEqual(m.claims.map((c) => c.quote));
    const c = m.claims[0]!;
    m.claims[0] = { ...c, data: { ...c.data, verification: { ...c.data.verification, verdict: null } } };
    expect(renderClaimReview(m, all)).toHaveLength(2);
  });

  it('a claim waiting for its second review is not done, so not published by default', () => {
    const m = model();
    const c = m.claims[1]!;
    m.claims[1] = { ...c, data: { ...c.data, verification: { ...c.data.verification, status: 'needs_second_review' } } };
    expect(renderClaimReview(m).map((r) => r.claimReviewed)).toEqual([m.claims[2]!.quote]);
  });

  it('includes an orphaned claim that is done, linked by its anchor', () => {
    const m = model();
    const o = m.orphaned[0]!;
    m.orphaned[0] = { ...o, data: { ...o.data, verification: { ...o.data.verification, verdict: 'False', status: 'done' } } };
    const reviews = renderClaimReview(m, { reviewUrlTemplate: 'https://factcheck.example.org/reports/{article}#{anchor}' });
    expect(reviews).toHaveLength(3);
    expect(reviews[2]!.claimReviewed).toBe(o.quote);
    expect(reviews[2]!.url).toBe('https://factcheck.example.org/reports/sample-article-1#orphaned-claim-1');
  });

  it('says why when no claim qualifies, and nothing when some does', () => {
    const m = model();
    expect(nothingToPublish(m)).toBeNull();
    for (const c of [...m.claims, ...m.orphaned]) c.data = { ...c.data, verification: { ...c.data.verification, status: c.data.verification.verdict ? 'in_progress' : 'unreviewed' } };
    expect(renderClaimReview(m)).toEqual([]);
    expect(nothingToPublish(m)).toBe(
      'No claim in this article is done with a verdict, so there is no ClaimReview to publish: 3 claims have a verdict but are not done. Mark them done, or include claims that are not done.',
    );
    expect(nothingToPublish(m, all)).toBeNull();
    for (const c of m.claims) c.data = { ...c.data, verification: { ...c.data.verification, verdict: null } };
    expect(nothingToPublish(m, all)).toBe('No claim in this article has a verdict yet, so there is no ClaimReview to publish.');
  });
});

describe('Google ClaimReview required properties', () => {
  it('required: claimReviewed is the claim’s words', () => {
    const m = model();
    const reviews = renderClaimReview(m, all);
    for (const [i, r] of reviews.entries()) {
      expect(typeof r.claimReviewed).toBe('string');
      expect(r.claimReviewed).toBe(m.text.slice(m.claims[i]!.start!, m.claims[i]!.end!));
    }
  });

  it('required: reviewRating is a Rating with the textual verdict as alternateName', () => {
    const m = model();
    const reviews = renderClaimReview(m, all);
    for (const [i, r] of reviews.entries()) {
      const rating = obj(r.reviewRating);
      expect(rating['@type']).toBe('Rating');
      expect(rating.alternateName).toBe(m.claims[i]!.data.verification.verdict);
    }
  });

  it('required: url is the desk’s fact-check page from its template, values escaped', () => {
    const m = model();
    expect(renderClaimReview(m, { ...all, reviewUrlTemplate: TEMPLATE }).map((r) => r.url)).toEqual(
      ['claim-vague', 'claim-named', 'claim-none'].map((id) => `https://factcheck.example.org/sample-article-1/${id}`),
    );
    expect(renderClaimReview(m, { reviewUrlTemplate: 'https://desk.example/r?a={article}&n={anchor}' }).map((r) => r.url)).toEqual([
      'https://desk.example/r?a=sample-article-1&n=claim-2',
      'https://desk.example/r?a=sample-article-1&n=claim-3',
    ]);
    // Whatever an id holds, it stays one path segment.
    m.article = { ...m.article, id: 'a/../b?c#d' };
    expect(renderClaimReview(m, { reviewUrlTemplate: TEMPLATE })[0]!.url).toBe('https://factcheck.example.org/a%2F..%2Fb%3Fc%23d/claim-named');
    expect(m.claims.map((c) => claimFragment(m, c))).toEqual(['claim-1', 'claim-2', 'claim-3']);
    expect(m.orphaned.map((c) => claimFragment(m, c))).toEqual(['orphaned-claim-1']);
  });

  it('required url: left out without a template (never the reviewed article’s address), or with an unusable one', () => {
    const m = model();
    for (const reviewUrlTemplate of [undefined, '', 'javascript:alert(1)//{claim}', 'https://{article}.example.org/']) {
      for (const r of renderClaimReview(m, { reviewUrlTemplate })) expect(r).not.toHaveProperty('url');
    }
    expect(JSON.stringify(renderClaimReview(m, all))).not.toContain('#claim-');
  });
});

describe('Google ClaimReview recommended properties', () => {
  it('recommended: author is the desk as an Organization', () => {
    for (const r of renderClaimReview(model(), all)) expect(r.author).toEqual({ '@type': 'Organization', name: 'Verification Desk' });
  });

  it('recommended: without a desk name, the author is the reviewer publishing it as a Person, never an invented organisation', () => {
    const m = model();
    m.deskName = '  ';
    for (const r of renderClaimReview(m, all)) expect(r.author).toEqual({ '@type': 'Person', name: 'Ana Reviewer' });
    m.generatedBy = '';
    const reviews = renderClaimReview(m, all);
    expect(reviews.length).toBeGreaterThan(0);
    for (const r of reviews) expect(r).not.toHaveProperty('author');
    expect(JSON.stringify(reviews)).not.toContain('Claimdesk');
  });

  it('recommended: datePublished is the claim’s last update (ISO 8601)', () => {
    const m = model();
    const reviews = renderClaimReview(m, all);
    for (const [i, r] of reviews.entries()) {
      expect(r.datePublished).toBe(m.claims[i]!.data.updatedAt);
      expect(Number.isNaN(Date.parse(String(r.datePublished)))).toBe(false);
    }
  });

  it('recommended: itemReviewed is a Claim', () => {
    for (const r of renderClaimReview(model(), all)) expect(obj(r.itemReviewed)['@type']).toBe('Claim');
  });
});

describe('Google Claim (itemReviewed) recommended properties', () => {
  it('Claim appearance: the article as a CreativeWork with url, headline, date and publisher', () => {
    const m = model();
    for (const r of renderClaimReview(m, all)) {
      const appearances = obj(r.itemReviewed).appearance;
      expect(Array.isArray(appearances)).toBe(true);
      expect(appearances).toEqual([
        { '@type': 'CreativeWork', url: 'https://example.org/tartous', headline: m.article.meta.title, datePublished: '2024-12-26', publisher: { '@type': 'Organization', name: 'Example News' } },
      ]);
    }
  });

  it('Claim author: the named source, Organization or Person by source kind; omitted when unattributed', () => {
    const m = model();
    const find = byId(renderClaimReview(m, all), m);
    expect(obj(find('claim-named').itemReviewed).author).toEqual({ '@type': 'Organization', name: 'Syrian Observatory for Human Rights' });
    expect(obj(find('claim-none').itemReviewed).author).toBeUndefined();
    expect(obj(find('claim-vague').itemReviewed).author).toBeUndefined();

    const c = m.claims[1]!;
    m.claims[1] = { ...c, data: { ...c.data, attribution: { ...c.data.attribution, sourceName: 'Umm Ahmad', sourceKind: 'witness' } } };
    expect(obj(renderClaimReview(m, all)[1]!.itemReviewed).author).toEqual({ '@type': 'Person', name: 'Umm Ahmad' });
    m.claims[1] = { ...c, data: { ...c.data, attribution: { ...c.data.attribution, kind: 'anonymous' } } };
    expect(obj(renderClaimReview(m, all)[1]!.itemReviewed).author).toBeUndefined();
  });

  it('Claim datePublished: the traced source’s date, else the article’s', () => {
    const m = model();
    const find = byId(renderClaimReview(m, all), m);
    expect(obj(find('claim-named').itemReviewed).datePublished).toBe('2024-12-26');
    expect(obj(find('claim-none').itemReviewed).datePublished).toBe('2024-12-26');
    const c = m.claims[1]!;
    m.claims[1] = { ...c, data: { ...c.data, attribution: { ...c.data.attribution, traced: { ...c.data.attribution.traced, date: '2024-12-25' } } } };
    expect(obj(renderClaimReview(m, all)[1]!.itemReviewed).datePublished).toBe('2024-12-25');
    m.article = { ...m.article, meta: { ...m.article.meta, publishedAt: '' } };
    expect(obj(renderClaimReview(m, all)[2]!.itemReviewed).datePublished).toBeUndefined();
  });

  it('Claim firstAppearance: the traced original when there is one', () => {
    const m = model();
    const find = byId(renderClaimReview(m, all), m);
    expect(obj(find('claim-named').itemReviewed).firstAppearance).toEqual({
      '@type': 'CreativeWork',
      url: 'https://www.syriahr.com/en/',
      headline: 'SOHR',
      datePublished: '2024-12-26',
      publisher: { '@type': 'Organization', name: 'SOHR' },
    });
    expect(obj(find('claim-none').itemReviewed).firstAppearance).toBeUndefined();
  });
});

describe('Google Rating recommended properties', () => {
  it('Rating ratingValue/bestRating/worstRating: the desk scale numbered best = N … worst = 1', () => {
    const m = model();
    const find = byId(renderClaimReview(m, all), m);
    // Six rating labels (Unverifiable is set apart): True 6 … False 1.
    expect(obj(find('claim-none').reviewRating)).toMatchObject({ ratingValue: 6, bestRating: 6, worstRating: 1, alternateName: 'True', name: 'True' });
    expect(obj(find('claim-named').reviewRating)).toMatchObject({ ratingValue: 5, bestRating: 6, worstRating: 1, alternateName: 'Mostly true' });
    for (const r of renderClaimReview(m, all)) {
      const rating = obj(r.reviewRating);
      if (rating.ratingValue === undefined) continue;
      expect(rating.bestRating).toBeGreaterThan(Number(rating.worstRating));
      expect(rating.worstRating).toBeGreaterThanOrEqual(1);
      expect(rating.ratingValue).toBeGreaterThanOrEqual(Number(rating.worstRating));
      expect(rating.ratingValue).toBeLessThanOrEqual(Number(rating.bestRating));
    }
  });

  it('Rating for a non-rating verdict (Unverifiable): alternateName and name only, no numbers', () => {
    const m = model();
    const rating = obj(byId(renderClaimReview(m, all), m)('claim-vague').reviewRating);
    expect(rating).toEqual({ '@type': 'Rating', alternateName: 'Unverifiable', name: 'Unverifiable' });
  });

  it('Rating ratingExplanation carries the rationale when there is one', () => {
    const m = model();
    expect(obj(byId(renderClaimReview(m, all), m)('claim-named').reviewRating).ratingExplanation).toBe('SOHR reported three gunmen killed; no independent count.');
  });

  it('maps any desk scale, and refuses numbers for labels off the scale', () => {
    const scale = ['Correct', 'Partly correct', 'Wrong', 'Not rated'];
    expect(ratingFor('Correct', scale)).toEqual({ ratingValue: 3, bestRating: 3, worstRating: 1 });
    expect(ratingFor('wrong', scale)).toEqual({ ratingValue: 1, bestRating: 3, worstRating: 1 });
    expect(ratingFor('Not rated', scale)).toBeNull();
    expect(ratingFor('Pants on fire', scale)).toBeNull();
    expect(ratingFor('Only', ['Only', 'Unverifiable'])).toBeNull();
    expect(['Unverifiable', 'Unproven', 'Insufficient evidence', 'Cannot be verified', 'Inconclusive'].every(isNonRating)).toBe(true);
    expect(DEFAULT_RATING_SCALE.filter(isNonRating)).toEqual(['Unverifiable']);
  });
});

describe('renderClaimReviewJson', () => {
  it('is the same data as JSON, safe to put in a script element', () => {
    const m = model();
    const c = m.claims[0]!;
    m.claims[0] = { ...c, quote: '</script><script>alert(1)</script> & more' };
    const json = renderClaimReviewJson(m, all);
    expect(json).not.toMatch(/[<>&]/);
    expect(JSON.parse(json)).toEqual(renderClaimReview(m, all));
  });
});
