/**
 * The report as Markdown (CommonMark, with GFM tables for the counts and the audit trail): the same
 * content as the HTML report, decided in ./sections.ts and worded in ./wording.ts.
 *
 * Claims in the article text: the claimed words are **bold**, and right after each claim's last word a
 * link marker `[\[N\]](#claim-N)` shows "[N]" and leads to the finding's heading "### Claim N" (GitHub,
 * GitLab, VS Code and most viewers give that heading the anchor `claim-N`; elsewhere the marker is still a
 * visible number). Plain bold and links render in every common Markdown viewer, unlike `==mark==` or
 * footnotes. The article's own bold therefore is not distinguishable from a claim in the Markdown text;
 * the number markers and the findings are.
 *
 * Every string goes through `displayText` then `escapeMarkdown`; link targets come only from `safeHref`,
 * written as `<…>` destinations. No raw HTML is emitted.
 */
import type { Comment } from '../schema/claim';
import { CALLOUT_LABELS, type Callout } from '../versions/callouts';
import type { CommentThread } from '../claims/comments';
import { claimRefs, type ClaimRefs } from './claimRefs';
import { formatDate } from './displayFormat';
import { displayText, escapeMarkdown } from './escape';
import type { ReportClaim, ReportModel } from './model';
import type { LinkView, Part } from './parts';
import { auditRows, changesView, findingView, headerRows, reportTitle, weakSourcingItems, type ClaimChangeView, type Row } from './sections';
import { summarySentence, VERDICT_COUNT_COLUMNS } from './summary';
import { groupBlocks, segmentBlocks, type TextRun } from './textRuns';
import type { ChangesSinceFirstSeen, ReportTextChange, WordRun } from './versionChanges';
import * as W from './wording';

/** A single-line value: line breaks become spaces. */
function mdLine(s: string): string {
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

function linkMd(l: LinkView): string {
  if (l.kind === 'plain') return mdLine(l.text);
  if (l.kind === 'unlinked') return `${mdLine(l.label)} ${parts(W.notLinked({ kind: 'value', text: l.url }))}`;
  return `[${mdLine(l.label)}](${dest(l.href)})`;
}

function part(p: Part): string {
  switch (p.kind) {
    case 'text':
    case 'value':
    case 'missing':
      return mdLine(p.text);
    case 'date':
      return mdLine(formatDate(p.value).text);
    case 'link':
      return linkMd(p.link);
    case 'aside':
      return ` (${mdLine(p.text)})`;
    case 'ref':
      return `[${p.short ? p.ref.label : p.ref.title}](#${p.ref.anchor})`;
  }
}

// A phrase's own spaces around its values are kept; mdLine alone would trim them.
const parts = (ps: readonly Part[]) => ps.map((p) => (p.kind === 'text' ? keepSpaces(p.text) : part(p))).join('');
/** One line of text whose spaces at either end are kept (as one space each: a line break or an indent would start a block). */
const keepSpaces = (t: string) => {
  const m = /^(\s*)([\s\S]*?)(\s*)$/.exec(t)!;
  return `${m[1] ? ' ' : ''}${mdLine(m[2]!)}${m[3] ? ' ' : ''}`;
};

const date = (value: string) => mdLine(formatDate(value).text);

/** Text as paragraphs (blank lines kept), line breaks as hard breaks, each line after the first prefixed. */
function paragraphs(s: string, prefix = ''): string {
  return displayText(s)
    .replace(/\r\n?/g, '\n')
    .split(/\n[ \t]*\n/)
    .map((p) => p.trim())
    .filter((p) => p !== '')
    .map((p) => prefix + escapeMarkdown(p).split('\n').join(`\\\n${prefix}`))
    .join(`\n${prefix.trimEnd()}\n`);
}

const bullets = (rows: Row[]) => rows.map((r) => `- **${mdLine(r.label)}:** ${parts(r.parts)}`).join('\n');

/** Wraps with an emphasis delimiter, keeping surrounding whitespace outside so the delimiters stay valid. */
function wrap(text: string, delim: string): string {
  const m = /^(\s*)([\s\S]*?)(\s*)$/.exec(text)!;
  return m[2] ? `${m[1]}${delim}${m[2]}${delim}${m[3]}` : text;
}

/** A block's text with claims in bold and `[N]` markers after each claim's end; `br` joins lines. */
function inlineMarkdown(runs: TextRun[], text: string, refs: ClaimRefs, br: string): string {
  let out = '';
  let offset = 0;
  let chunk: { href: string | null; runs: { bold: boolean; em: boolean; text: string }[] } | null = null;
  const flush = () => {
    if (!chunk) return;
    const body = chunk.runs
      .map((r) => {
        let t = r.text;
        if (r.em) t = wrap(t, '*');
        if (r.bold) t = wrap(t, '**');
        return t;
      })
      .join('')
      .split('\n')
      .join(br);
    if (chunk.href !== null && body.trim() !== '') {
      const m = /^(\s*)([\s\S]*?)(\s*)$/.exec(body)!;
      out += `${m[1]}[${m[2]}](${dest(chunk.href)})${m[3]}`;
    } else out += body;
    chunk = null;
  };
  for (const run of runs) {
    const lineStart = offset === 0 || text[offset - 1] === '\n';
    offset += run.text.length;
    const escaped = escapeMarkdown(displayText(run.text), { lineStart });
    const bold = run.claims.length > 0 || run.strong;
    if (!chunk || chunk.href !== run.href) {
      flush();
      chunk = { href: run.href, runs: [] };
    }
    const last = chunk.runs.at(-1);
    if (last && last.bold === bold && last.em === run.em) last.text += escaped;
    else chunk.runs.push({ bold, em: run.em, text: escaped });
    if (run.ends.length > 0) {
      flush();
      out += run.ends.map((c) => `[\\[${refs.of(c).label}\\]](#${refs.of(c).anchor})`).join('');
    }
  }
  flush();
  return out;
}

function articleText(model: ReportModel, refs: ClaimRefs): string {
  const runs = segmentBlocks(model);
  const inline = (i: number, br: string) => {
    const b = model.blocks[i]!;
    return b.kind === 'rule' ? '' : inlineMarkdown(runs.get(i) ?? [], b.text, refs, br);
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
      const heading = b.kind === 'title' ? 3 : b.kind === 'heading' ? Math.min(6, Math.max(4, b.level + 2)) : 0;
      const t = inline(g.index, heading ? ' ' : '\\\n');
      if (t.trim() === '') continue;
      // A caption reads as one in any Markdown viewer: italic, marked as such.
      out.push(heading ? `${'#'.repeat(heading)} ${t}` : b.kind === 'caption' ? `*Caption:* ${t}` : t);
    }
  }
  return out.join('\n\n');
}

/** A sentence said in place of something missing, as its own paragraph. */
const note = (s: string) => `*${mdLine(s)}*`;

function commentHead(m: Comment, parentDeleted: boolean): string {
  return `**${mdLine(m.author)}**, ${date(m.at)}${m.editedAt ? ` (${parts(W.edited(m.editedAt))})` : ''}${parentDeleted ? `, ${mdLine(W.REPLY_TO_DELETED)}` : ''}:`;
}

function finding(c: ReportClaim, refs: ClaimRefs, model: ReportModel): string {
  const f = findingView(c, refs, model);
  const out: string[] = [`### ${f.ref.title}`];
  if (f.orphanNote) out.push(note(f.orphanNote));
  out.push(paragraphs(f.quote, '> ') || `> ${mdLine(W.NOT_GIVEN.quote)}`);
  out.push(bullets([...f.verdictRows, ...f.attributionRows]));
  out.push(`#### ${W.FINDING_HEADINGS.rationale}`);
  out.push(f.rationale !== null ? paragraphs(f.rationale) : note(W.NOT_GIVEN.rationale));
  out.push(`#### ${W.counted(W.FINDING_HEADINGS.evidence, f.evidence.length)}`);
  if (f.evidence.length === 0) out.push(note(W.NOT_GIVEN.evidence));
  else
    out.push(
      f.evidence
        .map((e, i) => {
          const indent = ' '.repeat(String(i + 1).length + 2);
          const quote = e.quote !== '' ? `\n\n${paragraphs(e.quote, `${indent}> `)}` : '';
          return `${i + 1}. **${mdLine(e.stanceLabel)}:** ${parts([e.link, ...(e.meta.length ? [{ kind: 'text', text: ' · ' } as const, ...e.meta] : [])])}${quote}`;
        })
        .join('\n\n'),
    );
  if (f.comments) {
    out.push(`#### ${W.counted(W.FINDING_HEADINGS.comments, f.commentCount)}`);
    // Replies are a nested list under the comment they answer.
    const thread = (t: CommentThread) =>
      [`- ${commentHead(t.comment, t.parentDeleted)}\n\n${paragraphs(t.comment.text, '  ')}`, ...t.replies.map((r) => `  - ${commentHead(r, false)}\n\n${paragraphs(r.text, '    ')}`)].join('\n\n');
    out.push(f.comments.map(thread).join('\n\n'));
  }
  out.push(parts(f.reviewed));
  return out.join('\n\n');
}

/** " — Figures, Names": what kind of words a change altered. */
const calloutsMd = (cs: Callout[]) => (cs.length ? ` — ${cs.map((c) => mdLine(CALLOUT_LABELS[c])).join(', ')}` : '');

const wordRunsMd = (runs: WordRun[], delim: string) => runs.map((r) => (r.changed ? wrap(keepSpaces(r.text), delim) : keepSpaces(r.text))).join('');

function claimChangeMd(c: ClaimChangeView): string {
  const head = `- ${part(c.who)} — **${mdLine(c.outcomeLabel)}** (${mdLine(c.when)})${calloutsMd(c.callouts)}`;
  if (c.outcome === 'moved') return `${head}\n  - “${mdLine(c.firstWords)}”`;
  const now = c.now === null ? note(W.CHANGES.goneNow) : `“${wordRunsMd(c.now, '**')}”`;
  return `${head}\n  - ${W.CHANGES.firstSeen}: “${wordRunsMd(c.first, '~~')}”\n  - ${W.CHANGES.now}: ${now}`;
}

function textChangeMd(t: ReportTextChange): string {
  const removed = t.removed ? wrap(mdLine(t.removed), '~~') : '';
  const added = t.added ? wrap(mdLine(t.added), '**') : '';
  return `- ${keepSpaces(t.before)}${removed}${t.removed && t.added ? ' ' : ''}${added}${keepSpaces(t.after)}${calloutsMd(t.callouts)}`;
}

function changes(c: ChangesSinceFirstSeen, refs: ClaimRefs): string {
  const view = changesView(c, refs);
  const { altered, moved, text } = view;
  const out = [`## ${W.SECTION_HEADINGS.changes}`, mdLine(view.sentence), `### ${W.CHANGES.versions}`];
  out.push(
    [
      `| ${W.CHANGES.versionColumns.join(' | ')} |`,
      '| ---: | --- | --- | --- | ---: | --- |',
      ...view.versions.map((v) => `| ${[mdLine(v.label), date(v.importedAt), mdLine(v.importedBy), mdLine(v.from), String(v.wordCount), mdLine(v.headline)].map(cell).join(' | ')} |`),
    ].join('\n'),
  );
  out.push(`### ${altered.heading}`, altered.empty === null ? altered.items.map(claimChangeMd).join('\n') : note(altered.empty));
  if (moved) out.push(`### ${moved.heading}`, moved.items.map(claimChangeMd).join('\n'));
  out.push(`### ${text.heading}`);
  if (text.intro !== null) out.push(mdLine(text.intro));
  out.push(text.empty === null ? text.items.map(textChangeMd).join('\n') : note(text.empty));
  if (text.more !== null) out.push(note(text.more));
  return out.join('\n\n');
}

/** A table cell: one line, pipes escaped (escapeMarkdown does), never empty. */
const cell = (s: string) => (s.trim() === '' ? ' ' : s);

function audit(events: NonNullable<ReportModel['audit']>, refs: ClaimRefs): string {
  const out = [`## ${W.SECTION_HEADINGS.audit}`];
  if (events.length === 0) {
    out.push(note(W.NOT_GIVEN.audit));
    return out.join('\n\n');
  }
  const rows = auditRows(events, refs).map((r) => {
    const change = r.new === null ? '' : `${r.old !== null ? `${mdLine(r.old)} → ` : ''}${mdLine(r.new)}`;
    return `| ${[date(r.at), mdLine(r.who), mdLine(r.action), r.claim ? part(r.claim) : '', r.field !== null ? mdLine(r.field) : '', change].map(cell).join(' | ')} |`;
  });
  out.push([`| ${W.AUDIT_COLUMNS.map(mdLine).join(' | ')} |`, '| --- | --- | --- | ---: | --- | --- |', ...rows].join('\n'));
  return out.join('\n\n');
}

/** The report as Markdown. */
export function renderMarkdownReport(model: ReportModel): string {
  const refs = claimRefs(model);
  const header = headerRows(model);
  const desk = header.report.find((r) => r.key === 'desk');
  const out: string[] = [];
  out.push(`# ${mdLine(reportTitle(model))}`);
  out.push(`**${W.REPORT_KIND}**${desk ? ` — ${parts(desk.parts)}` : ''}`);
  out.push(bullets([...header.article, ...header.report]));

  out.push(`## ${W.SECTION_HEADINGS.summary}`);
  out.push(mdLine(summarySentence(model)));
  out.push(`### ${W.SECTION_HEADINGS.byVerdict}`);
  out.push(
    [
      `| ${W.FACT_LABELS.verdict} | ${VERDICT_COUNT_COLUMNS.done} | ${VERDICT_COUNT_COLUMNS.notDone} |`,
      '| --- | ---: | ---: |',
      ...model.summary.byVerdict.map((v) => `| ${cell(mdLine(v.verdict))} | ${v.done} | ${v.notDone} |`),
    ].join('\n'),
  );
  out.push(`### ${W.SECTION_HEADINGS.byStatus}`);
  out.push([`| ${W.STATUS_COUNT_COLUMNS.join(' | ')} |`, '| --- | ---: |', ...model.summary.byStatus.map((s) => `| ${cell(mdLine(W.statusLabel(s.status)))} | ${s.count} |`)].join('\n'));
  out.push(`### ${W.SECTION_HEADINGS.weakSourcing}`);
  const weak = weakSourcingItems(model, refs);
  if (weak.length === 0) out.push(mdLine(W.NOT_GIVEN.weakSourcing));
  else {
    out.push(mdLine(W.WEAK_SOURCING_INTRO));
    out.push(weak.map((item) => `- ${parts(item)}`).join('\n'));
  }

  if (model.changes) out.push(changes(model.changes, refs));

  out.push(`## ${W.SECTION_HEADINGS.articleText}`);
  if (model.claims.length) out.push(W.TEXT_KEY.markdown('**bold**', '\\[1\\]'));
  const text = articleText(model, refs);
  if (text) out.push(text);

  out.push(`## ${W.SECTION_HEADINGS.findings}`);
  out.push(model.claims.length ? model.claims.map((c) => finding(c, refs, model)).join('\n\n') : note(W.NOT_GIVEN.claims));
  if (model.orphaned.length) {
    out.push(`## ${W.SECTION_HEADINGS.orphaned}`);
    out.push(note(W.ORPHANED_INTRO));
    out.push(model.orphaned.map((c) => finding(c, refs, model)).join('\n\n'));
  }
  if (model.audit) out.push(audit(model.audit, refs));
  out.push('---');
  out.push(parts(W.footer(model.generatedAt, model.generatedBy, model.article.revision)));
  return `${out.join('\n\n')}\n`;
}
