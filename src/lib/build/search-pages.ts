import { existsSync, readdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { mkdir, writeFile } from 'node:fs/promises';
import { dirname, join, relative, sep } from 'node:path';
import { htmlHash } from './link-scan.ts';
import { searchExtract } from './search-extract.ts';

/**
 * The built pages as Pagefind reads them: a folder of the cache with one file per built page, at
 * the page's own path, holding the page's search extract (src/lib/build/search-extract.ts). The
 * search step indexes this folder instead of the built site: Pagefind then reads 47 MB instead of
 * 653 MB at 10,000 pages, and writes the same index.
 *
 * The link check after the build, which reads and hashes every page, brings the folder up to date
 * ({@link writeSearchPages}); a page whose HTML is unchanged since the last build keeps its file,
 * so an incremental build writes only the pages it rendered. Its record (the manifest) says which
 * HTML each file was cut from, and the size and time of the built file it was checked against:
 * the search step uses the folder only while every built page is still that file
 * ({@link searchPagesFor}), and otherwise indexes the built site itself.
 */

/** The folder of extracts, in the build's cache folder. */
export const SEARCH_PAGES_FOLDER = 'search-pages';
/** Its record, beside it. */
export const SEARCH_PAGES_MANIFEST = 'search-pages.json';
const VERSION = 1;

/** By a page's path in the built site: the hash of its HTML, and its file's size and modification time. */
type Pages = Record<string, [hash: string, size: number, mtimeMs: number]>;

interface Manifest {
  version: number;
  pages: Pages;
}

/** At most this many extracts written at once. */
const WRITES_AT_ONCE = 16;

function readManifest(cacheDir: string): Pages {
  try {
    const manifest = JSON.parse(readFileSync(join(cacheDir, SEARCH_PAGES_MANIFEST), 'utf8')) as Partial<Manifest>;
    return manifest.version === VERSION && manifest.pages && typeof manifest.pages === 'object' ? manifest.pages : {};
  } catch {
    return {};
  }
}

/** Every file under `dir` whose name ends in .html, as paths relative to it with `/` (none if it does not exist). */
function htmlPaths(dir: string): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir, { withFileTypes: true, recursive: true })
    .filter((entry) => entry.isFile() && entry.name.endsWith('.html'))
    .map((entry) => relative(dir, join(entry.parentPath, entry.name)).split(sep).join('/'));
}

/** What {@link writeSearchPages} did. */
export interface SearchPagesReport {
  pages: number;
  /** Extracts written anew (the others were unchanged). */
  written: number;
  /** Of those, cut here from the built file (not by the prescan). */
  cut: number;
  removed: number;
}

/**
 * Brings the folder of extracts in `cacheDir` up to date with the built site in `root`: `files`
 * are its HTML files (absolute paths), `hashes` their HTML's hashes where known (the link check
 * computed them), `extracts` the extracts the prescan cut by hash. A page whose file holds the
 * extract of its HTML already is left alone; any other gets the prescan's extract, or one cut
 * from its file now; files of pages no longer built are removed. The record is removed first and
 * written last, so a build stopped half way leaves no record that vouches for a file.
 */
export async function writeSearchPages({
  root,
  files,
  hashes = [],
  extracts = new Map(),
  cacheDir,
}: {
  root: string;
  files: readonly string[];
  hashes?: readonly (string | undefined)[];
  extracts?: ReadonlyMap<string, Uint8Array>;
  cacheDir: string;
}): Promise<SearchPagesReport> {
  const folder = join(cacheDir, SEARCH_PAGES_FOLDER);
  const manifestFile = join(cacheDir, SEARCH_PAGES_MANIFEST);
  const previous = readManifest(cacheDir);
  rmSync(manifestFile, { force: true });
  const pages: Pages = {};
  const pending: { path: string; bytes: Uint8Array | string }[] = [];
  let cut = 0;
  files.forEach((file, i) => {
    const path = relative(root, file).split(sep).join('/');
    const target = join(folder, path);
    let hash = hashes[i];
    let html: Buffer | undefined;
    if (hash === undefined) hash = htmlHash((html = readFileSync(file)));
    const { size, mtimeMs } = statSync(file);
    pages[path] = [hash, size, mtimeMs];
    if (previous[path]?.[0] === hash && existsSync(target)) return;
    let bytes: Uint8Array | string | undefined = extracts.get(hash);
    if (!bytes) {
      bytes = searchExtract((html ?? readFileSync(file)).toString('utf8'));
      cut++;
    }
    pending.push({ path: target, bytes });
  });
  const queue = pending.values();
  // Each folder made once (pages of a site share few folders), then the files written.
  const folders = new Map<string, Promise<unknown>>();
  const writer = async () => {
    for (const { path, bytes } of queue) {
      const dir = dirname(path);
      let made = folders.get(dir);
      if (!made) folders.set(dir, (made = mkdir(dir, { recursive: true })));
      await made;
      await writeFile(path, bytes);
    }
  };
  await Promise.all(Array.from({ length: WRITES_AT_ONCE }, writer));
  let removed = 0;
  for (const path of htmlPaths(folder)) {
    if (pages[path]) continue;
    rmSync(join(folder, path), { force: true });
    removed++;
  }
  const partial = `${manifestFile}.${process.pid}.tmp`;
  writeFileSync(partial, JSON.stringify({ version: VERSION, pages } satisfies Manifest));
  renameSync(partial, manifestFile);
  return { pages: files.length, written: pending.length, cut, removed };
}

/**
 * The folder of extracts in `cacheDir` when it stands for the built site in `root` as it is now:
 * the record lists exactly its HTML files, each with the size and modification time it has, and
 * every extract is there. Undefined otherwise (no record, a page written or removed since): the
 * search step then indexes the built site itself.
 */
export function searchPagesFor(root: string, cacheDir: string): string | undefined {
  const pages = readManifest(cacheDir);
  const folder = join(cacheDir, SEARCH_PAGES_FOLDER);
  const built = htmlPaths(root);
  if (built.length === 0 || built.length !== Object.keys(pages).length) return undefined;
  for (const path of built) {
    const entry = pages[path];
    if (!entry) return undefined;
    const { size, mtimeMs } = statSync(join(root, path));
    if (size !== entry[1] || mtimeMs !== entry[2] || !existsSync(join(folder, path))) return undefined;
  }
  return folder;
}
