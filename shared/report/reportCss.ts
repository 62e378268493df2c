/**
 * The HTML report's stylesheet (screen and print), and the verdict colours for the verdicts a report
 * shows. Inline in the report's one <style>: the report makes no request of any kind.
 */
import { EXTRA_COLOURS, VERDICT_COLOURS, verdictSlug } from '../claims/verdictPalette';
import type { ReportModel } from './model';

/** The class of a verdict's colours: v-true, v-mostly-false…, v-none without a verdict. */
export const verdictClass = (verdict: string | null): string => `v-${verdict === null ? 'none' : verdictSlug(verdict)}`;

export const REPORT_CSS = `
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
table.versions{margin-bottom:1rem}
table.versions tr.current td{font-weight:600}
table.versions{table-layout:fixed}
table.versions th:nth-child(1){width:14%}table.versions th:nth-child(2){width:17%}table.versions th:nth-child(3){width:12%}table.versions th:nth-child(4){width:17%}table.versions th:nth-child(5){width:11%}table.versions th:nth-child(6){width:29%}
table.versions td.nowrap{white-space:normal}
del{background:#fbe3e4;color:#8a1620;text-decoration-thickness:1px}
ins{background:#e0f2e6;color:#14532d;text-decoration:none;border-bottom:2px solid #2e8b57}
ol.claim-changes,ol.text-changes{list-style:none;margin:0 0 1rem;padding:0}
li.claim-change{border:1px solid var(--rule);border-left:5px solid #9aa1a8;border-radius:4px;padding:.5rem 1rem;margin-bottom:.8rem;break-inside:avoid}
li.outcome-gone{border-left-color:#9b1426}
li.outcome-changed{border-left-color:#b8860b}
.change-head{font-family:var(--sans);margin:0 0 .3rem}
.badge.outcome{margin-left:.3rem}
li.outcome-gone .badge.outcome{background:#fbe3e4;border-color:#9b1426;color:#9b1426}
li.outcome-changed .badge.outcome{background:#fdf3d8;border-color:#b8860b;color:#7a5a00}
dl.before-after>div{grid-template-columns:6.5rem minmax(0,1fr)}
.claim-was{margin:0;font-style:italic}
ol.text-changes li{padding:.35rem 0;border-bottom:1px dashed var(--rule);break-inside:avoid}
.text-change{margin:0}
.callouts{margin:.2rem 0 0}
.badge.callout{font-size:.7rem;background:#fff7e0;border-color:#e8cf83}
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

/** One rule per verdict: the palette's, then a colour from the extra ones for each other verdict the report shows. */
export function verdictCss(model: ReportModel): string {
  const slugs = new Set<string>(Object.keys(VERDICT_COLOURS));
  const extra: string[] = [];
  const add = (v: string | null) => {
    const slug = verdictClass(v).slice(2);
    if (!slugs.has(slug)) {
      slugs.add(slug);
      extra.push(slug);
    }
  };
  for (const v of model.scale) add(v);
  for (const c of [...model.claims, ...model.orphaned]) add(c.data.verification.verdict);
  for (const v of model.summary.byVerdict) add(v.verdict);
  const rules = Object.entries(VERDICT_COLOURS).map(([slug, [bg, fg]]) => `.v-${slug}{--v-bg:${bg};--v-fg:${fg}}`);
  extra.forEach((slug, i) => {
    const [bg, fg] = EXTRA_COLOURS[i % EXTRA_COLOURS.length]!;
    rules.push(`.v-${slug}{--v-bg:${bg};--v-fg:${fg}}`);
  });
  return rules.join('\n');
}
