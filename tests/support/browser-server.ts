import type { TestProject } from 'vitest/node';
import { hasChromium, launchBrowserServer } from '../../scripts/lib/browser.ts';

declare module 'vitest' {
  export interface ProvidedContext {
    /** Where this run's Chromium listens (`connectBrowser()` in tests/support/browser.ts); empty without Chromium. */
    browserEndpoint: string;
  }
}

/**
 * One Chromium for every browser test of a run, started with the build project and stopped after
 * it. Each test file connects to it in tens of milliseconds instead of starting a browser of its
 * own: starting, opening a first page and closing cost about 1 CPU-second, and the run started
 * 27. Without Chromium nothing starts; describeInBrowser() then skips (or, in CI, fails).
 */
export default async function setup(project: TestProject) {
  if (!hasChromium()) {
    project.provide('browserEndpoint', '');
    return;
  }
  const server = await launchBrowserServer();
  project.provide('browserEndpoint', server.wsEndpoint());
  return () => server.close();
}
