/**
 * Every attribute a node or mark of the article document may carry, declared once. The zod check of
 * stored and submitted documents (schema/doc.ts) and the ProseMirror schema (doc/schema.ts, as each
 * attribute's `default` and `validate`) are both built from these tables, so neither can accept a value
 * the other would refuse, and a value that reaches `toDOM` is one `setAttribute` takes.
 *
 * An attribute not declared here is refused, not dropped: ProseMirror's own JSON never has one, so it
 * comes from a hand-edited or damaged file, and silently dropping it would store something other than
 * what was checked. (ProseMirror itself would drop it on load and refuse it in `Node.check`.)
 */
import { z } from 'zod';

/** Longer than any real article link (browsers and CMSs stop near 2,000), the same cap as SafeUrl. */
export const MAX_HREF_CHARS = 2048;
/** A link's tooltip; pasted pages sometimes put a whole summary there, which is cut to this. */
export const MAX_LINK_TITLE_CHARS = 1000;
/** CommonMark allows at most nine digits in an ordered list's start number. */
export const MAX_LIST_START = 999_999_999;

/** Only these link targets survive import, paste and load: anything else (javascript:, data:…) is refused. */
export function isSafeHref(href: unknown): href is string {
  return typeof href === 'string' && href.length <= MAX_HREF_CHARS && /^(https?:\/\/|mailto:)[^\s]*$/i.test(href.trim());
}

// A schema-level `error` is zod's message for every check of that schema, so each attribute has one.
const HeadingLevel = z.number({ error: 'A heading level is a whole number from 2 to 6 (level 1 is the title).' }).int().min(2).max(6);
const ListStart = z.number({ error: `A numbered list starts at a whole number from 0 to ${MAX_LIST_START}.` }).int().min(0).max(MAX_LIST_START);
const LinkHref = z
  .string({ error: `A link points to an http(s) or mailto: address of at most ${MAX_HREF_CHARS} characters.` })
  .refine(isSafeHref);
const LinkTitle = z.string({ error: `A link title is text of at most ${MAX_LINK_TITLE_CHARS} characters, or null.` }).max(MAX_LINK_TITLE_CHARS).nullable();

/** A link title as pasted or imported: kept when it is text, cut to the limit, none when empty. */
export function linkTitleFrom(raw: string | null | undefined): string | null {
  return raw ? raw.slice(0, MAX_LINK_TITLE_CHARS) : null;
}

/** A pasted or imported list start (`<ol start>`, a typed "12. "): kept when the schema takes it, else 1. */
export function listStartFrom(raw: string | number | null | undefined): number {
  const n = typeof raw === 'string' ? Number(raw.trim() || NaN) : raw;
  return ListStart.safeParse(n).success ? (n as number) : 1;
}

/** One attribute: the values it takes and, when it may be left out, what it then is. */
export type AttrDecl = { readonly value: z.ZodType; readonly default?: unknown };
export type AttrsDecl = Readonly<Record<string, AttrDecl>>;

const required = (value: z.ZodType): AttrDecl => ({ value });
const withDefault = <T>(value: z.ZodType<T>, fallback: T): AttrDecl => ({ value, default: fallback });

export const NODE_ATTRS = {
  doc: {},
  title: {},
  paragraph: {},
  caption: {},
  heading: { level: withDefault(HeadingLevel, 2) },
  blockquote: {},
  horizontal_rule: {},
  ordered_list: { order: withDefault(ListStart, 1) },
  bullet_list: {},
  list_item: {},
  text: {},
  hard_break: {},
} as const satisfies Record<string, AttrsDecl>;

export const MARK_ATTRS = {
  link: { href: required(LinkHref), title: withDefault(LinkTitle, null) },
  em: {},
  strong: {},
} as const satisfies Record<string, AttrsDecl>;

export type NodeTypeName = keyof typeof NODE_ATTRS;
export type MarkTypeName = keyof typeof MARK_ATTRS;
export const NODE_TYPES = Object.keys(NODE_ATTRS) as [NodeTypeName, ...NodeTypeName[]];
export const MARK_TYPES = Object.keys(MARK_ATTRS) as [MarkTypeName, ...MarkTypeName[]];

/** The zod object for one type's `attrs`: declared keys only, the defaulted ones optional. */
export function attrsSchema(decls: AttrsDecl): z.ZodType<Record<string, unknown>> {
  const shape: Record<string, z.ZodType> = {};
  for (const [name, decl] of Object.entries(decls)) shape[name] = 'default' in decl ? decl.value.optional() : decl.value;
  return z.strictObject(shape);
}

/** Whether any attribute of the type must be given (then `attrs` itself is required). */
export function hasRequiredAttrs(decls: AttrsDecl): boolean {
  return Object.values(decls).some((decl) => !('default' in decl));
}
