import { describe, expect, it } from 'vitest';
import { CALLOUT_LABELS, CALLOUTS, calloutsOf } from './callouts';

const change = (removed: string, added: string) => calloutsOf({ removed, added });

describe('calloutsOf', () => {
  it('calls out a changed figure, in digits or words', () => {
    expect(change('14', '17')).toEqual(['number']);
    expect(change('1,400', '1,450')).toEqual(['number']);
    expect(change('ten additional troops', 'dozens of additional troops')).toEqual(['number']);
    expect(change('30%', '35%')).toEqual(['number']);
  });

  it('calls out changed dates: weekdays, months, relative days, years, ISO dates', () => {
    expect(change('on Tuesday', 'on Wednesday')).toEqual(['date']);
    expect(change('yesterday', 'on Monday')).toEqual(['date']);
    expect(change('in March', 'in April')).toEqual(['date']);
    expect(change('since 2011', 'since 2012')).toEqual(['date']);
    expect(change('2024-12-01', '2024-12-02')).toEqual(['date']);
    expect(change('on 3 December', 'on 4 December')).toEqual(['date']);
  });

  it('calls out a changed name inside a sentence, an acronym, but not a capital that only opens a sentence', () => {
    expect(change('in the city of Homs', 'in the city of Hama')).toEqual(['name']);
    expect(change('the SOHR', 'the monitor')).toEqual(['name']);
    expect(change('The attackers fled.', 'Attackers fled.')).toEqual([]);
    expect(change('fled. The attackers', 'fled. Attackers')).toEqual([]);
    expect(change('Human Rights Watch said', 'Amnesty said')).toEqual(['name']);
  });

  it('calls out changed attribution: cue verbs, cue phrases, vague sources', () => {
    expect(change('said', 'claimed')).toEqual(['attribution']);
    expect(change('according to officials', 'officials')).toEqual(['attribution']);
    expect(change('were killed', 'were reportedly killed')).toEqual(['attribution']);
    expect(change('sources say', 'witnesses say')).toEqual(['attribution']);
  });

  it('calls out every kind a removed attribution sentence held', () => {
    expect(change('The Syrian Observatory for Human Rights reported that 14 died on Tuesday.', '')).toEqual(['number', 'date', 'name', 'attribution']);
  });

  it('calls out nothing when the words of these kinds stayed the same', () => {
    expect(change('on Tuesday near the port', 'on Tuesday near the harbour')).toEqual([]);
    expect(change('14 troops died', '14 soldiers died')).toEqual([]);
    expect(change('', '')).toEqual([]);
  });

  it('has a label for every callout', () => {
    for (const c of CALLOUTS) expect(CALLOUT_LABELS[c]).toMatch(/^[A-Z]/);
  });
});
