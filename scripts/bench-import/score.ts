/**
 * Extraction scoring as the article-extraction-benchmark's evaluate.py does it: `\w+` words, 4-word
 * shingles counted with multiplicity, precision and recall per page; F1 is the harmonic mean of the
 * mean precision and the mean recall over pages.
 */
const SHINGLE = 4;

function shingles(text: string): Map<string, number> {
  const words = text.match(/[\p{L}\p{N}_]+/gu) ?? [];
  const out = new Map<string, number>();
  for (let i = 0; i + SHINGLE <= words.length; i++) {
    const key = words.slice(i, i + SHINGLE).join(' ');
    out.set(key, (out.get(key) ?? 0) + 1);
  }
  return out;
}

export type PageScore = { precision: number; recall: number; f1: number };

export function scoreText(predicted: string, truth: string): PageScore {
  const p = shingles(predicted);
  const t = shingles(truth);
  let overlap = 0;
  for (const [k, n] of p) overlap += Math.min(n, t.get(k) ?? 0);
  const np = [...p.values()].reduce((a, b) => a + b, 0);
  const nt = [...t.values()].reduce((a, b) => a + b, 0);
  // evaluate.py: an empty prediction of an empty truth is perfect; otherwise an empty side scores 0.
  const precision = np === 0 ? (nt === 0 ? 1 : 0) : overlap / np;
  const recall = nt === 0 ? (np === 0 ? 1 : 0) : overlap / nt;
  return { precision, recall, f1: precision + recall === 0 ? 0 : (2 * precision * recall) / (precision + recall) };
}

export function meanF1(scores: PageScore[]): { precision: number; recall: number; f1: number } {
  const precision = scores.reduce((a, s) => a + s.precision, 0) / scores.length;
  const recall = scores.reduce((a, s) => a + s.recall, 0) / scores.length;
  return { precision, recall, f1: precision + recall === 0 ? 0 : (2 * precision * recall) / (precision + recall) };
}

/** Lines a reader would call furniture, probed in an extracted text: each hit is one leak. */
export const LEAK_PROBES: RegExp[] = [
  /^(image|media|photo) (copyright|credit|caption)\b/i,
  /\((image|photo|picture|pic)s?: [^)]{1,60}\)/i,
  /^click here to (get|download)/i,
  /^follow (us|@?[\w .'’-]{1,40}) on (twitter|facebook|instagram|x|linkedin)\b/i,
  /^(published|updated|last updated|posted)\b.{0,60}\d/i,
  /^don'?t miss\b|^don’t miss\b/i,
  /^(share (this|on|via)|share$|tweet$)/i,
  /^(subscribe|sign up)\b.{0,120}$/i,
  /^.{0,80}\bnewsletter\b.{0,80}$/i,
  /^(related|read more|more|see also)\s*:/i,
  /^media playback is unsupported/i,
  /^(advertisement|story continues below)/i,
];

export function leaks(text: string): string[] {
  return text
    .split(/\n+/)
    .map((l) => l.trim())
    .filter((l) => l !== '' && LEAK_PROBES.some((re) => re.test(l)));
}
