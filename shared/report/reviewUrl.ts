/**
 * The address of the desk's published fact-check for a claim, from the desk's template (setting
 * reviewUrlTemplate), e.g. `https://factcheck.example.org/{article}/{claim}`. ClaimReview's `url` must
 * be the page that carries the review, which only the desk knows: without a template there is no url,
 * rather than one invented from the reviewed article's address.
 *
 * Placeholders (each value is escaped with encodeURIComponent):
 *   {article}  the article's id in this desk
 *   {claim}    the claim's id (stable across exports and handoffs)
 *   {anchor}   the claim's anchor in the HTML report (claim-3, orphaned-claim-1), for a desk that
 *              publishes the report itself: `https://factcheck.example.org/reports/{article}#{anchor}`
 * Placeholders go after the host, so no claim or article can change which site a link points to.
 */
export const REVIEW_URL_PLACEHOLDERS = ['article', 'claim', 'anchor'] as const;
export type ReviewUrlValues = Record<(typeof REVIEW_URL_PLACEHOLDERS)[number], string>;

export const MAX_REVIEW_URL_TEMPLATE = 500;

const PLACEHOLDER = /\{([^{}]*)\}/g;

function fill(template: string, value: (name: string) => string): string {
  return template.replace(PLACEHOLDER, (_m, name: string) => value(name));
}

/** What is wrong with a template, in words for the settings form, or null when it is usable (or empty: not set). */
export function reviewUrlTemplateProblem(template: string): string | null {
  if (template === '') return null;
  if (template.length > MAX_REVIEW_URL_TEMPLATE) return `Keep the address under ${MAX_REVIEW_URL_TEMPLATE} characters.`;
  const names = [...template.matchAll(PLACEHOLDER)].map((m) => m[1] ?? '');
  const unknown = names.find((n) => !(REVIEW_URL_PLACEHOLDERS as readonly string[]).includes(n));
  const known = REVIEW_URL_PLACEHOLDERS.map((p) => `{${p}}`).join(', ');
  if (unknown !== undefined) return `{${unknown}} is not a placeholder; use ${known}.`;
  if (/[{}]/.test(fill(template, () => ''))) return `A { or } that is not part of a placeholder (${known}).`;
  const sample = fill(template, () => 'x');
  if (!/^https?:\/\/[^\s/?#]+([/?#]\S*)?$/i.test(sample)) return 'Enter a web address starting with http:// or https://, without spaces.';
  try {
    const url = new URL(sample);
    if (url.hostname === '' || new URL(fill(template, () => 'y')).host !== url.host) return 'Placeholders go after the site name (in the path, query or #fragment).';
  } catch {
    return 'Enter a web address starting with http:// or https://, without spaces.';
  }
  return null;
}

/** The template filled in for one claim, or null when there is no usable template. */
export function reviewUrl(template: string | undefined, values: ReviewUrlValues): string | null {
  if (!template || reviewUrlTemplateProblem(template) !== null) return null;
  return fill(template, (name) => encodeURIComponent(values[name as keyof ReviewUrlValues]));
}
