/**
 * One palette for verdicts, so a claim has the same colour in the editor and in the report. Keys are
 * verdict slugs ("Mostly true" → "mostly-true"); verdicts of a desk's own scale beyond the default get
 * colours from EXTRA_COLOURS in scale order, or a neutral one.
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

/** The colours of a verdict on a given scale. */
export function verdictColours(verdict: string | null, scale: readonly string[]): VerdictColours {
  const slug = verdictSlug(verdict);
  const known = VERDICT_COLOURS[slug];
  if (known) return known;
  const extras = scale.filter((l) => !VERDICT_COLOURS[verdictSlug(l)]);
  const i = verdict === null ? -1 : extras.indexOf(verdict);
  return i >= 0 ? EXTRA_COLOURS[i % EXTRA_COLOURS.length]! : ['#e5e7eb', '#374151'];
}
