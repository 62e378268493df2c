import { describe, expect, it } from 'vitest';
import type { SourceEntry } from '../schema/desk';
import { matchSource, sourceNameOf } from './matchSource';

const sohr: SourceEntry = { id: 'source-sohr', name: 'Syrian Observatory for Human Rights', aliases: ['SOHR'], kind: 'ngo_monitor' };
const ministry: SourceEntry = { id: 'source-moi', name: 'Ministry of Interior', aliases: ['the interior ministry'], kind: 'official' };
const sana: SourceEntry = { id: 'source-sana', name: 'Agência Síria', aliases: [], kind: 'state_media' };

describe('matchSource', () => {
  it('finds an entry by its name with the article’s wording around it', () => {
    expect(matchSource([ministry, sohr], 'the Syrian Observatory for Human Rights')).toBe(sohr);
    expect(matchSource([ministry, sohr], 'The Syrian Observatory for Human Rights (SOHR)')).toBe(sohr);
    expect(matchSource([sohr], 'THE SYRIAN   OBSERVATORY for human rights')).toBe(sohr);
  });

  it('finds an entry by an alias, the bracketed acronym alone too', () => {
    expect(matchSource([ministry, sohr], 'The interior ministry')).toBe(ministry);
    expect(matchSource([ministry, sohr], 'the monitor (SOHR)')).toBe(sohr);
  });

  it('ignores accents and case', () => {
    expect(matchSource([sana], 'agencia siria')).toBe(sana);
  });

  it('finds nothing for names it does not hold, or an empty span', () => {
    expect(matchSource([sohr, ministry], 'state media')).toBeNull();
    expect(matchSource([sohr], '  ')).toBeNull();
    expect(matchSource([], 'SOHR')).toBeNull();
  });
});

describe('sourceNameOf', () => {
  it('gives the name as a directory keeps it', () => {
    expect(sourceNameOf('the Syrian Observatory for Human Rights (SOHR)')).toBe('Syrian Observatory for Human Rights');
    expect(sourceNameOf('The interior ministry,')).toBe('Interior ministry');
    expect(sourceNameOf('state media')).toBe('State media');
  });
});
