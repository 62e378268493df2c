/**
 * The article's claims as a W3C Web Annotation Data Model AnnotationCollection (JSON-LD), for
 * annotation tools and archives: one Annotation per claim, embedded in a single AnnotationPage.
 *
 * Decisions:
 * - ids: tag URIs (RFC 4151) built from the stored ids, so the same claim keeps the same id across
 *   exports: `tag:claimdesk,2026:article/<article id>/claim/<claim id>`; the collection is
 *   `…/article/<article id>/annotations` unless `collectionId` is given, and its page is `<collection>#page-1`.
 * - target.source: the article's URL, or `tag:claimdesk,2026:article/<article id>` when it has none.
 *   The selectors are over Claimdesk's plain text of the article (blocks joined by a blank line), so a
 *   TextPositionSelector may not match the live page's offsets; the TextQuoteSelector (exact words with
 *   up to 32 characters of context, empty prefix/suffix left out) comes first, as the one to prefer.
 * - motivation: `assessing` when the claim has a verdict; `questioning` while it has none (the desk
 *   has marked the statement as one whose truth is in question).
 * - bodies, all within the model's motivation vocabulary, in this order:
 *     assessing   TextualBody, value = the verdict label (only when there is a verdict)
 *     describing  TextualBody "Status: Done. Confidence: medium." (confidence when set)
 *     describing  TextualBody, the rationale (when written)
 *     describing  TextualBody, the attribution: "Attribution: named: <source> (<source kind>); cue “<cue>”."
 *                 or "Attribution: none: the article gives no source." (not `identifying`: the source
 *                 identifies where the claim comes from, not what the target is)
 *     linking     SpecificResource whose source is the traced original (when traced), titled
 *     linking     SpecificResource per evidence item: source {id: URL, type Text, title}, with a
 *                 TextQuoteSelector of the quoted words when the evidence has a quote
 *     describing  TextualBody listing each evidence item's stance ("supports: <title or URL>; …"): the
 *                 model has no term for stance, so it is said in words rather than invented
 *     commenting  TextualBody per comment, with creator (Person, name) and created, when the report
 *                 options include comments
 *     describing  TextualBody noting that the claim is orphaned (see below)
 * - orphaned claims are included (their words were in the article) with only a TextQuoteSelector,
 *   the last known quote, and the orphan note; they have no position in the current text.
 * - creator: the claim's creator as a Person; created/modified: the claim's createdAt/updatedAt;
 *   generator: Claimdesk as Software; generated: the report's generation time.
 */
import { selectorsFor } from '../anchor/selectors';
import { ATTRIBUTION_KIND_LABELS, SOURCE_KIND_LABELS, STATUS_LABELS, type ClaimData } from '../schema/claim';
import { labelOf } from './displayFormat';
import { scriptSafeJson } from './jsonLd';
import type { ReportClaim, ReportModel } from './model';

export const ANNOTATION_CONTEXT = 'http://www.w3.org/ns/anno.jsonld';
/** The tagging entity of every id minted here (RFC 4151: authority name and a date). */
export const TAG_PREFIX = 'tag:claimdesk,2026:';

export type Motivation =
  | 'assessing'
  | 'bookmarking'
  | 'classifying'
  | 'commenting'
  | 'describing'
  | 'editing'
  | 'highlighting'
  | 'identifying'
  | 'linking'
  | 'moderating'
  | 'questioning'
  | 'replying'
  | 'tagging';

export type Agent = { type: 'Person' | 'Organization' | 'Software'; name: string };
export type TextualBody = { type: 'TextualBody'; purpose: Motivation; value: string; format: 'text/plain'; creator?: Agent; created?: string };
export type QuoteSelector = { type: 'TextQuoteSelector'; exact: string; prefix?: string; suffix?: string };
export type PositionSelector = { type: 'TextPositionSelector'; start: number; end: number };
export type LinkBody = { type: 'SpecificResource'; purpose: 'linking'; source: { id: string; type: 'Text'; title?: string }; selector?: QuoteSelector };
export type AnnotationBody = TextualBody | LinkBody;
export type WebAnnotation = {
  id: string;
  type: 'Annotation';
  motivation: Motivation;
  created: string;
  modified: string;
  creator: Agent;
  generator: Agent;
  generated: string;
  body: AnnotationBody[];
  target: { source: string; selector: (QuoteSelector | PositionSelector)[] };
};
export type AnnotationPage = { id: string; type: 'AnnotationPage'; partOf: string; startIndex: number; items: WebAnnotation[] };
export type AnnotationCollection = {
  '@context': typeof ANNOTATION_CONTEXT;
  id: string;
  type: 'AnnotationCollection';
  label: string;
  total: number;
  first: AnnotationPage;
  last: string;
};

export type WebAnnotationOptions = { collectionId?: string };

export const articleTag = (articleId: string) => `${TAG_PREFIX}article/${articleId}`;
export const annotationId = (articleId: string, claimId: string) => `${articleTag(articleId)}/claim/${claimId}`;

const text = (purpose: Motivation, value: string, extra: Pick<TextualBody, 'creator' | 'created'> = {}): TextualBody => ({
  type: 'TextualBody',
  purpose,
  value,
  format: 'text/plain',
  ...extra,
});

const link = (url: string, title: string, quote = ''): LinkBody => ({
  type: 'SpecificResource',
  purpose: 'linking',
  source: title ? { id: url, type: 'Text', title } : { id: url, type: 'Text' },
  ...(quote ? { selector: { type: 'TextQuoteSelector', exact: quote } } : {}),
});

function attributionText(data: ClaimData): string {
  const { sourceName, sourceKind, kind, cue } = data.attribution;
  if (kind === 'none' && sourceName === '') return 'Attribution: none: the article gives no source.';
  const parts = [`Attribution: ${labelOf(ATTRIBUTION_KIND_LABELS, kind).toLowerCase()}`];
  if (sourceName) parts.push(`: ${sourceName}${sourceKind !== 'none' ? ` (${labelOf(SOURCE_KIND_LABELS, sourceKind)})` : ''}`);
  if (cue) parts.push(`; cue “${cue}”`);
  return `${parts.join('')}.`;
}

function bodies(claim: ReportClaim, includeComments: boolean): AnnotationBody[] {
  const { verification: v, attribution: a, comments } = claim.data;
  const out: AnnotationBody[] = [];
  if (v.verdict !== null) out.push(text('assessing', v.verdict));
  out.push(text('describing', `Status: ${labelOf(STATUS_LABELS, v.status)}.${v.confidence ? ` Confidence: ${v.confidence}.` : ''}`));
  if (v.rationale) out.push(text('describing', v.rationale));
  out.push(text('describing', attributionText(claim.data)));
  if (a.traced.url) out.push(link(a.traced.url, a.traced.title));
  for (const e of v.evidence) out.push(link(e.url, e.title, e.quote));
  if (v.evidence.length > 0) out.push(text('describing', `Evidence: ${v.evidence.map((e) => `${e.stance}: ${e.title || e.url}`).join('; ')}.`));
  if (includeComments) for (const c of comments) out.push(text('commenting', c.text, { creator: { type: 'Person', name: c.author }, created: c.at }));
  if (claim.orphaned) out.push(text('describing', 'Orphaned: the claim’s words are no longer in the article text; the quote is the last one known.'));
  return out;
}

function quoteSelector(model: ReportModel, claim: ReportClaim): QuoteSelector {
  if (claim.start === null || claim.end === null) return { type: 'TextQuoteSelector', exact: claim.quote };
  // Context from the current plain text, as the stored selectors hold it (never half a surrogate pair).
  const { prefix, suffix } = selectorsFor(model.text, claim.start, claim.end).quote;
  return { type: 'TextQuoteSelector', exact: claim.quote, ...(prefix ? { prefix } : {}), ...(suffix ? { suffix } : {}) };
}

export function renderWebAnnotations(model: ReportModel, opts: WebAnnotationOptions = {}): AnnotationCollection {
  const articleId = model.article.id;
  const collectionId = opts.collectionId ?? `${articleTag(articleId)}/annotations`;
  const pageId = `${collectionId.split('#')[0]}#page-1`;
  const source = model.article.meta.url || articleTag(articleId);
  const generator: Agent = { type: 'Software', name: 'Claimdesk' };
  const items = [...model.claims, ...model.orphaned].map(
    (claim): WebAnnotation => ({
      id: annotationId(articleId, claim.id),
      type: 'Annotation',
      motivation: claim.data.verification.verdict !== null ? 'assessing' : 'questioning',
      created: claim.data.createdAt,
      modified: claim.data.updatedAt,
      creator: { type: 'Person', name: claim.data.createdBy },
      generator,
      generated: model.generatedAt,
      body: bodies(claim, model.options.includeComments),
      target: {
        source,
        selector:
          claim.start === null || claim.end === null
            ? [quoteSelector(model, claim)]
            : [quoteSelector(model, claim), { type: 'TextPositionSelector', start: claim.start, end: claim.end }],
      },
    }),
  );
  const title = model.article.meta.title.trim();
  return {
    '@context': ANNOTATION_CONTEXT,
    id: collectionId,
    type: 'AnnotationCollection',
    label: title ? `Claims in “${title}”` : 'Claims',
    total: items.length,
    first: { id: pageId, type: 'AnnotationPage', partOf: collectionId, startIndex: 0, items },
    last: pageId,
  };
}

/** The collection as JSON-LD text, safe inside a <script> element like every JSON-LD export (see ./jsonLd). */
export function renderWebAnnotationsJson(model: ReportModel, opts: WebAnnotationOptions = {}): string {
  return scriptSafeJson(renderWebAnnotations(model, opts));
}
