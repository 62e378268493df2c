/**
 * What the readable reports show, decided once for the HTML report (and so the PDF) and the Markdown
 * report: the title and its fallback, the header rows, each finding's facts, the weak-sourcing list, the
 * audit rows and the changes since first seen, as renderer-neutral parts (./parts.ts) in the words of ./wording.ts. The renderers only
 * turn these into markup, and trust the model's types (buildReportModel is given a validated article).
 */
import { threadComments, type CommentThread } from '../claims/comments';
import { ATTRIBUTION_KIND_LABELS, SOURCE_KIND_LABELS, isWeakSourcing, type Evidence } from '../schema/claim';
import { CARRY_OUTCOME_LABELS } from '../schema/version';
import type { ClaimRef, ClaimRefs } from './claimRefs';
import { actionLabel, CONFIDENCE_LABELS, labelOf, shortValue, STANCE_LABELS } from './displayFormat';
import { displayText } from './escape';
import type { ReportClaim, ReportModel } from './model';
import type { ChangesSinceFirstSeen, ReportClaimChange, ReportTextChange, ReportVersion } from './versionChanges';
import { aside, date, filled, joined, link, missing, ref, text, value, type Part } from './parts';
import * as W from './wording';

/** The report's title: the article's headline, else its title block, else "Untitled article". */
export function reportTitle(model: Pick<ReportModel, 'article' | 'blocks'>): string {
  const block = model.blocks.find((b) => b.kind === 'title');
  const title = filled(model.article.meta.title) ? model.article.meta.title : block && block.kind === 'title' && filled(block.text) ? block.text : W.UNTITLED_ARTICLE;
  return displayText(title).trim();
}

export type Row = { key: string; label: string; parts: Part[] };
const ROW_LABELS = { ...W.META_LABELS, ...W.FACT_LABELS };
const row = (key: keyof typeof ROW_LABELS, parts: Part[]): Row => ({ key, label: ROW_LABELS[key], parts });

/** The header: the article's own facts, then the report's (desk, reviewers, generation). */
export function headerRows(model: ReportModel): { article: Row[]; report: Row[] } {
  const m = model.article.meta;
  const article: Row[] = [];
  if (filled(m.publisher)) article.push(row('publisher', [value(m.publisher)]));
  if (filled(m.byline)) article.push(row('byline', [value(m.byline)]));
  if (filled(m.publishedAt)) article.push(row('published', [date(m.publishedAt)]));
  if (filled(m.modifiedAt)) article.push(row('modified', [date(m.modifiedAt)]));
  if (filled(m.url)) article.push(row('address', [link(m.url)]));
  article.push(row('imported', [date(model.article.importedAt)]), row('updated', [date(model.article.updatedAt)]));
  const reviewers = model.reviewers.filter(filled);
  const report: Row[] = [
    // An unnamed desk is not given a made-up name: the desk line is left out.
    ...(filled(model.deskName) ? [row('desk', [value(model.deskName)])] : []),
    row('reviewers', reviewers.length ? joined(reviewers.map(value), ', ') : [missing(W.NOT_GIVEN.reviewers)]),
    row('generated', W.generated(model.generatedAt, model.generatedBy)),
  ];
  return { article, report };
}

export type EvidenceView = { stance: Evidence['stance']; stanceLabel: string; link: Part; meta: Part[]; quote: string };

export type FindingView = {
  ref: ClaimRef;
  verdict: string;
  status: string;
  orphanNote: string | null;
  quote: string;
  /** Verdict, confidence, status and second review. */
  verdictRows: Row[];
  /** Source, attribution and the traced original. */
  attributionRows: Row[];
  rationale: string | null;
  evidence: EvidenceView[];
  /** null when the report leaves comments out. */
  comments: CommentThread[] | null;
  commentCount: number;
  reviewed: Part[];
};

export function findingView(c: ReportClaim, refs: ClaimRefs, model: ReportModel): FindingView {
  const v = c.data.verification;
  const a = c.data.attribution;
  const verdict = W.verdictLabel(v.verdict);
  const status = W.statusLabel(v.status);
  const verdictRows = [
    row('verdict', [text(verdict)]),
    row('confidence', v.confidence ? [text(labelOf(CONFIDENCE_LABELS, v.confidence))] : [missing(W.NOT_GIVEN.confidence)]),
    row('status', [text(status)]),
  ];
  if (v.secondReview) verdictRows.push(row('secondReview', [text(W.secondReviewText(v.secondReview))]));
  const t = a.traced;
  const traced: Part[][] = [];
  if (filled(t.url) || filled(t.title)) traced.push(filled(t.url) ? [link(t.url, t.title)] : [value(t.title)]);
  if (filled(t.publisher)) traced.push([value(t.publisher)]);
  if (filled(t.date)) traced.push([date(t.date)]);
  if (filled(t.archivedUrl)) traced.push(W.archivedCopy(link(t.archivedUrl)));
  const attributionRows = [
    row('source', [filled(a.sourceName) ? value(a.sourceName) : missing(W.NOT_GIVEN.source), ...(a.sourceKind === 'none' ? [] : [aside(labelOf(SOURCE_KIND_LABELS, a.sourceKind))])]),
    row('attribution', [text(labelOf(ATTRIBUTION_KIND_LABELS, a.kind), isWeakSourcing(a.kind)), ...(filled(a.cue) ? W.cue(a.cue) : [])]),
    row('traced', traced.length ? joined(traced, ' · ') : [missing(W.NOT_GIVEN.traced)]),
  ];
  const evidence = v.evidence.map((e) => ({
    stance: e.stance,
    stanceLabel: labelOf(STANCE_LABELS, e.stance),
    link: link(e.url, e.title),
    meta: joined([...(filled(e.publisher) ? [[value(e.publisher)]] : []), ...(filled(e.accessedAt) ? [W.accessed(e.accessedAt)] : [])], ' · '),
    quote: e.quote,
  }));
  return {
    ref: refs.of(c),
    verdict,
    status,
    orphanNote: c.orphaned ? W.ORPHANED_NOTE : null,
    quote: c.quote,
    verdictRows,
    attributionRows,
    rationale: filled(v.rationale) ? v.rationale : null,
    evidence,
    comments: model.options.includeComments && c.data.comments.length > 0 ? threadComments(c.data.comments) : null,
    commentCount: c.data.comments.length,
    reviewed: W.reviewed(c.data),
  };
}

/** One line of the weak-sourcing list: the claim, a short form of its words, how it is attributed. */
export function weakSourcingItems(model: ReportModel, refs: ClaimRefs): Part[][] {
  return model.summary.weakSourcing.map((c) => [ref(refs.of(c)), ...W.weakSourcingItem(c.quote, c.data.attribution.kind, c.data.attribution.cue)]);
}

export type AuditRow = { at: string; who: string; action: string; claim: Part | null; field: string | null; old: string | null; new: string | null };

export function auditRows(events: NonNullable<ReportModel['audit']>, refs: ClaimRefs): AuditRow[] {
  return events.map((e) => {
    const r = refs.byId(e.claimId);
    return {
      at: e.at,
      who: e.who,
      action: actionLabel(e.action),
      claim: r ? ref(r, true) : filled(e.claimId) ? value(e.claimId) : null,
      field: filled(e.field) ? e.field : null,
      old: e.old === undefined ? null : shortValue(e.old),
      new: e.old === undefined && e.new === undefined ? null : shortValue(e.new),
    };
  });
}

export type ClaimChangeView = ReportClaimChange & {
  /** The claim's finding, or "A claim since deleted". */
  who: Part;
  outcomeLabel: string;
  /** "in version 2". */
  when: string;
};

export type ChangesView = {
  sentence: string;
  versions: (ReportVersion & { label: string; from: string })[];
  altered: { heading: string; items: ClaimChangeView[]; empty: string | null };
  /** Left out when no claim only moved. */
  moved: { heading: string; items: ClaimChangeView[] } | null;
  text: { heading: string; intro: string | null; items: ReportTextChange[]; empty: string | null; more: string | null };
};

/** "Changes since first seen" as both markups show it: which lists appear, under which words. */
export function changesView(c: ChangesSinceFirstSeen, refs: ClaimRefs): ChangesView {
  const item = (x: ReportClaimChange): ClaimChangeView => {
    const r = refs.byId(x.claimId);
    return { ...x, who: r ? ref(r) : text(W.CHANGES.deletedClaim), outcomeLabel: CARRY_OUTCOME_LABELS[x.outcome], when: W.inVersions(x.inVersions) };
  };
  return {
    sentence: W.changesSentence(c),
    versions: c.versions.map((v) => ({ ...v, label: v.current ? W.CHANGES.current(v.number) : String(v.number), from: W.originPhrase(v.origin) })),
    altered: { heading: W.CHANGES.altered, items: c.altered.map(item), empty: c.altered.length ? null : W.CHANGES.noAltered },
    moved: c.moved.length ? { heading: W.CHANGES.moved, items: c.moved.map(item) } : null,
    text: {
      heading: W.CHANGES.text,
      intro: c.text.length ? W.textChangesIntro(c.versions.at(-1)!.number) : null,
      items: c.text,
      empty: c.text.length ? null : W.CHANGES.noText,
      more: c.moreText > 0 ? W.moreChanges(c.moreText) : null,
    },
  };
}
