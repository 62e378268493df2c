import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createAutosave, createSerialQueue, type SaveState } from './autosave';

beforeEach(() => vi.useFakeTimers());
afterEach(() => vi.useRealTimers());

function setup(saveImpl?: (v: string) => Promise<void>) {
  const saved: string[] = [];
  const states: SaveState[] = [];
  const autosave = createAutosave<string>({
    save: saveImpl ?? (async (v) => void saved.push(v)),
    onState: (s) => states.push(s),
    delayMs: 300,
    maxWaitMs: 1000,
    now: () => Date.now(),
  });
  return { autosave, saved, states };
}

describe('autosave', () => {
  it('saves the latest value after a pause in typing', async () => {
    const { autosave, saved, states } = setup();
    autosave.schedule('a');
    autosave.schedule('ab');
    await vi.advanceTimersByTimeAsync(299);
    expect(saved).toEqual([]);
    await vi.advanceTimersByTimeAsync(1);
    expect(saved).toEqual(['ab']);
    expect(states.at(-1)).toBe('saved');
  });

  it('never falls more than about a second behind while typing goes on', async () => {
    const { autosave, saved } = setup();
    for (let t = 0; t < 2500; t += 100) {
      autosave.schedule(`v${t}`);
      await vi.advanceTimersByTimeAsync(100);
    }
    // Typing every 100 ms never pauses 300 ms, yet saves happen about once a second.
    expect(saved.length).toBeGreaterThanOrEqual(2);
    expect(saved[0]).toBe('v900');
  });

  it('runs one save at a time and saves changes made during a save afterwards', async () => {
    let release: () => void = () => undefined;
    const calls: string[] = [];
    const { autosave } = setup((v) => {
      calls.push(v);
      return new Promise<void>((r) => (release = r));
    });
    autosave.schedule('first');
    await vi.advanceTimersByTimeAsync(300);
    autosave.schedule('second');
    await vi.advanceTimersByTimeAsync(300);
    expect(calls).toEqual(['first']);
    expect(autosave.hasUnsaved()).toBe(true);
    release();
    await vi.advanceTimersByTimeAsync(0);
    expect(calls).toEqual(['first', 'second']);
    release();
    await vi.advanceTimersByTimeAsync(0);
    expect(autosave.hasUnsaved()).toBe(false);
  });

  it('reports a failed save and saves again on the next change', async () => {
    let fail = true;
    const saved: string[] = [];
    const states: SaveState[] = [];
    const autosave = createAutosave<string>({
      save: async (v) => {
        if (fail) throw new Error('server down');
        saved.push(v);
      },
      onState: (s) => states.push(s),
    });
    autosave.schedule('x');
    await autosave.flush();
    expect(states.at(-1)).toBe('error');
    fail = false;
    autosave.schedule('xy');
    await autosave.flush();
    expect(saved).toEqual(['xy']);
    expect(states.at(-1)).toBe('saved');
  });
});

describe('autosave after a failure', () => {
  it('keeps the value unsaved, so leaving warns and a flush tries it again', async () => {
    let fail = true;
    const saved: string[] = [];
    const autosave = createAutosave<string>({
      save: async (v) => {
        if (fail) throw new Error('server down');
        saved.push(v);
      },
      onState: () => undefined,
    });
    autosave.schedule('x');
    await autosave.flush();
    expect(autosave.hasUnsaved()).toBe(true);
    fail = false;
    await autosave.flush();
    expect(saved).toEqual(['x']);
    expect(autosave.hasUnsaved()).toBe(false);
  });

  it('does not put an older value back over one scheduled while the failed save ran', async () => {
    let reject: (e: Error) => void = () => undefined;
    const calls: string[] = [];
    const autosave = createAutosave<string>({
      save: (v) => {
        calls.push(v);
        return calls.length === 1 ? new Promise<void>((_, r) => (reject = r)) : Promise.resolve();
      },
      onState: () => undefined,
    });
    autosave.schedule('old');
    await vi.advanceTimersByTimeAsync(300);
    autosave.schedule('new');
    reject(new Error('boom'));
    await vi.advanceTimersByTimeAsync(300);
    expect(calls).toEqual(['old', 'new']);
    expect(autosave.hasUnsaved()).toBe(false);
  });
});

describe('serial queue', () => {
  it('runs tasks in order even when an earlier one fails', async () => {
    vi.useRealTimers();
    const enqueue = createSerialQueue();
    const order: number[] = [];
    const a = enqueue(async () => {
      await new Promise((r) => setTimeout(r, 10));
      order.push(1);
      throw new Error('boom');
    });
    const b = enqueue(async () => void order.push(2));
    await expect(a).rejects.toThrow('boom');
    await b;
    expect(order).toEqual([1, 2]);
  });
});
