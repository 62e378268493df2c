/**
 * Removes page furniture (share buttons, comment forms, related-links boxes, cookie banners, ad labels,
 * newsletter prompts) that comes along when an article is copied or saved from a web page. Every removed
 * piece is reported with a reason so nothing disappears unexplained. Works on plain text and on Markdown
 * (link and emphasis syntax is looked through when matching).
 */
import type { RemovedText } from '../schema/article';

/** Blocks in the furniture tail with fewer words than this are taken to be links, not article text. */
const TAIL_SHORT_WORDS = 15;

type StrongMarker = { re: RegExp; reason: string; tail?: boolean };

const PLATFORMS =
  'facebook|whatsapp|twitter|x|linkedin|telegram|email|e-mail|mail|pinterest|reddit|print|messenger|threads|bluesky|tumblr|copy link|sms';

const STRONG: StrongMarker[] = [
  // Share buttons
  { re: /^share now$/, reason: 'share buttons', tail: true },
  { re: /^share( this( article| story| post| page)?)?( (via|on|to|with))?:?$/, reason: 'share buttons' },
  { re: /^(share|post|tweet) (on|to|via|with) [\w .+-]{1,30}$/, reason: 'share buttons' },
  { re: /^(click to )?(share|email) (this|it)( article| story| post| page)?( on| to| via| with)? ?[\w .+-]{0,30}$/, reason: 'share buttons' },
  // Related-links boxes
  { re: /^recommend(ed)? for you$/, reason: 'related-links box', tail: true },
  { re: /^you (may|might) (also )?(like|enjoy|be interested in)$/, reason: 'related-links box', tail: true },
  { re: /^related( articles?| posts?| stories| story| content| news| links| reading| coverage)?:?$/, reason: 'related-links box', tail: true },
  { re: /^more (stories|articles|news)( from [\w .'’&-]{1,40})?:?$/, reason: 'related-links box', tail: true },
  { re: /^(most read|most popular|trending( now)?|popular now|editor'?s picks|top stories|latest news)$/, reason: 'related-links box', tail: true },
  { re: /^read more( (here|stories|news|articles))?\s*[:.…»>→]*$/, reason: 'related-links box' },
  { re: /^(read more|read also|also read|see also)\s*:\s*\S.{0,150}$/, reason: 'related-links box' },
  // Comment forms
  { re: /^leave a (reply|comment)$/, reason: 'comment form', tail: true },
  { re: /^(post a comment|add a comment|comments?|\d+ comments?|join the (conversation|discussion)|cancel reply|post comment|submit comment)$/, reason: 'comment form' },
  { re: /^your email address will not be published\.?( required fields are marked \*)?$/, reason: 'comment form' },
  { re: /^required fields are marked \*$/, reason: 'comment form' },
  { re: /^save my name, email,? and website in this browser for the next time i comment\.?$/, reason: 'comment form' },
  // Cookie banners
  { re: /^(we|this (web)?site|our (web)?site) uses? cookies\b.{0,400}$/, reason: 'cookie banner' },
  { re: /^(accept|allow|reject|decline|manage)( all)? cookies$/, reason: 'cookie banner' },
  { re: /^cookie (settings|preferences|policy|consent)$/, reason: 'cookie banner' },
  // Advertisement labels
  { re: /^(advertisement|advertising|advert|sponsored|sponsored content|paid content|promoted|promoted content|ad feedback)$/, reason: 'advertisement label' },
  { re: /^(scroll|continue reading) (down )?(to continue|below)( reading)?( the)?( article)?$/, reason: 'advertisement label' },
  // Newsletter prompts
  { re: /^(subscribe|sign up|signup|register) (to|for) (our|the|my) .{0,60}\bnewsletters?\b.{0,200}$/, reason: 'newsletter prompt' },
  { re: /^(get|join) (our|the) .{0,40}\bnewsletters?\b.{0,200}$/, reason: 'newsletter prompt' },
];

const WEAK = new RegExp(`^(${PLATFORMS})$`);

/** The line as it reads, without Markdown decoration or ornamental punctuation. */
function furnitureLabel(line: string): string {
  let s = line.trim();
  s = s.replace(/^#{1,6}\s+/, '').replace(/\s+#+$/, '');
  s = s.replace(/^(>\s*)+/, '');
  s = s.replace(/^([-*+•·]|\d{1,3}[.)])\s+/, '');
  s = s.replace(/!?\[([^\]]*)\]\([^)]*\)/g, '$1'); // [text](url)
  s = s.replace(/<(https?:[^>]*)>/g, '$1');
  s = s.replace(/(\*\*|__|\*|_)(?=\S)([^*_]*?\S)\1/g, '$2'); // **strong**, _em_
  s = s.replace(/[\u2018\u2019]/g, "'").replace(/[\u201C\u201D]/g, '"');
  s = s.replace(/\s+/g, ' ').trim();
  // Ornaments around labels such as "— Advertisement —" or "[ Share ]".
  s = s.replace(/^[\s\-–—|•·[\](){}<>«»=~]+/, '').replace(/[\s\-–—|•·[\](){}<>«»=~]+$/, '');
  return s;
}

/** The label lower-cased, for matching. */
export function furnitureKey(line: string): string {
  return furnitureLabel(line).toLowerCase();
}

/** Why a line of text is furniture by the text rules (and whether links after it are too), or null. */
export function furnitureMarker(line: string): { reason: string; tail: boolean } | null {
  const m = strongMarker(line);
  return m ? { reason: m.reason, tail: m.tail ?? false } : isWeak(line) ? { reason: 'share buttons', tail: false } : null;
}

function strongMarker(line: string): StrongMarker | null {
  const key = furnitureKey(line);
  if (key === '' || key.length > 500) return null;
  return STRONG.find((m) => m.re.test(key)) ?? null;
}

function isWeak(line: string): boolean {
  return WEAK.test(furnitureKey(line));
}

function wordCount(s: string): number {
  const t = s.trim();
  return t === '' ? 0 : t.split(/\s+/).length;
}

/** A short line that still reads like a sentence of the article (and so is not dropped as a tail link). */
function readsLikeSentence(text: string): boolean {
  const t = text.trim();
  return wordCount(t) >= 6 && /[.]["'”’)]?$/.test(t) && /\p{Ll}/u.test(t);
}

/** Whether a block in the furniture tail is short link-like text rather than article prose. */
function isTailBlock(lines: string[]): boolean {
  const words = wordCount(lines.join(' '));
  if (lines.length === 1) return words < TAIL_SHORT_WORDS && !readsLikeSentence(lines[0] ?? '');
  // Several lines: a list of headlines (each short, each starting afresh) rather than a hard-wrapped paragraph.
  if (words < TAIL_SHORT_WORDS) return !readsLikeSentence(lines.join(' '));
  const wrapped = lines.slice(1).some((l) => /^\p{Ll}/u.test(l.trim()));
  return !wrapped && lines.every((l) => wordCount(l) < TAIL_SHORT_WORDS && !readsLikeSentence(l));
}

type Piece = { text: string; reason: string; run: number };

/**
 * Takes blank-line-separated blocks (each possibly several lines) and returns the blocks with furniture
 * removed, and what was removed and why. Adjacent removals with the same reason are merged into one entry
 * (lines joined with "\n"), so every removed line can still be found in `removed[].text`.
 */
export function stripFurniture(blocks: string[]): { kept: string[]; removed: RemovedText[] } {
  const kept: string[] = [];
  const pieces: Piece[] = [];
  let run = 0; // bumped whenever something is kept, so removals either side of kept text are not merged
  let tail: string | null = null; // the marker that opened the trailing furniture, as written
  let tailMarkerReason = '';
  const tailReason = (): string => `links after “${tail ?? ''}”`;

  blocks.forEach((block) => {
    const lines = block.split('\n').filter((l) => l.trim() !== '');
    if (lines.length === 0) return;
    const markers = lines.map(strongMarker);
    const hasStrong = markers.some((m) => m !== null);

    if (!hasStrong) {
      if (tail !== null && isTailBlock(lines)) {
        // Platform names after a share marker are more share buttons; anything else is links.
        const reason = lines.every(isWeak) ? tailMarkerReason : tailReason();
        pieces.push({ text: lines.map((l) => l.trim()).join('\n'), reason, run });
        return;
      }
      tail = null;
      run++;
      kept.push(block);
      return;
    }

    // A block with a strong marker: look at it line by line.
    const firstReason = markers.find((m) => m !== null)?.reason ?? '';
    let lastReason = firstReason;
    const keptLines: string[] = [];
    lines.forEach((line, i) => {
      const marker = markers[i];
      if (marker) {
        pieces.push({ text: line.trim(), reason: marker.reason, run });
        lastReason = marker.reason;
        if (marker.tail) {
          tail = furnitureLabel(line);
          tailMarkerReason = marker.reason;
        }
        return;
      }
      if (isWeak(line)) {
        pieces.push({ text: line.trim(), reason: lastReason, run });
        return;
      }
      if (tail !== null && wordCount(line) < TAIL_SHORT_WORDS && !readsLikeSentence(line)) {
        pieces.push({ text: line.trim(), reason: tailReason(), run });
        return;
      }
      tail = null;
      run++;
      keptLines.push(line);
    });
    if (keptLines.length > 0) kept.push(keptLines.join('\n'));
  });

  const removed: RemovedText[] = [];
  let prev: Piece | null = null;
  for (const p of pieces) {
    const last = removed[removed.length - 1];
    if (last && prev && prev.reason === p.reason && prev.run === p.run) {
      last.text = `${last.text}\n${p.text}`;
    } else {
      removed.push({ text: p.text, reason: p.reason });
    }
    prev = p;
  }
  return { kept, removed };
}
