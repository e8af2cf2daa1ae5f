import { spawn } from 'node:child_process';
import { mkdirSync, mkdtempSync } from 'node:fs';
import { randomUUID } from 'node:crypto';
import { mkdir, readdir, rm, stat, writeFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';

export const PROJECT_ROOT = resolve(import.meta.dirname, '../..');
/** Where tests put built sites, caches and screenshots (git-ignored). */
export const OUTPUT_ROOT = join(PROJECT_ROOT, 'tests/.output');

/** A new empty folder under OUTPUT_ROOT (created first: a clean clone has none). */
export function outputFolder(prefix: string): string {
  mkdirSync(OUTPUT_ROOT, { recursive: true });
  return mkdtempSync(join(OUTPUT_ROOT, prefix));
}

export interface BuildResult {
  ok: boolean;
  code: number | null;
  /** stdout and stderr together, without colours. */
  output: string;
  outDir: string;
}

const LOCK = join(OUTPUT_ROOT, 'build.lock');
/** One file per build waiting with priority (`withBuildLock(run, { priority: true })`). */
const PRIORITY = join(OUTPUT_ROOT, 'build.priority');
/** A lock or priority mark older than this is left over from a killed run. */
const STALE_MS = 600_000;

/** True while another build waits with priority and has not yet taken the lock. */
async function priorityWaiting(): Promise<boolean> {
  let names: string[];
  try {
    names = await readdir(PRIORITY);
  } catch {
    return false;
  }
  for (const name of names) {
    const info = await stat(join(PRIORITY, name)).catch(() => undefined);
    if (info && Date.now() - info.mtimeMs < STALE_MS) return true;
  }
  return false;
}

/**
 * Astro writes generated files into the project's `.astro/` folder during a build, so two builds
 * of the same project must not overlap. This lock (an exclusive mkdir) serialises builds across
 * vitest workers; a lock older than 10 minutes is treated as left over from a killed run.
 *
 * A build with `priority` (a site that many test files wait for) takes the lock before any build
 * without it: a test file making its own builds one after another (the pipeline, the benchmark)
 * would otherwise win the lock again and again while every file that needs the shared site waits.
 */
export async function withBuildLock<T>(run: () => Promise<T>, { priority = false } = {}): Promise<T> {
  await mkdir(OUTPUT_ROOT, { recursive: true });
  const mark = priority ? join(PRIORITY, `${process.pid}-${randomUUID()}`) : undefined;
  if (mark) {
    await mkdir(PRIORITY, { recursive: true });
    await writeFile(mark, '');
  }
  try {
    for (;;) {
      if (mark || !(await priorityWaiting())) {
        try {
          await mkdir(LOCK);
          break;
        } catch {
          const info = await stat(LOCK).catch(() => undefined);
          if (info && Date.now() - info.mtimeMs > STALE_MS) await rm(LOCK, { recursive: true, force: true });
        }
      }
      await new Promise((r) => setTimeout(r, 200));
    }
  } finally {
    if (mark) await rm(mark, { force: true });
  }
  try {
    return await run();
  } finally {
    await rm(LOCK, { recursive: true, force: true });
  }
}

/** Variables Vitest sets in its workers that would make a child Astro build a dev/test build. */
const VITEST_VARIABLES = new Set(['NODE_ENV', 'TEST', 'MODE', 'DEV', 'PROD', 'SSR', 'BASE_URL', 'FORCE_TTY']);

/**
 * The environment of this process minus what Vitest sets: with NODE_ENV=test, DEV=1 and friends
 * the child build is not a production build (Starlight then renders "search is only available in
 * production builds" instead of search), so tests would check a different site than users get.
 */
export function buildEnvironment(): NodeJS.ProcessEnv {
  const env = { ...process.env };
  for (const key of Object.keys(env)) {
    if (VITEST_VARIABLES.has(key) || key.startsWith('VITEST')) delete env[key];
  }
  return env;
}

/**
 * Runs `astro build` for a content root into `outDir`, the way `npm run build` does, with the
 * content root and output directory passed through the environment.
 */
export function buildSite({
  contentRoot,
  outDir,
  env = {},
  incremental = false,
  priority = false,
}: {
  contentRoot: string;
  outDir: string;
  env?: Record<string, string>;
  /**
   * Build the way `npm run build` does (scripts/build.ts, which skips a build whose inputs have
   * not changed) and keep `outDir`; by default the folder is emptied and Astro always builds.
   */
  incremental?: boolean;
  /** Take the build lock before builds without priority (a site several test files share). */
  priority?: boolean;
}): Promise<BuildResult> {
  return withBuildLock(
    async () => {
      if (!incremental) await rm(outDir, { recursive: true, force: true });
      return new Promise<BuildResult>((done, fail) => {
        const command = incremental
          ? join(PROJECT_ROOT, 'scripts/build.ts')
          : join(PROJECT_ROOT, 'node_modules/astro/bin/astro.mjs');
        const child = spawn(process.execPath, incremental ? [command] : [command, 'build'], {
          cwd: PROJECT_ROOT,
          env: {
            ...buildEnvironment(),
            BRIEFING_CONTENT_ROOT: contentRoot,
            BRIEFING_OUT_DIR: outDir,
            BRIEFING_CACHE_DIR: `${outDir}.cache`,
            ASTRO_TELEMETRY_DISABLED: '1',
            NO_COLOR: '1',
            FORCE_COLOR: '0',
            ...env,
          },
          stdio: ['ignore', 'pipe', 'pipe'],
        });
        let output = '';
        child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
        child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
        child.on('error', fail);
        // eslint-disable-next-line no-control-regex
        child.on('close', (code) =>
          done({ ok: code === 0, code, output: output.replace(/\x1b\[[0-9;]*m/g, ''), outDir }),
        );
      });
    },
    { priority },
  );
}
