import { existsSync, writeFileSync } from 'node:fs';
import { mkdir, rm, stat } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { inject } from 'vitest';
import { buildSite, PROJECT_ROOT } from './build';

/** The day the test build takes as today (the timeline marks it between past and future). */
export const TEST_TODAY = '2026-11-26';

declare module 'vitest' {
  export interface ProvidedContext {
    /** Where this run's build of the bundled dataset goes; built on first use (see seedSite). */
    siteDir: string;
  }
}

let built: Promise<string> | undefined;

/**
 * The bundled dataset, built once per test run by the first test file that asks for it, and
 * shared by every other file of the run (in any worker). Unit runs never ask, so they never build.
 */
export function seedSite(): Promise<string> {
  built ??= buildOnce(inject('siteDir'));
  return built;
}

async function buildOnce(outDir: string): Promise<string> {
  const done = join(outDir, '.seed-built');
  const lock = `${outDir}.lock`;
  // Without the parent folder the lock could never be taken, and every worker would wait forever.
  await mkdir(dirname(outDir), { recursive: true });
  for (;;) {
    if (existsSync(done)) return outDir;
    try {
      await mkdir(lock);
      break;
    } catch {
      // Another worker is building; a lock older than 10 minutes is left over from a killed run.
      const info = await stat(lock).catch(() => undefined);
      if (info && Date.now() - info.mtimeMs > 600_000) await rm(lock, { recursive: true, force: true });
      await new Promise((r) => setTimeout(r, 250));
    }
  }
  try {
    if (existsSync(done)) return outDir;
    const result = await buildSite({
      contentRoot: join(PROJECT_ROOT, 'src/content'),
      outDir,
      env: { BRIEFING_TODAY: TEST_TODAY },
    });
    if (!result.ok) throw new Error(`The site with the bundled dataset did not build:\n${result.output.slice(-4000)}`);
    writeFileSync(done, '');
    return outDir;
  } finally {
    await rm(lock, { recursive: true, force: true });
  }
}
