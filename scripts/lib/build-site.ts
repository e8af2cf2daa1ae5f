import { spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdirSync, mkdtempSync } from 'node:fs';
import { mkdir, rm } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { astroBuildArgs } from '../build.ts';
import { ASTRO_ROOT_ENV } from '../../src/lib/content/locations.ts';

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
  /** The same output line by line, each with when it arrived (see {@link TimedLine}). */
  lines: TimedLine[];
  outDir: string;
}

/** A line of a build's output (without colours) and when it arrived, in ms from the build's start. */
export interface TimedLine {
  ms: number;
  text: string;
}

// eslint-disable-next-line no-control-regex
const COLOURS = /\x1b\[[0-9;]*m/g;

/**
 * Collects a process's output as it arrives: all of it as text, and line by line with the time
 * each line was complete (stdout and stderr kept apart until a line ends, so their lines never mix).
 */
export function outputRecorder(started = performance.now()) {
  let text = '';
  const lines: TimedLine[] = [];
  const partial = new Map<string, string>();
  const line = (ms: number, text: string) => lines.push({ ms, text: text.replace(COLOURS, '') });
  return {
    /** Records a chunk of `stream` ("stdout", "stderr") that arrived now (or at `ms`). */
    add(stream: string, chunk: string, ms = performance.now() - started) {
      text += chunk;
      const parts = ((partial.get(stream) ?? '') + chunk).split('\n');
      partial.set(stream, parts.pop()!);
      for (const part of parts) line(ms, part);
    },
    /** Everything recorded; the streams' unfinished last lines count as complete at `ms`. */
    done(ms = performance.now() - started): { output: string; lines: TimedLine[] } {
      for (const rest of partial.values()) if (rest) line(ms, rest);
      partial.clear();
      return { output: text.replace(COLOURS, ''), lines };
    },
  };
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
 * The Astro root of a build into `outDir` (ASTRO_ROOT_ENV): a folder of its own for the `.astro/`
 * folder where Astro lists the content root's modules, so builds of different content roots run
 * at the same time. Inside the project, so Astro resolves packages from its node_modules; named
 * after `outDir`, so the next build into it is given the same root (scripts/build.ts counts the
 * BRIEFING_* variables among a build's inputs).
 */
export function astroRootFor(outDir: string): string {
  return join(OUTPUT_ROOT, 'astro-roots', createHash('sha256').update(resolve(outDir)).digest('hex').slice(0, 16));
}

/** Runs Node with `args` in the project; resolves with its exit code and output (no colours). */
function runNode(
  args: string[],
  env: NodeJS.ProcessEnv,
): Promise<{ code: number | null; output: string; lines: TimedLine[] }> {
  return new Promise((done, fail) => {
    const recorder = outputRecorder();
    const child = spawn(process.execPath, args, { cwd: PROJECT_ROOT, env, stdio: ['ignore', 'pipe', 'pipe'] });
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => recorder.add('stdout', chunk));
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => recorder.add('stderr', chunk));
    child.on('error', fail);
    child.on('close', (code) => done({ code, ...recorder.done() }));
  });
}

/**
 * Builds a content root into `outDir`: by default with a plain `astro build` (the content root and
 * output folder passed through the environment), which builds the search index at its end
 * (src/integrations/search-index.ts); with `incremental`, the way `npm run build` builds
 * (scripts/build.ts: the search index once Astro has exited, the output swapped in on success).
 * Both ways are what users run, so the test builds cover both. Each build has an Astro root of
 * its own ({@link astroRootFor}), emptied after it: builds run side by side, one per test worker,
 * and none waits for another.
 */
export async function buildSite({
  contentRoot,
  outDir,
  env = {},
  incremental = false,
  force = false,
}: {
  contentRoot: string;
  outDir: string;
  env?: Record<string, string>;
  /**
   * Build the way `npm run build` does (scripts/build.ts, which skips a build whose inputs have
   * not changed) and keep `outDir`; by default the folder is emptied and Astro always builds.
   */
  incremental?: boolean;
  /** With `incremental`: build even when nothing changed (`npm run build -- --force`). */
  force?: boolean;
}): Promise<BuildResult> {
  if (!incremental) await rm(outDir, { recursive: true, force: true });
  const astroRoot = astroRootFor(outDir);
  await mkdir(astroRoot, { recursive: true });
  const childEnv = {
    ...buildEnvironment(),
    BRIEFING_CONTENT_ROOT: contentRoot,
    BRIEFING_OUT_DIR: outDir,
    BRIEFING_CACHE_DIR: `${outDir}.cache`,
    [ASTRO_ROOT_ENV]: astroRoot,
    ASTRO_TELEMETRY_DISABLED: '1',
    NO_COLOR: '1',
    FORCE_COLOR: '0',
    ...env,
  };
  try {
    const args = incremental
      ? [join(PROJECT_ROOT, 'scripts/build.ts'), ...(force ? ['--force'] : [])]
      : astroBuildArgs(PROJECT_ROOT);
    const { code, output, lines } = await runNode(args, childEnv);
    return { ok: code === 0, code, output, lines, outDir };
  } finally {
    // Astro writes the folder afresh every build: nothing in it is kept for the next one.
    await rm(astroRoot, { recursive: true, force: true });
  }
}
