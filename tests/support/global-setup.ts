import { readdirSync } from 'node:fs';
import { rm } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import type { TestProject } from 'vitest/node';
import { OUTPUT_ROOT } from '../../scripts/lib/build-site.ts';

/**
 * Names this run's folder for shared builds; the first test that needs a site builds it there
 * (tests/support/seed-site.ts), so a run of unit tests builds nothing.
 */
export default function setup(project: TestProject) {
  // One folder per run, so concurrent runs (two terminals, an editor's runner) never share a dist.
  const siteDir = join(OUTPUT_ROOT, `site-${process.pid}`);
  project.provide('siteDir', siteDir);
  return async () => {
    let names: string[] = [];
    try {
      names = readdirSync(dirname(siteDir));
    } catch {
      return;
    }
    const prefix = basename(siteDir);
    for (const name of names) {
      if (name === prefix || name.startsWith(`${prefix}-`) || name.startsWith(`${prefix}.`)) {
        await rm(join(dirname(siteDir), name), { recursive: true, force: true });
      }
    }
  };
}
