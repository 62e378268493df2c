/** A realistic annotated article for report tests: the sample with three claims, evidence, comments and audit. */
import { createHash } from 'node:crypto';
import { firstVersion } from '../versions/firstVersion';
import { carryClaims } from '../versions/carryClaims';
import { noDetection } from '../schema/detection';
import { readFileSync } from 'node:fs';
import { articleFromText } from '../doc/fromText';
import { articleSchema } from '../doc/schema';
import { countWords, docPlainText } from '../doc/plainText';
import { selectorsFor } from '../anchor/selectors';
import type { ArticleRecord } from '../schema/article';
import { DEFAULT_RATING_SCALE, newClaimData, type Claim, type ClaimData } from '../schema/claim';
import type { ReportModel } from './model';
import { noExchange } from '../schema/exchange';

export const sampleText = readFileSync(new URL('../../data/tartous-ambush.txt', import.meta.url), 'utf8');

export function claimOn(text: string, words: string, id: string, change: (d: ClaimData) => ClaimData = (d) => d): Claim {
  const start = text.indexOf(words);
  if (start < 0) throw new Error(`not in text: ${words}`);
  const { quote, position } = selectorsFor(text, start, start + words.length);
  return { data: change(newClaimData(id, 'Ana Reviewer', '2026-11-28T09:00:00.000Z')), target: { quote, position, orphaned: false } };
}

export function annotatedSample(): ArticleRecord {
  const parsed = articleFromText(sampleText, 'text');
  const text = docPlainText(articleSchema.nodeFromJSON(parsed.doc));
  const named = claimOn(text, 'three unidentified “armed men” lost their lives during the clashes', 'claim-named', (d) => ({
    ...d,
    attribution: { sourceName: 'Syrian Observatory for Human Rights', sourceKind: 'ngo_monitor', kind: 'named', cue: 'reported', traced: { url: 'https://www.syriahr.com/en/', title: 'SOHR', publisher: 'SOHR', date: '2024-12-26', archivedUrl: '' } },
    verification: {
      status: 'done',
      verdict: 'Mostly true',
      confidence: 'medium',
      rationale: 'SOHR reported three gunmen killed; no independent count.',
      evidence: [{ id: 'ev-0001', url: 'https://www.syriahr.com/en/352000/', title: 'SOHR: clashes near Tartous', publisher: 'SOHR', accessedAt: '2026-11-28', quote: 'three gunmen', stance: 'supports' }],
      secondReview: { requestedBy: 'Ana Reviewer', requestedAt: '2026-11-28T09:08:00.000Z', signedOffBy: 'Ben Second', signedOffAt: '2026-11-28T09:12:00.000Z' },
    },
    comments: [{ id: 'cm-0001', author: 'Ben Second', at: '2026-11-28T09:10:00.000Z', text: 'Check the Arabic page for the later toll.' }],
    updatedBy: 'Ben Second',
  }));
  const vague = claimOn(text, 'ten additional troops sustained injuries during the clashes on Tuesday', 'claim-vague', (d) => ({
    ...d,
    attribution: { ...d.attribution, kind: 'vague', cue: 'Reports indicate' },
    verification: { ...d.verification, status: 'in_progress', verdict: 'Unverifiable' },
  }));
  const none = claimOn(text, 'Assad and his family have sought refuge in Russia', 'claim-none', (d) => ({
    ...d,
    verification: {
      ...d.verification,
      status: 'done',
      verdict: 'True',
      evidence: [{ id: 'ev-0002', url: 'https://www.bbc.com/news/world-middle-east', title: 'Kremlin confirms asylum', publisher: 'BBC', accessedAt: '2026-11-28', quote: '', stance: 'supports' }],
    },
  }));
  const orphan: Claim = { ...claimOn(text, 'HTS has committed to safeguarding', 'claim-orphan'), target: { ...claimOn(text, 'HTS has committed to safeguarding', 'x').target, orphaned: true } };
  const stamp = '2026-11-28T08:50:00.000Z';
  const imported = {
    meta: { title: parsed.meta.title, publisher: 'Example News', byline: 'Staff', publishedAt: '2024-12-26', modifiedAt: '', url: 'https://example.org/tartous', language: 'en' },
    origin: { kind: 'file' as const, fileName: 'tartous-ambush.txt' },
    importedAt: stamp,
    doc: parsed.doc,
    removedOnImport: parsed.removed,
  };
  return {
    id: 'sample-article-1',
    ...imported,
    updatedAt: '2026-11-28T09:20:00.000Z',
    revision: 12,
    claims: [none, vague, named, orphan],
    exchange: noExchange(),
    versions: [firstVersion(imported, 'Ana Reviewer', createHash('sha256').update(text, 'utf8').digest('hex'), countWords(text))],
    detection: noDetection(),
    audit: [
      { id: 'au-0001', at: stamp, who: 'Ana Reviewer', action: 'import', new: 'tartous-ambush.txt' },
      { id: 'au-0002', at: '2026-11-28T09:05:00.000Z', who: 'Ana Reviewer', action: 'claim_updated', claimId: 'claim-named', field: 'verification.verdict', old: null, new: 'Mostly true' },
    ],
  };
}

/** A hand-made report model for renderer tests: the given text, blocks and claims, everything else empty. */
export function tinyReportModel(parts: Pick<ReportModel, 'text' | 'blocks' | 'claims'>): ReportModel {
  const at = '2026-01-01T00:00:00.000Z';
  return {
    article: { id: 'tiny-article', meta: { title: 'Tiny', publisher: '', byline: '', publishedAt: '', modifiedAt: '', url: '', language: '' }, importedAt: at, updatedAt: at, origin: { kind: 'paste' }, revision: 1 },
    ...parts,
    orphaned: [],
    summary: { byVerdict: [], byStatus: [], weakSourcing: [] },
    reviewers: [],
    changes: null,
    audit: null,
    scale: [...DEFAULT_RATING_SCALE],
    deskName: '',
    generatedAt: at,
    generatedBy: '',
    options: { includeComments: true, includeAudit: false },
  };
}

/** One later version of the sample: the sample text with replacements, as `carryClaims` carries the claims onto it. */
export type SampleEdit = { importedAt: string; importedBy: string; origin: ArticleRecord['origin']; replace: [string, string][] };

/**
 * The annotated sample with more versions, each made from the raw sample text by `replace`, with the
 * claims carried onto each new text in turn; the article's text and claims are those of the last.
 */
export function versionedSample(edits: SampleEdit[]): ArticleRecord {
  const article = annotatedSample();
  let raw = sampleText;
  let text = docPlainText(articleSchema.nodeFromJSON(article.doc));
  let claims = article.claims;
  for (const edit of edits) {
    for (const [from, to] of edit.replace) {
      if (!raw.includes(from)) throw new Error(`not in text: ${from}`);
      raw = raw.split(from).join(to);
    }
    const parsed = articleFromText(raw, 'text');
    const next = docPlainText(articleSchema.nodeFromJSON(parsed.doc));
    const carry = carryClaims(text, next, claims);
    claims = carry.claims;
    text = next;
    const meta = { ...article.meta, title: parsed.meta.title };
    article.versions.push({
      number: article.versions.length + 1,
      hash: createHash('sha256').update(next, 'utf8').digest('hex'),
      wordCount: countWords(next),
      importedAt: edit.importedAt,
      importedBy: edit.importedBy,
      origin: edit.origin,
      meta,
      doc: parsed.doc,
      removedOnImport: parsed.removed,
      carried: carry.carried,
    });
    Object.assign(article, { doc: parsed.doc, meta, removedOnImport: parsed.removed, updatedAt: edit.importedAt });
  }
  article.claims = claims;
  return article;
}

/**
 * The sample as a publisher changed it twice: version 2 raises the gunmen's toll from three to five (a
 * claim's figure), drops the "Reports indicate" sentence about ten injured troops (a claim's attribution
 * sentence) and changes the troops' toll from 14 to 16 outside the claims; version 3 rewords the headline.
 */
export const STEALTH_EDITS: SampleEdit[] = [
  {
    importedAt: '2026-11-30T07:15:00.000Z',
    importedBy: 'Ana Reviewer',
    origin: { kind: 'file', fileName: 'tartous-ambush-updated.html' },
    replace: [
      ['three unidentified “armed men”', 'five unidentified “armed men”'],
      ['Reports indicate that ten additional troops sustained injuries during the clashes on Tuesday in proximity to the Mediterranean port of Tartous, a key stronghold for Assad’s minority Alawite Muslim sect.\n\n', ''],
      ['reported that 14 troops', 'reported that 16 troops'],
    ],
  },
  {
    importedAt: '2026-12-01T06:40:00.000Z',
    importedBy: 'Ben Second',
    origin: { kind: 'paste' },
    replace: [
      ['14 are killed by Assad supporters in a conflict with Syria’s new government', '16 security troops killed in ambush blamed on Assad loyalists'],
      ["14 are killed by Assad supporters in a conflict with Syria's new government", '16 security troops killed in ambush blamed on Assad loyalists'],
    ],
  },
];
