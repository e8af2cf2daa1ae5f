/**
 * The build's running content check (src/lib/content/check-thread.ts), offered to the content
 * loader (src/loaders/validated-glob.ts): a loader that fails to load a file awaits it and stops the
 * build with every problem it found, not only its own first one.
 */

/** The outcome of the check, wherever it ran. */
export interface CheckOutcome {
  problems: string[];
  files: number;
  /** Wall time from start to answer. */
  ms: number;
  /** False when the worker could not run it, and it ran on the main thread instead. */
  onThread: boolean;
}

const OFFERED = Symbol.for('briefing.content-check');

/** The global slot of {@link offerContentCheck}. */
const slot = globalThis as { [OFFERED]?: Promise<CheckOutcome> };

/**
 * Offers the running check to the content loader, which Astro bundles apart from the integration
 * that starts it, in the same process: the offer goes through a global slot under a registered
 * symbol.
 */
export function offerContentCheck(check: Promise<CheckOutcome> | undefined): void {
  if (!check) {
    delete slot[OFFERED];
    return;
  }
  // Awaited later; until then a failure must not count as unhandled.
  check.catch(() => undefined);
  slot[OFFERED] = check;
}

/** The check a build offered (see {@link offerContentCheck}), if any. */
export function offeredContentCheck(): Promise<CheckOutcome> | undefined {
  return slot[OFFERED];
}
