import { rm } from 'node:fs/promises';
import { join } from 'node:path';
import type { TestProject } from 'vitest/node';
import { OUTPUT_ROOT } from './build';

/**
 * Names this run's build folder for the bundled dataset; the first test that needs the site
 * builds it there (tests/support/seed-site.ts), so a run of unit tests builds nothing.
 */
export default function setup(project: TestProject) {
  // One folder per run, so concurrent runs (two terminals, an editor's runner) never share a dist.
  const outDir = join(OUTPUT_ROOT, `site-${process.pid}`);
  project.provide('siteDir', outDir);
  return async () => {
    for (const path of [outDir, `${outDir}.cache`, `${outDir}.lock`]) await rm(path, { recursive: true, force: true });
  };
}
