import { describe, expect, it } from 'vitest';
import { articleFromText } from '../doc/fromText';
import type { DocNodeJson } from '../schema/doc';
import { ImportReport, importReport } from './importReport';

const meta = { title: 'Ambush near Tartous', publisher: 'Reuters', byline: 'Jane Doe', publishedAt: '2025-03-03', modifiedAt: '', url: 'https://example.com/a', language: '' };
const t = (text: string): DocNodeJson => ({ type: 'text', text });

describe('importReport', () => {
  it('gives the body as plain text without the title, captions apart, and the metadata under its report names', () => {
    const doc: DocNodeJson = {
      type: 'doc',
      content: [
        { type: 'title', content: [t('Ambush near Tartous')] },
        { type: 'paragraph', content: [t('Fourteen troops '), { type: 'text', text: 'were killed', marks: [{ type: 'strong' }] }, t('.')] },
        { type: 'caption', content: [t('The coast road near Tartous.')] },
        { type: 'heading', attrs: { level: 2 }, content: [t('Reaction')] },
        { type: 'bullet_list', content: [{ type: 'list_item', content: [{ type: 'paragraph', content: [t('One')] }] }, { type: 'list_item', content: [{ type: 'paragraph', content: [t('Two')] }] }] },
        { type: 'blockquote', content: [{ type: 'paragraph', content: [t('A line'), { type: 'hard_break' }, t('and the next')] }] },
        { type: 'horizontal_rule' },
        { type: 'paragraph' },
      ],
    };
    const removed = [{ text: 'SHARE NOW', reason: 'share buttons' }];
    const report = importReport({ id: 'article-1', meta, doc }, removed);
    expect(report).toEqual({
      id: 'article-1',
      title: 'Ambush near Tartous',
      byline: 'Jane Doe',
      publisher: 'Reuters',
      published: '2025-03-03',
      modified: '',
      url: 'https://example.com/a',
      language: '',
      text: 'Fourteen troops were killed.\n\nReaction\n\nOne\n\nTwo\n\nA line\nand the next',
      captions: ['The coast road near Tartous.'],
      removed,
    });
    expect(ImportReport.parse(report)).toEqual(report);
  });

  it('reads the modified date and the language', () => {
    const withMore = { ...meta, modifiedAt: '2025-03-04', language: 'en' };
    const report = importReport({ id: 'a', meta: withMore, doc: { type: 'doc', content: [{ type: 'title' }, { type: 'paragraph', content: [t('x')] }] } }, []);
    expect(report).toMatchObject({ modified: '2025-03-04', language: 'en', text: 'x', captions: [] });
  });

  it('leaves out the header lines a text import moved to metadata', () => {
    const P = 'Rebel-led authorities in Syria said 14 interior ministry troops were killed in an ambush by supporters of the ousted president.';
    const parsed = articleFromText(`Ambush near Tartous\nBy Jane Doe | Reuters | 3 March 2025\n\n${P}`, 'text');
    const report = importReport({ id: 'a', meta: { ...parsed.meta, language: '' }, doc: parsed.doc }, parsed.removed);
    expect(report.text).toBe(P);
    expect(report).toMatchObject({ byline: 'Jane Doe', publisher: 'Reuters', published: '2025-03-03', modified: '' });
  });
});
