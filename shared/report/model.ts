/**
 * Everything a report shows, computed once from the stored article: its text as plain blocks with
 * offsets, claims numbered in document order (orphans apart), the summary and the reviewers. The HTML,
 * Markdown, CSV and JSON-LD renderers only format this; none of them reads the ProseMirror document.
 */
import type { Node } from 'prosemirror-model';
import { articleSchema, isSafeHref } from '../doc/schema';
import type { ArticleRecord } from '../schema/article';
import type { AuditEvent } from '../schema/audit';
import { isDone } from './summary';
import { NO_VERDICT_LABEL } from './wording';
import { changesSinceFirstSeen, type ChangesSinceFirstSeen } from './versionChanges';
import { isWeakSourcing, STATUSES, type ClaimData, type ClaimStatus } from '../schema/claim';

export type ReportOptions = { includeComments: boolean; includeAudit: boolean };
export const DEFAULT_REPORT_OPTIONS: ReportOptions = { includeComments: true, includeAudit: false };

/** Inline formatting inside a block, as offsets relative to the block's text. */
export type InlineStyle = { from: number; to: number; kind: 'em' | 'strong' | 'link'; href?: string };

export type ReportBlock =
  | { kind: 'title' | 'paragraph' | 'caption' | 'quote' | 'bullet' | 'ordered'; start: number; text: string; styles: InlineStyle[] }
  | { kind: 'heading'; level: number; start: number; text: string; styles: InlineStyle[] }
  | { kind: 'rule' };

export type ReportClaim = {
  id: string;
  /** 1-based, in document order; null for an orphaned claim. */
  number: number | null;
  quote: string;
  /** Offsets in the article's plain text; null for an orphaned claim. */
  start: number | null;
  end: number | null;
  orphaned: boolean;
  data: ClaimData;
};

export type ReportModel = {
  article: Pick<ArticleRecord, 'id' | 'meta' | 'importedAt' | 'updatedAt' | 'origin' | 'revision'>;
  text: string;
  blocks: ReportBlock[];
  claims: ReportClaim[];
  orphaned: ReportClaim[];
  summary: {
    /** Per verdict label (the desk's scale, then others found, then "No verdict yet"): done claims apart from the rest. */
    byVerdict: { verdict: string; done: number; notDone: number }[];
    byStatus: { status: ClaimStatus; count: number }[];
    weakSourcing: ReportClaim[];
  };
  reviewers: string[];
  /** What later versions changed since the desk first saw the article; null while it has one version. */
  changes: ChangesSinceFirstSeen | null;
  audit: AuditEvent[] | null;
  scale: string[];
  deskName: string;
  generatedAt: string;
  generatedBy: string;
  options: ReportOptions;
};

function blockKind(node: Node, ancestors: Node[]): ReportBlock['kind'] {
  if (node.type.name === 'title') return 'title';
  if (node.type.name === 'heading') return 'heading';
  if (node.type.name === 'caption') return 'caption';
  for (let i = ancestors.length - 1; i >= 0; i--) {
    const name = ancestors[i]!.type.name;
    if (name === 'blockquote') return 'quote';
    if (name === 'bullet_list') return 'bullet';
    if (name === 'ordered_list') return 'ordered';
  }
  return 'paragraph';
}

function inlineStyles(block: Node): InlineStyle[] {
  const styles: InlineStyle[] = [];
  let offset = 0;
  block.forEach((child) => {
    const len = child.isText ? child.text!.length : child.type.name === 'hard_break' ? 1 : 0;
    for (const mark of child.marks) {
      const kind = mark.type.name;
      if (kind === 'em' || kind === 'strong') styles.push({ from: offset, to: offset + len, kind });
      if (kind === 'link' && isSafeHref(mark.attrs.href)) styles.push({ from: offset, to: offset + len, kind, href: String(mark.attrs.href) });
    }
    offset += len;
  });
  return styles;
}

/** The article's blocks with their offsets into the plain text (blocks joined by a blank line). */
export function reportBlocks(doc: Node): { blocks: ReportBlock[]; text: string } {
  const blocks: ReportBlock[] = [];
  const texts: string[] = [];
  let offset = 0;
  const walk = (node: Node, ancestors: Node[]) => {
    node.forEach((child) => {
      if (child.isTextblock) {
        const text = child.textBetween(0, child.content.size, '', '\n');
        if (texts.length > 0) offset += 2;
        const kind = blockKind(child, ancestors);
        const styles = inlineStyles(child);
        blocks.push(kind === 'heading' ? { kind, level: Number(child.attrs.level) || 2, start: offset, text, styles } : { kind, start: offset, text, styles });
        texts.push(text);
        offset += text.length;
      } else if (child.type.name === 'horizontal_rule') {
        blocks.push({ kind: 'rule' });
      } else {
        walk(child, [...ancestors, child]);
      }
    });
  };
  walk(doc, []);
  return { blocks, text: texts.join('\n\n') };
}

export type ReportContext = {
  scale: readonly string[];
  deskName: string;
  generatedBy: string;
  generatedAt: string;
};

export function buildReportModel(article: ArticleRecord, ctx: ReportContext, options: ReportOptions = DEFAULT_REPORT_OPTIONS): ReportModel {
  const { blocks, text } = reportBlocks(articleSchema.nodeFromJSON(article.doc));
  const placed: ReportClaim[] = [];
  const orphaned: ReportClaim[] = [];
  for (const c of article.claims) {
    const base = { id: c.data.id, quote: c.target.quote.exact, data: c.data };
    if (c.target.orphaned) orphaned.push({ ...base, number: null, start: null, end: null, orphaned: true });
    else placed.push({ ...base, number: 0, start: c.target.position.start, end: c.target.position.end, orphaned: false });
  }
  placed.sort((a, b) => a.start! - b.start! || b.end! - a.end!);
  placed.forEach((c, i) => (c.number = i + 1));
  const all = [...placed, ...orphaned];

  // Only a done claim's verdict is the desk's finding; the others are counted apart, never mixed in.
  const verdicts = new Map<string, { done: number; notDone: number }>(ctx.scale.map((l) => [l, { done: 0, notDone: 0 }]));
  const none = { done: 0, notDone: 0 };
  for (const c of all) {
    const v = c.data.verification.verdict;
    let counts = v === null ? none : verdicts.get(v);
    if (!counts) verdicts.set(v!, (counts = { done: 0, notDone: 0 }));
    if (isDone(c)) counts.done += 1;
    else counts.notDone += 1;
  }
  const byVerdict = [...verdicts.entries()].map(([verdict, counts]) => ({ verdict, ...counts }));
  byVerdict.push({ verdict: NO_VERDICT_LABEL, ...none });
  const byStatus = STATUSES.map((status) => ({ status, count: all.filter((c) => c.data.verification.status === status).length }));

  const reviewers = new Set<string>();
  for (const c of all) {
    reviewers.add(c.data.createdBy);
    reviewers.add(c.data.updatedBy);
    for (const comment of c.data.comments) reviewers.add(comment.author);
  }
  for (const e of article.audit) if (e.action !== 'import' && e.action !== 'edit_text') reviewers.add(e.who);
  reviewers.delete('');

  const { id, meta, importedAt, updatedAt, origin, revision } = article;
  return {
    article: { id, meta, importedAt, updatedAt, origin, revision },
    text,
    blocks,
    claims: placed,
    orphaned,
    summary: { byVerdict, byStatus, weakSourcing: all.filter((c) => isWeakSourcing(c.data.attribution.kind)) },
    reviewers: [...reviewers].sort((a, b) => a.localeCompare(b)),
    changes: changesSinceFirstSeen(article),
    audit: options.includeAudit ? article.audit : null,
    scale: [...ctx.scale],
    deskName: ctx.deskName,
    generatedAt: ctx.generatedAt,
    generatedBy: ctx.generatedBy,
    options,
  };
}
