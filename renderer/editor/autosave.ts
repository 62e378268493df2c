/**
 * Saves the latest value without a save button: after a short pause in typing, and never more than
 * `maxWaitMs` behind while typing goes on. One save runs at a time; changes made meanwhile go in the next.
 * A value whose save failed stays unsaved until a later save of it (or of a newer one) succeeds.
 */
export type SaveState = 'saved' | 'pending' | 'saving' | 'error';

export type Autosave<T> = {
  schedule: (value: T) => void;
  flush: () => Promise<void>;
  hasUnsaved: () => boolean;
  dispose: () => void;
};

export type AutosaveOptions<T> = {
  save: (value: T) => Promise<void>;
  onState: (state: SaveState, error?: unknown) => void;
  delayMs?: number;
  maxWaitMs?: number;
  now?: () => number;
};

export function createAutosave<T>({ save, onState, delayMs = 300, maxWaitMs = 1000, now = Date.now }: AutosaveOptions<T>): Autosave<T> {
  let latest: T | undefined;
  let dirty = false;
  let dirtySince: number | null = null;
  let timer: ReturnType<typeof setTimeout> | null = null;
  let inFlight: Promise<void> | null = null;

  const clear = () => {
    if (timer !== null) clearTimeout(timer);
    timer = null;
  };

  async function flush(): Promise<void> {
    clear();
    while (inFlight) await inFlight;
    if (!dirty) return;
    const value = latest as T;
    dirty = false;
    dirtySince = null;
    onState('saving');
    inFlight = save(value).then(
      () => {
        if (!dirty) onState('saved');
      },
      (error: unknown) => {
        // Still unsaved: the next change or flush tries again, and leaving the page warns.
        if (!dirty) {
          latest = value;
          dirty = true;
        }
        onState('error', error);
      },
    );
    try {
      await inFlight;
    } finally {
      inFlight = null;
    }
  }

  return {
    schedule(value) {
      latest = value;
      dirty = true;
      const t = now();
      dirtySince ??= t;
      onState('pending');
      clear();
      const wait = Math.max(0, Math.min(delayMs, maxWaitMs - (t - dirtySince)));
      timer = setTimeout(() => void flush(), wait);
    },
    flush,
    hasUnsaved: () => dirty || inFlight !== null,
    dispose: clear,
  };
}

/** Runs async tasks one after another, so saves of one article never race each other. */
export function createSerialQueue() {
  let chain: Promise<unknown> = Promise.resolve();
  return <R>(task: () => Promise<R>): Promise<R> => {
    const run = chain.then(task);
    chain = run.catch(() => undefined);
    return run;
  };
}
