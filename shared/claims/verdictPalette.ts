/**
 * One palette for verdicts, so a claim has the same colour in the editor and in the report. Keys are
 * verdict slugs ("Mostly true" → "mostly-true"); verdicts of a desk's own scale beyond the default get
 * colours from EXTRA_COLOURS in scale order, or a neutral one. This is the report's fixed print palette;
 * the workbench draws with the theme's variables instead (verdictTone.ts), so it follows dark mode.
 */
export type VerdictColours = [highlight: string, ink: string];

export const VERDICT_COLOURS: Record<string, VerdictColours> = {
  true: ['#cdeed6', '#17603a'],
  'mostly-true': ['#e3f3c9', '#46661a'],
  mixed: ['#fff0b3', '#7a5b00'],
  misleading: ['#ffdcae', '#8a4500'],
  'mostly-false': ['#fdd0c2', '#972f12'],
  false: ['#f7c1c6', '#9b1426'],
  unverifiable: ['#dbe3ee', '#34495e'],
  none: ['#ececec', '#555555'],
};

export const EXTRA_COLOURS: VerdictColours[] = [
  ['#e4dcf5', '#4b3283'],
  ['#d5eef0', '#155e66'],
  ['#f6dcec', '#7d2259'],
  ['#e8e2d0', '#5c4b1c'],
];

/** "Mostly true" → "mostly-true"; no verdict → "none"; anything unnamable → "other". */
export function verdictSlug(verdict: unknown): string {
  if (typeof verdict !== 'string') return 'none';
  const slug = verdict
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 40);
  return slug === '' || slug === 'none' ? 'other' : slug;
}
