/**
 * Every claim change is signed with the reviewer's name. A change made before the name is known waits
 * for it: the first such change asks, later ones wait for the same answer. Given, they all go ahead in
 * order under that name; dismissed, none of them is recorded. With the name known a change runs at
 * once, in the caller's turn (a field committing as its view closes cannot wait).
 */
export type SignerGate = {
  setName: (name: string) => void;
  /** Runs `act` with the name, now or once it is given; resolves to null when the reviewer declines. */
  run: <T>(act: (name: string) => T) => Promise<T | null>;
  /** The prompt's answer: the name given, or null when it was dismissed. */
  answer: (name: string | null) => void;
};

export function createSignerGate(name: string, onAsking: (asking: boolean) => void): SignerGate {
  let known = name;
  let waiting: ((name: string | null) => void)[] = [];
  return {
    setName(next) {
      known = next;
    },
    run(act) {
      if (known) return Promise.resolve(act(known));
      return new Promise((resolve) => {
        waiting.push((given) => resolve(given ? act(given) : null));
        if (waiting.length === 1) onAsking(true);
      });
    },
    answer(given) {
      if (given) known = given;
      const run = waiting;
      waiting = [];
      onAsking(false);
      for (const go of run) go(given);
    },
  };
}
