import { describe, expect, it } from 'vitest';
import { commandScore, groupCommands } from './filter';

const cmd = (label: string, group = 'App', keywords?: string[]) => ({ label, group, keywords });

describe('commandScore', () => {
  it('matches every typed word at the start of a word', () => {
    expect(commandScore(cmd('Go to Settings'), 'sett')).toBeGreaterThan(0);
    expect(commandScore(cmd('Go to Settings'), 'go sett')).toBeGreaterThan(0);
    expect(commandScore(cmd('Go to Settings'), 'ttings')).toBe(0);
    expect(commandScore(cmd('Go to Settings'), 'go library')).toBe(0);
  });

  it('matches keywords and the group, below the label', () => {
    const dark = cmd('Theme: Dark', 'Appearance', ['night', 'colour']);
    expect(commandScore(dark, 'night')).toBeGreaterThan(0);
    expect(commandScore(dark, 'appear')).toBeGreaterThan(0);
    expect(commandScore(cmd('Night shift'), 'night')).toBeGreaterThan(commandScore(dark, 'night'));
  });

  it('ranks a label that starts with the search first', () => {
    expect(commandScore(cmd('Zoom in'), 'zoom')).toBeGreaterThan(commandScore(cmd('Reset zoom'), 'zoom'));
  });

  it('lists everything for an empty search', () => {
    expect(commandScore(cmd('Anything'), '  ')).toBe(1);
  });
});

describe('groupCommands', () => {
  it('keeps the order groups and commands were registered in', () => {
    const grouped = groupCommands([cmd('a', 'Claims'), cmd('b', 'App'), cmd('c', 'Claims')]);
    expect(grouped.map((g) => [g.group, g.commands.map((c) => c.label)])).toEqual([
      ['Claims', ['a', 'c']],
      ['App', ['b']],
    ]);
  });
});
