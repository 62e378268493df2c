import { z } from 'zod';
import { DEFAULT_RATING_SCALE, SourceKind } from './claim';
import { reviewUrlTemplateProblem } from '../report/reviewUrl';

const RatingLabel = z.string().trim().min(1).max(80);

export const DeskSettings = z.object({
  /** Stamped on every claim, comment and change made here. */
  reviewerName: z.string().trim().max(120),
  /** The desk or organisation, as author of published reviews. */
  deskName: z.string().trim().max(200),
  /** The desk's verdict labels, from best to worst rating (the last may be a non-rating such as Unverifiable). */
  ratingScale: z
    .array(RatingLabel)
    .min(2)
    .max(20)
    .refine((s) => new Set(s.map((l) => l.toLowerCase())).size === s.length, 'Each verdict on the rating scale must be different.'),
  /**
   * The address of the desk's published fact-check of a claim, as a template with {article}, {claim}
   * and {anchor} (shared/report/reviewUrl.ts): ClaimReview's url. Absent or empty: not set, and
   * ClaimReview leaves url out. Optional rather than defaulted, so a partial settings update leaves it alone.
   */
  reviewUrlTemplate: z
    .string()
    .trim()
    .superRefine((s, ctx) => {
      const problem = reviewUrlTemplateProblem(s);
      if (problem) ctx.addIssue({ code: 'custom', message: problem });
    })
    .optional(),
  /** Run detection ("Find claims") on an article when it is first opened after import. Absent: off. */
  detectOnImport: z.boolean().optional(),
});
export type DeskSettings = z.infer<typeof DeskSettings>;

/** An entry of the desk-wide source directory, kept across articles for autocomplete and consistency. */
export const SourceEntry = z.object({
  id: z.string().min(6).max(64),
  name: z.string().trim().min(1).max(200),
  aliases: z.array(z.string().trim().min(1).max(200)).max(50),
  kind: SourceKind,
});
export type SourceEntry = z.infer<typeof SourceEntry>;

export const DeskState = z.object({
  settings: DeskSettings,
  /** Set once the first-run sample has been imported or declined, so it is offered only once. */
  sampleHandled: z.boolean(),
  sources: z.array(SourceEntry),
});
export type DeskState = z.infer<typeof DeskState>;

export const DEFAULT_DESK: DeskState = {
  settings: { reviewerName: '', deskName: '', ratingScale: [...DEFAULT_RATING_SCALE] },
  sampleHandled: false,
  sources: [],
};

/** Something the store did on the user's behalf (e.g. restored a damaged file) that they must hear about. */
export const StoreNotice = z.object({
  level: z.enum(['info', 'warning', 'error']),
  message: z.string(),
});
export type StoreNotice = z.infer<typeof StoreNotice>;
