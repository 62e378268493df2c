/**
 * The report as one self-contained HTML5 document: inline CSS (screen and print), no script, no external
 * request of any kind (a Content-Security-Policy meta forbids them as a second line of defence), no event
 * handler attributes. Every user string goes through `htmlText` (bidi controls and forbidden code points
 * removed, then HTML-escaped); only `safeHref` results become link targets. See ./escape.ts.
 *
 * Heading outline: h1 is the article title; the report's sections are h2; in the article text the
 * article's own title is h3 and its headings are shifted two levels down (h4–h6); each finding is h3.
 */
import { EXTRA_COLOURS, VERDICT_COLOURS } from '../claims/verdictPalette';
import { Language } from '../schema/article';
import type { AuditEvent } from '../schema/audit';
import { ATTRIBUTION_KIND_LABELS, SOURCE_KIND_LABELS, STATUS_LABELS, type Comment } from '../schema/claim';
import { threadComments } from '../claims/comments';
import {
  actionLabel,
  CONFIDENCE_LABELS,
  displayText,
  escapeHtml,
  formatDate,
  htmlText,
  labelOf,
  safeHref,
  shortValue,
  STANCE_LABELS,
  verdictSlug,
  secondReviewText,
} from './escape';
import { NO_VERDICT_LABEL, type ReportBlock, type ReportClaim, type ReportModel } from './model';
import { summarySentence, VERDICT_COUNT_COLUMNS } from './summary';

// ---------------------------------------------------------------------------------------------------------
// Shared with the Markdown renderer: claim references and the article text split at claim and style boundaries.

export type ClaimRef = { anchor: string; label: string; title: string };

/**
 * How each claim is referred to: placed claims as "Claim N" (#claim-N), orphans as "Orphaned claim K"
 * (#orphaned-claim-K). The anchors equal the GitHub-style slugs of those headings, so Markdown links work too.
 */
export function claimRefs(model: ReportModel): { of: (c: ReportClaim) => ClaimRef; byId: (id: unknown) => ClaimRef | null } {
  const refs = new Map<ReportClaim, ClaimRef>();
  const ids = new Map<string, ClaimRef>();
  model.claims.forEach((c, i) => {
    const n = typeof c.number === 'number' && Number.isInteger(c.number) && c.number > 0 ? c.number : i + 1;
    refs.set(c, { anchor: `claim-${n}`, label: String(n), title: `Claim ${n}` });
  });
  model.orphaned.forEach((c, i) => refs.set(c, { anchor: `orphaned-claim-${i + 1}`, label: `O${i + 1}`, title: `Orphaned claim ${i + 1}` }));
  for (const [c, r] of refs) if (typeof c.id === 'string' && !ids.has(c.id)) ids.set(c.id, r);
  return {
    of: (c) => refs.get(c) ?? (typeof c.id === 'string' ? ids.get(c.id) : undefined) ?? { anchor: '', label: '?', title: 'Claim' },
    byId: (id) => (typeof id === 'string' ? (ids.get(id) ?? null) : null),
  };
}

/** A run of a block's text with one set of covering claims and one set of inline styles. */
export type Segment = {
  text: string;
  /** Claims covering this run, in model order (outer first). */
  claims: ReportClaim[];
  em: boolean;
  strong: boolean;
  /** A safe link target, or null. */
  href: string | null;
  /** Claims whose first covered character is this run's first (in their first block). */
  starts: ReportClaim[];
  /** Claims whose last covered character is this run's last (in their last block). */
  ends: ReportClaim[];
};

export type TextBlock = Exclude<ReportBlock, { kind: 'rule' }>;

const isNum = (n: unknown): n is number => typeof n === 'number' && Number.isFinite(n);

/**
 * Splits every text block at each claim boundary and each style boundary. Claims may overlap, nest and
 * cross blocks; offsets that are out of range (data that skipped validation) are clipped or ignored.
 */
export function segmentBlocks(model: ReportModel): Map<number, Segment[]> {
  const ranges = model.claims
    .filter((c) => isNum(c.start) && isNum(c.end) && c.end > c.start)
    .map((c) => ({ claim: c, start: c.start!, end: c.end!, first: -1, last: -1 }));
  const local = new Map<number, { r: (typeof ranges)[number]; a: number; b: number }[]>();
  model.blocks.forEach((block, bi) => {
    if (block.kind === 'rule' || typeof block.text !== 'string' || !isNum(block.start)) return;
    const bs = block.start;
    const be = bs + block.text.length;
    const hits: { r: (typeof ranges)[number]; a: number; b: number }[] = [];
    for (const r of ranges) {
      const a = Math.max(r.start, bs) - bs;
      const b = Math.min(r.end, be) - bs;
      if (a < b) {
        hits.push({ r, a, b });
        if (r.first < 0) r.first = bi;
        r.last = bi;
      }
    }
    local.set(bi, hits);
  });

  const out = new Map<number, Segment[]>();
  model.blocks.forEach((block, bi) => {
    if (block.kind === 'rule' || typeof block.text !== 'string') return;
    const text = block.text;
    const len = text.length;
    // Never cut between the two halves of a surrogate pair (an emoji, a rare CJK character).
    const snap = (p: number) => {
      const q = Math.max(0, Math.min(len, Math.round(p)));
      return q > 0 && q < len && /[\uD800-\uDBFF]/.test(text[q - 1]!) && /[\uDC00-\uDFFF]/.test(text[q]!) ? q - 1 : q;
    };
    const hits = (local.get(bi) ?? []).map((h) => ({ ...h, a: snap(h.a), b: snap(h.b) })).filter((h) => h.a < h.b);
    const styles = (Array.isArray(block.styles) ? block.styles : [])
      .filter((s) => isNum(s.from) && isNum(s.to))
      .map((s) => ({ ...s, from: snap(s.from), to: snap(s.to) }))
      .filter((s) => s.from < s.to);
    const cuts = new Set<number>([0, len]);
    for (const h of hits) cuts.add(h.a).add(h.b);
    for (const s of styles) cuts.add(s.from).add(s.to);
    const points = [...cuts].sort((x, y) => x - y);
    const segs: Segment[] = [];
    for (let i = 0; i + 1 < points.length; i++) {
      const x = points[i]!;
      const y = points[i + 1]!;
      const covering = hits.filter((h) => h.a <= x && h.b >= y);
      const within = styles.filter((s) => s.from <= x && s.to >= y);
      const link = within.filter((s) => s.kind === 'link').map((s) => safeHref(s.href)).filter((h): h is string => h !== null).at(-1) ?? null;
      segs.push({
        text: text.slice(x, y),
        claims: covering.map((h) => h.r.claim),
        em: within.some((s) => s.kind === 'em'),
        strong: within.some((s) => s.kind === 'strong'),
        href: link,
        starts: covering.filter((h) => h.a === x && h.r.first === bi).map((h) => h.r.claim),
        ends: covering.filter((h) => h.b === y && h.r.last === bi).map((h) => h.r.claim),
      });
    }
    out.set(bi, segs);
  });
  return out;
}

/** Consecutive list items and quote paragraphs grouped, as the HTML and Markdown outputs need them. */
export type BlockGroup = { kind: 'bullet'; items: number[] } | { kind: 'ordered'; items: number[] } | { kind: 'quote'; items: number[] } | { kind: 'single'; index: number };

export function groupBlocks(blocks: ReportBlock[]): BlockGroup[] {
  const groups: BlockGroup[] = [];
  blocks.forEach((b, i) => {
    const last = groups.at(-1);
    if (b.kind === 'bullet' || b.kind === 'ordered' || b.kind === 'quote') {
      if (last && last.kind === b.kind && 'items' in last) last.items.push(i);
      else groups.push({ kind: b.kind, items: [i] });
    } else groups.push({ kind: 'single', index: i });
  });
  return groups;
}

/** "Vague attribution", "No attribution given"… for the weak-sourcing lists. */
export function attributionPhrase(kind: unknown): string {
  return kind === 'none' ? 'No attribution given' : `${labelOf(ATTRIBUTION_KIND_LABELS, kind)} attribution`;
}

export function verdictLabel(verdict: unknown): string {
  return typeof verdict === 'string' && verdict.trim() !== '' ? verdict : NO_VERDICT_LABEL;
}

export function statusLabel(status: unknown): string {
  return labelOf(STATUS_LABELS, status);
}

/** A short form of a claim's words for lists: at most `max` characters, cut at a word. */
export function shortQuote(s: unknown, max = 140): string {
  const t = displayText(s).replace(/\s+/g, ' ').trim();
  if (t.length <= max) return t;
  const cut = t.slice(0, max);
  const sp = cut.lastIndexOf(' ');
  return `${(sp > max * 0.6 ? cut.slice(0, sp) : cut).trimEnd()}…`;
}

// ---------------------------------------------------------------------------------------------------------
// HTML pieces

const statusClass = (status: unknown) => (typeof status === 'string' && /^[a-z_]{1,40}$/.test(status) ? `s-${status}` : 's-unknown');
const verdictClass = (verdict: unknown) => `v-${verdict === null || verdict === undefined ? 'none' : verdictSlug(verdict)}`;

/** Escaped text with line breaks kept. */
function lines(s: unknown): string {
  return htmlText(s).replace(/\r\n?|\n/g, '<br>\n');
}

/** An inline user value, isolated so right-to-left text cannot reorder what surrounds it. */
function bdi(s: unknown): string {
  return `<bdi>${lines(s)}</bdi>`;
}

/**
 * A heading's inner HTML with its line breaks as plain newlines (the CSS keeps them: pre-line on screen,
 * pre-wrap in print, where a <br> beside the newline would break the line twice).
 */
function headingText(html: string): string {
  return html.replace(/<br>\n/g, '\n');
}

function paragraphs(s: unknown, cls = ''): string {
  const parts = displayText(s)
    .replace(/\r\n?/g, '\n')
    .split(/\n[ \t]*\n/)
    .map((p) => p.trim())
    .filter((p) => p !== '');
  return parts.map((p) => `<p dir="auto"${cls ? ` class="${cls}"` : ''}>${lines(p)}</p>`).join('\n');
}

function time(value: unknown): string {
  const f = formatDate(value);
  if (f.iso && /^\d{4}-\d{2}-\d{2}/.test(f.iso) && !f.iso.startsWith('0000')) return `<time datetime="${escapeHtml(f.iso)}">${escapeHtml(f.text)}</time>`;
  return bdi(f.text);
}

const filled = (s: unknown) => typeof s === 'string' && displayText(s).trim() !== '';

/** A link when the address is safe, else the address as plain text. `text` defaults to the address. */
function link(url: unknown, text?: unknown): string {
  const href = safeHref(url);
  const label = filled(text) ? text : url;
  if (href === null) return filled(text) && filled(url) ? `${bdi(text)} <span class="muted">(${bdi(url)}, not linked)</span>` : bdi(label);
  const showsUrl = !filled(text) || displayText(text).trim() === displayText(url).trim();
  return `<a href="${escapeHtml(href)}" rel="noopener noreferrer"${showsUrl ? '' : ' class="ext"'}>${bdi(label)}</a>`;
}

/**
 * ` lang="…"` for the article's own words (its title, text and claim quotes) when the article's language
 * is known: the report around them is English, and a screen reader, a hyphenator and the tagged PDF need
 * to know where the words switch.
 */
function langAttr(model: ReportModel): string {
  const lang = Language.safeParse(model.article?.meta?.language);
  return lang.success && lang.data !== '' ? ` lang="${escapeHtml(lang.data)}"` : '';
}

function row(label: string, valueHtml: string): string {
  return `<div><dt>${label}</dt><dd>${valueHtml}</dd></div>`;
}

// ---------------------------------------------------------------------------------------------------------
// The article text

function claimTitle(c: ReportClaim, refs: ReturnType<typeof claimRefs>): string {
  const v = c.data?.verification;
  return `${refs.of(c).title}: ${verdictLabel(v?.verdict)} (${statusLabel(v?.status)})`;
}

function inlineHtml(segs: Segment[], refs: ReturnType<typeof claimRefs>): string {
  type Open = { key: string; open: string; close: string };
  let out = '';
  const stack: Open[] = [];
  const closeTo = (n: number) => {
    while (stack.length > n) out += stack.pop()!.close;
  };
  segs.forEach((seg, i) => {
    if (seg.starts.length > 0) {
      closeTo(0);
      for (const c of seg.starts) {
        const r = refs.of(c);
        // The number is generated content (CSS ::before), not text: copying the article's words gives the
        // words only, while the link's name still tells a screen reader which claim starts here.
        out += `<a class="claim-ref" href="#${r.anchor}" data-claim-number="${escapeHtml(r.label)}" aria-label="${escapeHtml(r.title)}"></a>`;
      }
    }
    const want: Open[] = [];
    if (seg.href !== null) {
      let j = i + 1;
      while (j < segs.length && segs[j]!.href === seg.href && segs[j]!.starts.length === 0) j++;
      const final = j === segs.length || segs[j]!.href !== seg.href;
      want.push({ key: `a ${seg.href}`, open: `<a href="${escapeHtml(seg.href)}" rel="noopener noreferrer"${final ? ' class="ext"' : ''}>`, close: '</a>' });
    }
    if (seg.claims.length > 0) {
      const inner = seg.claims.at(-1)!;
      const v = inner.data?.verification;
      const cls = `claim ${verdictClass(v?.verdict)} ${statusClass(v?.status)}${seg.claims.length > 1 ? ` overlap depth-${Math.min(seg.claims.length, 3)}` : ''}`;
      const nums = seg.claims.map((c) => refs.of(c).label).join(' ');
      const title = seg.claims.map((c) => claimTitle(c, refs)).join('; ');
      want.push({ key: `mark ${nums}`, open: `<mark class="${cls}" data-claims="${escapeHtml(nums)}" title="${htmlText(title)}">`, close: '</mark>' });
    }
    if (seg.strong) want.push({ key: 'strong', open: '<strong>', close: '</strong>' });
    if (seg.em) want.push({ key: 'em', open: '<em>', close: '</em>' });
    let k = 0;
    while (k < stack.length && k < want.length && stack[k]!.key === want[k]!.key) k++;
    closeTo(k);
    for (const w of want.slice(k)) {
      out += w.open;
      stack.push(w);
    }
    out += lines(seg.text);
  });
  closeTo(0);
  return out;
}

function articleTextHtml(model: ReportModel, refs: ReturnType<typeof claimRefs>): string {
  const segments = segmentBlocks(model);
  const inline = (i: number) => inlineHtml(segments.get(i) ?? [], refs);
  const parts: string[] = [];
  for (const g of groupBlocks(model.blocks)) {
    if (g.kind === 'bullet' || g.kind === 'ordered') {
      const tag = g.kind === 'bullet' ? 'ul' : 'ol';
      parts.push(`<${tag}>\n${g.items.map((i) => `<li dir="auto">${inline(i)}</li>`).join('\n')}\n</${tag}>`);
    } else if (g.kind === 'quote') {
      parts.push(`<blockquote>\n${g.items.map((i) => `<p dir="auto">${inline(i)}</p>`).join('\n')}\n</blockquote>`);
    } else {
      const b = model.blocks[g.index]!;
      if (b.kind === 'rule') parts.push('<hr>');
      else if (b.kind === 'title') parts.push(`<h3 class="article-title" dir="auto">${headingText(inline(g.index))}</h3>`);
      else if (b.kind === 'heading') {
        const level = isNum(b.level) ? Math.min(6, Math.max(4, Math.round(b.level) + 2)) : 4;
        parts.push(`<h${level} dir="auto">${headingText(inline(g.index))}</h${level}>`);
      } else if (b.kind === 'caption') parts.push(`<p class="caption" dir="auto">${inline(g.index)}</p>`);
      else parts.push(`<p dir="auto">${inline(g.index)}</p>`);
    }
  }
  return parts.join('\n');
}

// ---------------------------------------------------------------------------------------------------------
// Findings

function attributionHtml(c: ReportClaim): string {
  const a = c.data?.attribution;
  if (!a) return '<p class="muted">No attribution recorded.</p>';
  const rows: string[] = [];
  const kind = labelOf(ATTRIBUTION_KIND_LABELS, a.kind);
  const sourceKind = a.sourceKind === 'none' ? '' : ` <span class="muted">(${htmlText(labelOf(SOURCE_KIND_LABELS, a.sourceKind))})</span>`;
  rows.push(row('Source', `${filled(a.sourceName) ? bdi(a.sourceName) : '<span class="muted">None given</span>'}${sourceKind}`));
  rows.push(row('Attribution', `<span class="attr-kind attr-${a.kind === 'vague' || a.kind === 'none' ? 'weak' : 'ok'}">${htmlText(kind)}</span>${filled(a.cue) ? ` — cue: “${bdi(a.cue)}”` : ''}`));
  const t = a.traced;
  if (t && (filled(t.url) || filled(t.title) || filled(t.publisher) || filled(t.date) || filled(t.archivedUrl))) {
    const bits: string[] = [];
    if (filled(t.url) || filled(t.title)) bits.push(filled(t.url) ? link(t.url, t.title) : bdi(t.title));
    if (filled(t.publisher)) bits.push(bdi(t.publisher));
    if (filled(t.date)) bits.push(time(t.date));
    if (filled(t.archivedUrl)) bits.push(`archived copy: ${link(t.archivedUrl)}`);
    rows.push(row('Traced original', bits.join(' · ')));
  } else rows.push(row('Traced original', '<span class="muted">Not traced</span>'));
  return `<dl class="facts">\n${rows.join('\n')}\n</dl>`;
}

function evidenceHtml(c: ReportClaim): string {
  const list = Array.isArray(c.data?.verification?.evidence) ? c.data.verification.evidence : [];
  if (list.length === 0) return '<h4>Evidence</h4>\n<p class="muted">No evidence recorded.</p>';
  const items = list.map((e) => {
    const meta: string[] = [];
    if (filled(e.publisher)) meta.push(bdi(e.publisher));
    if (filled(e.accessedAt)) meta.push(`accessed ${time(e.accessedAt)}`);
    const stance = typeof e.stance === 'string' && /^[a-z]{1,20}$/.test(e.stance) ? e.stance : 'unknown';
    return (
      `<li><p class="ev-head"><span class="stance stance-${stance}">${htmlText(labelOf(STANCE_LABELS, e.stance))}</span> ${link(e.url, e.title)}</p>` +
      (meta.length ? `\n<p class="ev-meta">${meta.join(' · ')}</p>` : '') +
      (filled(e.quote) ? `\n<blockquote class="ev-quote">${paragraphs(e.quote)}</blockquote>` : '') +
      '</li>'
    );
  });
  return `<h4>Evidence (${list.length})</h4>\n<ol class="evidence">\n${items.join('\n')}\n</ol>`;
}

function commentHtml(m: Comment, parentDeleted: boolean): string {
  const meta = [`<strong>${bdi(m.author)}</strong>`, time(m.at)];
  if (m.editedAt) meta.push(`edited ${time(m.editedAt)}`);
  if (parentDeleted) meta.push('reply to a deleted comment');
  return `<p class="comment-meta">${meta.join(' · ')}</p>\n${paragraphs(m.text)}`;
}

/** The comments as threads: replies in a list under the comment they answer. */
function commentsHtml(c: ReportClaim): string {
  const list = Array.isArray(c.data?.comments) ? c.data.comments : [];
  if (list.length === 0) return '';
  const items = threadComments(list).map((t) => {
    const replies = t.replies.map((r) => `<li>${commentHtml(r, false)}</li>`);
    return `<li>${commentHtml(t.comment, t.parentDeleted)}${replies.length ? `\n<ol class="replies" aria-label="Replies">\n${replies.join('\n')}\n</ol>` : ''}</li>`;
  });
  return `<h4>Comments (${list.length})</h4>\n<ol class="comments">\n${items.join('\n')}\n</ol>`;
}

function findingHtml(c: ReportClaim, refs: ReturnType<typeof claimRefs>, model: ReportModel): string {
  const r = refs.of(c);
  const v = c.data?.verification;
  const d = c.data;
  const vc = verdictClass(v?.verdict);
  const confidence = v?.confidence ? htmlText(labelOf(CONFIDENCE_LABELS, v.confidence)) : '<span class="muted">Not set</span>';
  const parts = [
    `<article class="finding ${vc}" id="${r.anchor}">`,
    // The badge's number is drawn by CSS: the heading's text (and its PDF bookmark) is "Claim 2", not "2 Claim 2".
    `<header class="finding-head"><h3><span class="finding-num" data-claim-number="${escapeHtml(r.label)}"></span>${escapeHtml(r.title)}</h3>` +
      `<p class="badges"><span class="badge verdict ${vc}">${htmlText(verdictLabel(v?.verdict))}</span> <span class="badge status ${statusClass(v?.status)}">${htmlText(statusLabel(v?.status))}</span></p></header>`,
    c.orphaned ? '<p class="note">The words of this claim are no longer in the article text; it is kept with the words it last had.</p>' : '',
    `<blockquote class="claim-words"${langAttr(model)}>${paragraphs(c.quote)}</blockquote>`,
    `<dl class="facts verdict-facts">\n${row('Verdict', `<span class="swatch ${vc}"></span>${htmlText(verdictLabel(v?.verdict))}`)}\n${row('Confidence', confidence)}\n${row('Status', htmlText(statusLabel(v?.status)))}${secondReviewText(v?.secondReview) ? `\n${row('Second review', escapeHtml(secondReviewText(v?.secondReview)!))}` : ''}\n</dl>`,
    '<h4>Attribution</h4>',
    attributionHtml(c),
    '<h4>Rationale</h4>',
    filled(v?.rationale) ? `<div class="rationale">${paragraphs(v?.rationale)}</div>` : '<p class="muted">No rationale written yet.</p>',
    evidenceHtml(c),
    model.options?.includeComments ? commentsHtml(c) : '',
    d
      ? `<p class="reviewed">Marked by ${bdi(d.createdBy)} on ${time(d.createdAt)}; last change by ${bdi(d.updatedBy)} on ${time(d.updatedAt)}.</p>`
      : '',
    '</article>',
  ];
  return parts.filter((p) => p !== '').join('\n');
}

// ---------------------------------------------------------------------------------------------------------
// Summary, header, audit

function summaryHtml(model: ReportModel, refs: ReturnType<typeof claimRefs>): string {
  const verdictRows = model.summary.byVerdict.map((v, i, all) => {
    const none = i === all.length - 1 && v.verdict === NO_VERDICT_LABEL;
    const cls = none ? 'v-none' : verdictClass(v.verdict);
    const done = Number(v.done) || 0;
    const notDone = Number(v.notDone) || 0;
    return `<tr${done + notDone === 0 ? ' class="zero"' : ''}><td><span class="swatch ${cls}"></span>${bdi(v.verdict)}</td><td class="num">${done}</td><td class="num open">${notDone}</td></tr>`;
  });
  const statusRows = model.summary.byStatus.map(
    (s) => `<tr${s.count === 0 ? ' class="zero"' : ''}><td><span class="status-sample ${statusClass(s.status)}">${htmlText(statusLabel(s.status))}</span></td><td class="num">${Number(s.count) || 0}</td></tr>`,
  );
  const weak = model.summary.weakSourcing.map((c) => {
    const r = refs.of(c);
    const a = c.data?.attribution;
    const how = `${htmlText(attributionPhrase(a?.kind))}${filled(a?.cue) ? ` (“${bdi(a?.cue)}”)` : ''}`;
    return `<li><a href="#${r.anchor}">${escapeHtml(r.title)}</a> — “${bdi(shortQuote(c.quote))}” — ${how}</li>`;
  });
  return [
    '<section id="summary" aria-labelledby="summary-h">',
    '<h2 id="summary-h">Summary</h2>',
    `<p class="lead">${htmlText(summarySentence(model))}</p>`,
    '<div class="summary-grid">',
    `<table class="counts"><caption>By verdict</caption><thead><tr><th scope="col">Verdict</th><th scope="col" class="num">${VERDICT_COUNT_COLUMNS.done}</th><th scope="col" class="num">${VERDICT_COUNT_COLUMNS.notDone}</th></tr></thead><tbody>\n${verdictRows.join('\n')}\n</tbody></table>`,
    `<table class="counts"><caption>By status</caption><thead><tr><th scope="col">Status</th><th scope="col" class="num">Claims</th></tr></thead><tbody>\n${statusRows.join('\n')}\n</tbody></table>`,
    '</div>',
    '<h3>Weak sourcing</h3>',
    weak.length
      ? `<p class="muted">Claims the article attributes vaguely (“reports indicate”) or not at all.</p>\n<ul class="weak">\n${weak.join('\n')}\n</ul>`
      : '<p class="muted">No claim relies on vague or missing attribution.</p>',
    '</section>',
  ].join('\n');
}

function headerHtml(model: ReportModel, title: string): string {
  const m = model.article?.meta ?? { title: '', publisher: '', byline: '', publishedAt: '', modifiedAt: '', url: '', language: '' };
  const rows: string[] = [];
  if (filled(m.publisher)) rows.push(row('Publisher', bdi(m.publisher)));
  if (filled(m.byline)) rows.push(row('Byline', bdi(m.byline)));
  if (filled(m.publishedAt)) rows.push(row('Published', time(m.publishedAt)));
  if (filled(m.modifiedAt)) rows.push(row('Updated by the publisher', time(m.modifiedAt)));
  if (filled(m.url)) rows.push(row('Address', link(m.url)));
  rows.push(row('Imported', time(model.article?.importedAt)));
  rows.push(row('Last updated', time(model.article?.updatedAt)));
  // An unnamed desk is not given a made-up name: the desk line is left out.
  const desk = filled(model.deskName) ? bdi(model.deskName) : null;
  const reviewers = model.reviewers.filter(filled).map((r) => bdi(r));
  const rows2 = [
    ...(desk ? [row('Desk', desk)] : []),
    row('Reviewers', reviewers.length ? reviewers.join(', ') : '<span class="muted">None yet</span>'),
    row('Generated', `${time(model.generatedAt)}${filled(model.generatedBy) ? ` by ${bdi(model.generatedBy)}` : ''}`),
  ];
  return [
    '<header class="report-header">',
    `<p class="kicker">${desk ? `${desk} <span aria-hidden="true">·</span> ` : ''}Fact-check report</p>`,
    `<h1 dir="auto"${langAttr(model)}>${headingText(lines(title))}</h1>`,
    '<div class="meta-grid">',
    `<dl class="meta">\n${rows.join('\n')}\n</dl>`,
    `<dl class="meta stacked">\n${rows2.join('\n')}\n</dl>`,
    '</div>',
    '</header>',
  ].join('\n');
}

function auditHtml(events: AuditEvent[], refs: ReturnType<typeof claimRefs>): string {
  const rowsHtml = events.map((e) => {
    const r = refs.byId(e.claimId);
    const claim = r ? `<a href="#${r.anchor}">${escapeHtml(r.label)}</a>` : filled(e.claimId) ? `<span class="muted">${bdi(e.claimId)}</span>` : '';
    const hasOld = 'old' in e && e.old !== undefined;
    const hasNew = 'new' in e && e.new !== undefined;
    const change = hasOld || hasNew ? `${hasOld ? `<code>${bdi(shortValue(e.old))}</code> → ` : ''}<code>${bdi(shortValue(e.new))}</code>` : '';
    return `<tr><td class="nowrap">${time(e.at)}</td><td>${bdi(e.who)}</td><td>${htmlText(actionLabel(e.action))}</td><td class="num">${claim}</td><td>${filled(e.field) ? `<code>${bdi(e.field)}</code>` : ''}</td><td class="change">${change}</td></tr>`;
  });
  return [
    '<section id="audit" class="appendix" aria-labelledby="audit-h">',
    '<h2 id="audit-h">Appendix: Audit trail</h2>',
    events.length === 0
      ? '<p class="muted">No recorded changes.</p>'
      : `<table class="audit"><thead><tr><th scope="col">Time</th><th scope="col">Who</th><th scope="col">Action</th><th scope="col" class="num">Claim</th><th scope="col">Field</th><th scope="col">Change (old → new)</th></tr></thead><tbody>\n${rowsHtml.join('\n')}\n</tbody></table>`,
    '</section>',
  ].join('\n');
}

function legendHtml(model: ReportModel): string {
  const all = [...model.claims];
  const verdicts = new Map<string, string>();
  for (const c of all) verdicts.set(verdictClass(c.data?.verification?.verdict), verdictLabel(c.data?.verification?.verdict));
  const statuses = new Map<string, string>();
  for (const c of all) statuses.set(statusClass(c.data?.verification?.status), statusLabel(c.data?.verification?.status));
  if (all.length === 0) return '<p class="muted">No claim is marked in the text.</p>';
  const v = [...verdicts].map(([cls, label]) => `<li><mark class="claim ${cls} s-key">${htmlText(label)}</mark></li>`).join('');
  const s = [...statuses].map(([cls, label]) => `<li><span class="status-sample ${cls}">${htmlText(label)}</span></li>`).join('');
  return `<div class="legend"><p><strong>Key.</strong> Highlight colour shows the verdict, underline style the status; the number before each passage leads to its finding.</p><ul class="key" aria-label="Verdicts">${v}</ul><ul class="key" aria-label="Statuses">${s}</ul></div>`;
}

// ---------------------------------------------------------------------------------------------------------
// Style

function verdictCss(model: ReportModel): string {
  const slugs = new Set<string>(Object.keys(VERDICT_COLOURS));
  const extra: string[] = [];
  const add = (v: unknown) => {
    const slug = verdictClass(v).slice(2);
    if (!slugs.has(slug)) {
      slugs.add(slug);
      extra.push(slug);
    }
  };
  for (const v of model.scale ?? []) add(v);
  for (const c of [...model.claims, ...model.orphaned]) add(c.data?.verification?.verdict ?? null);
  for (const v of model.summary.byVerdict) add(v.verdict);
  const rules = Object.entries(VERDICT_COLOURS).map(([slug, [bg, fg]]) => `.v-${slug}{--v-bg:${bg};--v-fg:${fg}}`);
  extra.forEach((slug, i) => {
    const [bg, fg] = EXTRA_COLOURS[i % EXTRA_COLOURS.length]!;
    rules.push(`.v-${slug}{--v-bg:${bg};--v-fg:${fg}}`);
  });
  return rules.join('\n');
}

const CSS = `
:root{--ink:#1b1f24;--muted:#5d6670;--rule:#d5d9de;--accent:#8b1e2d;--paper:#fff;--soft:#f5f6f8;
--serif:Charter,"Bitstream Charter","Sitka Text",Cambria,Georgia,"Noto Serif","DejaVu Serif",serif;
--sans:system-ui,-apple-system,"Segoe UI",Roboto,"Helvetica Neue","Noto Sans","Liberation Sans",Arial,sans-serif}
*{box-sizing:border-box}
html{-webkit-print-color-adjust:exact;print-color-adjust:exact}
body{margin:0 auto;max-width:56rem;padding:2rem 2.5rem 3rem;color:var(--ink);background:var(--paper);font:16px/1.6 var(--serif);overflow-wrap:break-word}
h1,h2,h3,h4,h5,h6,.kicker,dt,caption,th,.badge,.legend,.finding-num,a.claim-ref,.lead,.muted,.note,.ev-meta,.comment-meta,.reviewed,footer{font-family:var(--sans)}
h1{font-size:2rem;line-height:1.2;margin:.2rem 0 1.2rem;font-family:var(--serif);font-weight:700}
h2{font-size:1.3rem;margin:2.4rem 0 1rem;padding-bottom:.35rem;border-bottom:2px solid var(--ink);text-transform:uppercase;letter-spacing:.06em}
h3{font-size:1.1rem;margin:1.6rem 0 .6rem}
h4{font-size:.8rem;margin:1.1rem 0 .4rem;text-transform:uppercase;letter-spacing:.08em;color:var(--muted)}
h5,h6{font-size:1rem;margin:1.2rem 0 .5rem}
h1,h2,h3,h4,h5,h6{white-space:pre-line}
p{margin:0 0 .8rem}
a{color:#0b4f8a}
code{font:.85em/1.4 ui-monospace,"SFMono-Regular",Menlo,Consolas,"DejaVu Sans Mono",monospace;background:var(--soft);padding:0 .2em;border-radius:3px;overflow-wrap:break-word}
.muted{color:var(--muted)}
.report-header{border-top:6px solid var(--accent);padding-top:1rem}
.kicker{margin:0;font-size:.8rem;font-weight:700;letter-spacing:.12em;text-transform:uppercase;color:var(--accent)}
.meta-grid{display:grid;grid-template-columns:minmax(0,3fr) minmax(0,2fr);gap:0 2rem;padding:.8rem 0;border-top:1px solid var(--rule);border-bottom:1px solid var(--rule)}
dl{margin:0}
dl>div{display:grid;grid-template-columns:8.5rem minmax(0,1fr);gap:.6rem;padding:.15rem 0}
dl.stacked>div{grid-template-columns:minmax(0,1fr);gap:0;padding:.15rem 0 .3rem}
dl.stacked dt{padding-top:0}
dt{font-size:.78rem;font-weight:600;color:var(--muted);text-transform:uppercase;letter-spacing:.05em;padding-top:.2rem}
dd{margin:0;font-size:.95rem;min-width:0}
.lead{font-size:1rem}
.summary-grid{display:grid;grid-template-columns:minmax(0,3fr) minmax(0,2fr);gap:2rem;align-items:start}
table{border-collapse:collapse;width:100%;font-family:var(--sans);font-size:.9rem}
caption{text-align:left;font-weight:700;font-size:.8rem;text-transform:uppercase;letter-spacing:.08em;color:var(--muted);padding-bottom:.3rem}
th,td{text-align:left;vertical-align:top;padding:.3rem .5rem;border-bottom:1px solid var(--rule)}
thead th{border-bottom:2px solid var(--ink);font-size:.78rem;text-transform:uppercase;letter-spacing:.05em}
.num{text-align:right;font-variant-numeric:tabular-nums}
tr.zero td{color:#9aa1a8}
td.open{color:var(--muted)}
.nowrap{white-space:nowrap}
.swatch{display:inline-block;width:.85em;height:.85em;margin-right:.45em;vertical-align:-.05em;border-radius:2px;background:var(--v-bg);border:1px solid var(--v-fg)}
.status-sample{text-decoration-line:underline;text-decoration-thickness:2px;text-underline-offset:.25em}
.s-done{text-decoration-style:solid}
.s-in_progress{text-decoration-style:dashed}
.s-unreviewed,.s-unknown{text-decoration-style:dotted}
.s-needs_second_review{text-decoration-style:double}
ul.weak li{margin-bottom:.3rem}
.legend{font-family:var(--sans);font-size:.85rem;background:var(--soft);border:1px solid var(--rule);border-radius:4px;padding:.6rem .8rem;margin-bottom:1.4rem}
.legend p{margin:0 0 .4rem}
ul.key{list-style:none;margin:.2rem 0 0;padding:0;display:flex;flex-wrap:wrap;gap:.4rem 1rem}
.article-body{font-size:1.02rem;line-height:1.75}
.article-body p.caption{font-size:.9em;font-style:italic;color:#444}
.article-body blockquote{margin:0 0 .8rem;padding-left:1rem;border-left:3px solid var(--rule);color:#333}
.article-body hr{border:0;border-top:1px solid var(--rule);margin:1.5rem 25%}
.article-title{font-family:var(--serif);font-size:1.35rem;line-height:1.3}
mark.claim{color:inherit;background:var(--v-bg);padding:.05em .1em;border-radius:2px;text-decoration-line:underline;text-decoration-color:var(--v-fg);text-decoration-thickness:2px;text-underline-offset:.22em;-webkit-box-decoration-break:clone;box-decoration-break:clone}
mark.claim.overlap{box-shadow:inset 0 0 0 1px var(--v-fg)}
mark.claim.depth-3{box-shadow:inset 0 0 0 2px var(--v-fg)}
mark.s-key{padding:.05em .35em}
a.claim-ref{display:inline-block;font-size:.72em;font-weight:700;line-height:1.25;vertical-align:.3em;margin:0 .25em 0 .1em;min-width:1.75em;padding:.08em .45em;border-radius:.8em;background:var(--ink);color:#fff;text-align:center;text-decoration:none;-webkit-user-select:none;user-select:none}
a.claim-ref::before{content:attr(data-claim-number)}
.finding{border:1px solid var(--rule);border-left:5px solid var(--v-fg);border-radius:4px;padding:.2rem 1.2rem .8rem;margin:0 0 1.4rem}
.finding-head{display:flex;flex-wrap:wrap;align-items:baseline;justify-content:space-between;gap:.4rem 1rem}
.finding-head h3{margin:.9rem 0 .3rem}
.finding-num::before{content:attr(data-claim-number)}
.finding-num{display:inline-block;min-width:1.7em;padding:.05em .4em;margin-right:.5em;border-radius:1em;background:var(--v-fg);color:#fff;text-align:center;font-size:.9em}
.badges{margin:0}
.badge{display:inline-block;font-size:.78rem;font-weight:700;padding:.15em .6em;border-radius:1em;border:1px solid var(--rule);background:var(--soft)}
.badge.verdict{background:var(--v-bg);color:var(--v-fg);border-color:var(--v-fg)}
.badge.status{text-decoration-line:underline;text-decoration-thickness:2px;text-underline-offset:.2em}
.claim-words{margin:.4rem 0 .8rem;padding:.5rem 1rem;border-left:4px solid var(--accent);background:var(--soft);font-size:1.05rem;font-style:italic}
.claim-words p:last-child,.rationale p:last-child,.ev-quote p:last-child{margin-bottom:0}
.facts{font-size:.95rem}
.verdict-facts{display:flex;flex-wrap:wrap;gap:0 2.5rem}
.verdict-facts>div{grid-template-columns:auto auto}
.verdict-facts>div:nth-child(n+4){flex-basis:100%;grid-template-columns:auto minmax(0,1fr)}
.attr-weak{font-weight:700;color:#972f12}
.note{font-size:.9rem;background:#fff7e0;border:1px solid #e8cf83;border-radius:4px;padding:.4rem .7rem}
ol.evidence,ol.comments{margin:0;padding-left:1.4rem}
ol.evidence li,ol.comments li{margin-bottom:.6rem}
ol.comments ol.replies{list-style:none;margin:.5rem 0 0;padding-left:1rem;border-left:2px solid var(--rule)}
.ev-head{margin:0}
.ev-meta,.comment-meta,.reviewed{font-size:.85rem;color:var(--muted);margin:0 0 .3rem}
.ev-quote{margin:.2rem 0 0;padding-left:.8rem;border-left:2px solid var(--rule);font-style:italic}
.stance{display:inline-block;font-family:var(--sans);font-size:.72rem;font-weight:700;text-transform:uppercase;letter-spacing:.05em;padding:.05em .45em;border-radius:3px;border:1px solid currentColor;margin-right:.3em}
.stance-supports{color:#17603a}
.stance-refutes{color:#9b1426}
.stance-context,.stance-unknown{color:#34495e}
.reviewed{margin-top:.8rem;padding-top:.5rem;border-top:1px dashed var(--rule)}
table.audit{font-size:.8rem}
table.audit td.change{overflow-wrap:anywhere}
footer{margin-top:3rem;padding-top:.6rem;border-top:1px solid var(--rule);font-size:.8rem;color:var(--muted)}
@page{margin:16mm 15mm 18mm;@bottom-right{content:"Page " counter(page) " of " counter(pages);font-family:sans-serif;font-size:8pt;color:#666}@bottom-left{content:"Claimdesk fact-check report";font-family:sans-serif;font-size:8pt;color:#666}}
@media print{
*{-webkit-print-color-adjust:exact;print-color-adjust:exact}
body{max-width:none;padding:0;font-size:10.5pt}
h1{font-size:20pt}
h2{font-size:13pt}
h2,h4{text-transform:none;letter-spacing:.02em}
/* Chromium builds the PDF outline from the painted text of each heading, and drops the space where a
   heading wraps ("a conflict withSyria's"); kept spaces are painted, so the bookmarks read right. For
   the same reason h2 and h4 are not upper-cased in print: bookmarks and tagged text keep the real words. */
h1,h2,h3,h4,h5,h6{white-space:pre-wrap}
h2,h3,h4,.finding-head{break-after:avoid}
#findings{break-before:page}
#audit{break-before:page}
.finding{break-inside:auto;border-left-width:4px}
.finding>blockquote,.finding dl,ol.evidence li,ol.comments li,table tr,.legend,.summary-grid{break-inside:avoid}
a{color:inherit}
a.ext::after{content:" <" attr(href) ">";font-family:var(--sans);font-size:.8em;color:#555;overflow-wrap:anywhere}
a.claim-ref{background:var(--ink);color:#fff}
}
@media (max-width:40rem){body{padding:1rem}.meta-grid,.summary-grid{grid-template-columns:1fr}dl>div{grid-template-columns:1fr;gap:0}}
`;

// ---------------------------------------------------------------------------------------------------------

/** The report as one self-contained, printable HTML5 document. */
export function renderHtmlReport(model: ReportModel): string {
  const refs = claimRefs(model);
  const titleBlock = model.blocks.find((b) => b.kind === 'title');
  const rawTitle = filled(model.article?.meta?.title) ? model.article.meta.title : titleBlock && 'text' in titleBlock && filled(titleBlock.text) ? titleBlock.text : 'Untitled article';
  const title = displayText(rawTitle).trim();
  const findings = model.claims.map((c) => findingHtml(c, refs, model));
  const orphans = model.orphaned.map((c) => findingHtml(c, refs, model));
  const body = [
    headerHtml(model, title),
    '<main>',
    summaryHtml(model, refs),
    '<section id="article-text" aria-labelledby="article-text-h">',
    '<h2 id="article-text-h">Article text</h2>',
    legendHtml(model),
    `<div class="article-body"${langAttr(model)}>\n${articleTextHtml(model, refs)}\n</div>`,
    '</section>',
    '<section id="findings" aria-labelledby="findings-h">',
    '<h2 id="findings-h">Findings</h2>',
    findings.length ? findings.join('\n') : '<p class="muted">No claims are marked in the text.</p>',
    '</section>',
    orphans.length
      ? [
          '<section id="orphaned" aria-labelledby="orphaned-h">',
          '<h2 id="orphaned-h">Orphaned claims</h2>',
          '<p class="muted">These claims were recorded on words that have since been deleted from the article. They are listed apart, with the words they last had.</p>',
          orphans.join('\n'),
          '</section>',
        ].join('\n')
      : '',
    Array.isArray(model.audit) ? auditHtml(model.audit, refs) : '',
    '</main>',
    `<footer><p>Generated ${time(model.generatedAt)}${filled(model.generatedBy) ? ` by ${bdi(model.generatedBy)}` : ''} with Claimdesk. Article revision ${escapeHtml(String(Number(model.article?.revision) || 0))}.</p></footer>`,
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
    `<title>${htmlText(title.replace(/\s+/g, ' '))} — Fact-check report</title>`,
    `<style>${CSS}${verdictCss(model)}\n</style>`,
    '</head>',
    '<body>',
    ...body,
    '</body>',
    '</html>',
    '',
  ].join('\n');
}
