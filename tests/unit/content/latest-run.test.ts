import { afterEach, beforeEach, describe, expect, test, vi } from 'vitest';
import { latestRun } from '../../../src/lib/content/latest-run';

// The dev server's content check after each change (src/integrations/content-check.ts): only
// the latest check's problems count, and a page request waits for that check.

/**
 * A latestRun() over a task whose runs finish when the test says, each with the value it is
 * given; what it delivered and what failed, in order.
 */
function started() {
  const runs: { finish: (value: string) => void; fail: (error: Error) => void }[] = [];
  const delivered: string[] = [];
  const failures: unknown[] = [];
  const task = () =>
    new Promise<string>((finish, fail) => {
      runs.push({ finish, fail });
    });
  const run = latestRun(
    task,
    (value) => delivered.push(value),
    (error) => failures.push(error),
    100,
  );
  return { run, runs, delivered, failures };
}

/** Lets promise callbacks run (fake timers do not stop them). */
const flush = () => new Promise<void>((r) => queueMicrotask(r)).then(() => new Promise<void>((r) => setImmediate(r)));

describe('a task run again after changes', () => {
  beforeEach(() => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
  });
  afterEach(() => {
    vi.useRealTimers();
  });

  test('runs at once, then once per burst of changes, after the delay', async () => {
    const { run, runs, delivered } = started();
    expect(runs).toHaveLength(1);
    runs[0]!.finish('first');
    await flush();
    run.changed();
    vi.advanceTimersByTime(60);
    run.changed();
    vi.advanceTimersByTime(60);
    run.changed();
    expect(runs).toHaveLength(1);
    vi.advanceTimersByTime(100);
    expect(runs).toHaveLength(2);
    runs[1]!.finish('second');
    await run.settled();
    expect(delivered).toEqual(['first', 'second']);
  });

  test('a run that a later change overtook says nothing; a waiting request gets the latest', async () => {
    const { run, runs, delivered } = started();
    runs[0]!.finish('start');
    await flush();
    run.changed();
    vi.advanceTimersByTime(100);
    let answered = false;
    const request = run.settled().then(() => (answered = true));
    // A change while the check of the first one still runs.
    run.changed();
    vi.advanceTimersByTime(100);
    expect(runs).toHaveLength(3);
    runs[1]!.finish('overtaken');
    await flush();
    expect(answered).toBe(false);
    runs[2]!.finish('latest');
    await request;
    expect(delivered).toEqual(['start', 'latest']);
  });

  test('a run that throws is reported and still settles', async () => {
    const { run, runs, failures } = started();
    runs[0]!.fail(new Error('disk gone'));
    await run.settled();
    expect(failures).toEqual([new Error('disk gone')]);
    run.changed();
    vi.advanceTimersByTime(100);
    runs[1]!.fail(new Error('again'));
    await run.settled();
    expect(failures).toHaveLength(2);
  });
});
