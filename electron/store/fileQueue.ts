/**
 * One queue per store file. Every read-modify-write of a file runs as one task in its queue, so two
 * saves based on one revision cannot both pass the revision check, and a read started before a write
 * cannot land after it and put older data back in the cache.
 */
export type Queue = <T>(task: () => Promise<T>) => Promise<T>;

export function serialQueue(): Queue {
  let tail: Promise<unknown> = Promise.resolve();
  return <T>(task: () => Promise<T>) => {
    const run = tail.then(task);
    // The next task waits for this one to settle, not to succeed: a failed save must not block the file.
    tail = run.catch(() => undefined);
    return run;
  };
}

/** Queues by key (an article id), forgotten once idle so a desk of thousands does not keep one each. */
export function keyedQueue(): (key: string) => Queue {
  const queues = new Map<string, { queue: Queue; pending: number }>();
  return (key) => (task) => {
    let entry = queues.get(key);
    if (!entry) {
      entry = { queue: serialQueue(), pending: 0 };
      queues.set(key, entry);
    }
    const e = entry;
    e.pending += 1;
    return e.queue(task).finally(() => {
      e.pending -= 1;
      if (e.pending === 0 && queues.get(key) === e) queues.delete(key);
    });
  };
}
