import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, test } from 'vitest';
import { withBuildLock } from '../../../scripts/lib/build-site.ts';

// The build lock serialises builds across test workers (Astro writes into the project's .astro/).
// Shared sites, which many test files wait for, go before a file's private builds; a lock left by
// a killed run does not hold anything up. Each test uses its own folder, never the real lock.

const folders: string[] = [];
const fresh = () => {
  const folder = mkdtempSync(join(tmpdir(), 'build-lock-'));
  folders.push(folder);
  return folder;
};
afterAll(() => folders.forEach((folder) => rmSync(folder, { recursive: true, force: true })));

const tick = () => new Promise((r) => setTimeout(r, 300));
/** The pid of a process that has ended. */
const deadPid = () => spawnSync(process.execPath, ['-e', '']).pid!;

describe('withBuildLock', () => {
  test('runs one build at a time, and a waiting priority build before a waiting private one', async () => {
    const folder = fresh();
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
    const first = withBuildLock(job('first', 900), { folder });
    await tick();
    const privateBuild = withBuildLock(job('private'), { folder });
    await tick();
    const shared = withBuildLock(job('shared'), { folder, priority: true });
    await Promise.all([first, privateBuild, shared]);
    expect(order).toEqual(['first', 'shared', 'private']);
    expect(most).toBe(1);
    expect(existsSync(join(folder, 'build.lock'))).toBe(false);
  });

  test('releases the lock when the build throws', async () => {
    const folder = fresh();
    await expect(
      withBuildLock(
        async () => {
          throw new Error('broken');
        },
        { folder },
      ),
    ).rejects.toThrow('broken');
    expect(await withBuildLock(async () => 'next', { folder })).toBe('next');
  });

  test('takes over at once a lock and a priority mark left by a process that has ended', async () => {
    const folder = fresh();
    const pid = deadPid();
    mkdirSync(join(folder, 'build.lock'));
    writeFileSync(join(folder, 'build.lock/pid'), String(pid));
    mkdirSync(join(folder, 'build.priority'));
    writeFileSync(join(folder, `build.priority/${pid}-left-over`), '');
    const started = performance.now();
    expect(await withBuildLock(async () => 'built', { folder })).toBe('built');
    expect(performance.now() - started).toBeLessThan(5_000);
  });

  test('waits for a lock whose process is still running', async () => {
    const folder = fresh();
    mkdirSync(join(folder, 'build.lock'));
    writeFileSync(join(folder, 'build.lock/pid'), String(process.pid));
    let ran = false;
    const waiting = withBuildLock(async () => (ran = true), { folder });
    await tick();
    expect(ran).toBe(false);
    rmSync(join(folder, 'build.lock'), { recursive: true });
    await waiting;
    expect(ran).toBe(true);
  });
});
