import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['tests/**/*.test.ts'],
    // Builds the real site once for build and browser tests (see the file for why).
    globalSetup: ['tests/support/global-setup.ts'],
    // Build tests run `astro build` in child processes; browser tests drive Chromium.
    testTimeout: 180_000,
    hookTimeout: 300_000,
    // Two cores here: one build per worker keeps memory and time predictable.
    maxWorkers: 2,
  },
});
