import { z } from 'zod';
import { AuditEvent } from '../schema/audit';
import { HISTORY_KINDS, type HistoryKindName } from './describe';

/**
 * A page of history is at most this many events. An article's audit grows by one event per committed
 * field, so a long review reaches thousands: sending and drawing them all would stall the pane, while
 * a page this size draws at once and "Show older" fetches the next.
 */
export const HISTORY_PAGE_MAX = 200;

export const HistoryKind = z.enum(Object.keys(HISTORY_KINDS) as [HistoryKindName, ...HistoryKindName[]]);
export type HistoryKind = z.infer<typeof HistoryKind>;

export const HistoryQuery = z
  .object({
    /** Only this claim's events. */
    claimId: z.string().min(1).max(64).optional(),
    /** Only this person's events (exactly as recorded). */
    who: z.string().min(1).max(200).optional(),
    kind: HistoryKind.optional(),
    /** How many of the newest matching events to skip: the page after one of `offset` events. */
    offset: z.number().int().nonnegative().default(0),
    limit: z.number().int().min(1).max(HISTORY_PAGE_MAX).default(50),
  })
  .strict();
export type HistoryQuery = z.infer<typeof HistoryQuery>;

export const HistoryPage = z.object({
  /** Newest first. */
  events: z.array(AuditEvent),
  /** How many events match the query in all. */
  total: z.number().int().nonnegative(),
  /** Everyone who appears in the (claim's) history, for the filter, in order of first appearance. */
  people: z.array(z.string()),
});
export type HistoryPage = z.infer<typeof HistoryPage>;

/** One page of an article's audit, newest first, filtered by claim, person and kind of change. */
export function queryHistory(audit: readonly AuditEvent[], q: HistoryQuery): HistoryPage {
  const scope = q.claimId === undefined ? audit : audit.filter((e) => e.claimId === q.claimId);
  const people = [...new Set(scope.map((e) => e.who))];
  const actions: readonly string[] | null = q.kind ? HISTORY_KINDS[q.kind].actions : null;
  const matching = scope.filter((e) => (q.who === undefined || e.who === q.who) && (actions === null || actions.includes(e.action)));
  const total = matching.length;
  const end = Math.max(0, total - q.offset);
  const start = Math.max(0, end - q.limit);
  return { events: matching.slice(start, end).reverse(), total, people };
}
