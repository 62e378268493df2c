/**
 * Audit events in the words a fact-checker reads in the app's history: "Ana Reviewer set the verdict
 * from Mixed to False — 1 Dec, 11:40". Pure: the time zone and "now" are parameters, so tests are
 * deterministic and the app passes the reader's own zone.
 */
import type { AuditEvent } from '../schema/audit';
import { CARRY_OUTCOMES } from '../schema/version';
import { ATTRIBUTION_KIND_LABELS, SOURCE_KIND_LABELS, STATUS_LABELS } from '../schema/claim';
import { claimFieldLabel } from '../claims/fieldLabels';
import { COMMENT_FIELD_PREFIX, EVIDENCE_FIELD_PREFIX } from '../merge/mergeClaims';
import { VERSION_CONFLICT_FIELD } from '../merge/mergeVersions';
import { CONFIDENCE_LABELS, displayText, labelOf, STANCE_LABELS } from '../report/escape';

/** What the article's details call each metadata field, as the middle of a sentence. */
export const META_FIELD_NAMES: Readonly<Record<string, string>> = {
  title: 'headline',
  publisher: 'publisher',
  byline: 'byline',
  publishedAt: 'published date',
  modifiedAt: 'updated date',
  url: 'URL',
  language: 'language',
};

/**
 * Values longer than this are clipped in the sentence, the whole value behind a disclosure. About one
 * line of the history pane: long enough for a verdict, a source name or a short comment, short enough
 * that a rationale edit does not push the rest of the history off screen.
 */
export const CLIP_CHARS = 80;

/** `s` cut at the last word boundary at or before `max` characters, with an ellipsis when cut. */
export function clipAtWord(s: string, max = CLIP_CHARS): { text: string; clipped: boolean } {
  const flat = s.replace(/\s+/g, ' ').trim();
  if (flat.length <= max) return { text: flat, clipped: false };
  const cut = flat.slice(0, max + 1);
  const space = cut.lastIndexOf(' ');
  // One word longer than the limit (a URL): cut inside it rather than show nothing.
  const head = space > max / 2 ? cut.slice(0, space) : flat.slice(0, max);
  return { text: `${head.replace(/[\s,;:.–—-]+$/, '')}…`, clipped: true };
}

export type HistoryEntry = {
  id: string;
  who: string;
  at: string;
  /** "1 Dec, 11:40" in the reader's zone; the year too when it is not this year. */
  when: string;
  /** What they did, after their name: "set the verdict from Mixed to False". */
  summary: string;
  /** The values clipped in the summary, whole, for a disclosure. */
  full: { label: string; text: string }[];
  claimId?: string;
};

export type DescribeOptions = { timeZone?: string; now?: Date };

/** "1 Dec, 11:40", or "1 Dec 2025, 11:40" outside the current year. */
export function formatWhen(at: string, { timeZone, now = new Date() }: DescribeOptions = {}): string {
  const t = new Date(at);
  if (Number.isNaN(t.getTime())) return at;
  const year = (d: Date) => new Intl.DateTimeFormat('en-GB', { year: 'numeric', timeZone }).format(d);
  const sameYear = year(t) === year(now);
  const day = new Intl.DateTimeFormat('en-GB', { day: 'numeric', month: 'short', ...(sameYear ? {} : { year: 'numeric' }), timeZone }).format(t);
  const time = new Intl.DateTimeFormat('en-GB', { hour: '2-digit', minute: '2-digit', hourCycle: 'h23', timeZone }).format(t);
  return `${day}, ${time}`;
}

/** A field label as the middle of a sentence: "Original URL" → "original URL". */
function lower(label: string): string {
  return /^[A-Z][a-z]/.test(label) ? label.charAt(0).toLowerCase() + label.slice(1) : label;
}

const isEmpty = (v: unknown) => v === null || v === undefined || v === '' || (Array.isArray(v) && v.length === 0);

/** A value as words: labels for coded values, the text itself for free text (quoted by the caller). */
function valueText(field: string, v: unknown): string {
  if (typeof v === 'string') {
    if (field === 'verification.status') return labelOf(STATUS_LABELS, v);
    if (field === 'attribution.sourceKind') return labelOf(SOURCE_KIND_LABELS, v);
    if (field === 'attribution.kind') return labelOf(ATTRIBUTION_KIND_LABELS, v);
    if (field === 'verification.confidence') return labelOf(CONFIDENCE_LABELS, v);
    return displayText(v);
  }
  if (typeof v === 'number' || typeof v === 'boolean') return String(v);
  if (typeof v === 'object' && v !== null) {
    const o = v as Record<string, unknown>;
    if (field === 'verification.secondReview') {
      return o.signedOffBy ? `asked for by ${displayText(o.requestedBy)}, signed off by ${displayText(o.signedOffBy)}` : `asked for by ${displayText(o.requestedBy)}`;
    }
    if (typeof o.title === 'string' && o.title.trim() !== '') return displayText(o.title);
    if (typeof o.url === 'string') return displayText(o.url);
    if (typeof o.text === 'string') return displayText(o.text);
  }
  try {
    return displayText(JSON.stringify(v));
  } catch {
    return displayText(String(v));
  }
}

/** Fields whose values are the reviewer's own words, shown in quotes; coded values are not. */
const CODED = new Set(['verification.status', 'verification.verdict', 'verification.confidence', 'attribution.sourceKind', 'attribution.kind', 'verification.secondReview']);

/** "imported version 2 from the publisher (file v2.html): 3 claims unchanged, 1 changed, 1 gone" from version_added's `new`. */
function versionAddedSummary(v: unknown): string {
  const o = typeof v === 'object' && v !== null ? (v as Record<string, unknown>) : {};
  const number = typeof o.number === 'number' ? ` ${o.number}` : '';
  const from = o.from === 'paste' ? ' (pasted text)' : typeof o.from === 'string' && o.from !== '' && o.from !== 'file' ? ` (file ${displayText(o.from)})` : '';
  const counts = CARRY_OUTCOMES.map((key) => [typeof o[key] === 'number' ? (o[key] as number) : 0, key] as const);
  const total = counts.reduce((n, [c]) => n + c, 0);
  const carried = counts
    .filter(([c], i) => c > 0 || i === 0)
    .map(([c, word], i) => (i === 0 ? `${c} ${c === 1 ? 'claim' : 'claims'} ${word}` : `${c} ${word}`))
    .join(', ');
  return `imported version${number} from the publisher${from}${total > 0 ? `: ${carried}` : ''}`;
}

/** A version conflict decided: `old` is this desk's side, `new` the side chosen (shared/merge/mergeVersions.ts VersionSide). */
function versionConflictSummary(ours: unknown, chosen: unknown): string {
  const side = (v: unknown) => (typeof v === 'object' && v !== null ? (v as Record<string, unknown>) : {});
  const c = side(chosen);
  const kept = side(ours).hash === c.hash;
  const which = typeof c.number === 'number' ? ` (version ${c.number}${typeof c.title === 'string' && c.title !== '' ? `, “${clipAtWord(displayText(c.title)).text}”` : ''})` : '';
  return `decided a version conflict: ${kept ? 'kept this desk’s text' : 'took the bundle’s text'}${which}`;
}

/** Describes one audit event. Unknown shapes (a newer desk's bundle) still read as something sensible. */
export function describeEvent(e: AuditEvent, opts: DescribeOptions = {}): HistoryEntry {
  const full: HistoryEntry['full'] = [];
  /** A value for the sentence: clipped, quoted if free text, the whole of it kept for the disclosure when cut. */
  const show = (label: string, field: string, v: unknown): string => {
    const text = valueText(field, v);
    const { text: clipped, clipped: cut } = clipAtWord(text);
    if (cut) full.push({ label, text });
    return CODED.has(field) ? clipped : `“${clipped}”`;
  };
  const field = e.field ?? '';
  let summary: string;
  switch (e.action) {
    case 'import':
      summary = typeof e.new === 'string' && !['paste', 'sample', 'file'].includes(e.new) ? `imported the article from ${show('File', 'import', e.new)}` : e.new === 'paste' ? 'imported the article from pasted text' : 'imported the article';
      break;
    case 'edit_text':
      // The desk's own correction in the editor, told apart from a publisher's new version (version_added).
      summary = typeof e.old === 'number' && typeof e.new === 'number' ? `corrected the text here, the desk’s own edit (${e.old.toLocaleString('en')} → ${e.new.toLocaleString('en')} words)` : 'corrected the text here, the desk’s own edit';
      break;
    case 'version_added':
      summary = versionAddedSummary(e.new);
      break;
    case 'edit_meta': {
      const name = META_FIELD_NAMES[field.replace(/^meta\./, '')] ?? field;
      if (isEmpty(e.new)) summary = `cleared the ${name} (was ${show(`Old ${name}`, field, e.old)})`;
      else if (isEmpty(e.old)) summary = `set the ${name} to ${show(`New ${name}`, field, e.new)}`;
      else summary = `changed the ${name} from ${show(`Old ${name}`, field, e.old)} to ${show(`New ${name}`, field, e.new)}`;
      break;
    }
    case 'claim_created':
      summary = `marked the claim ${show('Claim', 'quote', e.new)}`;
      break;
    case 'claim_deleted':
      summary = `deleted the claim ${show('Claim', 'quote', e.old)}`;
      break;
    case 'claim_orphaned':
      summary = `deleted the words of the claim ${show('Claim', 'quote', e.old)}; the claim is kept, orphaned`;
      break;
    case 'claim_restored':
      summary = `re-attached the claim to ${show('Claim', 'quote', e.new)}`;
      break;
    case 'claim_updated':
    case 'conflict_resolved': {
      if (e.action === 'conflict_resolved' && field === VERSION_CONFLICT_FIELD) {
        summary = versionConflictSummary(e.old, e.new);
        break;
      }
      if (field.startsWith(EVIDENCE_FIELD_PREFIX)) {
        if (e.action === 'conflict_resolved') summary = `decided a conflict on evidence ${show('Evidence', 'evidence', e.new ?? e.old)}`;
        else if (isEmpty(e.old)) summary = `added evidence ${show('Evidence', 'evidence', e.new)}`;
        else if (isEmpty(e.new)) summary = `removed evidence ${show('Evidence', 'evidence', e.old)}`;
        else summary = `edited evidence ${show('Evidence', 'evidence', e.new)}`;
        break;
      }
      if (field.startsWith(COMMENT_FIELD_PREFIX)) {
        summary = isEmpty(e.new) ? 'decided a conflict on a comment: removed it' : `decided a conflict on a comment: kept ${show('Comment', 'comment', e.new)}`;
        break;
      }
      const label = claimFieldLabel(field);
      const name = `the ${lower(label)}`;
      if (e.action === 'conflict_resolved') {
        summary = `decided a conflict on ${name}: ${isEmpty(e.new) ? 'left empty' : show(label, field, e.new)}`;
      } else if (isEmpty(e.new)) summary = `cleared ${name} (was ${show(`Old ${lower(label)}`, field, e.old)})`;
      else if (isEmpty(e.old)) summary = `set ${name} to ${show(label, field, e.new)}`;
      else summary = `set ${name} from ${show(`Old ${lower(label)}`, field, e.old)} to ${show(`New ${lower(label)}`, field, e.new)}`;
      break;
    }
    case 'comment_added':
      summary = `commented ${show('Comment', 'comment', e.new)}`;
      break;
    case 'comment_replied':
      summary = `replied to a comment: ${show('Reply', 'comment', e.new)}`;
      break;
    case 'comment_edited':
      summary = `edited a comment from ${show('Before', 'comment', e.old)} to ${show('After', 'comment', e.new)}`;
      break;
    case 'comment_deleted':
      summary = `deleted a comment: ${show('Comment', 'comment', e.old)}`;
      break;
    case 'bundle_exported':
      summary = 'exported a review bundle for a teammate';
      break;
    case 'bundle_opened':
      summary = `opened a review bundle (${show('Bundle', 'bundle', e.new)})`;
      break;
    case 'bundle_merged':
      summary = `merged a review bundle (${show('Bundle', 'bundle', e.new)})`;
      break;
    default:
      summary = `did ${String(e.action).replace(/_/g, ' ')}`;
  }
  const entry: HistoryEntry = { id: e.id, who: displayText(e.who), at: e.at, when: formatWhen(e.at, opts), summary, full };
  if (e.claimId !== undefined) entry.claimId = e.claimId;
  return entry;
}

/** Every action the history can be filtered by, grouped as the article's history offers them. */
export const HISTORY_KINDS = {
  text: { label: 'Text and details', actions: ['import', 'version_added', 'edit_text', 'edit_meta'] },
  claims: { label: 'Claims', actions: ['claim_created', 'claim_updated', 'claim_deleted', 'claim_orphaned', 'claim_restored'] },
  comments: { label: 'Comments', actions: ['comment_added', 'comment_replied', 'comment_edited', 'comment_deleted'] },
  handoff: { label: 'Review handoff', actions: ['bundle_exported', 'bundle_opened', 'bundle_merged', 'conflict_resolved'] },
} as const satisfies Record<string, { label: string; actions: readonly AuditEvent['action'][] }>;
export type HistoryKindName = keyof typeof HISTORY_KINDS;
