import { describe, expect, test } from 'vitest';
import { withBuildLock } from '../../../scripts/lib/build-site.ts';

// The build lock serialises builds across test workers (Astro writes into the project's .astro/).
// Shared sites, which many test files wait for, go before a file's private builds.

const tick = () => new Promise((r) => setTimeout(r, 300));

describe('withBuildLock', () => {
  test('runs one build at a time, and a waiting priority build before a waiting private one', async () => {
    const order: string[] = [];
    let running = 0;
    let most = 0;
    const job =
      (name: string, hold = 0) =>
      async () => {
        running++;
        most = Math.max(most, running);
        order.push(name);
        if (hold) await new Promise((r) => setTimeout(r, hold));
        running--;
      };
    // The first holds the lock while a private build, then a priority build, start waiting.
    const first = withBuildLock(job('first', 900));
    await tick();
    const privateBuild = withBuildLock(job('private'));
    await tick();
    const shared = withBuildLock(job('shared'), { priority: true });
    await Promise.all([first, privateBuild, shared]);
    expect(order).toEqual(['first', 'shared', 'private']);
    expect(most).toBe(1);
  });

  test('releases the lock when the build throws', async () => {
    await expect(
      withBuildLock(async () => {
        throw new Error('broken');
      }),
    ).rejects.toThrow('broken');
    expect(await withBuildLock(async () => 'next')).toBe('next');
  });
});
