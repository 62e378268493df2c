/**
 * Report text as renderer-neutral pieces: the report's own words, a person's or an import's value, a
 * date, a link, a placeholder for a missing value, a reference to a claim's finding. The wording and the
 * sections build these; the HTML and Markdown renderers each turn a piece into their markup (escaping
 * every string: the report's own words too, so no phrase has to be written with a markup in mind).
 */
import { displayText, safeHref } from './escape';
import type { ClaimRef } from './claimRefs';

export type LinkView =
  /** A safe address: a link, its text the label (the address itself when no label was given). */
  | { kind: 'link'; href: string; label: string; showsUrl: boolean }
  /** A label with an address that may not be linked: both shown, plainly. */
  | { kind: 'unlinked'; label: string; url: string }
  | { kind: 'plain'; text: string };

export type Part =
  /** The report's own words; `weak` marks the label of a vague or missing attribution. */
  | { kind: 'text'; text: string; weak?: boolean }
  /** A person's or an import's words: isolated, so right-to-left text cannot reorder what surrounds it. */
  | { kind: 'value'; text: string }
  | { kind: 'date'; value: string }
  | { kind: 'link'; link: LinkView }
  /** Said in place of a missing value ("None given"). */
  | { kind: 'missing'; text: string }
  /** A secondary label after a value: "(NGO or monitor)". */
  | { kind: 'aside'; text: string }
  /** A link to a claim's finding, named by its title ("Claim 2") or its short label ("2"). */
  | { kind: 'ref'; ref: ClaimRef; short?: boolean };

export const filled = (s: string | undefined | null): s is string => typeof s === 'string' && displayText(s).trim() !== '';

export const text = (t: string, weak?: boolean): Part => (weak === undefined ? { kind: 'text', text: t } : { kind: 'text', text: t, weak });
export const value = (t: string): Part => ({ kind: 'value', text: t });
export const date = (v: string): Part => ({ kind: 'date', value: v });
export const missing = (t: string): Part => ({ kind: 'missing', text: t });
export const aside = (t: string): Part => ({ kind: 'aside', text: t });
export const ref = (r: ClaimRef, short = false): Part => (short ? { kind: 'ref', ref: r, short } : { kind: 'ref', ref: r });

/** The link decision, for both markups: a safe address is linked, an unsafe one is shown as text and said to be not linked. */
export function linkView(url: string, label = ''): LinkView {
  const href = safeHref(url);
  if (href === null) return filled(label) && filled(url) ? { kind: 'unlinked', label, url } : { kind: 'plain', text: filled(label) ? label : url };
  return { kind: 'link', href, label: filled(label) ? label : url, showsUrl: !filled(label) || displayText(label).trim() === displayText(url).trim() };
}
export const link = (url: string, label = ''): Part => ({ kind: 'link', link: linkView(url, label) });

/** Parts joined with a separator (" · ", ", "). */
export function joined(groups: readonly (Part | readonly Part[])[], separator: string): Part[] {
  return groups.flatMap((g, i) => [...(i > 0 ? [text(separator)] : []), ...(Array.isArray(g) ? g : [g as Part])]);
}

/** A sentence with values in it: phrase`Marked by ${value(who)} on ${date(at)}.` */
export function phrase(strings: TemplateStringsArray, ...values: (Part | readonly Part[])[]): Part[] {
  const out: Part[] = [];
  strings.forEach((s, i) => {
    if (s !== '') out.push(text(s));
    const v = values[i];
    if (v !== undefined) out.push(...(Array.isArray(v) ? v : [v as Part]));
  });
  return out;
}
