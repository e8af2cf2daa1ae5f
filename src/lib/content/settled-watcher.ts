import { fileIdentity } from '../build/file-identity';

/**
 * How long after a file change the dev server looks at the file again. Editors and tools that
 * save by truncating and then writing a file (rather than writing a new file and renaming it) make
 * the watcher report a change while the file is still empty or half written; if no second event
 * follows (the watcher may fold them into one), Astro's content layer keeps the half-written
 * reading, and `astro dev` shows a problem the author has already fixed until the next save.
 */
export const SETTLE_MS = 150;

/** What the loaders need of Vite's file watcher (chokidar's `on`, loosely typed as it is). */
interface Watcher {
  on(event: string, listener: (...args: any[]) => any): unknown;
}

/**
 * `watcher`, whose "change" and "add" listeners are called once more `settleMs` after an event
 * when the file has changed since the event (its `fileIdentity`; see SETTLE_MS): a save seen half way is read again
 * once it is done. Everything else is the watcher's own.
 */
export function settledWatcher<W extends Watcher>(
  watcher: W,
  {
    settleMs = SETTLE_MS,
    state = fileIdentity,
  }: { settleMs?: number; state?: (path: string) => string | undefined } = {},
): W {
  const on = (event: string, listener: (path: string, ...rest: unknown[]) => unknown) => {
    if (event !== 'change' && event !== 'add') return watcher.on(event, listener);
    return watcher.on(event, (path: string, ...rest: unknown[]) => {
      const seen = state(path);
      const answer = listener(path, ...rest);
      setTimeout(() => {
        if (state(path) !== seen) void listener(path, ...rest);
      }, settleMs).unref();
      return answer;
    });
  };
  return new Proxy(watcher, {
    get(target, property, receiver) {
      if (property === 'on') return on;
      const value = Reflect.get(target, property, receiver) as unknown;
      return typeof value === 'function' ? value.bind(target) : value;
    },
  });
}
