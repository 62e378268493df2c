import { describe, expect, it } from 'vitest';
import { INFO_NOTICE_MS, noticeLifetimeMs, noticeShownAt, removedSummary } from './noticeRules';

describe('notice timing', () => {
  it('lets a short information notice go after 8 s', () => {
    expect(noticeLifetimeMs({ kind: 'info', text: 'Settings saved.' })).toBe(INFO_NOTICE_MS);
  });

  it('gives a long one time to be read', () => {
    const text = Array.from({ length: 60 }, () => 'word').join(' ');
    expect(noticeLifetimeMs({ kind: 'info', text })).toBe(18_000);
  });

  it('keeps errors and notices with a list until dismissed', () => {
    expect(noticeLifetimeMs({ kind: 'error', text: 'The file is empty.' })).toBeNull();
    expect(noticeLifetimeMs({ kind: 'info', text: 'Imported.', removed: [{ text: 'SHARE NOW', reason: 'share buttons' }] })).toBeNull();
    expect(noticeLifetimeMs({ kind: 'info', text: 'Imported.', removed: [] })).toBe(INFO_NOTICE_MS);
  });
});

describe('noticeShownAt', () => {
  const held = { notice: { kind: 'info' as const, text: 'Imported.' }, at: '#/article/abcdef', id: 1 };
  it('shows a notice only on the route it was shown for', () => {
    expect(noticeShownAt(held, '#/article/abcdef')).toBe(held.notice);
    expect(noticeShownAt(held, '#/article/bcdefa')).toBeNull();
    expect(noticeShownAt(held, '#/')).toBeNull();
    expect(noticeShownAt(null, '#/')).toBeNull();
  });
});

describe('removedSummary', () => {
  it('counts', () => {
    expect(removedSummary(1)).toBe('1 piece of page furniture or metadata taken out');
    expect(removedSummary(34)).toBe('34 pieces of page furniture or metadata taken out');
  });
});
