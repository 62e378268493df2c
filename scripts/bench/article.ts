/**
 * Deterministic benchmark articles: the sample article's paragraphs repeated (each copy numbered, so no
 * two paragraphs are identical) up to a word count, imported with the real importer (articleFromText),
 * and N claims over pseudo-random runs of 3-25 words, some of them nested in or overlapping others.
 * The result has the shape the editor opens (ArticleForEditing), with selectors taken exactly as the app
 * takes them (selectorsFor over docPlainText). Pure code: runs in Node and in the browser.
 */
import { createHash } from 'node:crypto';
import { firstVersion, summarizeVersions } from '../../shared/versions/firstVersion';
import { noDetection } from '../../shared/schema/detection';
import { noExchange } from '../../shared/schema/exchange';
import type { Node } from 'prosemirror-model';
import { articleFromText } from '../../shared/doc/fromText';
import { countWords, docPlainText } from '../../shared/doc/plainText';
import { articleSchema } from '../../shared/doc/schema';
import { selectorsFor } from '../../shared/anchor/selectors';
import type { ArticleForEditing, ArticleRecord } from '../../shared/schema/article';
import { DEFAULT_RATING_SCALE, newClaimData, STATUSES, type Claim, type ClaimData } from '../../shared/schema/claim';
import { seededRandom as prng } from '../../shared/seededRandom';

/** A body paragraph: where its content starts as a ProseMirror position and as a plain-text offset. */
export type ParagraphInfo = { pos: number; offset: number; text: string };

export type GeneratedArticle = {
  article: ArticleForEditing;
  /** The same article as the store keeps it (one version, no audit). */
  record: ArticleRecord;
  words: number;
  paragraphs: ParagraphInfo[];
  /** Each claim's plain-text range, in claim order. */
  ranges: { start: number; end: number }[];
};

export type ArticleOptions = { id: string; words: number; claims: number; seed?: number };

const STAMP = '2026-01-05T09:00:00.000Z';


/** The sample's body paragraphs (its first block is the headline, the second a repeat of it). */
function sampleParagraphs(sample: string): string[] {
  const blocks = sample.split(/\n\s*\n/).map((b) => b.trim().replace(/\s+/g, ' ')).filter((b) => b !== '');
  return blocks.filter((b) => countWords(b) > 12);
}

/** Plain text of `words` words: a title, then numbered copies of the sample's paragraphs. */
function articleText(sample: string, words: number): string {
  const source = sampleParagraphs(sample);
  if (source.length === 0) throw new Error('The sample article has no paragraphs to repeat.');
  const title = `Benchmark dispatch: ${words.toLocaleString('en')} words on the Tartous ambush and its aftermath`;
  const blocks: string[] = [title];
  let count = countWords(title);
  for (let i = 0; count < words; i++) {
    // The number makes each copy unique, so quote selectors resolve to one place, as in a real article.
    let para = `(${i + 1}) ${source[i % source.length]}`;
    const paraWords = countWords(para);
    if (count + paraWords > words) {
      // Cut the last paragraph so the article has exactly `words` words.
      const tokens = para.split(' ');
      while (count + countWords(tokens.join(' ')) > words) tokens.pop();
      para = tokens.join(' ');
    }
    blocks.push(para);
    count += countWords(para);
  }
  return blocks.join('\n\n');
}

function bodyParagraphs(doc: Node): ParagraphInfo[] {
  const out: ParagraphInfo[] = [];
  let offset = 0;
  let first = true;
  doc.descendants((node, pos) => {
    if (!node.isTextblock) return true;
    if (!first) offset += 2; // docPlainText joins blocks with '\n\n'.
    const text = node.textBetween(0, node.content.size, '', '\n');
    if (node.type.name === 'paragraph') out.push({ pos: pos + 1, offset, text });
    offset += text.length;
    first = false;
    return false;
  });
  return out;
}

/** Word spans [start, end) within a paragraph's text. */
function wordSpans(text: string): [number, number][] {
  return [...text.matchAll(/\S+/g)].map((m) => [m.index, m.index + m[0].length]);
}

/** Varied claim data, so decorations get the different status and verdict classes they get in real use. */
function claimData(k: number): ClaimData {
  const data = newClaimData(`bench-claim-${String(k).padStart(5, '0')}`, 'Bench Reviewer', STAMP);
  const status = STATUSES[k % STATUSES.length] ?? 'unreviewed';
  const verdict = status === 'done' || k % 3 === 0 ? (DEFAULT_RATING_SCALE[k % DEFAULT_RATING_SCALE.length] ?? null) : null;
  data.verification = { ...data.verification, status, verdict };
  return data;
}

export function generateArticle(sample: string, { id, words, claims, seed = 20_000 }: ArticleOptions): GeneratedArticle {
  const parsed = articleFromText(articleText(sample, words), 'text');
  const doc = articleSchema.nodeFromJSON(parsed.doc);
  const text = docPlainText(doc);
  const paragraphs = bodyParagraphs(doc);
  const spans = paragraphs.map((p) => wordSpans(p.text));
  const random = prng(seed);
  const pick = (n: number) => Math.floor(random() * n);

  // Claims as word ranges within one paragraph: [paragraph, first word, last word].
  const picked: [number, number, number][] = [];
  const seen = new Set<string>();
  let guard = 0;
  while (picked.length < claims && guard++ < claims * 50) {
    let candidate: [number, number, number];
    const parent = picked.length > 0 && random() < 0.15 ? picked[pick(picked.length)] : undefined;
    if (parent && parent[2] - parent[1] + 1 >= 4) {
      // A claim nested inside another (a figure inside a quoted statement, say).
      const [p, a, b] = parent;
      const len = 3 + pick(b - a + 1 - 3);
      const start = a + pick(b - a + 1 - len + 1);
      candidate = [p, start, start + len - 1];
    } else {
      const p = pick(paragraphs.length);
      const n = spans[p]?.length ?? 0;
      if (n < 3) continue;
      const len = Math.min(n, 3 + pick(23));
      const start = pick(n - len + 1);
      candidate = [p, start, start + len - 1];
    }
    const key = candidate.join(':');
    if (seen.has(key)) continue;
    seen.add(key);
    picked.push(candidate);
  }
  if (picked.length < claims) throw new Error(`Only ${picked.length} of ${claims} claims fit the article.`);

  const ranges: { start: number; end: number }[] = [];
  const claimList: Claim[] = picked.map(([p, a, b], k) => {
    const para = paragraphs[p];
    const first = spans[p]?.[a];
    const last = spans[p]?.[b];
    if (!para || !first || !last) throw new Error('Claim outside the article.');
    const start = para.offset + first[0];
    const end = para.offset + last[1];
    ranges.push({ start, end });
    const { quote, position } = selectorsFor(text, start, end);
    return { data: claimData(k), target: { quote, position, orphaned: false } };
  });

  const imported = {
    meta: { title: parsed.meta.title, publisher: 'Bench Wire', byline: '', publishedAt: '', modifiedAt: '', url: '', language: '' },
    origin: { kind: 'paste' as const },
    importedAt: STAMP,
    doc: parsed.doc,
    removedOnImport: parsed.removed,
  };
  const versions = [firstVersion(imported, 'Bench', createHash('sha256').update(text, 'utf8').digest('hex'), countWords(text))];
  const record: ArticleRecord = { id, ...imported, updatedAt: STAMP, revision: 0, claims: claimList, audit: [], exchange: noExchange(), versions, detection: noDetection() };
  const { audit: _audit, exchange: _exchange, ...rest } = record;
  const article: ArticleForEditing = { ...rest, versions: summarizeVersions(versions) };
  return { article, record, words: countWords(text), paragraphs, ranges };
}
