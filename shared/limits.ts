/** Limits the desk promises; both sides check them so a bad file is refused before it can do harm. */
export const MAX_IMPORT_BYTES = 5 * 1024 * 1024;
/**
 * The largest store file Claimdesk reads. A 20,000-word article with 5,000 claims and a long audit trail
 * is about 15 MB; anything past this is damage (or not ours), and reading it could exhaust memory.
 */
export const MAX_STORE_FILE_BYTES = 256 * 1024 * 1024;
/** HTTP bodies carry base64 files (4/3 of the bytes, review bundles up to 20 MB) plus JSON framing. */
export const MAX_REQUEST_BYTES = 32 * 1024 * 1024;

/**
 * How deeply a JSON value we are given (a request, a review bundle, an article export, a store file, an
 * answer the renderer reads) may nest, counting every object and array. It is checked without recursion
 * (schema/jsonDepth.ts) before zod or ProseMirror walk the value, because both recurse: on Node's default
 * stack zod overflowed at 800-1,500 ProseMirror levels (1,600-3,000 JSON levels) and fromJSON at about
 * 2,000. A real article nests about seven ProseMirror levels (doc > blockquote > list > item > list >
 * item > paragraph), two JSON levels each, plus three for a linked text node's marks and three for a
 * bundle's envelope: some 20. 128 still lets a document nest about 60 blocks deep, far past any article
 * (the price: a pathological paste that deep cannot be saved), and stays over ten times below the
 * first overflow, leaving the renderer's deeper call stacks their margin.
 */
export const MAX_JSON_DEPTH = 128;

export function formatBytes(n: number): string {
  if (n < 1024) return `${n} bytes`;
  if (n < 1024 * 1024) return `${(n / 1024).toFixed(1)} KB`;
  return `${(n / (1024 * 1024)).toFixed(1)} MB`;
}
