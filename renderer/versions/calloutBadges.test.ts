import { describe, expect, it } from 'vitest';
import { diffTexts } from '../../shared/versions/diff';
import { calloutBadges } from './calloutBadges';

describe('calloutBadges', () => {
  it('gives a changed figure one badge with both words', () => {
    const [change] = diffTexts('and she had taken eight, her mother said', 'and she had taken six, her mother said').changes;
    expect(calloutBadges(change!)).toEqual([{ kinds: 'number', label: 'Figures', before: 'eight', after: 'six' }]);
  });

  it('trims the punctuation around added words and clips a removed paragraph', () => {
    const [added] = diffTexts('A student dies after taking diet pills she bought online, her mother says', 'A student, 21, dies after taking diet pills she bought online, her mother says').changes;
    expect(calloutBadges(added!)[0]).toMatchObject({ before: '', after: '21' });
    const long = 'West Mercia police said the tablets were believed to contain dinitrophenol, known as DNP, which is a highly toxic industrial chemical.';
    const [removed] = diffTexts(`A.\n\n${long}\n\nB.`, 'A.\n\nB.').changes;
    const badge = calloutBadges(removed!)[0]!;
    expect(badge.label).toContain('Attribution');
    expect(badge.before.length).toBeLessThanOrEqual(60);
    expect(badge.after).toBe('');
  });

  it('calls out nothing for a change of ordinary words', () => {
    const [change] = diffTexts('near the port', 'near the harbour').changes;
    expect(calloutBadges(change!)).toEqual([]);
  });
});
