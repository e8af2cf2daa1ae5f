import { rm } from 'node:fs/promises';
import { join } from 'node:path';
import type { TestProject } from 'vitest/node';
import { buildSite, OUTPUT_ROOT, PROJECT_ROOT } from './build';

/** The day the test build takes as today (the timeline marks it between past and future). */
export const TEST_TODAY = '2026-11-26';

declare module 'vitest' {
  export interface ProvidedContext {
    /** The seed site, built once for every build and browser test of this run. */
    siteDir: string;
  }
}

/** Builds the bundled dataset once per test run; build and browser tests read the output. */
export default async function setup(project: TestProject) {
  // One folder per run, so concurrent runs (two terminals, an editor's runner) never share a dist.
  const outDir = join(OUTPUT_ROOT, `site-${process.pid}`);
  const result = await buildSite({
    contentRoot: join(PROJECT_ROOT, 'src/content'),
    outDir,
    env: { BRIEFING_TODAY: TEST_TODAY },
  });
  if (!result.ok) {
    throw new Error(`The site with the bundled dataset did not build:\n${result.output.slice(-4000)}`);
  }
  project.provide('siteDir', outDir);
  return async () => {
    await rm(outDir, { recursive: true, force: true });
    await rm(`${outDir}.cache`, { recursive: true, force: true });
  };
}
