/** A task run again after changes, whose latest result is the only one that counts (see {@link latestRun}). */
export interface LatestRun {
  /** A change: run the task again once changes stop for the delay. */
  changed(): void;
  /** Resolves once the run for the latest change has finished and its result was delivered. */
  settled(): Promise<void>;
}

/**
 * Runs `task` now and again `delayMs` after the last of a burst of changes (a save often fires
 * several events). Only the latest run's result reaches `deliver`: a run that a later change
 * overtook says nothing, because the later one says what is true now. `settled()` waits for the
 * run of the latest change, however many changes came while it waited. A run that throws goes to
 * `fail` and still settles.
 */
export function latestRun<T>(
  task: () => Promise<T>,
  deliver: (result: T) => void,
  fail: (error: unknown) => void,
  delayMs: number,
): LatestRun {
  let latest = 0;
  let timer: ReturnType<typeof setTimeout> | undefined;
  let settle: () => void = () => {};
  const start = (): Promise<void> => {
    const run = ++latest;
    return task().then((result) => {
      if (run === latest) deliver(result);
    }, fail);
  };
  let current = start();
  return {
    changed() {
      if (timer) clearTimeout(timer);
      else current = new Promise<void>((done) => (settle = done));
      timer = setTimeout(() => {
        timer = undefined;
        void start().finally(settle);
      }, delayMs);
    },
    async settled() {
      let waited: Promise<void>;
      do {
        waited = current;
        await waited;
      } while (waited !== current);
    },
  };
}
