/**
 * Every phrase the readable reports (HTML, so the PDF, and Markdown) say in their own words, once. A
 * sentence with values in it is built as parts (./parts.ts), so both markups say the same words and
 * each escapes and marks up the values its own way.
 */
import type { ImportOrigin } from '../schema/articleMeta';
import { ATTRIBUTION_KIND_LABELS, STATUS_LABELS, type AttributionKind, type ClaimData, type SecondReview } from '../schema/claim';
import { formatDate, labelOf } from './displayFormat';
import { displayText } from './escape';
import { date, filled, phrase, text, value, type Part } from './parts';

/** The by-verdict row and the label of a claim without a verdict. */
export const NO_VERDICT_LABEL = 'No verdict yet';

export const REPORT_KIND = 'Fact-check report';
export const UNTITLED_ARTICLE = 'Untitled article';

export const SECTION_HEADINGS = {
  summary: 'Summary',
  byVerdict: 'By verdict',
  byStatus: 'By status',
  weakSourcing: 'Weak sourcing',
  changes: 'Changes since first seen',
  articleText: 'Article text',
  findings: 'Findings',
  orphaned: 'Orphaned claims',
  audit: 'Appendix: Audit trail',
} as const;

export const FINDING_HEADINGS = { attribution: 'Attribution', rationale: 'Rationale', evidence: 'Evidence', comments: 'Comments' } as const;

/** "Evidence (2)": a heading with its count, or the bare heading when there is nothing to count. */
export const counted = (heading: string, n: number): string => (n > 0 ? `${heading} (${n})` : heading);

export const META_LABELS = {
  publisher: 'Publisher',
  byline: 'Byline',
  published: 'Published',
  modified: 'Updated by the publisher',
  address: 'Address',
  imported: 'Imported',
  updated: 'Last updated',
  desk: 'Desk',
  reviewers: 'Reviewers',
  generated: 'Generated',
} as const;

export const FACT_LABELS = {
  verdict: 'Verdict',
  confidence: 'Confidence',
  status: 'Status',
  secondReview: 'Second review',
  source: 'Source',
  attribution: 'Attribution',
  traced: 'Traced original',
} as const;

/** What a report says where a value is missing. */
export const NOT_GIVEN = {
  reviewers: 'None yet',
  confidence: 'Not set',
  source: 'None given',
  traced: 'Not traced',
  rationale: 'No rationale written yet.',
  evidence: 'No evidence recorded.',
  quote: '(no words recorded)',
  claims: 'No claims are marked in the text.',
  audit: 'No recorded changes.',
  weakSourcing: 'No claim relies on vague or missing attribution.',
} as const;

export const WEAK_SOURCING_INTRO = 'Claims the article attributes vaguely (“reports indicate”) or not at all:';
export const ORPHANED_INTRO = 'These claims were recorded on words that have since been deleted from the article. They are listed apart, with the words they last had.';
export const ORPHANED_NOTE = 'The words of this claim are no longer in the article text; it is kept with the words it last had.';

/** How each markup explains its marking of claims in the article text. */
export const TEXT_KEY = {
  html: 'Highlight colour shows the verdict, underline style the status; the number before each passage leads to its finding.',
  /** Given the word "bold" in bold and the sample marker "[1]", both already in Markdown. */
  markdown: (bold: string, marker: string) => `Claimed passages are in ${bold}, each followed by its number (for example ${marker}), which leads to its finding below.`,
} as const;

export const AUDIT_COLUMNS = ['Time', 'Who', 'Action', 'Claim', 'Field', 'Change (old → new)'] as const;
export const STATUS_COUNT_COLUMNS = ['Status', 'Claims'] as const;

export const verdictLabel = (verdict: string | null): string => (verdict !== null && verdict.trim() !== '' ? verdict : NO_VERDICT_LABEL);
export const statusLabel = (status: string): string => labelOf(STATUS_LABELS, status);

/** "Vague attribution", "No attribution given"… for the weak-sourcing list. */
export const attributionPhrase = (kind: AttributionKind): string => (kind === 'none' ? 'No attribution given' : `${labelOf(ATTRIBUTION_KIND_LABELS, kind)} attribution`);

// Sentences around values.
export const cue = (c: string): Part[] => phrase` — cue: “${value(c)}”`;
export const notLinked = (url: Part): Part[] => phrase`(${url}, not linked)`;
export const archivedCopy = (l: Part): Part[] => phrase`archived copy: ${l}`;
export const accessed = (at: string): Part[] => phrase`accessed ${date(at)}`;
export const edited = (at: string): Part[] => phrase`edited ${date(at)}`;
export const REPLY_TO_DELETED = 'reply to a deleted comment';
export const generated = (at: string, by: string): Part[] => (filled(by) ? phrase`${date(at)} by ${value(by)}` : [date(at)]);
export const reviewed = (d: Pick<ClaimData, 'createdBy' | 'createdAt' | 'updatedBy' | 'updatedAt'>): Part[] =>
  phrase`Marked by ${value(d.createdBy)} on ${date(d.createdAt)}; last change by ${value(d.updatedBy)} on ${date(d.updatedAt)}.`;
export const footer = (at: string, by: string, revision: number): Part[] => phrase`Generated ${generated(at, by)} with Claimdesk. Article revision ${text(String(revision))}.`;
export const weakSourcingItem = (quote: string, kind: AttributionKind, cueText: string): Part[] =>
  phrase` — “${value(shortQuote(quote))}” — ${text(attributionPhrase(kind))}${filled(cueText) ? phrase` (“${value(cueText)}”)` : []}`;

/** "asked for by Ana (28 Nov 2026, 09:08 UTC); signed off by Ben (…)": one line of plain text, as a report shows it. */
export function secondReviewText(r: SecondReview): string {
  const asked = `asked for by ${displayText(r.requestedBy)} (${formatDate(r.requestedAt).text})`;
  const signed = r.signedOffBy ? `signed off by ${displayText(r.signedOffBy)} (${formatDate(r.signedOffAt).text})` : 'not signed off yet';
  return `${asked}; ${signed}`;
}

/** A short form of a claim's words for lists: at most `max` characters, cut at a word. */
export function shortQuote(s: string, max = 140): string {
  const t = displayText(s).replace(/\s+/g, ' ').trim();
  if (t.length <= max) return t;
  const cut = t.slice(0, max);
  const sp = cut.lastIndexOf(' ');
  return `${(sp > max * 0.6 ? cut.slice(0, sp) : cut).trimEnd()}…`;
}

// "Changes since first seen"
export const CHANGES = {
  versions: 'Versions',
  versionColumns: ['Version', 'Imported', 'By', 'From', 'Words', 'Headline'],
  altered: 'Claims whose words changed or vanished',
  moved: 'Claims that moved',
  text: 'Other changes to the text',
  firstSeen: 'First seen',
  now: 'Now',
  goneNow: 'No longer in the text',
  noAltered: 'No claim\u2019s words changed or vanished.',
  deletedClaim: 'A claim since deleted',
  noText: 'No other changes to the text.',
  current: (n: number) => `${n} (current)`,
};

export const originPhrase = (o: ImportOrigin): string => (o.kind === 'file' ? (o.fileName ? `File “${o.fileName}”` : 'A file') : o.kind === 'paste' ? 'Pasted text' : 'The sample article');

const listed = (ns: readonly number[]) => (ns.length < 2 ? ns.join('') : `${ns.slice(0, -1).join(', ')} and ${ns.at(-1)}`);
/** "in version 2", "in versions 2 and 3". */
export const inVersions = (ns: readonly number[]): string => `in ${ns.length === 1 ? 'version' : 'versions'} ${listed(ns)}`;

const count = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;
/** The section's first sentence: how many versions, and what changed in the claims and the text. */
export function changesSentence(c: { versions: readonly unknown[]; altered: readonly unknown[]; moved: readonly unknown[]; text: readonly unknown[]; moreText: number }): string {
  const other = c.text.length + c.moreText;
  return `${count(c.versions.length, 'version', 'versions')} of this article. Since version 1: ${count(c.altered.length, 'claim', 'claims')} changed or gone, ${c.moved.length} moved, ${count(other, 'other change', 'other changes')} to the text.`;
}
export const textChangesIntro = (last: number) => `Between version 1 and version ${last}, outside the claims:`;
export const moreChanges = (n: number) => `And ${count(n, 'more change', 'more changes')} to the text, not listed.`;
