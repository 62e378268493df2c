/**
 * The report as one self-contained HTML5 document: inline CSS (./reportCss.ts), no script, no external
 * request of any kind (a Content-Security-Policy meta forbids them as a second line of defence), no event
 * handler attributes. Every string goes through `htmlText` (bidi controls and forbidden code points
 * removed, then HTML-escaped); only `safeHref` results become link targets. See ./escape.ts. What the
 * report says is decided in ./sections.ts and ./wording.ts; this file only writes it as HTML.
 *
 * Heading outline: h1 is the article title; the report's sections are h2; in the article text the
 * article's own title is h3 and its headings are shifted two levels down (h4–h6); each finding is h3.
 */
import { Language } from '../schema/article';
import { STATUS_LABELS, type Comment } from '../schema/claim';
import { CALLOUT_LABELS, type Callout } from '../versions/callouts';
import { claimRefs, type ClaimRefs } from './claimRefs';
import { formatDate, STANCE_LABELS } from './displayFormat';
import { displayText, escapeHtml, htmlText } from './escape';
import type { ReportClaim, ReportModel } from './model';
import type { LinkView, Part } from './parts';
import { REPORT_CSS, verdictClass, verdictCss } from './reportCss';
import { auditRows, changesView, findingView, headerRows, reportTitle, weakSourcingItems, type ClaimChangeView, type Row } from './sections';
import { summarySentence, VERDICT_COUNT_COLUMNS } from './summary';
import { groupBlocks, segmentBlocks, type TextRun } from './textRuns';
import type { ChangesSinceFirstSeen, ReportTextChange, WordRun } from './versionChanges';
import * as W from './wording';

/** Class names come only from the known statuses and stances, never from the data as it stands. */
const statusClass = (status: string) => (Object.hasOwn(STATUS_LABELS, status) ? `s-${status}` : 's-unknown');
const stanceClass = (stance: string) => (Object.hasOwn(STANCE_LABELS, stance) ? `stance-${stance}` : 'stance-unknown');

/** Escaped text with line breaks kept. */
function lines(s: string): string {
  return htmlText(s).replace(/\r\n?|\n/g, '<br>\n');
}

/** A user value, isolated so right-to-left text cannot reorder what surrounds it. */
function bdi(s: string): string {
  return `<bdi>${lines(s)}</bdi>`;
}

/**
 * A heading's inner HTML with its line breaks as plain newlines (the CSS keeps them: pre-line on screen,
 * pre-wrap in print, where a <br> beside the newline would break the line twice).
 */
function headingText(html: string): string {
  return html.replace(/<br>\n/g, '\n');
}

function paragraphs(s: string): string {
  return displayText(s)
    .replace(/\r\n?/g, '\n')
    .split(/\n[ \t]*\n/)
    .map((p) => p.trim())
    .filter((p) => p !== '')
    .map((p) => `<p dir="auto">${lines(p)}</p>`)
    .join('\n');
}

function time(value: string): string {
  const f = formatDate(value);
  if (f.iso && /^\d{4}-\d{2}-\d{2}/.test(f.iso) && !f.iso.startsWith('0000')) return `<time datetime="${escapeHtml(f.iso)}">${escapeHtml(f.text)}</time>`;
  return bdi(f.text);
}

function linkHtml(l: LinkView): string {
  if (l.kind === 'plain') return bdi(l.text);
  if (l.kind === 'unlinked') return `${bdi(l.label)} <span class="muted">${parts(W.notLinked({ kind: 'value', text: l.url }))}</span>`;
  return `<a href="${escapeHtml(l.href)}" rel="noopener noreferrer"${l.showsUrl ? '' : ' class="ext"'}>${bdi(l.label)}</a>`;
}

function part(p: Part): string {
  switch (p.kind) {
    case 'text':
      return p.weak === undefined ? htmlText(p.text) : `<span class="attr-kind attr-${p.weak ? 'weak' : 'ok'}">${htmlText(p.text)}</span>`;
    case 'value':
      return bdi(p.text);
    case 'date':
      return time(p.value);
    case 'link':
      return linkHtml(p.link);
    case 'missing':
      return `<span class="muted">${htmlText(p.text)}</span>`;
    case 'aside':
      return ` <span class="muted">(${htmlText(p.text)})</span>`;
    case 'ref':
      return `<a href="#${p.ref.anchor}">${escapeHtml(p.short ? p.ref.label : p.ref.title)}</a>`;
  }
}

const parts = (ps: readonly Part[]) => ps.map(part).join('');

/**
 * ` lang="…"` for the article's own words (its title, text and claim quotes) when the article's language
 * is known: the report around them is English, and a screen reader, a hyphenator and the tagged PDF need
 * to know where the words switch.
 */
function langAttr(model: ReportModel): string {
  const lang = Language.safeParse(model.article.meta.language);
  return lang.success && lang.data !== '' ? ` lang="${escapeHtml(lang.data)}"` : '';
}

const dl = (rows: Row[], cls: string, decorate: (r: Row) => string = () => '') =>
  `<dl class="${cls}">\n${rows.map((r) => `<div><dt>${htmlText(r.label)}</dt><dd>${decorate(r)}${parts(r.parts)}</dd></div>`).join('\n')}\n</dl>`;

// ---------------------------------------------------------------------------------------------------------
// The article text

function claimTitle(c: ReportClaim, refs: ClaimRefs): string {
  const v = c.data.verification;
  return `${refs.of(c).title}: ${W.verdictLabel(v.verdict)} (${W.statusLabel(v.status)})`;
}

function inlineHtml(runs: TextRun[], refs: ClaimRefs): string {
  type Open = { key: string; open: string; close: string };
  let out = '';
  const stack: Open[] = [];
  const closeTo = (n: number) => {
    while (stack.length > n) out += stack.pop()!.close;
  };
  runs.forEach((run, i) => {
    if (run.starts.length > 0) {
      closeTo(0);
      for (const c of run.starts) {
        const r = refs.of(c);
        // The number is generated content (CSS ::before), not text: copying the article's words gives the
        // words only, while the link's name still tells a screen reader which claim starts here.
        out += `<a class="claim-ref" href="#${r.anchor}" data-claim-number="${escapeHtml(r.label)}" aria-label="${escapeHtml(r.title)}"></a>`;
      }
    }
    const want: Open[] = [];
    if (run.href !== null) {
      let j = i + 1;
      while (j < runs.length && runs[j]!.href === run.href && runs[j]!.starts.length === 0) j++;
      const final = j === runs.length || runs[j]!.href !== run.href;
      want.push({ key: `a ${run.href}`, open: `<a href="${escapeHtml(run.href)}" rel="noopener noreferrer"${final ? ' class="ext"' : ''}>`, close: '</a>' });
    }
    if (run.claims.length > 0) {
      const v = run.claims.at(-1)!.data.verification;
      const cls = `claim ${verdictClass(v.verdict)} ${statusClass(v.status)}${run.claims.length > 1 ? ` overlap depth-${Math.min(run.claims.length, 3)}` : ''}`;
      const nums = run.claims.map((c) => refs.of(c).label).join(' ');
      const title = run.claims.map((c) => claimTitle(c, refs)).join('; ');
      want.push({ key: `mark ${nums}`, open: `<mark class="${cls}" data-claims="${escapeHtml(nums)}" title="${htmlText(title)}">`, close: '</mark>' });
    }
    if (run.strong) want.push({ key: 'strong', open: '<strong>', close: '</strong>' });
    if (run.em) want.push({ key: 'em', open: '<em>', close: '</em>' });
    let k = 0;
    while (k < stack.length && k < want.length && stack[k]!.key === want[k]!.key) k++;
    closeTo(k);
    for (const w of want.slice(k)) {
      out += w.open;
      stack.push(w);
    }
    out += lines(run.text);
  });
  closeTo(0);
  return out;
}

function articleTextHtml(model: ReportModel, refs: ClaimRefs): string {
  const runs = segmentBlocks(model);
  const inline = (i: number) => inlineHtml(runs.get(i) ?? [], refs);
  const out: string[] = [];
  for (const g of groupBlocks(model.blocks)) {
    if (g.kind === 'bullet' || g.kind === 'ordered') {
      const tag = g.kind === 'bullet' ? 'ul' : 'ol';
      out.push(`<${tag}>\n${g.items.map((i) => `<li dir="auto">${inline(i)}</li>`).join('\n')}\n</${tag}>`);
    } else if (g.kind === 'quote') {
      out.push(`<blockquote>\n${g.items.map((i) => `<p dir="auto">${inline(i)}</p>`).join('\n')}\n</blockquote>`);
    } else {
      const b = model.blocks[g.index]!;
      if (b.kind === 'rule') out.push('<hr>');
      else if (b.kind === 'title') out.push(`<h3 class="article-title" dir="auto">${headingText(inline(g.index))}</h3>`);
      else if (b.kind === 'heading') {
        const level = Math.min(6, Math.max(4, b.level + 2));
        out.push(`<h${level} dir="auto">${headingText(inline(g.index))}</h${level}>`);
      } else if (b.kind === 'caption') out.push(`<p class="caption" dir="auto">${inline(g.index)}</p>`);
      else out.push(`<p dir="auto">${inline(g.index)}</p>`);
    }
  }
  return out.join('\n');
}

function legendHtml(model: ReportModel): string {
  if (model.claims.length === 0) return `<p class="muted">${htmlText(W.NOT_GIVEN.claims)}</p>`;
  const verdicts = new Map<string, string>();
  const statuses = new Map<string, string>();
  for (const c of model.claims) {
    const v = c.data.verification;
    verdicts.set(verdictClass(v.verdict), W.verdictLabel(v.verdict));
    statuses.set(statusClass(v.status), W.statusLabel(v.status));
  }
  const vs = [...verdicts].map(([cls, label]) => `<li><mark class="claim ${cls} s-key">${htmlText(label)}</mark></li>`).join('');
  const ss = [...statuses].map(([cls, label]) => `<li><span class="status-sample ${cls}">${htmlText(label)}</span></li>`).join('');
  return `<div class="legend"><p><strong>Key.</strong> ${htmlText(W.TEXT_KEY.html)}</p><ul class="key" aria-label="Verdicts">${vs}</ul><ul class="key" aria-label="Statuses">${ss}</ul></div>`;
}

// ---------------------------------------------------------------------------------------------------------
// Findings

function commentHtml(m: Comment, parentDeleted: boolean): string {
  const meta = [`<strong>${bdi(m.author)}</strong>`, time(m.at)];
  if (m.editedAt) meta.push(parts(W.edited(m.editedAt)));
  if (parentDeleted) meta.push(htmlText(W.REPLY_TO_DELETED));
  return `<p class="comment-meta">${meta.join(' · ')}</p>\n${paragraphs(m.text)}`;
}

function findingHtml(c: ReportClaim, refs: ClaimRefs, model: ReportModel): string {
  const f = findingView(c, refs, model);
  const vc = verdictClass(c.data.verification.verdict);
  const evidence = f.evidence.map(
    (e) =>
      `<li><p class="ev-head"><span class="stance ${stanceClass(e.stance)}">${htmlText(e.stanceLabel)}</span> ${part(e.link)}</p>` +
      (e.meta.length ? `\n<p class="ev-meta">${parts(e.meta)}</p>` : '') +
      (e.quote !== '' ? `\n<blockquote class="ev-quote">${paragraphs(e.quote)}</blockquote>` : '') +
      '</li>',
  );
  const comments = (f.comments ?? []).map((t) => {
    const replies = t.replies.map((r) => `<li>${commentHtml(r, false)}</li>`);
    return `<li>${commentHtml(t.comment, t.parentDeleted)}${replies.length ? `\n<ol class="replies" aria-label="Replies">\n${replies.join('\n')}\n</ol>` : ''}</li>`;
  });
  return [
    `<article class="finding ${vc}" id="${f.ref.anchor}">`,
    // The badge's number is drawn by CSS: the heading's text (and its PDF bookmark) is "Claim 2", not "2 Claim 2".
    `<header class="finding-head"><h3><span class="finding-num" data-claim-number="${escapeHtml(f.ref.label)}"></span>${escapeHtml(f.ref.title)}</h3>` +
      `<p class="badges"><span class="badge verdict ${vc}">${htmlText(f.verdict)}</span> <span class="badge status ${statusClass(c.data.verification.status)}">${htmlText(f.status)}</span></p></header>`,
    f.orphanNote ? `<p class="note">${htmlText(f.orphanNote)}</p>` : '',
    `<blockquote class="claim-words"${langAttr(model)}>${paragraphs(f.quote)}</blockquote>`,
    dl(f.verdictRows, 'facts verdict-facts', (r) => (r.key === 'verdict' ? `<span class="swatch ${vc}"></span>` : '')),
    `<h4>${W.FINDING_HEADINGS.attribution}</h4>`,
    dl(f.attributionRows, 'facts'),
    `<h4>${W.FINDING_HEADINGS.rationale}</h4>`,
    f.rationale !== null ? `<div class="rationale">${paragraphs(f.rationale)}</div>` : `<p class="muted">${htmlText(W.NOT_GIVEN.rationale)}</p>`,
    `<h4>${htmlText(W.counted(W.FINDING_HEADINGS.evidence, f.evidence.length))}</h4>`,
    evidence.length ? `<ol class="evidence">\n${evidence.join('\n')}\n</ol>` : `<p class="muted">${htmlText(W.NOT_GIVEN.evidence)}</p>`,
    f.comments ? `<h4>${htmlText(W.counted(W.FINDING_HEADINGS.comments, f.commentCount))}</h4>\n<ol class="comments">\n${comments.join('\n')}\n</ol>` : '',
    `<p class="reviewed">${parts(f.reviewed)}</p>`,
    '</article>',
  ]
    .filter((p) => p !== '')
    .join('\n');
}

// ---------------------------------------------------------------------------------------------------------
// Changes since first seen

const wordRunsHtml = (runs: WordRun[], tag: 'del' | 'ins') => `<bdi>${runs.map((r) => (r.changed ? `<${tag}>${lines(r.text)}</${tag}>` : lines(r.text))).join('')}</bdi>`;

function claimChangeHtml(c: ClaimChangeView, model: ReportModel): string {
  const now = c.now === null ? `<span class="muted">${htmlText(W.CHANGES.goneNow)}</span>` : wordRunsHtml(c.now, 'ins');
  const words =
    c.outcome === 'moved'
      ? `<p class="claim-was"${langAttr(model)}>${bdi(c.firstWords)}</p>`
      : `<dl class="before-after"${langAttr(model)}>\n<div><dt>${W.CHANGES.firstSeen}</dt><dd>${wordRunsHtml(c.first, 'del')}</dd></div>\n<div><dt>${W.CHANGES.now}</dt><dd>${now}</dd></div>\n</dl>`;
  const callouts = c.callouts.length ? ` ${calloutsHtml(c.callouts)}` : '';
  return `<li class="claim-change outcome-${c.outcome}"><p class="change-head">${part(c.who)} <span class="badge outcome">${htmlText(c.outcomeLabel)}</span> <span class="muted">${htmlText(c.when)}</span>${callouts}</p>\n${words}</li>`;
}

const calloutsHtml = (cs: Callout[]) => cs.map((c) => `<span class="badge callout">${htmlText(CALLOUT_LABELS[c])}</span>`).join(' ');

function textChangeHtml(t: ReportTextChange, lang: string): string {
  const callouts = calloutsHtml(t.callouts);
  const change = `${t.removed ? `<del>${lines(t.removed)}</del>` : ''}${t.removed && t.added ? ' ' : ''}${t.added ? `<ins>${lines(t.added)}</ins>` : ''}`;
  return `<li><p class="text-change"${lang}>${lines(t.before)}${change}${lines(t.after)}</p>${callouts ? `\n<p class="callouts">${callouts}</p>` : ''}</li>`;
}

function changesHtml(changes: ChangesSinceFirstSeen, refs: ClaimRefs, model: ReportModel): string {
  const view = changesView(changes, refs);
  const heads = W.CHANGES.versionColumns.map((h) => `<th scope="col"${h === 'Version' || h === 'Words' ? ' class="num"' : ''}>${htmlText(h)}</th>`).join('');
  const rows = view.versions.map(
    (v) =>
      `<tr${v.current ? ' class="current"' : ''}><td class="num nowrap">${htmlText(v.label)}</td><td class="nowrap">${time(v.importedAt)}</td><td>${bdi(v.importedBy)}</td><td>${htmlText(v.from)}</td><td class="num">${v.wordCount}</td><td dir="auto"${langAttr(model)}>${bdi(v.headline)}</td></tr>`,
  );
  const list = (items: string[], cls: string) => `<ol class="${cls}">\n${items.join('\n')}\n</ol>`;
  const muted = (s: string | null) => (s === null ? '' : `<p class="muted">${htmlText(s)}</p>`);
  const { altered, moved, text } = view;
  return [
    '<section id="changes" aria-labelledby="changes-h">',
    `<h2 id="changes-h">${W.SECTION_HEADINGS.changes}</h2>`,
    `<p class="lead">${htmlText(view.sentence)}</p>`,
    `<table class="versions"><caption>${W.CHANGES.versions}</caption><thead><tr>${heads}</tr></thead><tbody>\n${rows.join('\n')}\n</tbody></table>`,
    `<h3>${altered.heading}</h3>`,
    altered.empty === null ? list(altered.items.map((c) => claimChangeHtml(c, model)), 'claim-changes') : muted(altered.empty),
    moved ? `<h3>${moved.heading}</h3>\n${list(moved.items.map((c) => claimChangeHtml(c, model)), 'claim-changes')}` : '',
    `<h3>${text.heading}</h3>`,
    muted(text.intro),
    text.empty === null ? list(text.items.map((t) => textChangeHtml(t, langAttr(model))), 'text-changes') : muted(text.empty),
    muted(text.more),
    '</section>',
  ]
    .filter((p) => p !== '')
    .join('\n');
}

// ---------------------------------------------------------------------------------------------------------
// Summary, header, audit

function summaryHtml(model: ReportModel, refs: ClaimRefs): string {
  const verdictRows = model.summary.byVerdict.map((v, i, all) => {
    const cls = i === all.length - 1 && v.verdict === W.NO_VERDICT_LABEL ? 'v-none' : verdictClass(v.verdict);
    return `<tr${v.done + v.notDone === 0 ? ' class="zero"' : ''}><td><span class="swatch ${cls}"></span>${bdi(v.verdict)}</td><td class="num">${v.done}</td><td class="num open">${v.notDone}</td></tr>`;
  });
  const statusRows = model.summary.byStatus.map(
    (s) => `<tr${s.count === 0 ? ' class="zero"' : ''}><td><span class="status-sample ${statusClass(s.status)}">${htmlText(W.statusLabel(s.status))}</span></td><td class="num">${s.count}</td></tr>`,
  );
  const weak = weakSourcingItems(model, refs).map((item) => `<li>${parts(item)}</li>`);
  const [statusHead, countHead] = W.STATUS_COUNT_COLUMNS;
  return [
    '<section id="summary" aria-labelledby="summary-h">',
    `<h2 id="summary-h">${W.SECTION_HEADINGS.summary}</h2>`,
    `<p class="lead">${htmlText(summarySentence(model))}</p>`,
    '<div class="summary-grid">',
    `<table class="counts"><caption>${W.SECTION_HEADINGS.byVerdict}</caption><thead><tr><th scope="col">${W.FACT_LABELS.verdict}</th><th scope="col" class="num">${VERDICT_COUNT_COLUMNS.done}</th><th scope="col" class="num">${VERDICT_COUNT_COLUMNS.notDone}</th></tr></thead><tbody>\n${verdictRows.join('\n')}\n</tbody></table>`,
    `<table class="counts"><caption>${W.SECTION_HEADINGS.byStatus}</caption><thead><tr><th scope="col">${statusHead}</th><th scope="col" class="num">${countHead}</th></tr></thead><tbody>\n${statusRows.join('\n')}\n</tbody></table>`,
    '</div>',
    `<h3>${W.SECTION_HEADINGS.weakSourcing}</h3>`,
    weak.length ? `<p class="muted">${htmlText(W.WEAK_SOURCING_INTRO)}</p>\n<ul class="weak">\n${weak.join('\n')}\n</ul>` : `<p class="muted">${htmlText(W.NOT_GIVEN.weakSourcing)}</p>`,
    '</section>',
  ].join('\n');
}

function headerHtml(model: ReportModel, title: string): string {
  const rows = headerRows(model);
  const desk = rows.report.find((r) => r.key === 'desk');
  return [
    '<header class="report-header">',
    `<p class="kicker">${desk ? `${parts(desk.parts)} <span aria-hidden="true">·</span> ` : ''}${W.REPORT_KIND}</p>`,
    `<h1 dir="auto"${langAttr(model)}>${headingText(lines(title))}</h1>`,
    '<div class="meta-grid">',
    dl(rows.article, 'meta'),
    dl(rows.report, 'meta stacked'),
    '</div>',
    '</header>',
  ].join('\n');
}

function auditHtml(events: NonNullable<ReportModel['audit']>, refs: ClaimRefs): string {
  const rows = auditRows(events, refs).map((r) => {
    const claim = r.claim === null ? '' : r.claim.kind === 'value' ? `<span class="muted">${part(r.claim)}</span>` : part(r.claim);
    const change = r.new === null ? '' : `${r.old !== null ? `<code>${bdi(r.old)}</code> → ` : ''}<code>${bdi(r.new)}</code>`;
    return `<tr><td class="nowrap">${time(r.at)}</td><td>${bdi(r.who)}</td><td>${htmlText(r.action)}</td><td class="num">${claim}</td><td>${r.field !== null ? `<code>${bdi(r.field)}</code>` : ''}</td><td class="change">${change}</td></tr>`;
  });
  const heads = W.AUDIT_COLUMNS.map((h) => `<th scope="col"${h === 'Claim' ? ' class="num"' : ''}>${htmlText(h)}</th>`).join('');
  return [
    '<section id="audit" class="appendix" aria-labelledby="audit-h">',
    `<h2 id="audit-h">${W.SECTION_HEADINGS.audit}</h2>`,
    rows.length === 0 ? `<p class="muted">${htmlText(W.NOT_GIVEN.audit)}</p>` : `<table class="audit"><thead><tr>${heads}</tr></thead><tbody>\n${rows.join('\n')}\n</tbody></table>`,
    '</section>',
  ].join('\n');
}

// ---------------------------------------------------------------------------------------------------------

/** The report as one self-contained, printable HTML5 document. */
export function renderHtmlReport(model: ReportModel): string {
  const refs = claimRefs(model);
  const title = reportTitle(model);
  const findings = model.claims.map((c) => findingHtml(c, refs, model));
  const orphans = model.orphaned.map((c) => findingHtml(c, refs, model));
  const body = [
    headerHtml(model, title),
    '<main>',
    summaryHtml(model, refs),
    model.changes ? changesHtml(model.changes, refs, model) : '',
    '<section id="article-text" aria-labelledby="article-text-h">',
    `<h2 id="article-text-h">${W.SECTION_HEADINGS.articleText}</h2>`,
    legendHtml(model),
    `<div class="article-body"${langAttr(model)}>\n${articleTextHtml(model, refs)}\n</div>`,
    '</section>',
    '<section id="findings" aria-labelledby="findings-h">',
    `<h2 id="findings-h">${W.SECTION_HEADINGS.findings}</h2>`,
    findings.length ? findings.join('\n') : `<p class="muted">${htmlText(W.NOT_GIVEN.claims)}</p>`,
    '</section>',
    orphans.length
      ? [
          '<section id="orphaned" aria-labelledby="orphaned-h">',
          `<h2 id="orphaned-h">${W.SECTION_HEADINGS.orphaned}</h2>`,
          `<p class="muted">${htmlText(W.ORPHANED_INTRO)}</p>`,
          orphans.join('\n'),
          '</section>',
        ].join('\n')
      : '',
    model.audit ? auditHtml(model.audit, refs) : '',
    '</main>',
    `<footer><p>${parts(W.footer(model.generatedAt, model.generatedBy, model.article.revision))}</p></footer>`,
  ].filter((p) => p !== '');
  return [
    '<!DOCTYPE html>',
    '<html lang="en">',
    '<head>',
    '<meta charset="utf-8">',
    `<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; img-src data:">`,
    '<meta name="viewport" content="width=device-width, initial-scale=1">',
    '<meta name="referrer" content="no-referrer">',
    '<meta name="generator" content="Claimdesk">',
    `<title>${htmlText(title.replace(/\s+/g, ' '))} — ${W.REPORT_KIND}</title>`,
    `<style>${REPORT_CSS}${verdictCss(model)}\n</style>`,
    '</head>',
    '<body>',
    ...body,
    '</body>',
    '</html>',
    '',
  ].join('\n');
}
