/**
 * When an action's notice goes away. A notice belongs to the view (and the article) it was shown for: moving to
 * another one hides it, however the move happened (a link, the back button, an import that opened an article).
 * An information notice also goes by itself once it has been on screen long enough to read; an error, or a
 * notice that carries a list to go through, stays until dismissed or left behind.
 */
import type { RemovedText } from '../shared/schema/article';

/** `action`: one thing to do about it ("Show the changes"). */
export type NoticeData = { kind: 'error' | 'info'; text: string; removed?: RemovedText[]; action?: { label: string; run: () => void } };

/** A notice with the route (its hash, renderer/route.ts) it was shown for; `id` tells one showing from the next. */
export type HeldNotice = { notice: NoticeData; at: string; id: number };

/** The shortest time on screen: long enough to read a line twice (WCAG 2.2.1 asks for a way to keep it: hover or focus). */
export const INFO_NOTICE_MS = 8_000;
/** Reading at about 200 words a minute, for the few longer notices. */
const MS_PER_WORD = 300;

/** How long an unhovered, unfocused notice stays; null: until dismissed or left behind. */
export function noticeLifetimeMs(notice: NoticeData): number | null {
  if (notice.kind === 'error' || (notice.removed?.length ?? 0) > 0) return null;
  const words = notice.text.split(/\s+/).filter(Boolean).length;
  return Math.max(INFO_NOTICE_MS, words * MS_PER_WORD);
}

/** The notice to show on the route `at`: only one shown for it. */
export function noticeShownAt(held: HeldNotice | null, at: string): NoticeData | null {
  return held && held.at === at ? held.notice : null;
}

/** "34 pieces of page furniture or metadata taken out" */
export function removedSummary(count: number): string {
  return `${count} piece${count === 1 ? '' : 's'} of page furniture or metadata taken out`;
}
