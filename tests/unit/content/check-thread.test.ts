import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { checkContentAndImages } from '../../../src/lib/content/check';
import { checkOnThread, checkWorkerScript } from '../../../src/lib/content/check-thread';
import { INVALID_FIXTURES, overlay, scenario } from '../../support/scenario';

// A build runs its content check on a worker thread while Astro starts (plain Node loads the
// check's modules there). Whatever the content, it must find exactly what the check finds on the
// main thread; where the worker cannot run, the check runs on the main thread instead.

const script = checkWorkerScript(join(import.meta.dirname, '../../../src'));

describe('the content check on a worker thread', () => {
  test('finds what the check finds: nothing on good content, every line on bad content', async () => {
    const good = join(import.meta.dirname, '../../fixtures/minimal');
    const bad = scenario({
      ...overlay(join(INVALID_FIXTURES, 'missing-field')),
      ...overlay(join(INVALID_FIXTURES, 'malformed-date')),
    });
    for (const root of [good, bad]) {
      const [onThread, here] = await Promise.all([
        checkOnThread(root, root, script),
        checkContentAndImages(root, root),
      ]);
      expect(onThread.onThread).toBe(true);
      expect({ problems: onThread.problems, files: onThread.files }).toEqual({
        problems: here.problems,
        files: here.files,
      });
    }
    expect((await checkOnThread(bad, bad, script)).problems.length).toBeGreaterThan(1);
  }, 30_000);

  test('a worker that cannot run the check leaves it to the main thread, with the same result', async () => {
    const bad = scenario(overlay(join(INVALID_FIXTURES, 'missing-field')));
    const outcome = await checkOnThread(bad, bad, join(import.meta.dirname, 'no-such-worker.ts'));
    expect(outcome.onThread).toBe(false);
    expect(outcome.problems).toEqual((await checkContentAndImages(bad, bad)).problems);
  }, 30_000);
});
