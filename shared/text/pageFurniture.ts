/**
 * Furniture rules for the blocks of a saved page, after Readability has found the article: what it keeps
 * that a reader skips (credits, app promotions, follow prompts, datelines, "DON'T MISS" boxes, share,
 * subscribe and newsletter prompts), on top of the text rules (furniture.ts). Each rule has the reason
 * shown to the user. A block matches only as a whole, and only when short, so a sentence that merely
 * mentions an app or a newsletter stays.
 */
import { furnitureKey, furnitureMarker } from './furniture';

export type BlockVerdict = { reason: string; /** the links or list that follow are part of the same box */ tail: boolean };

type Rule = { re: RegExp; reason: string; tail?: boolean; maxWords?: number };

const SOCIAL = '(twitter|x|facebook|instagram|linkedin|tiktok|youtube|threads|bluesky|snapchat|telegram|whatsapp|google news|flipboard|mastodon)';

/** Matched against the block's furniture key (lower case, quotes straightened, ornaments trimmed). */
const RULES: Rule[] = [
  { re: /^(image|photo|picture|video|media) (copyright|credit|source)\b/, reason: 'image credit', maxWords: 14 },
  { re: /^(photo |image |picture )?credits?:? \S.{0,100}$/, reason: 'image credit', maxWords: 16 },
  { re: /^media playback is unsupported on your device$/, reason: 'video player notice' },
  { re: /^\(?(image|images|photo|photos|picture|pic|credit|photograph)s? ?: ?[^)]{1,80}\)?$/, reason: 'image credit', maxWords: 12 },
  { re: /^(getty( images)?|ap photo|afp|reuters|shutterstock|epa|pa( media| wire)?|alamy)( ?[/|-] ?.{0,60})?$/, reason: 'image credit', maxWords: 10 },
  { re: /^click here to (get|download|install) the .{0,60}\bapps?\b/, reason: 'app promotion' },
  { re: /^(download|get) (the|our) .{0,50}\bapp\b.{0,80}$/, reason: 'app promotion', maxWords: 25 },
  { re: new RegExp(`^(follow|like|find) (us|@?[\\w .'-]{1,60}) on ${SOCIAL}\\b.{0,120}$`), reason: 'follow prompt', maxWords: 30 },
  { re: /^follow @\w+/, reason: 'follow prompt', maxWords: 20 },
  { re: /^(published|updated|last updated|first published|posted|last modified|modified)( on| at)?:? .{0,80}$/, reason: 'published/updated line', maxWords: 16 },
  { re: /^(don'?t miss|must read|must see|read next|up next|recommended( reading| stories)?|more on this( story| topic)?|related topics|also on \S.{0,30}|in other news|more from \S.{0,40}|you may also like|what to read next|watch( now| next)?|trending|latest|popular)\s*[:.!…»>]*$/, reason: 'related-story box', tail: true },
  { re: /^(related|more|read more|see also|also read|read also|watch|listen|related video|related stories)\s*:\s*.{1,200}$/, reason: 'related-story kicker', maxWords: 30 },
  { re: /^(share|tweet|email|pin|print)( this)?( article| story| page)?$/, reason: 'share buttons' },
  { re: /^(subscribe|sign up|signup|register|join)\b.{0,160}$/, reason: 'subscribe prompt', maxWords: 25 },
  { re: /\bnewsletters?\b/, reason: 'newsletter prompt', maxWords: 25 },
  { re: /^(sign up|subscribe) (now|today|here)/, reason: 'subscribe prompt' },
  { re: /^(copyright|©|\(c\)) ?.{0,160}$/, reason: 'copyright notice', maxWords: 25 },
  { re: /^all rights reserved\.?$/, reason: 'copyright notice' },
  { re: /^(advertisement|story continues below( advertisement)?|article continues below|continue reading( below)?)$/, reason: 'advertisement label' },
  { re: /^(comments?|view comments|\d+ comments|show comments|leave a comment)$/, reason: 'comment form' },
];

const words = (s: string) => (s.trim() === '' ? 0 : s.trim().split(/\s+/).length);

/** Why this block of the page is furniture, or null when it is article text. */
export function pageBlockFurniture(text: string): BlockVerdict | null {
  const key = furnitureKey(text);
  if (key === '' || key.length > 600) return null;
  const n = words(key);
  for (const r of RULES) {
    if (r.maxWords !== undefined && n > r.maxWords) continue;
    // A newsletter/subscribe line that ends like a sentence of reporting ("…, he said.") is the article's.
    if ((r.reason === 'newsletter prompt' || r.reason === 'subscribe prompt') && /\b(said|says|told|according)\b/.test(key)) continue;
    if (r.re.test(key)) return { reason: r.reason, tail: r.tail ?? false };
  }
  const marker = furnitureMarker(text);
  return marker && n <= 40 ? marker : null;
}

/** "Image caption A man walks…" (BBC) → "A man walks…": the label before a caption's words. */
export const CAPTION_LABEL = /^\s*(image|media|video|photo) caption\s*/i;

/**
 * Credits inside a caption's text, removed from it with the reason "image credit": "(Image: GETTY)",
 * "Photo: Jane Doe/Reuters", "Image copyright Getty Images", "Credit: AP".
 */
export const CAPTION_CREDITS: RegExp[] = [
  /\s*\((image|photo|picture|pic|credit)s?:\s*[^)]{1,80}\)\s*/gi,
  /\s*(image|photo|media) (copyright|credit|source)\s+[^.]{1,80}?(?=\s+(image|media) caption\b|$)/gi,
  /\s*\b(photo|image|credit|photograph|picture)s?( by)?:\s*[^.]{1,80}$/gi,
  /\s*\b\S+( \S+){0,3} ?\/ ?(getty images|afp|reuters|ap|epa|shutterstock|pa( media| wire)?|alamy)( via getty images)?\s*$/gi,
];
