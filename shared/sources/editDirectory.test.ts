import { describe, expect, it } from 'vitest';
import type { SourceEntry } from '../schema/desk';
import { mergeSources, putSource } from './editDirectory';

const sohrLong: SourceEntry = { id: 'source-sohr-long', name: 'Syrian Observatory for Human Rights', aliases: ['the Observatory'], kind: 'none' };
const sohr: SourceEntry = { id: 'source-sohr', name: 'SOHR', aliases: ['observatory', 'the observatory'], kind: 'ngo_monitor' };
const sana: SourceEntry = { id: 'source-sana', name: 'SANA', aliases: [], kind: 'state_media' };
const dir = [sohrLong, sohr, sana];

describe('putSource', () => {
  it('adds a new source and edits one in place', () => {
    const added = putSource(dir, { id: 'source-new', name: 'Interior ministry', aliases: ['MoI'], kind: 'official' });
    expect(added.ok && added.sources.map((s) => s.name)).toEqual(['Syrian Observatory for Human Rights', 'SOHR', 'SANA', 'Interior ministry']);
    const edited = putSource(dir, { ...sana, aliases: ['Syrian Arab News Agency'] });
    expect(edited.ok && edited.sources[2]).toEqual({ ...sana, aliases: ['Syrian Arab News Agency'] });
  });

  it('refuses a name or alias another source has, or one listed twice', () => {
    expect(putSource(dir, { id: 'source-new', name: 'sohr ', aliases: [], kind: 'none' })).toEqual({ ok: false, message: '“sohr ” already names another source in the directory (SOHR).' });
    expect(putSource(dir, { ...sana, aliases: ['The observatory'] })).toEqual({ ok: false, message: '“The observatory” already names another source in the directory (Syrian Observatory for Human Rights).' });
    expect(putSource(dir, { ...sana, aliases: ['Sana'] })).toEqual({ ok: false, message: '“Sana” is already the source\'s name, not an alias of it.' });
    expect(putSource(dir, { ...sana, aliases: ['A', 'a'] })).toEqual({ ok: false, message: '“a” is listed twice for SANA.' });
  });
});

describe('mergeSources', () => {
  it('keeps one name, makes the other an alias, unions aliases once each, and takes the chosen kind', () => {
    const r = mergeSources(dir, { keepId: sohrLong.id, mergeId: sohr.id, name: 'Syrian Observatory for Human Rights', kind: 'ngo_monitor' });
    expect(r).toEqual({ ok: true, sources: [{ id: sohrLong.id, name: 'Syrian Observatory for Human Rights', aliases: ['the Observatory', 'SOHR', 'observatory'], kind: 'ngo_monitor' }, sana] });
  });

  it('can keep the other entry\'s name', () => {
    const r = mergeSources(dir, { keepId: sohrLong.id, mergeId: sohr.id, name: 'sohr', kind: 'none' });
    expect(r.ok && r.sources[0]).toEqual({ id: sohrLong.id, name: 'SOHR', aliases: ['Syrian Observatory for Human Rights', 'the Observatory', 'observatory'], kind: 'none' });
  });

  it('refuses a source merged into itself, a missing source, and a name that is not one of theirs', () => {
    expect(mergeSources(dir, { keepId: sohr.id, mergeId: sohr.id, name: 'SOHR', kind: 'none' })).toEqual({ ok: false, message: 'Choose two different sources to merge: a source cannot be merged into itself.' });
    expect(mergeSources(dir, { keepId: sohr.id, mergeId: 'source-gone', name: 'SOHR', kind: 'none' }).ok).toBe(false);
    expect(mergeSources(dir, { keepId: sohr.id, mergeId: sana.id, name: 'Someone else', kind: 'none' })).toEqual({ ok: false, message: 'The merged source\'s name must be one of its names: SOHR, observatory, the observatory, SANA.' });
  });
});
