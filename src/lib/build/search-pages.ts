import { existsSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { mkdir, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { htmlFilesIn } from './built-files.ts';
import { fileIdentity } from './file-identity.ts';
import { htmlHash } from './link-scan.ts';
import { searchExtract } from './search-extract.ts';

/**
 * The built pages as Pagefind reads them: a folder of the cache with one file per built page, at
 * the page's own path, holding the page's search extract (src/lib/build/search-extract.ts). The
 * search step indexes this folder instead of the built site: Pagefind then reads 47 MB instead of
 * 653 MB at 10,000 pages, and writes the same index.
 *
 * While Astro renders, the link check's prescan worker writes each rendered page's extract there
 * (src/lib/build/link-prescan.ts); the build first sets the folder's record aside
 * ({@link openSearchPages}), so that no record vouches for a file being rewritten. After the
 * build, the link check, which reads and hashes every page, brings the folder up to date
 * ({@link writeSearchPages}): a file the prescan wrote from the HTML the page has, or one an earlier
 * build wrote from it (a restored page), is kept; any other page's extract is cut from its file;
 * files of pages no longer built are removed. The record then says which HTML each file was cut
 * from, and the size and time of the built file it was checked against: the search step uses the
 * folder only while every built page is still that file ({@link searchPagesFor}), and otherwise
 * indexes the built site itself.
 */

/** The folder of extracts, in the build's cache folder. */
export const SEARCH_PAGES_FOLDER = 'search-pages';
/** Its record, beside it. */
export const SEARCH_PAGES_MANIFEST = 'search-pages.json';
const VERSION = 2;

/** By a page's path in the built site: the hash of its HTML, and its file's identity (see fileIdentity). */
type Pages = Record<string, [hash: string, identity: string]>;

interface Manifest {
  version: number;
  pages: Pages;
}

/** At most this many extracts written at once. */
const WRITES_AT_ONCE = 16;

/** The folder of extracts in a cache folder. */
export function searchPagesFolder(cacheDir: string): string {
  return join(cacheDir, SEARCH_PAGES_FOLDER);
}

/** The previous build's record of the folder, for {@link writeSearchPages}. */
export type SearchPagesRecord = Readonly<Pages>;

/**
 * Before anything is written into the folder: its record, set aside (removed from the cache
 * folder, so a build stopped half way leaves none that vouches for a file it may have rewritten).
 */
export function openSearchPages(cacheDir: string): SearchPagesRecord {
  const record = readManifest(cacheDir);
  rmSync(join(cacheDir, SEARCH_PAGES_MANIFEST), { force: true });
  return record;
}

function readManifest(cacheDir: string): Pages {
  try {
    const manifest = JSON.parse(readFileSync(join(cacheDir, SEARCH_PAGES_MANIFEST), 'utf8')) as Partial<Manifest>;
    return manifest.version === VERSION && manifest.pages && typeof manifest.pages === 'object' ? manifest.pages : {};
  } catch {
    return {};
  }
}

/** What {@link writeSearchPages} did. */
export interface SearchPagesReport {
  pages: number;
  /** Extracts the prescan wrote while the pages rendered, and kept. */
  rendered: number;
  /** Extracts cut here from the built file (no extract of its HTML was there). */
  cut: number;
  removed: number;
}

/**
 * Brings the folder of extracts in `cacheDir` up to date with the built site in `root`: `files`
 * are its HTML files (relative to it, as {@link htmlFilesIn} lists them), `hashes` their HTML's hashes where known (the link check
 * computed them), `rendered` the extracts the prescan wrote (by file, the hash of the HTML it cut
 * each from), `previous` the folder's record as {@link openSearchPages} set it aside. A page whose
 * file in the folder was cut from the HTML it has (by the prescan, or by an earlier build) keeps
 * it; any other page's extract is cut from its file now; files of pages no longer built, and any
 * the prescan wrote at a path that is no built page, are removed. Then the record is written.
 */
export async function writeSearchPages({
  root,
  files,
  hashes = [],
  rendered = new Map(),
  previous = {},
  cacheDir,
}: {
  root: string;
  files: readonly string[];
  hashes?: readonly (string | undefined)[];
  rendered?: ReadonlyMap<string, string>;
  previous?: SearchPagesRecord;
  cacheDir: string;
}): Promise<SearchPagesReport> {
  const folder = searchPagesFolder(cacheDir);
  const manifestFile = join(cacheDir, SEARCH_PAGES_MANIFEST);
  rmSync(manifestFile, { force: true });
  const pages: Pages = {};
  const pending: { path: string; text: string }[] = [];
  let kept = 0;
  files.forEach((path, i) => {
    const file = join(root, path);
    let hash = hashes[i];
    let html: Buffer | undefined;
    if (hash === undefined) hash = htmlHash((html = readFileSync(file)));
    const identity = fileIdentity(file);
    if (identity === undefined) throw new Error(`ENOENT: no built page at ${file}.`);
    pages[path] = [hash, identity];
    const written = rendered.get(path);
    if (written === hash) {
      kept++;
      return;
    }
    // Not rewritten by this build's prescan: an earlier build's extract of the same HTML stands.
    if (written === undefined && previous[path]?.[0] === hash && existsSync(join(folder, path))) return;
    pending.push({ path: join(folder, path), text: searchExtract((html ?? readFileSync(file)).toString('utf8')) });
  });
  const queue = pending.values();
  const writer = async () => {
    for (const { path, text } of queue) {
      await mkdir(dirname(path), { recursive: true });
      await writeFile(path, text);
    }
  };
  await Promise.all(Array.from({ length: WRITES_AT_ONCE }, writer));
  // The folder holds what the last build's record lists and what this build's prescan wrote; only
  // without a record (a first build, or one after a build stopped half way) may it hold anything
  // else, and is it walked.
  const present =
    Object.keys(previous).length > 0 ? new Set([...Object.keys(previous), ...rendered.keys()]) : htmlFilesIn(folder);
  let removed = 0;
  for (const path of present) {
    if (pages[path] || !existsSync(join(folder, path))) continue;
    rmSync(join(folder, path), { force: true });
    removed++;
  }
  const partial = `${manifestFile}.${process.pid}.tmp`;
  writeFileSync(partial, JSON.stringify({ version: VERSION, pages } satisfies Manifest));
  renameSync(partial, manifestFile);
  return { pages: files.length, rendered: kept, cut: pending.length, removed };
}

/**
 * The folder of extracts in `cacheDir` when it stands for the built site in `root` as it is now:
 * the record lists exactly its HTML files, each with the identity it has (the same file, unchanged), and
 * every extract is there. Undefined otherwise (no record, a page written or removed since): the
 * search step then indexes the built site itself.
 */
export function searchPagesFor(root: string, cacheDir: string): string | undefined {
  const pages = readManifest(cacheDir);
  const folder = searchPagesFolder(cacheDir);
  const built = htmlFilesIn(root);
  if (built.length === 0 || built.length !== Object.keys(pages).length) return undefined;
  for (const path of built) {
    const entry = pages[path];
    if (!entry) return undefined;
    if (fileIdentity(join(root, path)) !== entry[1] || !existsSync(join(folder, path))) return undefined;
  }
  return folder;
}
