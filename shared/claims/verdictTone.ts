/**
 * The workbench's verdict colours, as CSS built only from the theme's colour variables (renderer/styles.css),
 * so the highlights in the text and the verdict chips follow dark mode. The report keeps its own fixed
 * print palette (verdictPalette.ts); both order the verdicts the same way, good to bad, green to red.
 */
import { verdictSlug } from './verdictPalette';

export type VerdictTone = {
  /** A name-safe key, the same for every verdict drawn alike ("true", "extra-1", "none"). */
  key: string;
  /** The strong colour: underline and chip border. */
  strong: string;
};

const mix = (a: string, share: number, b: string) => `color-mix(in srgb, var(${a}) ${share}%, var(${b}))`;

/** The default scale's verdicts by slug, and "none" for a claim without one. */
export const VERDICT_TONES: Record<string, string> = {
  true: 'var(--ok)',
  'mostly-true': mix('--ok', 65, '--warn'),
  mixed: 'var(--warn)',
  misleading: mix('--warn', 55, '--danger'),
  'mostly-false': mix('--danger', 75, '--warn'),
  false: 'var(--danger)',
  // Not the accent: that is the selected claim's colour.
  unverifiable: mix('--accent', 45, '--muted'),
  none: 'var(--muted)',
};

/** A desk's own verdicts beyond the default scale, in scale order. */
export const EXTRA_TONES: readonly string[] = [mix('--accent', 60, '--danger'), mix('--accent', 50, '--ok'), mix('--danger', 65, '--accent'), mix('--warn', 50, '--muted')];

/** A verdict that is on no scale (the desk changed its scale): neutral. */
const OTHER: VerdictTone = { key: 'other', strong: 'var(--muted)' };

export function verdictTone(verdict: string | null, scale: readonly string[]): VerdictTone {
  const slug = verdictSlug(verdict);
  const known = VERDICT_TONES[slug];
  if (known) return { key: slug, strong: known };
  const extras = scale.filter((l) => !VERDICT_TONES[verdictSlug(l)]);
  const i = verdict === null ? -1 : extras.indexOf(verdict);
  if (i < 0) return OTHER;
  const at = i % EXTRA_TONES.length;
  return { key: `extra-${at}`, strong: EXTRA_TONES[at]! };
}

/** Every tone a claim can be drawn in on this scale. */
export function allTones(scale: readonly string[]): VerdictTone[] {
  const tones = new Map<string, VerdictTone>();
  for (const [key, strong] of Object.entries(VERDICT_TONES)) tones.set(key, { key, strong });
  EXTRA_TONES.forEach((strong, i) => tones.set(`extra-${i}`, { key: `extra-${i}`, strong }));
  tones.set(OTHER.key, OTHER);
  for (const v of scale) {
    const t = verdictTone(v, scale);
    tones.set(t.key, t);
  }
  return [...tones.values()];
}

/** The tint behind a claim's words or a chip's label: the strong colour thinned on the page's paper. */
export const toneTint = (tone: VerdictTone, share: number) => `color-mix(in srgb, ${tone.strong} ${share}%, var(--paper))`;
