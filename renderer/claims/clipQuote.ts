/** A claim's words shortened for a list or a message: at most n characters, cut at a word when one ends near the limit. */
export function clipQuote(s: string, n: number): string {
  if (s.length <= n) return s;
  const cut = s.slice(0, n - 1);
  const space = cut.lastIndexOf(' ');
  return `${(space > n * 0.7 ? cut.slice(0, space) : cut).trimEnd()}…`;
}
