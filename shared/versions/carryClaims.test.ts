import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { carryClaims } from './carryClaims';
import { claimAt, claimOn } from './testing';

const P1 = 'Gunmen ambushed a convoy near Tartous on Tuesday, the interior ministry said.';
const P2 = 'At least 14 people were killed and 30 wounded, according to the Syrian Observatory for Human Rights.';
const P3 = 'State media reported that the attackers fled towards the mountains after the attack.';
const P4 = 'A curfew was imposed overnight in the coastal city and its surrounding villages.';
const v1 = [P1, P2, P3, P4].join('\n\n');

function carryOne(oldText: string, newText: string, words: string, occurrence = 0) {
  const r = carryClaims(oldText, newText, [claimOn(oldText, words, 1, occurrence)]);
  const claim = r.claims[0];
  const carried = r.carried[0];
  if (!claim || !carried) throw new Error('no claim carried');
  return { claim, carried, now: newText.slice(claim.target.position.start, claim.target.position.end) };
}

describe('carryClaims', () => {
  it('keeps a claim whose words no change touched, at its new offset (unchanged, by the diff)', () => {
    const v2 = ['Breaking: ' + P1, P2, P3, P4].join('\n\n');
    const { carried, claim, now } = carryOne(v1, v2, 'the attackers fled towards the mountains');
    expect(carried).toMatchObject({ outcome: 'unchanged', method: 'diff', after: 'the attackers fled towards the mountains' });
    expect(now).toBe('the attackers fled towards the mountains');
    expect(claim.target.quote.exact).toBe(now);
    expect(claim.target.position.start).toBe(v1.indexOf('the attackers') + 'Breaking: '.length);
  });

  it('reports a changed figure inside a claim with the old and the new words (changed, by the diff)', () => {
    const v2 = v1.replace('At least 14 people', 'At least 17 people');
    const { carried, now } = carryOne(v1, v2, 'At least 14 people were killed');
    expect(carried).toEqual({ claimId: 'claim-1', outcome: 'changed', method: 'diff', before: 'At least 14 people were killed', after: 'At least 17 people were killed' });
    expect(now).toBe('At least 17 people were killed');
  });

  it('reports a claim on the figure alone as changed in place', () => {
    const v2 = v1.replace('At least 14 people', 'At least 17 people');
    expect(carryOne(v1, v2, '14').carried).toMatchObject({ outcome: 'changed', method: 'diff', before: '14', after: '17' });
  });

  it('finds the words of a moved paragraph by their quote (moved)', () => {
    const v2 = [P1, P3, P4, P2].join('\n\n');
    const r = carryClaims(v1, v2, [claimOn(v1, 'At least 14 people were killed', 1), claimOn(v1, 'Syrian Observatory', 2), claimOn(v1, 'curfew', 3)]);
    const moved = r.carried.filter((c) => c.outcome === 'moved').map((c) => c.claimId);
    expect(r.carried.every((c) => c.outcome === 'moved' || c.outcome === 'unchanged')).toBe(true);
    expect(moved.length).toBeGreaterThan(0);
    for (const [i, c] of r.claims.entries()) {
      expect(v2.slice(c.target.position.start, c.target.position.end)).toBe(r.carried[i]?.before);
    }
  });

  it('chooses among several occurrences of the words by their context', () => {
    const a = 'The army said 14 people died in Homs.';
    const b = 'Rebels said 14 people died in Hama.';
    const old = [a, b].join('\n\n');
    const renewed = ['A new first paragraph.', b, 'Some other words.', a].join('\n\n');
    const { carried, claim } = carryOne(old, renewed, '14 people died', 0);
    expect(carried.outcome).toBe('moved');
    expect(claim.target.position.start).toBe(renewed.indexOf('The army said 14') + 'The army said '.length);
  });

  it('finds a moved and reworded claim by approximate matching (changed, approximate)', () => {
    const v2 = [P1, P3, P4, P2.replace('30 wounded', '31 wounded').replace('At least 14', 'At least 19')].join('\n\n');
    const { carried } = carryOne(v1, v2, 'At least 14 people were killed and 30 wounded');
    expect(carried).toMatchObject({ outcome: 'changed', method: 'approximate', after: 'At least 19 people were killed and 31 wounded' });
  });

  it('orphans a claim whose words were removed, keeping its quote, and lists it as gone', () => {
    const v2 = [P1, P3, P4].join('\n\n');
    const { claim, carried } = carryOne(v1, v2, 'according to the Syrian Observatory for Human Rights');
    expect(carried).toEqual({ claimId: 'claim-1', outcome: 'gone', method: 'none', before: 'according to the Syrian Observatory for Human Rights', after: null });
    expect(claim.target.orphaned).toBe(true);
    expect(claim.target.quote.exact).toBe('according to the Syrian Observatory for Human Rights');
  });

  it('does not carry a claim onto other words when its paragraph was rewritten', () => {
    const v2 = [P1, 'Officials gave no figure for the dead, and the monitor has withdrawn its earlier count.', P3, P4].join('\n\n');
    const { carried } = carryOne(v1, v2, 'At least 14 people were killed and 30 wounded');
    expect(carried.outcome).toBe('gone');
  });

  it('does not report as changed a short claim whose whole paragraph was replaced', () => {
    const v2 = [P1, 'A different paragraph entirely, about something else.', P3, P4].join('\n\n');
    expect(carryOne(v1, v2, '14').carried.outcome).toBe('gone');
  });

  it('leaves an already orphaned claim as it is and does not list it again', () => {
    const orphan = claimOn(v1, 'curfew');
    orphan.target.orphaned = true;
    const r = carryClaims(v1, v1.replace('Tuesday', 'Monday'), [orphan]);
    expect(r.claims[0]).toBe(orphan);
    expect(r.carried).toEqual([]);
  });

  it('carries an identical re-import as all unchanged', () => {
    const claims = [claimOn(v1, 'Gunmen ambushed', 1), claimAt(v1, 0, v1.length, 2)];
    const r = carryClaims(v1, v1, claims);
    expect(r.carried.map((c) => c.outcome)).toEqual(['unchanged', 'unchanged']);
    expect(r.claims.map((c) => c.target)).toEqual(claims.map((c) => c.target));
  });

  it('finds a claim whose stored position no longer holds its words by its quote', () => {
    const claim = claimOn(v1, 'curfew');
    claim.target.position = { type: 'TextPositionSelector', start: 0, end: 6 };
    const r = carryClaims(v1, v1, [claim]);
    expect(r.carried[0]).toMatchObject({ outcome: 'moved', method: 'quote' });
    expect(r.claims[0]?.target.position.start).toBe(v1.indexOf('curfew'));
  });

  it('does not move a claim whose words were removed onto the same words kept elsewhere', () => {
    const a = 'In Homs, officials said 14 people were killed overnight.';
    const b = 'In Hama, a monitor said 14 people were killed on Monday.';
    const old = [P1, a, P3, b].join('\n\n');
    const renewed = [P1, 'In Homs, officials gave no figure.', P3, b].join('\n\n');
    expect(carryOne(old, renewed, '14 people were killed').carried.outcome).toBe('gone');
  });

  it('finds a claim in a moved paragraph that was also edited near it, though its context changed', () => {
    const edited = P4.replace('was imposed overnight', 'was imposed late on Tuesday');
    const v2 = [P1, edited, P2, P3].join('\n\n');
    const { carried, now } = carryOne(v1, v2, 'in the coastal city and its surrounding villages');
    expect(carried).toMatchObject({ outcome: 'moved', method: 'quote' });
    expect(now).toBe('in the coastal city and its surrounding villages');
  });

  it("keeps claims on their words when every paragraph changed a little (quote marks throughout)", () => {
    const curly = ['Officials said the convoy’s escort fled.', 'The monitor’s count was 14 dead.', 'A curfew began in the city’s centre.'].join('\n\n');
    const straight = curly.replace(/’/g, "'");
    const r = carryClaims(curly, straight, [claimOn(curly, 'Officials said', 1), claimOn(curly, 'was 14 dead', 2), claimOn(curly, 'the city’s centre', 3)]);
    expect(r.carried.map((c) => [c.outcome, c.after])).toEqual([
      ['unchanged', 'Officials said'],
      ['unchanged', 'was 14 dead'],
      ['changed', "the city's centre"],
    ]);
  });

  it('reports a claim over two paragraphs whose second changed', () => {
    const v2 = v1.replace('At least 14 people', 'At least 17 people');
    const start = v1.indexOf('the interior ministry said.');
    const end = v1.indexOf(' were killed');
    const r = carryClaims(v1, v2, [claimAt(v1, start, end)]);
    expect(r.carried[0]).toMatchObject({ outcome: 'changed', method: 'diff', after: 'the interior ministry said.\n\nAt least 17 people' });
  });

  it('carries nothing onto another article: every claim is gone', () => {
    const sample = readFileSync(new URL('../../data/tartous-ambush.txt', import.meta.url), 'utf8');
    const other = readFileSync(new URL('../../data/pages/aeb-bbc-c7e39ac4/expected.txt', import.meta.url), 'utf8');
    const claims = ['14 troops from the interior ministry were killed', 'an overnight curfew in the central city of Homs', 'a monitoring group based in the UK'].map((w, i) => claimOn(sample, w, i + 1));
    const r = carryClaims(sample, other, claims);
    expect(r.carried.map((c) => c.outcome)).toEqual(['gone', 'gone', 'gone']);
    expect(r.claims.every((c) => c.target.orphaned)).toBe(true);
  });

  it('carries claims at the very start and end of the text', () => {
    const v2 = `${v1} Updated.`.replace('Gunmen ambushed', 'Gunmen attacked');
    const r = carryClaims(v1, v2, [claimOn(v1, 'Gunmen', 1), claimOn(v1, 'surrounding villages.', 2)]);
    expect(r.carried.map((c) => [c.outcome, c.after])).toEqual([
      ['unchanged', 'Gunmen'],
      ['unchanged', 'surrounding villages.'],
    ]);
  });
});
