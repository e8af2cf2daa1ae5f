import { createHash } from 'node:crypto';
import { basename, isAbsolute, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

// Where a build reads from and keeps its caches. No imports beyond Node's, so scripts run with
// plain Node (scripts/build.ts) share these rules with the Astro config.

/**
 * Environment variable giving a build an Astro root of its own (an empty folder; only what Astro
 * and Vite generate goes there: `.astro/`, `node_modules/.vite/`). Astro writes the list of the content root's modules into
 * `<root>/.astro/`, so two builds of different content roots with one root would read each
 * other's; with a root each, the tests build several sites at once. The code stays in the project.
 */
export const ASTRO_ROOT_ENV = 'BRIEFING_ASTRO_ROOT';

/** The project folder (where src/ and public/ are) of a resolved Astro config: its srcDir's parent, wherever its root is. */
export function projectDir(srcDir: URL): string {
  return fileURLToPath(new URL('../', srcDir));
}

/** Environment variable naming the content root (relative to the project or absolute). */
export const CONTENT_ROOT_ENV = 'BRIEFING_CONTENT_ROOT';
/** The bundled dataset's content root. */
export const DEFAULT_CONTENT_ROOT = 'src/content';
/** Environment variable naming the folder for build caches. */
export const CACHE_DIR_ENV = 'BRIEFING_CACHE_DIR';
/** Where caches go by default, as Astro keeps them. */
export const DEFAULT_CACHE_DIR = 'node_modules/.astro';

/**
 * A mark in a build's cache folder that Astro started its build: bundling, then pages (written at
 * `astro:build:start` by src/integrations/postbuild.ts, after the content check). From then on it
 * may replace the page copies it keeps for incremental builds, so a build that fails with the mark present is not
 * trusted by the next one (scripts/build.ts); one stopped before it (by the content check) is.
 */
export const BUILD_STARTED_MARK = 'build-started';

/** The folder of the link-preview card cache inside a build's cache folder (src/publishing.ts). */
export const CARD_CACHE_FOLDER = 'og';
/** Folder of the cache folder where the texts published beside the pages are kept, by their hash. */
export const TEXT_STORE_FOLDER = 'published';

type Env = Record<string, string | undefined>;

/** The content root as an absolute path, from `BRIEFING_CONTENT_ROOT` or the default. */
export function contentRoot(projectRoot: string, env: Env = process.env): string {
  const configured = env[CONTENT_ROOT_ENV]?.trim() || DEFAULT_CONTENT_ROOT;
  return isAbsolute(configured) ? configured : resolve(projectRoot, configured);
}

/**
 * The cache folder of builds of one content root: `<cache>/content-<name>-<hash of its path>`.
 * Astro's content store remembers file and module paths; keyed by the content root, a build of
 * another (or a moved) root never reads a store written for different files.
 */
export function cacheDirFor(projectRoot: string, env: Env = process.env): string {
  const base = resolve(projectRoot, env[CACHE_DIR_ENV]?.trim() || DEFAULT_CACHE_DIR);
  const root = contentRoot(projectRoot, env);
  const hash = createHash('sha256').update(root).digest('hex').slice(0, 10);
  const name =
    basename(root)
      .replace(/[^a-zA-Z0-9-]+/g, '-')
      .slice(0, 40) || 'root';
  return join(base, `content-${name}-${hash}`);
}
