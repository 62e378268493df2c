/**
 * JSON-LD as text that is safe inside an HTML <script type="application/ld+json"> element, which is
 * where publishers put ClaimReview markup. The browser ends a script element at the first `</script`
 * whatever JSON string it sits in, so the text must never contain `<`; `>` and `&` go too, so no
 * `-->`, `<!--` or entity can be read out of it either. In JSON these characters only occur inside
 * strings, where \u003c is the same character: the data parses back identical.
 */
export type JsonLdValue = string | number | boolean | JsonLdObject | JsonLdValue[];
export type JsonLdObject = { [key: string]: JsonLdValue };

/** The characters an HTML parser can act on inside a script element. */
export const SCRIPT_BREAKING_CHARS = /[<>&]/g;

/** Pretty-printed JSON with every SCRIPT_BREAKING_CHARS character written as a \u escape. */
export function scriptSafeJson(value: unknown): string {
  return JSON.stringify(value, null, 2).replace(SCRIPT_BREAKING_CHARS, (ch) => `\\u${ch.charCodeAt(0).toString(16).padStart(4, '0')}`);
}
