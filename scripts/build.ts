/**
 * `npm run build`: builds the site unless nothing it is built from has changed since the last
 * build into the same output folder, in which case it says so and stops.
 *
 * Even a build that renders no page again runs Astro, its checks and Pagefind over the whole site
 * (about a third of a cold build at 10,000 pages); when content, code, configuration,
 * dependencies, the BRIEFING_* environment and the day (the timeline marks today) are all
 * unchanged, the previous output is already exactly what a build would write. `--force` builds
 * regardless.
 *
 *   node_modules/.bin/node scripts/build.ts [--force]
 *
 * (`--after-astro`, {@link AFTER_ASTRO}, is the script's own step after Astro, not for people.)
 */
import { spawn, spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { basename, dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { buildSearchIndex, SEARCH_INDEX_AFTER_BUILD, SEARCH_STEP } from '../src/lib/build/search-index.ts';
import { searchPagesFor } from '../src/lib/build/search-pages.ts';
import { BUILD_STARTED_MARK, cacheDirFor, contentRoot as resolveContentRoot } from '../src/lib/content/locations.ts';

/** Logs a line of the search step as Astro logs an integration's lines: the time, then the step. */
export function searchLog(line: string, write: (text: string) => void = console.log): void {
  write(`${new Date().toTimeString().slice(0, 8)} [${SEARCH_STEP}] ${line}`);
}

/** Astro's record of the previous build's pages, for incremental builds (in the cache folder). */
export const INCREMENTAL_MANIFEST = 'incremental-build.json';

/**
 * Node flags of the Astro process. V8 lets a busy heap grow to up to four times what is live
 * between full collections; a build allocates fast, so at 10,000 pages Astro's heap reached 2.3 GB
 * of which 630 MB was live. Growing by half at most, with a smaller young generation (in the card
 * and link-check workers too), keeps peak memory near what a bare Starlight build of as many pages
 * needs, at the same speed. Measured on 2 cores, Astro alone at 1,000 pages: 1,516–1,833 →
 * 1,111–1,162 MiB (bare Starlight 1,133). The whole build at 10,000 pages, with the link check's
 * own fix: 4,587 → 2,948 MiB (bare 3,246; the README's performance table).
 */
export const ASTRO_NODE_FLAGS = ['--heap-growing-percent=50', '--max-semi-space-size=8'];

/** The arguments of Node that run `astro build` in `project`, with {@link ASTRO_NODE_FLAGS}. */
export function astroBuildArgs(project: string): string[] {
  return [...ASTRO_NODE_FLAGS, join(project, 'node_modules/astro/bin/astro.mjs'), 'build'];
}

/** This script's record of the last successful build's inputs (in the cache folder). */
const BUILD_RECORD = 'build-inputs.json';

/** Files and folders of the project a build reads (besides the content root). */
export const BUILD_INPUTS = ['src', 'public', 'astro.config.mjs', 'package-lock.json', 'tsconfig.json'];

/** Every file at `path`: the file itself, or all files below a folder; nothing if it is missing. */
function filesAt(path: string): string[] {
  if (!existsSync(path)) return [];
  if (statSync(path).isFile()) return [path];
  return readdirSync(path, { withFileTypes: true, recursive: true })
    .filter((entry) => entry.isFile())
    .map((entry) => join(entry.parentPath, entry.name));
}

/**
 * A digest of everything a build depends on: every input file's path and bytes, the BRIEFING_*
 * variables, the Node version and the day.
 */
export function inputDigest(project: string, contentRoot: string, env: NodeJS.ProcessEnv, today: string): string {
  const hash = createHash('sha256');
  const files = [...new Set([...BUILD_INPUTS.map((p) => join(project, p)), contentRoot].flatMap(filesAt))].sort();
  for (const file of files) {
    hash.update(relative(project, file)).update('\0').update(readFileSync(file)).update('\0');
  }
  for (const key of Object.keys(env)
    .filter((k) => k.startsWith('BRIEFING_'))
    .sort())
    hash.update(`${key}=${env[key]}\0`);
  hash.update(`node=${process.version}\0today=${today}`);
  return hash.digest('hex');
}

/** The name prefix of a replaced output folder beside `outDir`, until it is removed. */
export function replacedPrefix(outDir: string): string {
  return `${basename(outDir)}.previous-`;
}

/**
 * Removes folders in a detached process, which outlives this one: the build is done as soon as
 * its output is in place. Removing the replaced output of a 10,000-page site (45,000 files) took
 * 14.7 s on 2 cores, a fifth of an incremental build, with the new site already published.
 */
export function removeInBackground(folders: readonly string[]): void {
  if (folders.length === 0) return;
  const remove =
    'for (const f of process.argv.slice(1)) require("node:fs").rmSync(f, { recursive: true, force: true });';
  spawn(process.execPath, ['-e', remove, ...folders], { detached: true, stdio: 'ignore' }).unref();
}

/** The replaced output folders beside `outDir` not yet removed (see {@link removeInBackground}). */
export function replacedFolders(outDir: string): string[] {
  const parent = dirname(outDir);
  const prefix = replacedPrefix(outDir);
  try {
    return readdirSync(parent).flatMap((name) => (name.startsWith(prefix) ? [join(parent, name)] : []));
  } catch {
    return [];
  }
}

/**
 * Puts a finished build in place of the published one: `next` becomes `outDir`. Until the rename,
 * `outDir` still holds the last good build, byte for byte. The replaced output, and any left by a
 * build whose removal was cut short, are removed in the background (see {@link removeInBackground}).
 */
export function publish(next: string, outDir: string): void {
  const parent = dirname(outDir);
  const prefix = replacedPrefix(outDir);
  const previous = join(parent, `${prefix}${process.pid}`);
  const had = existsSync(outDir);
  if (had) renameSync(outDir, previous);
  try {
    renameSync(next, outDir);
  } catch (error) {
    if (had) renameSync(previous, outDir);
    throw error;
  }
  removeInBackground(replacedFolders(outDir));
}

/**
 * After a failed build, whether the next one may still reuse Astro's page copies. Astro keeps a
 * copy of each page it renders and records which copy belongs to which cache key only when a
 * build completes; a build that failed once Astro had started may have replaced copies without
 * recording it, so its record is dropped and the next build renders every page. A build stopped
 * before it built anything (the content check fails before Astro starts, BUILD_STARTED_MARK is
 * absent) changed no copy: the record stands, and the fixed build is incremental. Returns whether
 * the record was dropped.
 */
export function forgetFailedBuild(cacheDir: string): boolean {
  const started = existsSync(join(cacheDir, BUILD_STARTED_MARK));
  if (started) rmSync(join(cacheDir, INCREMENTAL_MANIFEST), { force: true });
  rmSync(join(cacheDir, BUILD_STARTED_MARK), { force: true });
  return started;
}

/** What the step after Astro needs to know of the build that started it. */
export interface PendingBuild {
  project: string;
  outDir: string;
  cacheDir: string;
  /** The input digest, recorded once the build is published. */
  digest: string;
}

/** The argument that makes this script the step after Astro, followed by Astro's exit status and a {@link PendingBuild}. */
export const AFTER_ASTRO = '--after-astro';

/**
 * The shell command that runs Astro's build, then replaces the shell with this script's step after
 * Astro. Its arguments: Node, this script, the {@link PendingBuild} as JSON, then Astro's command
 * line. The step after Astro is given Astro's exit status.
 */
export const ASTRO_THEN_AFTER = `node=$1 script=$2 pending=$3; shift 3; "$@"; exec "$node" "$script" ${AFTER_ASTRO} "$?" "$pending"`;

/**
 * Runs Astro's build, then {@link afterAstro}. Where the system can replace a process (Linux,
 * macOS), this Node process becomes a shell that waits for Astro and then becomes Node again for
 * the step after it: nothing of this script stays in memory while Astro builds. A Node process
 * waiting beside Astro, with this script and its digest of every input, was 80 MiB of a
 * 1,000-page build's peak (100 MiB at 10,000 pages); the shell is 2 MiB. Elsewhere it waits.
 */
async function runAstro(pending: PendingBuild, env: NodeJS.ProcessEnv): Promise<never> {
  const astroEnv = {
    ...env,
    BRIEFING_OUT_DIR: `${pending.outDir}.next`,
    ASTRO_TELEMETRY_DISABLED: '1',
    [SEARCH_INDEX_AFTER_BUILD]: '1',
  };
  const astro = [process.execPath, ...astroBuildArgs(pending.project)];
  if (process.execve && existsSync('/bin/sh')) {
    const script = fileURLToPath(import.meta.url);
    process.execve(
      '/bin/sh',
      ['sh', '-c', ASTRO_THEN_AFTER, 'sh', process.execPath, script, JSON.stringify(pending), ...astro],
      astroEnv,
    );
  }
  const result = spawnSync(astro[0]!, astro.slice(1), { stdio: 'inherit', env: astroEnv });
  return afterAstro(result.status ?? 1, pending);
}

/**
 * The step after Astro: after a failure, forgets what the failed build may have left and keeps
 * the published output; after a success, builds the search index and publishes the build.
 */
async function afterAstro(status: number, pending: PendingBuild): Promise<never> {
  const { project, outDir, cacheDir } = pending;
  const next = `${outDir}.next`;
  const record = join(cacheDir, BUILD_RECORD);
  const failed = (code: number): never => {
    rmSync(next, { recursive: true, force: true });
    // And a failed build is never "up to date": whatever the inputs, the next one builds.
    rmSync(record, { force: true });
    console.error(
      `\nThe build failed; ${relative(project, outDir) || outDir} still holds the last successful build, unchanged.`,
    );
    process.exit(code);
  };
  if (status !== 0) {
    forgetFailedBuild(cacheDir);
    failed(status);
  }
  // The search index, once Astro has exited: Pagefind's memory never adds to Astro's. Astro
  // finished and recorded its page copies, so a failure here leaves them trusted.
  rmSync(join(cacheDir, BUILD_STARTED_MARK), { force: true });
  try {
    await buildSearchIndex(next, searchLog, { extracts: searchPagesFor(next, cacheDir) });
  } catch (error) {
    searchLog(error instanceof Error ? error.message : String(error), console.error);
    failed(1);
  }
  publish(next, outDir);
  recordBuild(pending);
  process.exit(0);
}

/** Records a published build as up to date: the next build with the same inputs does nothing. */
export function recordBuild({ cacheDir, digest, outDir }: PendingBuild): void {
  mkdirSync(cacheDir, { recursive: true });
  writeFileSync(join(cacheDir, BUILD_RECORD), JSON.stringify({ digest, outDir }));
}

/** The published output folder of a build of `project` (`BRIEFING_OUT_DIR`, default `dist`). */
function resolveOutDir(project: string, env: NodeJS.ProcessEnv): string {
  return resolve(project, env.BRIEFING_OUT_DIR?.trim() || 'dist');
}

/**
 * What `npm run build` does before Astro: says whether to build (undefined when nothing it is built
 * from changed since the last successful build into the same folder, unless `force`) and, if so,
 * clears what an earlier build left: a half-built `<out>.next`, and Astro's record of its page
 * copies when the build that wrote them was stopped while Astro built (Ctrl-C, a killed process:
 * it never reached the step after Astro, so its mark is still here and the copies it may have
 * replaced are not trusted).
 */
export function prepareBuild(project: string, env: NodeJS.ProcessEnv, force: boolean): PendingBuild | undefined {
  const contentRoot = resolveContentRoot(project, env);
  const outDir = resolveOutDir(project, env);
  const cacheDir = cacheDirFor(project, env);
  const record = join(cacheDir, BUILD_RECORD);
  const today = env.BRIEFING_TODAY?.trim() || new Date().toISOString().slice(0, 10);
  const digest = inputDigest(project, contentRoot, env, today);
  const previous = existsSync(record)
    ? (JSON.parse(readFileSync(record, 'utf8')) as { digest: string; outDir: string })
    : undefined;
  if (!force && previous?.digest === digest && previous.outDir === outDir && existsSync(join(outDir, 'index.html')))
    return undefined;
  // Astro writes into its output folder as it goes. It builds into a folder beside the published
  // one, which takes its place only when the whole build succeeded: a failed build leaves the
  // last good output untouched, and only a successful build is recorded as up to date.
  rmSync(`${outDir}.next`, { recursive: true, force: true });
  forgetFailedBuild(cacheDir);
  return { project, outDir, cacheDir, digest };
}

if (import.meta.main) {
  const after = process.argv.indexOf(AFTER_ASTRO);
  if (after >= 0) {
    await afterAstro(Number(process.argv[after + 1]), JSON.parse(process.argv[after + 2]!) as PendingBuild);
  }
  const project = process.cwd();
  const pending = prepareBuild(project, process.env, process.argv.includes('--force'));
  if (!pending) {
    const outDir = resolveOutDir(project, process.env);
    console.log(
      `Nothing changed since the last build: ${relative(project, outDir) || outDir} is up to date (use --force to rebuild).`,
    );
    process.exit(0);
  }
  await runAstro(pending, process.env);
}
