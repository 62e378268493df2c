import { describe, expect, it } from 'vitest';
import { newClaimData, type Claim, type SourceKind } from '../schema/claim';
import type { SourceEntry } from '../schema/desk';
import { recordSources } from './directory';

const claim = (id: string, sourceName: string, sourceKind: SourceKind): Claim => {
  const data = newClaimData(id, 'Ana', '2026-11-28T09:30:00.000Z');
  return {
    data: { ...data, attribution: { ...data.attribution, sourceName, sourceKind } },
    target: { quote: { type: 'TextQuoteSelector', exact: 'x', prefix: '', suffix: '' }, position: { type: 'TextPositionSelector', start: 0, end: 1 }, orphaned: false },
  };
};
let n = 0;
const newId = () => `source-${++n}`;
const sohr: SourceEntry = { id: 'source-sohr', name: 'Syrian Observatory for Human Rights', aliases: ['SOHR'], kind: 'none' };

describe('recordSources', () => {
  it('adds names the directory does not know, once, with the kind the claim gives', () => {
    const next = recordSources([], [claim('a', 'State media', 'state_media'), claim('b', 'state media', 'none')], [], newId);
    expect(next).toEqual([expect.objectContaining({ name: 'State media', kind: 'state_media' })]);
  });

  it('a kind chosen on a claim after the name was saved reaches the directory entry, by alias too', () => {
    const before = [claim('a', 'SOHR', 'none')];
    expect(recordSources([sohr], before, before, newId)).toBeNull();
    expect(recordSources([sohr], [claim('a', 'SOHR', 'ngo_monitor')], before, newId)).toEqual([{ ...sohr, kind: 'ngo_monitor' }]);
  });

  it('the latest choice wins; an unchanged claim or a claim without a chosen kind changes nothing', () => {
    const dir = [{ ...sohr, kind: 'ngo_monitor' as const }];
    const a = claim('a', 'SOHR', 'ngo_monitor');
    expect(recordSources(dir, [a, claim('b', 'SOHR', 'none')], [a], newId)).toBeNull();
    expect(recordSources(dir, [a], [a], newId)).toBeNull();
    const b = claim('b', 'Syrian Observatory for Human Rights', 'news_agency');
    expect(recordSources(dir, [a, b], [a, claim('b', 'Syrian Observatory for Human Rights', 'none')], newId)).toEqual([{ ...sohr, kind: 'news_agency' }]);
  });
});
