import { describe, expect, it } from 'vitest';
import { createSignerGate } from './signerGate';

describe('signer gate', () => {
  it('runs a change at once, in the same turn, when the name is known', () => {
    const gate = createSignerGate('Ana', () => undefined);
    const done: string[] = [];
    void gate.run((name) => done.push(name));
    expect(done).toEqual(['Ana']);
  });

  it('asks once for changes made before the name is known, then runs them all in order under it', async () => {
    const asks: boolean[] = [];
    const gate = createSignerGate('', (a) => asks.push(a));
    const done: string[] = [];
    const first = gate.run((name) => (done.push(`comment by ${name}`), 1));
    const second = gate.run((name) => (done.push(`verdict by ${name}`), 2));
    expect(asks).toEqual([true]);
    expect(done).toEqual([]);
    gate.answer('Ben');
    expect(await first).toBe(1);
    expect(await second).toBe(2);
    expect(done).toEqual(['comment by Ben', 'verdict by Ben']);
    expect(asks).toEqual([true, false]);
    void gate.run((name) => done.push(`later by ${name}`));
    expect(done.at(-1)).toBe('later by Ben');
  });

  it('records none of the waiting changes when the prompt is dismissed, and asks again next time', async () => {
    const asks: boolean[] = [];
    const gate = createSignerGate('', (a) => asks.push(a));
    const done: string[] = [];
    const waiting = gate.run((name) => done.push(name));
    gate.answer(null);
    expect(await waiting).toBeNull();
    expect(done).toEqual([]);
    void gate.run((name) => done.push(name));
    expect(asks).toEqual([true, false, true]);
  });
});
