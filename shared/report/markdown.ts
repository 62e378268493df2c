/**
 * The report as Markdown (CommonMark, with GFM tables for the counts and the audit trail): the same
 * content as the HTML report.
 *
 * Claims in the article text: the claimed words are **bold**, and right after each claim's last word a
 * link marker `[\[N\]](#claim-N)` shows "[N]" and leads to the finding's heading "### Claim N" (GitHub,
 * GitLab, VS Code and most viewers give that heading the anchor `claim-N`; elsewhere the marker is still a
 * visible number). Plain bold and links render in every common Markdown viewer, unlike `==mark==` or
 * footnotes. The article's own bold therefore is not distinguishable from a claim in the Markdown text;
 * the number markers and the findings are.
 *
 * Every user string goes through `displayText` then `escapeMarkdown`; link targets come only from
 * `safeHref`, written as `<…>` destinations. No raw HTML is emitted.
 */
import type { AuditEvent } from '../schema/audit';
import { ATTRIBUTION_KIND_LABELS, SOURCE_KIND_LABELS, type Comment } from '../schema/claim';
import { threadComments, type CommentThread } from '../claims/comments';
import { actionLabel, CONFIDENCE_LABELS, displayText, escapeMarkdown, formatDate, labelOf, safeHref, shortValue, secondReviewText, STANCE_LABELS } from './escape';
import { attributionPhrase, claimRefs, groupBlocks, segmentBlocks, shortQuote, statusLabel, verdictLabel, type Segment } from './html';
import type { ReportClaim, ReportModel } from './model';
import { summarySentence, VERDICT_COUNT_COLUMNS } from './summary';

type Refs = ReturnType<typeof claimRefs>;

const filled = (s: unknown) => typeof s === 'string' && displayText(s).trim() !== '';

/** A single-line user value: line breaks become spaces. */
function mdLine(s: unknown): string {
  return escapeMarkdown(
    displayText(s)
      .replace(/\s*[\r\n]+\s*/g, ' ')
      .trim(),
  );
}

/** A link destination from `safeHref` (no spaces, no angle brackets, no backslash), in `<…>` form. */
function dest(href: string): string {
  return `<${href.replace(/&(?=#?[A-Za-z0-9]+;)/g, '\\&')}>`;
}

function link(url: unknown, text?: unknown): string {
  const href = safeHref(url);
  const label = filled(text) ? text : url;
  if (href === null) return filled(text) && filled(url) ? `${mdLine(text)} (${mdLine(url)}, not linked)` : mdLine(label);
  return `[${mdLine(label)}](${dest(href)})`;
}

function date(value: unknown): string {
  return mdLine(formatDate(value).text);
}

/** User text as paragraphs (blank lines kept), line breaks as hard breaks, each line after the first prefixed. */
function paragraphs(s: unknown, prefix = ''): string {
  return displayText(s)
    .replace(/\r\n?/g, '\n')
    .split(/\n[ \t]*\n/)
    .map((p) => p.trim())
    .filter((p) => p !== '')
    .map((p) => prefix + escapeMarkdown(p).split('\n').join(`\\\n${prefix}`))
    .join(`\n${prefix.trimEnd()}\n`);
}

/** Wraps with an emphasis delimiter, keeping surrounding whitespace outside so the delimiters stay valid. */
function wrap(text: string, delim: string): string {
  const m = /^(\s*)([\s\S]*?)(\s*)$/.exec(text)!;
  return m[2] ? `${m[1]}${delim}${m[2]}${delim}${m[3]}` : text;
}

/** A block's text with claims in bold and `[N]` markers after each claim's end; `br` joins lines. */
function inlineMarkdown(segs: Segment[], text: string, refs: Refs, br: string): string {
  let out = '';
  let offset = 0;
  let chunk: { href: string | null; runs: { bold: boolean; em: boolean; text: string }[] } | null = null;
  const flush = () => {
    if (!chunk) return;
    const inner = chunk.runs.map((r) => {
      let t = r.text;
      if (r.em) t = wrap(t, '*');
      if (r.bold) t = wrap(t, '**');
      return t;
    });
    const body = inner.join('').split('\n').join(br);
    if (chunk.href !== null && body.trim() !== '') {
      const m = /^(\s*)([\s\S]*?)(\s*)$/.exec(body)!;
      out += `${m[1]}[${m[2]}](${dest(chunk.href)})${m[3]}`;
    } else out += body;
    chunk = null;
  };
  for (const seg of segs) {
    const lineStart = offset === 0 || text[offset - 1] === '\n';
    offset += seg.text.length;
    const escaped = escapeMarkdown(displayText(seg.text), { lineStart });
    const bold = seg.claims.length > 0 || seg.strong;
    if (!chunk || chunk.href !== seg.href) {
      flush();
      chunk = { href: seg.href, runs: [] };
    }
    const last = chunk.runs.at(-1);
    if (last && last.bold === bold && last.em === seg.em) last.text += escaped;
    else chunk.runs.push({ bold, em: seg.em, text: escaped });
    if (seg.ends.length > 0) {
      flush();
      out += seg.ends.map((c) => `[\\[${refs.of(c).label}\\]](#${refs.of(c).anchor})`).join('');
    }
  }
  flush();
  return out;
}

function articleText(model: ReportModel, refs: Refs): string {
  const segments = segmentBlocks(model);
  const inline = (i: number, br: string) => {
    const b = model.blocks[i]!;
    return b.kind === 'rule' ? '' : inlineMarkdown(segments.get(i) ?? [], String(b.text), refs, br);
  };
  const out: string[] = [];
  for (const g of groupBlocks(model.blocks)) {
    if (g.kind === 'bullet') {
      const items = g.items.map((i) => inline(i, '\\\n  ')).filter((t) => t.trim() !== '');
      if (items.length) out.push(items.map((t) => `- ${t}`).join('\n'));
    } else if (g.kind === 'ordered') {
      const items = g.items.map((i) => inline(i, '\\\n    ')).filter((t) => t.trim() !== '');
      if (items.length) out.push(items.map((t, n) => `${n + 1}.${' '.repeat(Math.max(1, 3 - String(n + 1).length))}${t}`).join('\n'));
    } else if (g.kind === 'quote') {
      const paras = g.items.map((i) => inline(i, '\\\n> ')).filter((t) => t.trim() !== '');
      if (paras.length) out.push(paras.map((t) => `> ${t}`).join('\n>\n'));
    } else {
      const b = model.blocks[g.index]!;
      if (b.kind === 'rule') {
        out.push('---');
        continue;
      }
      const heading = b.kind === 'title' ? 3 : b.kind === 'heading' ? Math.min(6, Math.max(4, Math.round(Number(b.level) || 2) + 2)) : 0;
      const t = inline(g.index, heading ? ' ' : '\\\n');
      if (t.trim() === '') continue;
      // A caption reads as one in any Markdown viewer: italic, marked as such.
      out.push(heading ? `${'#'.repeat(heading)} ${t}` : b.kind === 'caption' ? `*Caption:* ${t}` : t);
    }
  }
  return out.join('\n\n');
}

function finding(c: ReportClaim, refs: Refs, model: ReportModel): string {
  const r = refs.of(c);
  const d = c.data;
  const v = d?.verification;
  const a = d?.attribution;
  const out: string[] = [`### ${r.title}`];
  if (c.orphaned) out.push('*The words of this claim are no longer in the article text; it is kept with the words it last had.*');
  out.push(paragraphs(c.quote, '> ') || '> (no words recorded)');
  const facts = [
    `- **Verdict:** ${mdLine(verdictLabel(v?.verdict))}`,
    `- **Confidence:** ${v?.confidence ? mdLine(labelOf(CONFIDENCE_LABELS, v.confidence)) : 'Not set'}`,
    `- **Status:** ${mdLine(statusLabel(v?.status))}`,
  ];
  const second = secondReviewText(v?.secondReview);
  if (second) facts.push(`- **Second review:** ${mdLine(second)}`);
  if (a) {
    const kind = a.sourceKind === 'none' ? '' : ` (${mdLine(labelOf(SOURCE_KIND_LABELS, a.sourceKind))})`;
    facts.push(`- **Source:** ${filled(a.sourceName) ? mdLine(a.sourceName) : 'None given'}${kind}`);
    facts.push(`- **Attribution:** ${mdLine(labelOf(ATTRIBUTION_KIND_LABELS, a.kind))}${filled(a.cue) ? ` — cue: “${mdLine(a.cue)}”` : ''}`);
    const t = a.traced;
    const bits: string[] = [];
    if (t) {
      if (filled(t.url) || filled(t.title)) bits.push(filled(t.url) ? link(t.url, t.title) : mdLine(t.title));
      if (filled(t.publisher)) bits.push(mdLine(t.publisher));
      if (filled(t.date)) bits.push(date(t.date));
      if (filled(t.archivedUrl)) bits.push(`archived copy: ${link(t.archivedUrl)}`);
    }
    facts.push(`- **Traced original:** ${bits.length ? bits.join(' · ') : 'Not traced'}`);
  }
  out.push(facts.join('\n'));
  out.push('#### Rationale');
  out.push(filled(v?.rationale) ? paragraphs(v?.rationale) : '*No rationale written yet.*');
  const evidence = Array.isArray(v?.evidence) ? v.evidence : [];
  out.push(`#### Evidence${evidence.length ? ` (${evidence.length})` : ''}`);
  if (evidence.length === 0) out.push('*No evidence recorded.*');
  else
    out.push(
      evidence
        .map((e, i) => {
          const bits = [`**${mdLine(labelOf(STANCE_LABELS, e.stance)) || 'Unknown'}:** ${link(e.url, e.title)}`];
          if (filled(e.publisher)) bits.push(mdLine(e.publisher));
          if (filled(e.accessedAt)) bits.push(`accessed ${date(e.accessedAt)}`);
          const indent = ' '.repeat(String(i + 1).length + 2);
          const quote = filled(e.quote) ? `\n\n${paragraphs(e.quote, `${indent}> `)}` : '';
          return `${i + 1}. ${bits.join(' · ')}${quote}`;
        })
        .join('\n\n'),
    );
  const comments = Array.isArray(d?.comments) ? d.comments : [];
  if (model.options?.includeComments && comments.length > 0) {
    out.push(`#### Comments (${comments.length})`);
    const head = (m: Comment, parentDeleted: boolean) =>
      `**${mdLine(m.author) || 'Unknown'}**, ${date(m.at)}${m.editedAt ? ` (edited ${date(m.editedAt)})` : ''}${parentDeleted ? ', reply to a deleted comment' : ''}:`;
    // Replies are a nested list under the comment they answer.
    const thread = (t: CommentThread) =>
      [`- ${head(t.comment, t.parentDeleted)}\n\n${paragraphs(t.comment.text, '  ')}`, ...t.replies.map((r) => `  - ${head(r, false)}\n\n${paragraphs(r.text, '    ')}`)].join('\n\n');
    out.push(threadComments(comments).map(thread).join('\n\n'));
  }
  if (d) out.push(`Marked by ${mdLine(d.createdBy)} on ${date(d.createdAt)}; last change by ${mdLine(d.updatedBy)} on ${date(d.updatedAt)}.`);
  return out.join('\n\n');
}

/** A table cell: one line, pipes escaped (escapeMarkdown does), never empty. */
const cell = (s: string) => (s.trim() === '' ? ' ' : s);

function audit(events: AuditEvent[], refs: Refs): string {
  const out = ['## Appendix: Audit trail'];
  if (events.length === 0) {
    out.push('*No recorded changes.*');
    return out.join('\n\n');
  }
  const rows = events.map((e) => {
    const r = refs.byId(e.claimId);
    const claim = r ? `[${r.label}](#${r.anchor})` : filled(e.claimId) ? mdLine(e.claimId) : '';
    const hasOld = e.old !== undefined;
    const hasNew = e.new !== undefined;
    const change = hasOld || hasNew ? `${hasOld ? `${mdLine(shortValue(e.old))} → ` : ''}${mdLine(shortValue(e.new))}` : '';
    return `| ${[date(e.at), mdLine(e.who), mdLine(actionLabel(e.action)), claim, filled(e.field) ? mdLine(e.field) : '', change].map(cell).join(' | ')} |`;
  });
  out.push(['| Time | Who | Action | Claim | Field | Change (old → new) |', '| --- | --- | --- | ---: | --- | --- |', ...rows].join('\n'));
  return out.join('\n\n');
}

/** The report as Markdown. */
export function renderMarkdownReport(model: ReportModel): string {
  const refs = claimRefs(model);
  const m = model.article?.meta;
  const titleBlock = model.blocks.find((b) => b.kind === 'title');
  const rawTitle = filled(m?.title) ? m!.title : titleBlock && 'text' in titleBlock && filled(titleBlock.text) ? titleBlock.text : 'Untitled article';
  const out: string[] = [];
  out.push(`# ${mdLine(rawTitle)}`);
  out.push(`**Fact-check report**${filled(model.deskName) ? ` — ${mdLine(model.deskName)}` : ''}`);
  const meta: string[] = [];
  if (filled(m?.publisher)) meta.push(`- **Publisher:** ${mdLine(m!.publisher)}`);
  if (filled(m?.byline)) meta.push(`- **Byline:** ${mdLine(m!.byline)}`);
  if (filled(m?.publishedAt)) meta.push(`- **Published:** ${date(m!.publishedAt)}`);
  if (filled(m?.modifiedAt)) meta.push(`- **Updated by the publisher:** ${date(m!.modifiedAt)}`);
  if (filled(m?.url)) meta.push(`- **Address:** ${link(m!.url)}`);
  meta.push(`- **Imported:** ${date(model.article?.importedAt)}`);
  meta.push(`- **Last updated:** ${date(model.article?.updatedAt)}`);
  const reviewers = model.reviewers.filter(filled).map(mdLine);
  meta.push(`- **Reviewers:** ${reviewers.length ? reviewers.join(', ') : 'None yet'}`);
  meta.push(`- **Generated:** ${date(model.generatedAt)}${filled(model.generatedBy) ? ` by ${mdLine(model.generatedBy)}` : ''}`);
  out.push(meta.join('\n'));

  out.push('## Summary');
  out.push(escapeMarkdown(summarySentence(model)));
  out.push('### By verdict');
  out.push(
    [
      `| Verdict | ${VERDICT_COUNT_COLUMNS.done} | ${VERDICT_COUNT_COLUMNS.notDone} |`,
      '| --- | ---: | ---: |',
      ...model.summary.byVerdict.map((v) => `| ${cell(mdLine(v.verdict))} | ${Number(v.done) || 0} | ${Number(v.notDone) || 0} |`),
    ].join('\n'),
  );
  out.push('### By status');
  out.push(['| Status | Claims |', '| --- | ---: |', ...model.summary.byStatus.map((s) => `| ${cell(mdLine(statusLabel(s.status)))} | ${Number(s.count) || 0} |`)].join('\n'));
  out.push('### Weak sourcing');
  if (model.summary.weakSourcing.length === 0) out.push('No claim relies on vague or missing attribution.');
  else {
    out.push('Claims the article attributes vaguely (“reports indicate”) or not at all:');
    out.push(
      model.summary.weakSourcing
        .map((c) => {
          const r = refs.of(c);
          const a = c.data?.attribution;
          return `- [${r.title}](#${r.anchor}) — “${mdLine(shortQuote(c.quote))}” — ${mdLine(attributionPhrase(a?.kind))}${filled(a?.cue) ? ` (“${mdLine(a?.cue)}”)` : ''}`;
        })
        .join('\n'),
    );
  }

  // Article text
  out.push('## Article text');
  if (model.claims.length) out.push('Claimed passages are in **bold**, each followed by its number (for example \\[1\\]), which leads to its finding below.');
  const text = articleText(model, refs);
  if (text) out.push(text);

  // Findings
  out.push('## Findings');
  out.push(model.claims.length ? model.claims.map((c) => finding(c, refs, model)).join('\n\n') : '*No claims are marked in the text.*');
  if (model.orphaned.length) {
    out.push('## Orphaned claims');
    out.push('*These claims were recorded on words that have since been deleted from the article. They are listed apart, with the words they last had.*');
    out.push(model.orphaned.map((c) => finding(c, refs, model)).join('\n\n'));
  }
  if (Array.isArray(model.audit)) out.push(audit(model.audit, refs));
  out.push('---');
  out.push(`Generated ${date(model.generatedAt)}${filled(model.generatedBy) ? ` by ${mdLine(model.generatedBy)}` : ''} with Claimdesk. Article revision ${Number(model.article?.revision) || 0}.`);
  return `${out.join('\n\n')}\n`;
}
