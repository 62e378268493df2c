import { longArticleDoc } from './testing';
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import type { Node } from 'prosemirror-model';
import { articleFromText } from '../doc/fromText';
import { docPlainText } from '../doc/plainText';
import { articleSchema as s } from '../doc/schema';
import { buildTextIndex, type TextIndex } from './textIndex';

const sample = readFileSync(new URL('../../data/tartous-ambush.txt', import.meta.url), 'utf8');
const sampleDoc = s.nodeFromJSON(articleFromText(sample, 'text').doc);

const p = (...content: (string | Node)[]): Node => s.node('paragraph', null, content.map((c) => (typeof c === 'string' ? s.text(c) : c)));
const title = (t: string): Node => s.node('title', null, t ? [s.text(t)] : []);
const br = (): Node => s.node('hard_break');
const doc = (...blocks: Node[]): Node => s.node('doc', null, blocks);

/** Inline leaves are one '\n' (hard_break), block leaves (horizontal_rule) nothing: the plain-text rules. */
const leafText = (leaf: Node): string => (leaf.isInline ? '\n' : '');

/** The textblocks' content ranges, in positions, and the offsets inside the '\n\n' gaps. */
function layout(d: Node): { blocks: { start: number; end: number }[] } {
  const blocks: { start: number; end: number }[] = [];
  d.descendants((node, pos) => {
    if (!node.isTextblock) return true;
    blocks.push({ start: pos + 1, end: pos + 1 + node.content.size });
    return false;
  });
  return { blocks };
}

function gapOffsets(text: string, index: TextIndex, d: Node): Set<number> {
  // An offset is in a gap when it is strictly between the two newlines that separate blocks.
  const gaps = new Set<number>();
  let offset = 0;
  layout(d).blocks.forEach((b, i) => {
    if (i > 0) {
      gaps.add(offset + 1);
      offset += 2;
    }
    offset += b.end - b.start;
  });
  expect(offset).toBe(text.length);
  expect(index.text).toBe(text);
  return gaps;
}

function checkRoundTrips(d: Node): void {
  const index = buildTextIndex(d);
  const text = docPlainText(d);
  expect(index.text).toBe(text);
  const gaps = gapOffsets(text, index, d);
  const { blocks } = layout(d);
  for (let o = 0; o <= text.length; o++) {
    const start = index.offsetToPos(o, 'start');
    const end = index.offsetToPos(o, 'end');
    if (gaps.has(o)) {
      // Between the two newlines: 'start' goes to the next block's start, 'end' to the previous block's end.
      expect(index.posToOffset(start)).toBe(o + 1);
      expect(index.posToOffset(end)).toBe(o - 1);
      expect(blocks.some((b) => b.start === start)).toBe(true);
      expect(blocks.some((b) => b.end === end)).toBe(true);
    } else {
      expect(start).toBe(end);
      expect(index.posToOffset(start)).toBe(o);
      expect(d.resolve(start).parent.isTextblock).toBe(true);
    }
  }
  // Every position inside a textblock round-trips too.
  for (const b of blocks) {
    for (let pos = b.start; pos <= b.end; pos++) expect(index.offsetToPos(index.posToOffset(pos))).toBe(pos);
  }
}

describe('buildTextIndex', () => {
  it('gives the plain text and round-trips every offset of the sample article', () => {
    checkRoundTrips(sampleDoc);
  });

  it('agrees with doc.textBetween for ranges of the sample article', () => {
    const index = buildTextIndex(sampleDoc);
    const { text } = index;
    const gaps = gapOffsets(text, index, sampleDoc);
    let seed = 7;
    const rand = (n: number): number => {
      seed = (seed * 1103515245 + 12345) % 2 ** 31;
      return seed % n;
    };
    let checked = 0;
    while (checked < 3000) {
      let a = rand(text.length + 1);
      let b = rand(text.length + 1);
      if (gaps.has(a) || gaps.has(b)) continue;
      if (a > b) [a, b] = [b, a];
      expect(sampleDoc.textBetween(index.offsetToPos(a, 'start'), index.offsetToPos(b, 'end'), '\n\n', leafText)).toBe(text.slice(a, b));
      checked++;
    }
  });

  it('maps the title and the first paragraph by hand', () => {
    const d = doc(title('Head'), p('Body text'));
    const index = buildTextIndex(d);
    expect(index.text).toBe('Head\n\nBody text');
    expect(index.posToOffset(1)).toBe(0); // start of title content
    expect(index.posToOffset(5)).toBe(4); // end of title content
    expect(index.offsetToPos(6)).toBe(7); // 'B'
    expect(index.offsetToPos(5, 'start')).toBe(7);
    expect(index.offsetToPos(5, 'end')).toBe(5);
    expect(index.posToOffset(0)).toBe(0); // before the title
    expect(index.posToOffset(d.content.size)).toBe(index.text.length); // after everything
    expect(index.offsetToPos(-3)).toBe(1);
    expect(index.offsetToPos(1000)).toBe(d.content.size - 1);
  });

  it('counts a hard_break as one newline', () => {
    const d = doc(title('T'), p('ab', br(), 'cd'));
    const index = buildTextIndex(d);
    expect(index.text).toBe('T\n\nab\ncd');
    // p opens at 3: content 4..9 = a b <br> c d
    expect(index.offsetToPos(5)).toBe(6); // the hard_break
    expect(index.offsetToPos(6)).toBe(7); // 'c'
    expect(d.textBetween(index.offsetToPos(3), index.offsetToPos(8), '\n\n', leafText)).toBe('ab\ncd');
    checkRoundTrips(d);
  });

  it('handles textblocks nested in lists and block quotes, and positions between blocks', () => {
    const d = doc(
      title('T'),
      s.node('blockquote', null, [p('quoted'), p('more')]),
      s.node('bullet_list', null, [
        s.node('list_item', null, [p('one')]),
        s.node('list_item', null, [p('two'), s.node('ordered_list', null, [s.node('list_item', null, [p('deep')])])]),
      ]),
      s.node('horizontal_rule'),
      s.node('heading', { level: 2 }, [s.text('Sub')]),
      p('end'),
    );
    const index = buildTextIndex(d);
    expect(index.text).toBe('T\n\nquoted\n\nmore\n\none\n\ntwo\n\ndeep\n\nSub\n\nend');
    checkRoundTrips(d);
    const { blocks } = layout(d);
    // Positions between blocks go to the nearest block boundary.
    const quoted = blocks[1];
    const more = blocks[2];
    if (!quoted || !more) throw new Error('layout');
    expect(more.start - quoted.end).toBe(2); // </p><p>
    expect(index.posToOffset(quoted.end + 1)).toBe(index.posToOffset(quoted.end)); // tie: previous end
    const before = blocks[2]?.end ?? 0; // 'more' ends; then </p></blockquote><ul><li><p> = 5 tokens
    const one = blocks[3];
    if (!one) throw new Error('layout');
    expect(one.start - before).toBe(5);
    expect(index.posToOffset(before + 1)).toBe(index.posToOffset(before));
    expect(index.posToOffset(before + 2)).toBe(index.posToOffset(before));
    expect(index.posToOffset(before + 3)).toBe(index.posToOffset(one.start));
    expect(index.posToOffset(before + 4)).toBe(index.posToOffset(one.start));
    // Across the horizontal rule the text has just one gap.
    const deep = blocks[5];
    const sub = blocks[6];
    if (!deep || !sub) throw new Error('layout');
    expect(index.posToOffset(sub.start) - index.posToOffset(deep.end)).toBe(2);
  });

  it('handles empty paragraphs and an empty title', () => {
    const d = doc(title(''), p(), p('x'), p(), p());
    const index = buildTextIndex(d);
    expect(index.text).toBe('\n\n\n\nx\n\n\n\n');
    expect(index.text).toBe(docPlainText(d));
    checkRoundTrips(d);
    // Offset 1 is in the gap between the empty title and the first empty paragraph.
    expect(index.offsetToPos(1, 'end')).toBe(1);
    expect(index.offsetToPos(1, 'start')).toBe(3);
    expect(index.offsetToPos(2)).toBe(3);
  });

  it('tells text from the gaps between blocks (hasText), agreeing with the text itself', () => {
    const d = doc(title('Ab'), p(), p('x', br(), 'y'), p(), p('z'));
    const index = buildTextIndex(d);
    expect(index.text).toBe('Ab\n\n\n\nx\ny\n\n\n\nz');
    // Every range: text unless it lies only in separators (a hard break counts as text).
    const separator = new Set<number>();
    for (const [start, size] of [[0, 2], [4, 0], [6, 3], [11, 0], [13, 1]] as const) {
      for (let k = start + size; k < start + size + 2 && k < index.text.length; k++) separator.add(k);
    }
    for (let a = 0; a <= index.text.length; a++) {
      for (let b = a; b <= index.text.length; b++) {
        let want = false;
        for (let k = a; k < b; k++) if (!separator.has(k)) want = true;
        expect(index.hasText(a, b), `${a}..${b}`).toBe(want);
      }
    }
  });

  // Its speed is in `npm run bench`; here, that every offset of a 20,000-word article maps into the text.
  it('maps offsets of a 20,000-word article to positions and back inside the text', () => {
    const index = buildTextIndex(longArticleDoc(sampleDoc));
    for (let k = 0; k < 100_000; k++) {
      const o = (k * 7919) % (index.text.length + 1);
      const back = index.posToOffset(index.offsetToPos(o));
      expect(back >= 0 && back <= index.text.length && Math.abs(back - o) <= 2).toBe(true);
    }
  });
});
