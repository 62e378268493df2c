import { describe, expect, it } from 'vitest';
import { verdictSlug } from '../claims/verdictPalette';
import { actionLabel, formatDate, labelOf, shortValue } from './displayFormat';

describe('display formatting', () => {
  it('formats timestamps and dates in UTC, without locale', () => {
    expect(formatDate('2026-11-28T09:10:00.000Z')).toEqual({ text: '28 Nov 2026, 09:10 UTC', iso: '2026-11-28T09:10:00.000Z' });
    expect(formatDate('2026-11-28T23:30:00-02:00')).toEqual({ text: '29 Nov 2026, 01:30 UTC', iso: '2026-11-29T01:30:00.000Z' });
    expect(formatDate('2026-01-05T07:04')).toEqual({ text: '5 Jan 2026, 07:04 UTC', iso: '2026-01-05T07:04:00.000Z' });
    expect(formatDate('2024-12-26')).toEqual({ text: '26 Dec 2024', iso: '2024-12-26' });
  });

  it('shows anything else as given, with no machine-readable form', () => {
    expect(formatDate('2024-02-30')).toEqual({ text: '2024-02-30', iso: null });
    expect(formatDate('yesterday <b>')).toEqual({ text: 'yesterday <b>', iso: null });
    expect(formatDate('')).toEqual({ text: '', iso: null });
    expect(formatDate(undefined)).toEqual({ text: '', iso: null });
  });

  it('makes class-safe verdict slugs', () => {
    expect(verdictSlug('Mostly true')).toBe('mostly-true');
    expect(verdictSlug(null)).toBe('none');
    expect(verdictSlug('None')).toBe('other');
    expect(verdictSlug('"><script>')).toBe('script');
    expect(verdictSlug('شائعة')).toBe('other');
  });

  it('labels actions and enum values, and shortens audit values', () => {
    expect(actionLabel('claim_updated')).toBe('Claim updated');
    expect(actionLabel('<b>')).toBe('<b>');
    expect(labelOf({ a: 'A' }, 'a')).toBe('A');
    expect(labelOf({ a: 'A' }, 'toString')).toBe('toString');
    expect(shortValue(null)).toBe('null');
    expect(shortValue(undefined)).toBe('—');
    expect(shortValue({ a: [1, 'x'] })).toBe('{"a":[1,"x"]}');
    expect(shortValue('x'.repeat(500))).toHaveLength(160);
    const circular: { self?: unknown } = {};
    circular.self = circular;
    expect(shortValue(circular)).toBe('[object Object]');
  });
});
