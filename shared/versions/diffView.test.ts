import { describe, expect, it } from 'vitest';
import { diffTexts } from './diff';
import { diffGroups, diffStats, foldUnchanged, statsSentence, type DiffGroup } from './diffView';

const text = (g: DiffGroup, side: 'oldBlocks' | 'newBlocks') => g[side].map((b) => b.map((p) => p.text).join(''));

describe('diffGroups', () => {
  it('keeps unchanged paragraphs as one group each and a changed word inside its paragraph', () => {
    const oldText = 'Title one\n\nAt least 14 people died.\n\nKeep this.';
    const newText = 'Title two\n\nAt least 17 people died.\n\nKeep this.';
    const d = diffTexts(oldText, newText);
    const groups = diffGroups(d);
    expect(groups.map((g) => g.changed)).toEqual([true, true, false]);
    expect(groups[1]!.inline).toEqual([[{ kind: 'same', text: 'At least ' }, { kind: 'removed', text: '14' }, { kind: 'added', text: '17' }, { kind: 'same', text: ' people died.' }]]);
    expect(groups[1]!.changes).toEqual([d.changes[1]]);
    expect(oldText.slice(groups[2]!.oldStart, groups[2]!.oldEnd)).toBe('Keep this.');
    expect(newText.slice(groups[1]!.newStart, groups[1]!.newEnd)).toBe('At least 17 people died.');
  });

  it('puts a removed paragraph on the old side only, with a paragraph-break mark inline', () => {
    const d = diffTexts('A said so.\n\nPolice said it.\n\nC.', 'A said so.\n\nC.');
    const groups = diffGroups(d);
    const changed = groups.filter((g) => g.changed);
    expect(changed).toHaveLength(1);
    expect(text(changed[0]!, 'oldBlocks').join('|')).toContain('Police said it.');
    expect(text(changed[0]!, 'newBlocks').join('|')).not.toContain('Police');
    expect(changed[0]!.inline.flat().some((p) => p.paragraphBreak && p.kind === 'removed')).toBe(true);
    // Every change lands in exactly one group.
    expect(groups.flatMap((g) => g.changes)).toEqual(d.changes);
  });

  it('gives every text offset to one group on each side', () => {
    const oldText = 'H\n\none two\n\nthree\n\nfour';
    const newText = 'H!\n\none\n\nnew\n\nthree four\n\nfive';
    const groups = diffGroups(diffTexts(oldText, newText));
    const oldRebuilt = groups.map((g) => oldText.slice(g.oldStart, g.oldEnd)).join('\n\n');
    const newRebuilt = groups.map((g) => newText.slice(g.newStart, g.newEnd)).join('\n\n');
    expect(oldRebuilt).toBe(oldText);
    expect(newRebuilt).toBe(newText);
  });
});

describe('diffGroups pairs paragraphs across one change', () => {
  it('keeps a break both sides have as a break of both, so old and new paragraphs stay side by side', () => {
    // One change over two paragraphs, as a diff that folds small equalities gives it.
    const diff = {
      segments: [
        { kind: 'removed' as const, text: 'Title one\n\nAt least 14', oldStart: 0, newStart: 0 },
        { kind: 'added' as const, text: 'Title two\n\nAt least 17', oldStart: 22, newStart: 0 },
        { kind: 'same' as const, text: ' died.', oldStart: 22, newStart: 22 },
      ],
      changes: [{ oldStart: 0, oldEnd: 22, newStart: 0, newEnd: 22, removed: 'Title one\n\nAt least 14', added: 'Title two\n\nAt least 17' }],
    };
    const groups = diffGroups(diff);
    expect(groups).toHaveLength(2);
    expect(text(groups[0]!, 'oldBlocks')).toEqual(['Title one']);
    expect(text(groups[0]!, 'newBlocks')).toEqual(['Title two']);
    expect(text(groups[1]!, 'newBlocks')).toEqual(['At least 17 died.']);
    expect(groups.flat().flatMap((g) => g.inline.flat()).some((p) => p.paragraphBreak)).toBe(false);
  });
});

describe('foldUnchanged', () => {
  const paras = Array.from({ length: 30 }, (_, i) => `Paragraph ${i} is here.`);
  const changed = paras.map((p, i) => (i === 10 ? 'Paragraph 10 is gone now.' : p));
  const groups = diffGroups(diffTexts(paras.join('\n\n'), changed.join('\n\n')));

  it('shows the change with one paragraph of context and folds the rest', () => {
    const rows = foldUnchanged(groups);
    expect(rows.map((r) => (r.kind === 'group' ? `g${r.group.index}` : `f${r.groups.length}`))).toEqual(['f9', 'g9', 'g10', 'g11', 'f18']);
  });

  it('unfolds what a person asked for', () => {
    const rows = foldUnchanged(groups, 1, new Set([0, 1, 2, 3, 4, 5, 6, 7, 8]));
    expect(rows[0]).toMatchObject({ kind: 'group' });
    expect(rows.filter((r) => r.kind === 'folded')).toHaveLength(1);
  });

  it('stays fast on 20,000 words with a few edits', () => {
    const long = Array.from({ length: 1000 }, (_, i) => `Paragraph ${i}: the ministry said 14 people were hurt in the town of Homs on Monday.`);
    const edited = long.map((p, i) => (i % 250 === 0 ? p.replace('14', '17') : p));
    const started = performance.now();
    const g = diffGroups(diffTexts(long.join('\n\n'), edited.join('\n\n')));
    const rows = foldUnchanged(g);
    const ms = performance.now() - started;
    expect(rows.filter((r) => r.kind === 'group')).toHaveLength(4 * 3 - 1);
    expect(ms).toBeLessThan(2000);
  });
});

describe('diffStats', () => {
  it('counts words and paragraphs', () => {
    const d = diffTexts('The ministry said on Monday that the road was closed.\n\nSame.', 'The ministry said on Monday that the main coast road was closed.\n\nSame.');
    const s = diffStats(diffGroups(d), d);
    expect(s).toEqual({ changedParagraphs: 1, wordsAdded: 2, wordsRemoved: 0 });
    expect(statsSentence(s)).toBe('1 paragraph changed: 2 words added, 0 removed');
  });
});
