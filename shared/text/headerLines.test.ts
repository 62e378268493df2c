import { describe, expect, it } from 'vitest';
import { headerReason, parseByline, parseDatedLine, parseDateLine, parseHeaderLine, parsePublisher } from './headerLines';

describe('header lines', () => {
  it('parses the usual date forms without time-zone surprises', () => {
    expect(parseDateLine('December 24, 2024')).toBe('2024-12-24');
    expect(parseDateLine('Dec. 1, 2024')).toBe('2024-12-01');
    expect(parseDateLine('24 December 2024')).toBe('2024-12-24');
    expect(parseDateLine('2024-12-24')).toBe('2024-12-24');
    expect(parseDateLine('Updated: Tuesday, 31 December 2024')).toBe('2024-12-31');
    expect(parseDateLine('Published on January 1st, 2025 at 9:05 am ET')).toBe('2025-01-01');
    expect(parseDateLine('2024-01-01T00:30:00+05:00')).toBe('2024-01-01');
    expect(parseDateLine('10:32 GMT, 4 March 2025')).toBe('2025-03-04');
    expect(parseDateLine('February 29, 2023')).toBeNull();
    expect(parseDateLine('February 29, 2024')).toBe('2024-02-29');
    expect(parseDateLine('May 2024 was a busy month')).toBeNull();
    expect(parseDateLine('December 24, 2024, was the day the curfew began.')).toBeNull();
  });

  it('tells updated dates from published ones', () => {
    expect(parseDatedLine('Updated: 4 March 2025')).toEqual({ field: 'modifiedAt', date: '2025-03-04' });
    expect(parseDatedLine('Last updated on March 4, 2025 at 10:32')).toEqual({ field: 'modifiedAt', date: '2025-03-04' });
    expect(parseDatedLine('Published: 3 March 2025')).toEqual({ field: 'publishedAt', date: '2025-03-03' });
    expect(parseDatedLine('3 March 2025')).toEqual({ field: 'publishedAt', date: '2025-03-03' });
  });

  it('accepts bylines and refuses sentences that start with "By"', () => {
    expect(parseByline('By Jane Doe')).toBe('Jane Doe');
    expect(parseByline('Written by Jane Doe and John Roe')).toBe('Jane Doe and John Roe');
    expect(parseByline('Words by Ana Lima')).toBe('Ana Lima');
    expect(parseByline('By J. R. Smith Jr.')).toBe('J. R. Smith Jr.');
    expect(parseByline('By contrast, the ministry said nothing.')).toBeNull();
    expect(parseByline('By Tuesday evening the curfew had been lifted')).toBeNull();
    expect(parseByline('Bystanders fled')).toBeNull();
    expect(parseByline('Written by hand, the note was found')).toBeNull();
  });

  it('recognises publishers by name, by masthead shape and by domain, and not section labels or prose', () => {
    for (const name of ['Reuters', 'BBC News', 'Al Jazeera', 'The Guardian', 'guardian', 'Sky News', 'The Kyiv Post', 'Manchester Evening News', 'middleeasteye.net', '(Reuters)']) {
      expect(parsePublisher(name), name).not.toBeNull();
    }
    expect(parsePublisher('(Reuters)')).toBe('Reuters');
    expect(parsePublisher('Enab Baladi (enabbaladi.net)')).toBe('Enab Baladi');
    for (const not of ['Breaking News', 'World News', 'Calls for justice', 'The ministry said', 'Times Square', 'news', '3.3.2025', 'Facebook']) {
      expect(parsePublisher(not), not).toBeNull();
    }
  });

  it('reads several fields on one line, and nothing from a line that is partly prose', () => {
    expect(parseHeaderLine('By Jane Doe | Reuters | 3 March 2025')).toEqual({ byline: 'Jane Doe', publisher: 'Reuters', publishedAt: '2025-03-03' });
    expect(parseHeaderLine('By Jane Doe and John Roe, Reuters')).toEqual({ byline: 'Jane Doe and John Roe', publisher: 'Reuters' });
    expect(parseHeaderLine('By Jane Doe, John Roe')).toEqual({ byline: 'Jane Doe, John Roe' });
    expect(parseHeaderLine('3 March 2025 · Updated 4 March 2025')).toEqual({ publishedAt: '2025-03-03', modifiedAt: '2025-03-04' });
    expect(parseHeaderLine('Published 3 March 2025 - 10:32 GMT')).toEqual({ publishedAt: '2025-03-03' });
    expect(parseHeaderLine('https://example.com/a')).toEqual({ url: 'https://example.com/a' });
    expect(parseHeaderLine('Reuters | The ministry said 14 troops were killed')).toBeNull();
    expect(parseHeaderLine('By contrast, Reuters reported nothing')).toBeNull();
    expect(headerReason({ byline: 'x', publisher: 'y', modifiedAt: 'z' })).toBe('moved to metadata (byline, publisher, updated date)');
  });
});
