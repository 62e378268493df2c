/**
 * Readers for the public data sets detection is developed on. None of them may be redistributed, so they
 * are read from a checkout whose path is in an environment variable, and nothing read here is written
 * anywhere but the weights (numbers over features).
 *
 * - POLNEAR_DIR: a checkout of github.com/networkdynamics/PolNeAR (data/train, data/dev; BRAT .ann + text).
 *   The test split is never read.
 * - CHECKTHAT_DIR: a checkout of github.com/isyufeng/FactFinders (data/CT24_checkworthy_english_{train,dev}.tsv).
 * - CLEF2019_DIR: a checkout of github.com/telsayed/clef2019-factchecking-task1 (data/training/*.tsv); it
 *   ships no dev split, so the last DEV_FILES debates (by name) are the dev split and the rest train.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';

export type Span = { start: number; end: number };
export type GoldAttribution = { cue: Span; source: Span | null; content: Span | null };
export type PolnearDoc = { name: string; text: string; attributions: GoldAttribution[] };
export type Labelled = { text: string; checkWorthy: boolean };

export class MissingData extends Error {}

function requireDir(variable: string, what: string, inside: string): string {
  const dir = process.env[variable];
  if (!dir) throw new MissingData(`Set ${variable} to a checkout of ${what} (the folder that holds ${inside}).`);
  if (!existsSync(path.join(dir, inside))) throw new MissingData(`${variable}=${dir} has no ${inside}; point it at a checkout of ${what}.`);
  return dir;
}

/** A BRAT span "120 150;160 211" as one span from its first start to its last end (the tagger proposes contiguous spans). */
function bratSpan(field: string): Span {
  const parts = field.split(';').map((p) => p.trim().split(' ').map(Number));
  const starts = parts.map((p) => p[0]!);
  const ends = parts.map((p) => p[1]!);
  return { start: Math.min(...starts), end: Math.max(...ends) };
}

export function parseBrat(ann: string): GoldAttribution[] {
  const spans = new Map<string, { type: string; span: Span }>();
  const events: string[][] = [];
  for (const line of ann.split('\n')) {
    const cols = line.split('\t');
    const id = cols[0] ?? '';
    if (id.startsWith('T') && cols[1]) {
      const sp = cols[1].indexOf(' ');
      spans.set(id, { type: cols[1].slice(0, sp), span: bratSpan(cols[1].slice(sp + 1)) });
    } else if (id.startsWith('E') && cols[1]) {
      events.push(cols[1].split(' '));
    }
  }
  const out: GoldAttribution[] = [];
  for (const args of events) {
    const role = (name: string) => {
      const arg = args.find((a) => a.startsWith(`${name}:`));
      const t = arg ? spans.get(arg.slice(name.length + 1)) : undefined;
      return t?.span ?? null;
    };
    const trigger = args[0]?.split(':')[0];
    if (trigger !== 'Attribution' && trigger !== 'Attribution-no-source') continue;
    const cue = role('Cue');
    if (!cue) continue;
    out.push({ cue, source: role('Source'), content: role('Content') });
  }
  return out;
}

/** One annotation per article: where two annotators did one article, the first file by name. */
export function readPolnear(split: 'train' | 'dev'): PolnearDoc[] {
  const root = requireDir('POLNEAR_DIR', 'github.com/networkdynamics/PolNeAR', path.join('data', split, 'attributions'));
  const annDir = path.join(root, 'data', split, 'attributions');
  const textDir = path.join(root, 'data', split, 'text');
  const byArticle = new Map<string, string>();
  for (const f of readdirSync(annDir).filter((f) => f.endsWith('.ann')).sort()) {
    const article = f.replace(/_[0-9a-f]+\.ann$/, '');
    if (!byArticle.has(article)) byArticle.set(article, f);
  }
  const docs: PolnearDoc[] = [];
  for (const [article, f] of byArticle) {
    const textFile = path.join(textDir, `${article}.txt`);
    if (!existsSync(textFile)) continue;
    docs.push({ name: article, text: readFileSync(textFile, 'utf8'), attributions: parseBrat(readFileSync(path.join(annDir, f), 'utf8')) });
  }
  return docs;
}

export function readCheckThat(split: 'train' | 'dev'): Labelled[] {
  const file = `CT24_checkworthy_english_${split}.tsv`;
  const root = requireDir('CHECKTHAT_DIR', 'github.com/isyufeng/FactFinders', path.join('data', file));
  const lines = readFileSync(path.join(root, 'data', file), 'utf8').split('\n').slice(1);
  const out: Labelled[] = [];
  for (const line of lines) {
    const cols = line.split('\t');
    if (cols.length < 3) continue;
    const label = cols.at(-1)!.trim();
    const text = cols.slice(1, -1).join('\t').replace(/^"(.*)"$/s, '$1').replace(/""/g, '"');
    if (label === 'Yes' || label === 'No') out.push({ text, checkWorthy: label === 'Yes' });
  }
  return out;
}

const DEV_FILES = 4;

export function readClef2019(split: 'train' | 'dev'): Labelled[] {
  const root = requireDir('CLEF2019_DIR', 'github.com/telsayed/clef2019-factchecking-task1', path.join('data', 'training'));
  const dir = path.join(root, 'data', 'training');
  const files = readdirSync(dir).filter((f) => f.endsWith('.tsv')).sort();
  const chosen = split === 'dev' ? files.slice(-DEV_FILES) : files.slice(0, -DEV_FILES);
  const out: Labelled[] = [];
  for (const f of chosen) {
    for (const line of readFileSync(path.join(dir, f), 'utf8').split('\n')) {
      const cols = line.split('\t');
      if (cols.length < 4) continue;
      out.push({ text: cols[2]!, checkWorthy: cols[3]!.trim() === '1' });
    }
  }
  return out;
}
