/**
 * `npm run build`: builds the site unless nothing it is built from has changed since the last
 * build into the same output folder, in which case it says so and stops.
 *
 * Astro renders every page on every build; when content, code, configuration, dependencies, the
 * BRIEFING_* environment and the day (the timeline marks today) are all unchanged, the previous
 * output is already exactly what a build would write. `--force` builds regardless.
 *
 *   node_modules/.bin/node scripts/build.ts [--force]
 */
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';

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

if (import.meta.main) {
  const project = process.cwd();
  const env = process.env;
  const contentRoot = resolve(project, env.BRIEFING_CONTENT_ROOT?.trim() || 'src/content');
  const outDir = resolve(project, env.BRIEFING_OUT_DIR?.trim() || 'dist');
  const cacheDir = resolve(project, env.BRIEFING_CACHE_DIR?.trim() || 'node_modules/.astro');
  const record = join(cacheDir, 'build-inputs.json');
  const today = env.BRIEFING_TODAY?.trim() || new Date().toISOString().slice(0, 10);
  const digest = inputDigest(project, contentRoot, env, today);
  const previous = existsSync(record)
    ? (JSON.parse(readFileSync(record, 'utf8')) as { digest: string; outDir: string })
    : undefined;
  if (
    !process.argv.includes('--force') &&
    previous?.digest === digest &&
    previous.outDir === outDir &&
    existsSync(join(outDir, 'index.html'))
  ) {
    console.log(
      `Nothing changed since the last build: ${relative(project, outDir) || outDir} is up to date (use --force to rebuild).`,
    );
    process.exit(0);
  }
  const astro = join(project, 'node_modules/astro/bin/astro.mjs');
  const result = spawnSync(process.execPath, [astro, 'build'], {
    stdio: 'inherit',
    env: { ...env, ASTRO_TELEMETRY_DISABLED: '1' },
  });
  if (result.status !== 0) process.exit(result.status ?? 1);
  mkdirSync(cacheDir, { recursive: true });
  writeFileSync(record, JSON.stringify({ digest, outDir }));
}
