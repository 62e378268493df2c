import { z } from 'zod';

export const DeskSettings = z.object({
  reviewerName: z.string().trim().max(120),
});
export type DeskSettings = z.infer<typeof DeskSettings>;

export const DeskState = z.object({
  settings: DeskSettings,
  /** Set once the first-run sample has been imported or declined, so it is offered only once. */
  sampleHandled: z.boolean(),
});
export type DeskState = z.infer<typeof DeskState>;

/** Something the store did on the user's behalf (e.g. restored a damaged file) that they must hear about. */
export const StoreNotice = z.object({
  level: z.enum(['info', 'warning', 'error']),
  message: z.string(),
});
export type StoreNotice = z.infer<typeof StoreNotice>;
