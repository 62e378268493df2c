import { describe, expect, it } from 'vitest';
import { isVaguePassive, sourceKindOf, strengthOf } from './sourceKind';

describe('sourceKindOf', () => {
  it.each([
    ['the Syrian Observatory for Human Rights', 'ngo_monitor'],
    ['state media', 'state_media'],
    ['the interior ministry', 'official'],
    ['rebel-led authorities in Syria', 'official'],
    ['Reuters', 'news_agency'],
    ['The Associated Press', 'news_agency'],
    ['a witness', 'witness'],
    ['residents', 'witness'],
    ['sources familiar with the talks', 'anonymous'],
    ['Reports', 'anonymous'],
    ['Jane Smith', 'none'],
  ] as const)('%s: %s', (source, kind) => {
    expect(sourceKindOf(source, 'said')).toBe(kind);
  });

  it('takes social media from the cue when the source is a person, and anonymous for a cue with no source', () => {
    expect(sourceKindOf('The minister', 'tweeted')).toBe('social_media');
    expect(sourceKindOf(null, 'reportedly')).toBe('anonymous');
  });
});

describe('strengthOf', () => {
  it.each([
    ['Reports', 'indicate', 'vague'],
    ['reports', 'According to', 'vague'],
    [null, 'reportedly', 'vague'],
    ['it', 'has been reported', 'vague'],
    ['Sources', 'say', 'vague'],
    [null, 'allegedly', 'vague'],
    [null, 'is said to', 'vague'],
    ['the Syrian Observatory for Human Rights', 'According to', 'named'],
    ['he', 'said', 'named'],
    [null, '', 'none'],
  ] as const)('%s %s: %s', (source, cue, strength) => {
    expect(strengthOf(source, cue)).toBe(strength);
  });

  it('knows a passive that names no one', () => {
    expect(['is said to', 'are believed to', 'was reported', 'It has been reported'].map(isVaguePassive)).toEqual([true, true, true, true]);
    expect(['said', 'has reported', 'is saying'].map(isVaguePassive)).toEqual([false, false, false]);
  });
});
