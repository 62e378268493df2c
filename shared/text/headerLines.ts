/**
 * The lines at the top of a copied article that are metadata, not text: the publisher ("Reuters",
 * "BBC News"), the byline ("By …", "Written by …"), the published and updated dates, the address, or
 * several of them on one line ("By Jane Doe | Reuters | 3 March 2025"). Used by the text, Markdown and
 * Word importers on lines near the headline only: out of that context "Reuters" may be a word of prose.
 * Pure code: runs in Node and in the browser.
 */
import { KNOWN_PUBLISHERS } from './publishers';

export type HeaderFields = {
  publisher?: string;
  byline?: string;
  publishedAt?: string;
  modifiedAt?: string;
  url?: string;
};
export type HeaderField = keyof HeaderFields;

// ---------------------------------------------------------------------------------------------------------
// Bylines

const BYLINE_CONNECTORS = new Set([
  'and', '&', 'de', 'da', 'del', 'della', 'der', 'den', 'van', 'von', 'al', 'el', 'bin', 'ibn', 'la', 'le', 'du', 'dos',
  'das', 'y', 'of', 'for', 'the', 'in', 'at', 'with', '|', '-', '–', '—', '/',
]);

const BYLINE_START = /^(?:(?:written|words|story|text|reported)\s+by|by|authors?)\s*:?\s+(.+)$/i;

/** A run of names ("Jane Doe and John Roe", "J. R. Smith Jr."); otherwise null. */
function names(text: string): string | null {
  const rest = text.trim().replace(/[\s,|–—-]+$/, '');
  if (rest.length === 0 || rest.length > 120 || /[!?;:"“”]/.test(rest)) return null;
  const words = rest.split(/[\s,]+/).filter((w) => w !== '');
  if (words.length === 0 || words.length > 14) return null;
  if (!/^\p{Lu}/u.test(words[0] ?? '')) return null;
  for (const w of words) {
    if (/^\p{Lu}/u.test(w) || BYLINE_CONNECTORS.has(w.toLowerCase())) continue;
    return null;
  }
  // A full stop only after an initial or abbreviation (J., Jr.), never at the end of a sentence.
  const last = words[words.length - 1] ?? '';
  if (last.endsWith('.') && last.length > 4) return null;
  return rest;
}

/** "By Jane Doe", "Written by Jane Doe and John Roe", "Words by …" → the names; otherwise null. */
export function parseByline(line: string): string | null {
  const m = BYLINE_START.exec(line.trim());
  return m && m[1] ? names(m[1]) : null;
}

// ---------------------------------------------------------------------------------------------------------
// Dates

const MONTHS: Record<string, number> = {
  jan: 1, january: 1, feb: 2, february: 2, mar: 3, march: 3, apr: 4, april: 4, may: 5, jun: 6, june: 6,
  jul: 7, july: 7, aug: 8, august: 8, sep: 9, sept: 9, september: 9, oct: 10, october: 10, nov: 11,
  november: 11, dec: 12, december: 12,
};

function isoDate(year: number, month: number, day: number): string | null {
  if (!Number.isInteger(year) || year < 1800 || year > 2200 || month < 1 || month > 12 || day < 1) return null;
  const leap = (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
  const days = [31, leap ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][month - 1] ?? 0;
  if (day > days) return null;
  return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

/** What may follow a date on a dateline: a time, a zone, nothing else. */
const TIME_TAIL =
  /^(\s*(,|at|-|–|—|\||·)?\s*\d{1,2}[:.]\d{2}(:\d{2})?\s*([ap]\.?\s?m\.?)?\s*(\(?(utc|gmt)?\s*[+-]\d{1,2}(:?\d{2})?\)?|\(?[a-z]{2,5}\)?)?)?\s*$/i;
/** A time written before the date: "10:32 GMT, 4 March 2025". */
const TIME_HEAD = /^\d{1,2}[:.]\d{2}(:\d{2})?\s*([ap]\.?\s?m\.?)?\s*([a-z]{2,5}\b)?\s*[,|·–—-]\s*/i;

const MODIFIED_PREFIX = /^(last\s+updated|last\s+modified|updated|modified|edited)(\s+on)?\s*:?\s*/i;
const PUBLISHED_PREFIX = /^(first\s+published|published|posted|date|dated)(\s+on)?\s*:?\s*/i;

/** A date with nothing but a weekday before it and a time before or after it. */
function bareDate(text: string): string | null {
  let s = text.replace(TIME_HEAD, '');
  s = s.replace(/^(mon|tue|tues|wed|thu|thur|thurs|fri|sat|sun)[a-z]*\.?,?\s+/i, '');
  let m = /^(\d{4})-(\d{2})-(\d{2})(T[\d:.]+(Z|[+-]\d{2}:?\d{2})?)?(.*)$/i.exec(s);
  if (m) {
    if (!TIME_TAIL.test(m[6] ?? '')) return null;
    return isoDate(Number(m[1]), Number(m[2]), Number(m[3]));
  }
  m = /^(\p{L}+)\.?\s+(\d{1,2})(st|nd|rd|th)?,?\s+(\d{4})(.*)$/iu.exec(s);
  if (m) {
    const month = MONTHS[(m[1] ?? '').toLowerCase()];
    if (month === undefined || !TIME_TAIL.test(m[5] ?? '')) return null;
    return isoDate(Number(m[4]), month, Number(m[2]));
  }
  m = /^(\d{1,2})(st|nd|rd|th)?\s+(of\s+)?(\p{L}+)\.?,?\s+(\d{4})(.*)$/iu.exec(s);
  if (m) {
    const month = MONTHS[(m[4] ?? '').toLowerCase()];
    if (month === undefined || !TIME_TAIL.test(m[6] ?? '')) return null;
    return isoDate(Number(m[5]), month, Number(m[1]));
  }
  return null;
}

/**
 * A line that is only a date, optionally "Published"/"Updated" and a weekday before it and a time around it:
 * "December 24, 2024", "24 December 2024", "2024-12-24", "Published: Tue 24 Dec 2024 10.32 GMT" → "2024-12-24".
 */
export function parseDateLine(line: string): string | null {
  const s = line.trim().replace(/\s+/g, ' ');
  return bareDate(s.replace(MODIFIED_PREFIX, '').replace(PUBLISHED_PREFIX, ''));
}

/** A date line with what it dates: "Updated: …" / "Last updated …" is the modified date, any other the published one. */
export function parseDatedLine(line: string): { field: 'publishedAt' | 'modifiedAt'; date: string } | null {
  const s = line.trim().replace(/\s+/g, ' ');
  const modified = MODIFIED_PREFIX.test(s);
  const date = bareDate(s.replace(modified ? MODIFIED_PREFIX : PUBLISHED_PREFIX, ''));
  return date ? { field: modified ? 'modifiedAt' : 'publishedAt', date } : null;
}

// ---------------------------------------------------------------------------------------------------------
// Addresses and publishers

/** A line that is only a web address (optionally in angle brackets). */
export function parseUrlLine(line: string): string | null {
  const m = /^<?(https?:\/\/[^\s<>]+)>?$/i.exec(line.trim());
  return m && m[1] && m[1].length <= 2048 ? m[1] : null;
}

function publisherKey(s: string): string {
  return s
    .normalize('NFKC')
    .replace(/[\u2018\u2019]/g, "'")
    .replace(/[\u2010-\u2015]/g, '-')
    .replace(/\s+/g, ' ')
    .trim()
    .toLowerCase()
    .replace(/^the /, '');
}

const KNOWN = new Set(KNOWN_PUBLISHERS.map(publisherKey));

/**
 * Names shaped like a news organisation's: capitalised words ending in a masthead word ("Sky News",
 * "The Kyiv Post", "Manchester Evening News"). Up to four words before it: longer lines are headlines.
 */
const MASTHEAD =
  /^(the\s+)?((\p{Lu}|\d)[\p{L}\d'’.&-]*\s+){1,4}(news|times|post|herald|tribune|gazette|journal|telegraph|chronicle|observer|guardian|independent|express|mirror|standard|courier|inquirer|dispatch|examiner|daily|press|agency|wire|newswire|monitor|today|insider|online)(\s+(agency|network|online|international|english|arabic|live))?$/iu;
/** Section labels shaped like mastheads ("Breaking News", "World News") that name no publisher. */
const NOT_PUBLISHERS = /^(the\s+)?(breaking|latest|top|more|related|recent|local|world|national|international|good|bad|fake|other|sports?|business|daily|today'?s|this|last|next|live|financial|politics|health|science|tech|entertainment|celebrity)\s+(news|times|today|daily|online|wire)$/i;
/** A site's domain: "middleeasteye.net", "www.enabbaladi.net". */
const DOMAIN = /^(www\.)?[a-z0-9][a-z0-9-]*(\.[a-z0-9-]+)*\.[a-z]{2,12}$/i;

function isPublisherName(s: string): boolean {
  if (s.length === 0 || s.length > 60) return false;
  if (KNOWN.has(publisherKey(s))) return true;
  if (NOT_PUBLISHERS.test(s)) return false;
  return MASTHEAD.test(s) || (DOMAIN.test(s) && /[a-z]/i.test(s.split('.').pop() ?? ''));
}

/**
 * A short line that names a news organisation: a known name, a masthead-shaped name, a domain, or a name
 * with its domain ("Enab Baladi (enabbaladi.net)"); in parentheses too ("(Reuters)"). → the name as written.
 */
export function parsePublisher(line: string): string | null {
  let s = line.trim().replace(/\s+/g, ' ');
  const bracketed = /^\((.+)\)$/.exec(s);
  if (bracketed?.[1]) s = bracketed[1].trim();
  const withDomain = /^(.{1,50}?)\s*(?:\(([^()]+)\)|[|·–—-]\s*(\S+))$/.exec(s);
  if (withDomain?.[1]) {
    const domain = (withDomain[2] ?? withDomain[3] ?? '').trim();
    if (DOMAIN.test(domain) && /^(\p{Lu}|\d)/u.test(withDomain[1])) return withDomain[1].trim();
  }
  return isPublisherName(s) ? s : null;
}

// ---------------------------------------------------------------------------------------------------------
// Whole lines

/** Splits a line at the separators header lines use between fields: "|", "·", "•", a spaced dash. */
function segments(line: string): string[] {
  return line
    .split(/\s+[|·•]\s+|\s+[–—-]\s+|\s*\|\s*/)
    .map((s) => s.trim())
    .filter((s) => s !== '');
}

/** "Jane Doe, Reuters" / "Jane Doe, 3 March 2025": the names, then any publisher or date after a comma. */
function bylineSegment(names_: string, fields: HeaderFields): boolean {
  const parts = names_.split(/\s*,\s*/);
  for (let i = 1; i < parts.length; i++) {
    const tail = parts.slice(i);
    const date = parseDatedLine(tail.join(', '));
    const publisher = tail.length === 1 ? parsePublisher(tail[0] ?? '') : null;
    if (!date && !publisher) continue;
    const who = names(parts.slice(0, i).join(', '));
    if (!who) return false;
    fields.byline = who;
    if (publisher) fields.publisher = publisher;
    if (date) fields[date.field] = date.date;
    return true;
  }
  const who = names(names_);
  if (!who) return false;
  fields.byline = who;
  return true;
}

/**
 * What a header line says, when all of it is metadata; null when any part of it is not (then it is text).
 * A line of fields separated by "|" (or "·", a spaced dash) may hold several: "By X | Reuters | 3 March 2025".
 */
export function parseHeaderLine(line: string): HeaderFields | null {
  const whole = line.trim().replace(/\s+/g, ' ');
  if (whole === '' || whole.length > 300) return null;
  const url = parseUrlLine(whole);
  if (url) return { url };
  // Whole-line readings first: a dateline's time may follow a spaced dash, a masthead may hold one.
  const date = parseDatedLine(whole);
  if (date) return { [date.field]: date.date };
  const publisher = parsePublisher(whole);
  if (publisher) return { publisher };
  const fields: HeaderFields = {};
  for (const seg of segments(whole)) {
    const byline = BYLINE_START.exec(seg);
    const date = parseDatedLine(seg);
    const publisher = date ? null : parsePublisher(seg);
    if (byline?.[1] && !fields.byline) {
      if (!bylineSegment(byline[1], fields)) return null;
    } else if (date && !fields[date.field]) {
      fields[date.field] = date.date;
    } else if (publisher && !fields.publisher) {
      fields.publisher = publisher;
    } else if (parseUrlLine(seg) && !fields.url) {
      fields.url = parseUrlLine(seg) ?? '';
    } else if (fields.byline && !fields.publisher && !date && names(seg)) {
      // "By Jane Doe | John Roe": a second author after the separator.
      fields.byline = `${fields.byline}, ${names(seg) ?? ''}`;
    } else {
      return null;
    }
  }
  return Object.keys(fields).length > 0 ? fields : null;
}

const FIELD_LABEL: Record<HeaderField, string> = {
  publisher: 'publisher',
  byline: 'byline',
  publishedAt: 'date',
  modifiedAt: 'updated date',
  url: 'web address',
};

/**
 * The reason listed for a header line taken out: "moved to metadata (byline, publisher)", or for a line
 * whose fields were all found on an earlier line, "header line (publisher already found)".
 */
export function headerReason(fields: HeaderFields, already?: 'already found'): string {
  const order: HeaderField[] = ['byline', 'publisher', 'publishedAt', 'modifiedAt', 'url'];
  const labels = order.filter((f) => fields[f] !== undefined).map((f) => FIELD_LABEL[f]).join(', ');
  return already ? `header line (${labels} already found)` : `moved to metadata (${labels})`;
}
