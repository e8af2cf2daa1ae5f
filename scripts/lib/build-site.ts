import { spawn } from 'node:child_process';
import { mkdirSync, mkdtempSync } from 'node:fs';
import { randomUUID } from 'node:crypto';
import { mkdir, readdir, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { astroBuildArgs } from '../build.ts';

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

/** A lock or priority mark older than this is left over from a killed run. */
const STALE_MS = 600_000;

/** True if `pid` names a running process. */
function alive(pid: number): boolean {
  if (!Number.isInteger(pid) || pid <= 0) return false;
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code !== 'ESRCH';
  }
}

/** True while another build waits with priority (a mark `<pid>-<uuid>` in `marks`) and has not yet taken the lock. */
async function priorityWaiting(marks: string): Promise<boolean> {
  let names: string[];
  try {
    names = await readdir(marks);
  } catch {
    return false;
  }
  for (const name of names) {
    const info = await stat(join(marks, name)).catch(() => undefined);
    if (info && Date.now() - info.mtimeMs < STALE_MS && alive(Number(name.split('-')[0]))) return true;
  }
  return false;
}

/** True if the lock was left by a process that has ended (a killed run), or is very old. */
async function lockIsStale(lock: string): Promise<boolean> {
  const info = await stat(lock).catch(() => undefined);
  if (!info) return false;
  if (Date.now() - info.mtimeMs > STALE_MS) return true;
  // No pid yet: the holder has just taken the lock and is writing it.
  const pid = Number(await readFile(join(lock, 'pid'), 'utf8').catch(() => ''));
  return pid > 0 && !alive(pid);
}

/**
 * Astro writes generated files into the project's `.astro/` folder during a build, so two builds
 * of the same project must not overlap. This lock (an exclusive mkdir of `<folder>/build.lock`,
 * holding the pid of its process) serialises builds across vitest workers; a lock whose process
 * has ended, or older than 10 minutes, is left over from a killed run and taken over.
 *
 * A build with `priority` (a site that many test files wait for) takes the lock before any build
 * without it: a test file making its own builds one after another (the pipeline, the benchmark)
 * would otherwise win the lock again and again while every file that needs the shared site waits.
 */
export async function withBuildLock<T>(
  run: () => Promise<T>,
  { priority = false, folder = OUTPUT_ROOT }: { priority?: boolean; folder?: string } = {},
): Promise<T> {
  const lock = join(folder, 'build.lock');
  const marks = join(folder, 'build.priority');
  await mkdir(folder, { recursive: true });
  const mark = priority ? join(marks, `${process.pid}-${randomUUID()}`) : undefined;
  if (mark) {
    await mkdir(marks, { recursive: true });
    await writeFile(mark, '');
  }
  try {
    for (;;) {
      if (mark || !(await priorityWaiting(marks))) {
        const taken = await mkdir(lock).then(
          () => true,
          () => false,
        );
        if (taken) break;
        if (await lockIsStale(lock)) await rm(lock, { recursive: true, force: true });
      }
      await new Promise((r) => setTimeout(r, 200));
    }
  } finally {
    if (mark) await rm(mark, { force: true });
  }
  try {
    await writeFile(join(lock, 'pid'), String(process.pid));
    return await run();
  } finally {
    await rm(lock, { recursive: true, force: true });
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
        const args = incremental ? [join(PROJECT_ROOT, 'scripts/build.ts')] : astroBuildArgs(PROJECT_ROOT);
        const child = spawn(process.execPath, args, {
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
