/**
 * What detection proposes for an article's plain text: check-worthy claims and attributions, as spans in
 * UTF-16 code units into `text`, end exclusive. The shape issue #13 gives, plus `language` and `notice`
 * (why nothing, or less, was proposed) and each attribution's `reasons`. `claimdesk detect --json` prints it.
 */
import { z } from 'zod';
import { SourceKind } from '../schema/claim';

/** Named, vague, or none: the subset of the claim's AttributionKind that detection can tell from the text. */
export const DETECT_STRENGTHS = ['named', 'vague', 'none'] as const;
export const DetectStrength = z.enum(DETECT_STRENGTHS);
export type DetectStrength = z.infer<typeof DetectStrength>;

export const Span = z.object({ start: z.number().int().nonnegative(), end: z.number().int().nonnegative() }).refine((s) => s.end >= s.start, 'A span ends before it starts.');
export type Span = z.infer<typeof Span>;

export const ProposedClaim = z.object({
  start: z.number().int().nonnegative(),
  end: z.number().int().nonnegative(),
  /** 0 to 1: how check-worthy the clause looks. */
  score: z.number().min(0).max(1),
  /** The features that made it: "casualty figure", "date", "named place", … */
  reasons: z.array(z.string()),
});
export type ProposedClaim = z.infer<typeof ProposedClaim>;

export const ProposedAttribution = z.object({
  /** The attributing words; empty (start = end, at the content's start) when the claim has no attribution. */
  cue: Span,
  source: Span.nullable(),
  content: Span,
  sourceKind: SourceKind,
  strength: DetectStrength,
  reasons: z.array(z.string()),
});
export type ProposedAttribution = z.infer<typeof ProposedAttribution>;

export const DETECT_LANGUAGES = ['en', 'other', 'unknown'] as const;

export const DetectResult = z
  .object({
    text: z.string(),
    /** "en" when the text reads as English; "other" when it does not (nothing language-specific is proposed); "unknown" when too short to tell. */
    language: z.enum(DETECT_LANGUAGES),
    /** Why fewer proposals than usual, in a sentence for the reviewer, or "". */
    notice: z.string(),
    claims: z.array(ProposedClaim),
    attributions: z.array(ProposedAttribution),
  })
  .superRefine((r, ctx) => {
    const inText = (s: { start: number; end: number }) => s.end <= r.text.length && s.start <= s.end;
    r.claims.forEach((c, i) => {
      if (!inText(c)) ctx.addIssue({ code: 'custom', path: ['claims', i], message: 'A claim lies outside the text.' });
    });
    r.attributions.forEach((a, i) => {
      for (const s of [a.cue, a.content, a.source]) {
        if (s && !inText(s)) ctx.addIssue({ code: 'custom', path: ['attributions', i], message: 'An attribution span lies outside the text.' });
      }
    });
  });
export type DetectResult = z.infer<typeof DetectResult>;
