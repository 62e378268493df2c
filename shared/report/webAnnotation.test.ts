/**
 * No package on the npm registry ships the W3C Web Annotation test suite's JSON schemas, so the
 * conformance check is a zod schema here encoding the Data Model's MUSTs for what this renderer emits:
 * @context, id (an IRI), type, motivation and purpose from the model's list, target with a source,
 * TextQuoteSelector with exact, TextPositionSelector with non-negative start/end, TextualBody with a
 * value, SpecificResource with a source, agents, xsd:dateTime stamps, and the collection/page shapes.
 * Objects are strict: every property must be a term of the anno.jsonld context, since a JSON-LD
 * processor drops any other.
 */
import { z } from 'zod';
import { describe, expect, it } from 'vitest';
import { DEFAULT_RATING_SCALE } from '../schema/claim';
import { buildReportModel, type ReportModel } from './model';
import { annotatedSample } from './testing';
import { ANNOTATION_CONTEXT, renderWebAnnotations, renderWebAnnotationsJson, type LinkBody, type TextualBody, type WebAnnotation } from './webAnnotation';

const ctx = { scale: DEFAULT_RATING_SCALE, deskName: 'Verification Desk', generatedBy: 'Ana Reviewer', generatedAt: '2026-11-28T10:00:00.000Z' };
const model = (includeComments = true): ReportModel => buildReportModel(annotatedSample(), ctx, { includeComments, includeAudit: false });

// --- The Web Annotation Data Model, as far as this export uses it -------------------------------

const MOTIVATIONS = ['assessing', 'bookmarking', 'classifying', 'commenting', 'describing', 'editing', 'highlighting', 'identifying', 'linking', 'moderating', 'questioning', 'replying', 'tagging'] as const;
const Motivation = z.enum(MOTIVATIONS);
/** An absolute IRI: a scheme, a colon, no spaces. */
const Iri = z.string().regex(/^[A-Za-z][A-Za-z0-9+.-]*:[^\s]+$/, 'not an absolute IRI');
/** xsd:dateTime with a timezone (the model says SHOULD be UTC; we check it is). */
const DateTime = z.string().regex(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?Z$/, 'not an xsd:dateTime in UTC');
const oneOrMany = <T extends z.ZodType>(t: T) => z.union([t, z.array(t).min(1)]);
const typeIncluding = (name: string) =>
  z.union([z.literal(name), z.array(z.string()).refine((a) => a.includes(name), `type must include ${name}`)]);

const Agent = z.strictObject({ id: Iri.optional(), type: z.enum(['Person', 'Organization', 'Software']), name: z.string().min(1), nickname: z.string().optional(), email: z.string().optional(), homepage: Iri.optional() });
const TextQuoteSelector = z.strictObject({ type: z.literal('TextQuoteSelector'), exact: z.string().min(1), prefix: z.string().optional(), suffix: z.string().optional() });
const TextPositionSelector = z
  .strictObject({ type: z.literal('TextPositionSelector'), start: z.number().int().nonnegative(), end: z.number().int().nonnegative() })
  .refine((s) => s.end >= s.start, 'end before start');
const Selector = z.union([TextQuoteSelector, TextPositionSelector]);
const ExternalResource = z.strictObject({ id: Iri, type: z.enum(['Dataset', 'Image', 'Video', 'Sound', 'Text']).optional(), format: z.string().optional(), language: z.string().optional(), title: z.string().optional() });
const TextualBody = z.strictObject({
  id: Iri.optional(),
  type: z.literal('TextualBody'),
  value: z.string(),
  purpose: Motivation.optional(),
  format: z.string().optional(),
  language: z.string().optional(),
  creator: Agent.optional(),
  created: DateTime.optional(),
});
const SpecificResource = z.strictObject({
  id: Iri.optional(),
  type: z.literal('SpecificResource').optional(),
  source: z.union([Iri, ExternalResource]),
  purpose: Motivation.optional(),
  selector: oneOrMany(Selector).optional(),
});
const Body = z.union([Iri, TextualBody, SpecificResource]);
const Target = z.union([Iri, SpecificResource]);
const Annotation = z.strictObject({
  '@context': z.unknown().optional(),
  id: Iri,
  type: typeIncluding('Annotation'),
  motivation: oneOrMany(Motivation).optional(),
  created: DateTime.optional(),
  modified: DateTime.optional(),
  generated: DateTime.optional(),
  creator: oneOrMany(z.union([Iri, Agent])).optional(),
  generator: oneOrMany(z.union([Iri, Agent])).optional(),
  body: oneOrMany(Body).optional(),
  target: oneOrMany(Target),
});
const AnnotationPage = z.strictObject({
  id: Iri,
  type: z.literal('AnnotationPage'),
  partOf: z.union([Iri, z.object({ id: Iri })]).optional(),
  startIndex: z.number().int().nonnegative().optional(),
  next: Iri.optional(),
  prev: Iri.optional(),
  items: z.array(Annotation),
});
const AnnotationCollection = z.strictObject({
  '@context': z.union([z.literal(ANNOTATION_CONTEXT), z.array(z.unknown()).refine((a) => a.includes(ANNOTATION_CONTEXT), 'context must include anno.jsonld')]),
  id: Iri,
  type: typeIncluding('AnnotationCollection'),
  label: z.string().min(1),
  total: z.number().int().nonnegative(),
  first: z.union([Iri, AnnotationPage]),
  last: Iri.optional(),
});

// ------------------------------------------------------------------------------------------------

const isText = (b: TextualBody | LinkBody): b is TextualBody => b.type === 'TextualBody';
const texts = (a: WebAnnotation, purpose: string) => a.body.filter(isText).filter((b) => b.purpose === purpose).map((b) => b.value);
const links = (a: WebAnnotation) => a.body.filter((b): b is LinkBody => b.type === 'SpecificResource');
const byClaim = (items: WebAnnotation[], claimId: string) => items.find((a) => a.id.endsWith(`/claim/${claimId}`))!;

describe('renderWebAnnotations conformance', () => {
  it('conforms to the Web Annotation Data Model (collection, page and every annotation)', () => {
    const out = renderWebAnnotations(model());
    const result = AnnotationCollection.safeParse(out);
    expect(result.success ? 'ok' : result.error.issues).toBe('ok');
    for (const a of out.first.items) {
      const r = Annotation.safeParse(a);
      expect(r.success ? 'ok' : r.error.issues).toBe('ok');
    }
  });

  it('survives JSON serialisation unchanged and still conforms', () => {
    const m = model();
    const parsed: unknown = JSON.parse(renderWebAnnotationsJson(m));
    expect(parsed).toEqual(renderWebAnnotations(m));
    expect(AnnotationCollection.safeParse(parsed).success).toBe(true);
  });

  it('the check itself refuses what the model forbids', () => {
    const good = renderWebAnnotations(model()).first.items[0]!;
    expect(Annotation.safeParse(good).success).toBe(true);
    expect(Annotation.safeParse({ ...good, id: 'not an iri' }).success).toBe(false);
    expect(Annotation.safeParse({ ...good, motivation: 'fact-checking' }).success).toBe(false);
    expect(Annotation.safeParse({ ...good, target: { selector: good.target.selector } }).success).toBe(false);
    expect(Annotation.safeParse({ ...good, target: { ...good.target, selector: [{ type: 'TextQuoteSelector', prefix: 'x' }] } }).success).toBe(false);
    expect(Annotation.safeParse({ ...good, body: [{ type: 'TextualBody', purpose: 'assessing' }] }).success).toBe(false);
    expect(Annotation.safeParse({ ...good, stance: 'supports' }).success).toBe(false);
  });
});

describe('renderWebAnnotations content', () => {
  it('makes a collection with one page holding one annotation per claim, orphans last', () => {
    const m = model();
    const out = renderWebAnnotations(m);
    expect(out['@context']).toBe('http://www.w3.org/ns/anno.jsonld');
    expect(out.type).toBe('AnnotationCollection');
    expect(out.id).toBe('tag:claimdesk,2026:article/sample-article-1/annotations');
    expect(out.label).toBe(`Claims in “${m.article.meta.title}”`);
    expect(out.total).toBe(4);
    expect(out.first.items.map((a) => a.id)).toEqual(
      ['claim-vague', 'claim-named', 'claim-none', 'claim-orphan'].map((id) => `tag:claimdesk,2026:article/sample-article-1/claim/${id}`),
    );
    expect(out.first.partOf).toBe(out.id);
    expect(out.last).toBe(out.first.id);
    expect(new Set(out.first.items.map((a) => a.id)).size).toBe(4);

    const named = renderWebAnnotations(m, { collectionId: 'https://desk.example/annos/42' });
    expect(named.id).toBe('https://desk.example/annos/42');
    expect(named.first.id).toBe('https://desk.example/annos/42#page-1');
  });

  it('targets the article with a quote selector and a position selector that agree with its text', () => {
    const m = model();
    const items = renderWebAnnotations(m).first.items;
    for (const [i, claim] of m.claims.entries()) {
      const a = items[i]!;
      expect(a.target.source).toBe('https://example.org/tartous');
      const [quote, position] = a.target.selector;
      expect(quote).toMatchObject({ type: 'TextQuoteSelector', exact: claim.quote });
      expect(position).toEqual({ type: 'TextPositionSelector', start: claim.start, end: claim.end });
      if (quote?.type !== 'TextQuoteSelector') throw new Error('quote first');
      expect(m.text.slice(claim.start!, claim.end!)).toBe(quote.exact);
      expect(m.text.slice(0, claim.start!).endsWith(quote.prefix ?? '')).toBe(true);
      expect(m.text.slice(claim.end!).startsWith(quote.suffix ?? '')).toBe(true);
      expect((quote.prefix ?? '').length).toBeLessThanOrEqual(32);
    }
  });

  it('uses a tag URI as the source for an article without a URL', () => {
    const m = model();
    m.article = { ...m.article, meta: { ...m.article.meta, url: '' } };
    const out = renderWebAnnotations(m);
    for (const a of out.first.items) expect(a.target.source).toBe('tag:claimdesk,2026:article/sample-article-1');
    expect(AnnotationCollection.safeParse(out).success).toBe(true);
  });

  it('keeps an orphaned claim with only its quote and a note saying so', () => {
    const orphan = byClaim(renderWebAnnotations(model()).first.items, 'claim-orphan');
    expect(orphan.target.selector).toEqual([{ type: 'TextQuoteSelector', exact: 'HTS has committed to safeguarding' }]);
    expect(texts(orphan, 'describing').some((t) => t.startsWith('Orphaned:'))).toBe(true);
    expect(orphan.motivation).toBe('questioning');
  });

  it('assesses with the verdict, describes status, rationale and attribution', () => {
    const items = renderWebAnnotations(model()).first.items;
    const named = byClaim(items, 'claim-named');
    expect(named.motivation).toBe('assessing');
    expect(texts(named, 'assessing')).toEqual(['Mostly true']);
    expect(texts(named, 'describing')).toEqual([
      'Status: Done. Confidence: medium.',
      'SOHR reported three gunmen killed; no independent count.',
      'Attribution: named: Syrian Observatory for Human Rights (NGO or monitor); cue “reported”.',
      'Evidence: supports: SOHR: clashes near Tartous.',
    ]);
    const vague = byClaim(items, 'claim-vague');
    expect(texts(vague, 'assessing')).toEqual(['Unverifiable']);
    expect(texts(vague, 'describing')).toContain('Attribution: vague; cue “Reports indicate”.');
    expect(texts(byClaim(items, 'claim-none'), 'describing')).toContain('Attribution: none: the article gives no source.');
    expect(texts(byClaim(items, 'claim-orphan'), 'assessing')).toEqual([]);
  });

  it('links the traced original and each evidence item, with the quoted words as a selector', () => {
    const items = renderWebAnnotations(model()).first.items;
    expect(links(byClaim(items, 'claim-named'))).toEqual([
      { type: 'SpecificResource', purpose: 'linking', source: { id: 'https://www.syriahr.com/en/', type: 'Text', title: 'SOHR' } },
      {
        type: 'SpecificResource',
        purpose: 'linking',
        source: { id: 'https://www.syriahr.com/en/352000/', type: 'Text', title: 'SOHR: clashes near Tartous' },
        selector: { type: 'TextQuoteSelector', exact: 'three gunmen' },
      },
    ]);
    const none = links(byClaim(items, 'claim-none'));
    expect(none).toHaveLength(1);
    expect(none[0]!.selector).toBeUndefined();
  });

  it('adds comments as commenting bodies with their author and time, unless comments are left out', () => {
    const named = byClaim(renderWebAnnotations(model()).first.items, 'claim-named');
    const comments = named.body.filter(isText).filter((b) => b.purpose === 'commenting');
    expect(comments).toEqual([
      { type: 'TextualBody', purpose: 'commenting', value: 'Check the Arabic page for the later toll.', format: 'text/plain', creator: { type: 'Person', name: 'Ben Second' }, created: '2026-11-28T09:10:00.000Z' },
    ]);
    expect(texts(byClaim(renderWebAnnotations(model(false)).first.items, 'claim-named'), 'commenting')).toEqual([]);
  });

  it('records creator, created, modified and the generator', () => {
    const m = model();
    const named = byClaim(renderWebAnnotations(m).first.items, 'claim-named');
    expect(named.creator).toEqual({ type: 'Person', name: 'Ana Reviewer' });
    expect(named.created).toBe('2026-11-28T09:00:00.000Z');
    expect(named.modified).toBe(m.claims[1]!.data.updatedAt);
    expect(named.generator).toEqual({ type: 'Software', name: 'Claimdesk' });
    expect(named.generated).toBe('2026-11-28T10:00:00.000Z');
  });

  it('makes an empty collection for an article without claims', () => {
    const m = model();
    m.claims = [];
    m.orphaned = [];
    const out = renderWebAnnotations(m);
    expect(out.total).toBe(0);
    expect(out.first.items).toEqual([]);
    expect(AnnotationCollection.safeParse(out).success).toBe(true);
  });
});
