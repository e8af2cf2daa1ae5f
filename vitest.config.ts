import { defineConfig } from 'vitest/config';
import SlowestFirst from './tests/support/sequencer.ts';

export default defineConfig({
  test: {
    // Names the folder of this run's shared builds, which the first test that needs one builds
    // (tests/support/seed-site.ts); a run of unit tests builds nothing.
    globalSetup: ['tests/support/global-setup.ts'],
    // Build tests run `astro build` in child processes; browser tests drive Chromium.
    // Generous, for a loaded machine: a test waiting for a shared build waits in its hook.
    testTimeout: 180_000,
    hookTimeout: 900_000,
    // Two cores here: one build per worker keeps memory and time predictable.
    maxWorkers: 2,
    // Worker threads, not processes: the unit files take 31–37 instead of 43–51 CPU-seconds and the
    // whole run about 20 s less on 2 cores. No test changes the process's directory or
    // environment; builds, servers and Chromium run in child processes either way.
    pool: 'threads',
    // The slowest files start first, so the run does not end with one long file on one worker.
    sequence: { sequencer: SlowestFirst },
    projects: [
      {
        extends: true,
        // Unit files share their workers (no fresh module graph per file): half the time, and
        // they keep no state between files (happy-dom files set their own environment).
        test: { name: 'unit', include: ['tests/unit/**/*.test.ts'], isolate: false },
      },
      {
        extends: true,
        // Shared too: a fresh module graph per file cost about 1.5 CPU-seconds a file (fourteen
        // build files: 53 → 32 CPU-seconds). These files only read built sites; each opens and
        // closes its own browser connection and server, and none mocks a module. One Chromium
        // serves every browser test file (tests/support/browser-server.ts).
        test: {
          name: 'build',
          include: ['tests/build/**/*.test.ts', 'tests/e2e/**/*.test.ts'],
          isolate: false,
          globalSetup: ['tests/support/browser-server.ts'],
        },
      },
    ],
  },
});
