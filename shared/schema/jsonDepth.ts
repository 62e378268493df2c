/**
 * How deeply a JSON value nests, found without recursion. zod and ProseMirror's fromJSON recurse once
 * per level, so a value nested a few thousand levels deep overflows the stack inside them ("Maximum call
 * stack size exceeded"); JSON.parse itself copes. Run this on the parsed value first and refuse it.
 */
export type JsonDepthCheck = { ok: true } | { ok: false; message: string };

/**
 * Whether `value` nests at most `max` objects and arrays deep (`{}` and `[]` are 1, `{"a": []}` is 2).
 * The refusal's message completes "it is …", e.g. "it is nested more than 128 levels deep (…)".
 * A value with a cycle (possible through structured clone, never from JSON.parse) is refused too, since
 * its depth grows past `max` on the way round.
 */
export function checkJsonDepth(value: unknown, max: number): JsonDepthCheck {
  const values: unknown[] = [value];
  const depths: number[] = [1];
  while (values.length > 0) {
    const current = values.pop();
    const depth = depths.pop()!;
    if (typeof current !== 'object' || current === null) continue;
    if (depth > max) return { ok: false, message: `nested more than ${max} levels deep (Claimdesk reads at most ${max})` };
    if (Array.isArray(current)) {
      for (const item of current) {
        if (typeof item === 'object' && item !== null) {
          values.push(item);
          depths.push(depth + 1);
        }
      }
    } else {
      for (const key in current) {
        const item: unknown = (current as Record<string, unknown>)[key];
        if (typeof item === 'object' && item !== null) {
          values.push(item);
          depths.push(depth + 1);
        }
      }
    }
  }
  return { ok: true };
}
