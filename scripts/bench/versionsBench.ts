/**
 * Versions (issue #14): the diff of two 20,000-word versions and carrying 500 claims onto the new one,
 * together under 100 ms after warm-up, in Node. Version 1 is the generated benchmark article with its 500
 * claims; version 2 is it after seeded publisher edits: changed figures, a removed sentence, a moved
 * paragraph and a reworded headline. The first run (cold code) is reported apart.
 */
import os from 'node:os';
import { countWords, docPlainText } from '../../shared/doc/plainText';
import { articleSchema } from '../../shared/doc/schema';
import type { CarryOutcome } from '../../shared/schema/version';
import { seededRandom } from '../../shared/seededRandom';
import { carryClaims } from '../../shared/versions/carryClaims';
import { diffTexts } from '../../shared/versions/diff';
import { generateArticle } from './article';
import { summarize, type Summary } from './stats';

export type VersionsBenchResult = {
  words: [number, number];
  claims: number;
  edits: string[];
  changes: number;
  outcomes: Record<CarryOutcome, number>;
  firstRun: { diff: number; carry: number };
  runs: number;
  diff: Summary;
  carry: Summary;
  total: Summary;
  /** The process's CPU time for diff + carry: on a machine shared with other work, wall time also counts the waiting. */
  cpu: Summary;
  /** The same with a "new version" that is another text (every paragraph's words reversed): the worst case, figures only. */
  unrelated: { diff: Summary; carry: Summary; gone: number };
  load: number;
  cpus: number;
};

/**
 * Version 2: the publisher's edits, seeded, on paragraphs that hold claims (so the carry has work to do:
 * a figure inside a claim, a claim in the removed sentence, claims in the moved paragraph). Returns the
 * text and a line per kind of edit.
 */
export function secondVersion(text: string, claimStarts: readonly number[], seed = 14): { text: string; edits: string[] } {
  const random = seededRandom(seed);
  const blocks = text.split('\n\n');
  const blockStarts: number[] = [];
  let offset = 0;
  for (const b of blocks) {
    blockStarts.push(offset);
    offset += b.length + 2;
  }
  const blockOf = (at: number) => {
    let i = 0;
    while (i + 1 < blockStarts.length && (blockStarts[i + 1] ?? Infinity) <= at) i++;
    return i;
  };
  const claimed = [...new Set(claimStarts.map(blockOf))].filter((i) => i > 0).sort((a, b) => a - b);
  const pickClaimed = () => claimed[Math.floor(random() * claimed.length)] ?? 1;
  const edits: string[] = [];
  // Figures: the first figure of 25 paragraphs with claims goes up by 3 ("14 troops" -> "17 troops"), or a
  // number word becomes a figure ("ten additional troops" -> "12 additional troops").
  const FIGURE = /(?<![(\d])\b(\d+|ten|three|two)\b(?!\))/;
  let figures = 0;
  for (let tries = 0; figures < 25 && tries < 500; tries++) {
    const i = pickClaimed();
    const block = blocks[i] ?? '';
    const m = FIGURE.exec(block);
    if (!m || m.index === undefined || !m[1]) continue;
    const now = /\d/.test(m[1]) ? String(Number(m[1]) + 3) : '12';
    blocks[i] = block.slice(0, m.index) + now + block.slice(m.index + m[1].length);
    figures++;
  }
  edits.push(`${figures} figures changed`);
  // A sentence removed from a paragraph of several.
  for (let tries = 0; tries < 100; tries++) {
    const i = pickClaimed();
    const sentences = (blocks[i] ?? '').split(/(?<=\.) /);
    if (sentences.length < 2) continue;
    sentences.splice(1, 1);
    blocks[i] = sentences.join(' ');
    edits.push(`a sentence removed from paragraph ${i}`);
    break;
  }
  // A paragraph moved.
  const from = pickClaimed();
  const [moved] = blocks.splice(from, 1);
  const to = 1 + Math.floor(random() * (blocks.length - 1));
  if (moved !== undefined) blocks.splice(to, 0, moved);
  edits.push(`paragraph ${from} moved to ${to}`);
  // The headline reworded.
  blocks[0] = (blocks[0] ?? '').replace('Benchmark dispatch:', 'Updated:').replace('aftermath', 'consequences');
  edits.push('headline reworded');
  return { text: blocks.join('\n\n'), edits };
}

export function runVersionsBench(sample: string, runs = 25): VersionsBenchResult {
  const generated = generateArticle(sample, { id: 'bench-versions-1', words: 20_000, claims: 500 });
  const oldText = docPlainText(articleSchema.nodeFromJSON(generated.record.doc));
  const { text: newText, edits } = secondVersion(oldText, generated.ranges.map((r) => r.start));
  const claims = generated.record.claims;

  const timeOnce = () => {
    const c = process.cpuUsage();
    let t = performance.now();
    const diff = diffTexts(oldText, newText);
    const diffMs = performance.now() - t;
    t = performance.now();
    const carried = carryClaims(oldText, newText, claims, diff);
    const carryMs = performance.now() - t;
    const used = process.cpuUsage(c);
    return { diff, carried, diffMs, carryMs, cpuMs: (used.user + used.system) / 1000 };
  };
  const first = timeOnce();
  const diffs: number[] = [];
  const carries: number[] = [];
  const totals: number[] = [];
  const cpus: number[] = [];
  for (let i = 0; i < runs; i++) {
    const r = timeOnce();
    diffs.push(r.diffMs);
    carries.push(r.carryMs);
    totals.push(r.diffMs + r.carryMs);
    cpus.push(r.cpuMs);
  }
  // Another text: the same words, every paragraph's reversed, so no word pair in common.
  const reversed = oldText.split('\n\n').map((b) => b.split(' ').reverse().join(' ')).join('\n\n');
  const unrelatedDiff: number[] = [];
  const unrelatedCarry: number[] = [];
  let gone = 0;
  for (let i = 0; i < 6; i++) {
    let t = performance.now();
    const diff = diffTexts(oldText, reversed);
    const d = performance.now() - t;
    t = performance.now();
    const r = carryClaims(oldText, reversed, claims, diff);
    // The first run is the warm-up.
    if (i === 0) continue;
    unrelatedDiff.push(d);
    unrelatedCarry.push(performance.now() - t);
    gone = r.carried.filter((c) => c.outcome === 'gone').length;
  }
  const outcomes: Record<CarryOutcome, number> = { unchanged: 0, moved: 0, changed: 0, gone: 0 };
  for (const c of first.carried.carried) outcomes[c.outcome]++;
  return {
    words: [countWords(oldText), countWords(newText)],
    claims: claims.length,
    edits,
    changes: first.diff.changes.length,
    outcomes,
    firstRun: { diff: first.diffMs, carry: first.carryMs },
    runs,
    diff: summarize(diffs),
    carry: summarize(carries),
    total: summarize(totals),
    cpu: summarize(cpus),
    unrelated: { diff: summarize(unrelatedDiff), carry: summarize(unrelatedCarry), gone },
    load: os.loadavg()[0] ?? 0,
    cpus: os.cpus().length,
  };
}
