import { createHash } from 'node:crypto';
import { mkdirSync, readdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { dirname, join, relative, resolve, sep } from 'node:path';
import type { Dependency, UnitRecord } from './dependencies';
import type { StoredPage } from './page-list';

/**
 * Records of parts of a build kept for the next (see {@link Units}: the page list's records of the
 * entities' pages, the records of the texts beside them), each kind in one JSON file of the cache
 * folder. Every recorded read is written once (`strings`) and each part's reads as indexes into
 * them: thousands of entities read the same nodes. A file of another version or of other code
 * (`salt`), or one that does not hold together, is set aside whole: every part is then built, as
 * in a first build.
 */

/** The file of the page list's records. */
export const UNIT_CACHE_FILE = 'page-units.json';
const VERSION = 2;

interface UnitCacheFile<S> {
  version: number;
  salt: string;
  strings: Dependency[];
  units: [unit: string, deps: number[], digest: string, stored: S][];
}

/** Whether a record's stored value is what this kind of record keeps (the file may be of anything). */
export type StoredCheck<S> = (stored: unknown) => stored is S;

/** The page list's records keep pages without their views (see StoredPage). */
export const storedPages: StoredCheck<StoredPage[]> = (pages): pages is StoredPage[] =>
  Array.isArray(pages) &&
  pages.every(
    (page: unknown) =>
      !!page &&
      typeof page === 'object' &&
      isString((page as StoredPage).path) &&
      isString((page as StoredPage).route) &&
      isString((page as StoredPage).cacheKey),
  );

export function encodeUnits<S>(units: ReadonlyMap<string, UnitRecord<S>>, salt: string): UnitCacheFile<S> {
  const strings: Dependency[] = [];
  const index = new Map<Dependency, number>();
  const encoded: UnitCacheFile<S>['units'] = [];
  for (const [unit, record] of units) {
    const deps = record.deps.map((dep) => {
      let at = index.get(dep);
      if (at === undefined) index.set(dep, (at = strings.push(dep) - 1));
      return at;
    });
    encoded.push([unit, deps, record.digest, record.stored]);
  }
  return { version: VERSION, salt, strings, units: encoded };
}

function isString(value: unknown): value is string {
  return typeof value === 'string';
}

/** The records of a cache file's content; none when it is of another version or salt, or inconsistent. */
export function decodeUnits<S = StoredPage[]>(
  file: unknown,
  salt: string,
  check: StoredCheck<S> = storedPages as unknown as StoredCheck<S>,
): Map<string, UnitRecord<S>> {
  const units = new Map<string, UnitRecord<S>>();
  const cache = file as Partial<UnitCacheFile<S>> | null;
  if (!cache || cache.version !== VERSION || cache.salt !== salt) return units;
  if (!Array.isArray(cache.strings) || !cache.strings.every(isString) || !Array.isArray(cache.units)) return units;
  const strings = cache.strings;
  for (const entry of cache.units as unknown[]) {
    if (!Array.isArray(entry) || entry.length !== 4) return new Map();
    const [unit, deps, digest, stored] = entry as unknown[];
    if (!isString(unit) || !isString(digest) || !Array.isArray(deps) || !check(stored)) return new Map();
    const read = deps.map((at) => (Number.isInteger(at) ? strings[at as number] : undefined));
    if (read.some((dep) => dep === undefined)) return new Map();
    units.set(unit, { deps: read as Dependency[], digest, stored });
  }
  return units;
}

/**
 * The records kept in `cacheDir` (in `file`, the page list's by default) for code of this `salt`
 * (none if there are none, or they are unreadable).
 */
export function readUnits<S = StoredPage[]>(
  cacheDir: string,
  salt: string,
  { file = UNIT_CACHE_FILE, check }: { file?: string; check?: StoredCheck<S> } = {},
): Map<string, UnitRecord<S>> {
  try {
    return decodeUnits(JSON.parse(readFileSync(join(cacheDir, file), 'utf8')), salt, check);
  } catch {
    return new Map();
  }
}

/** Keeps this build's records for the next (written whole, then renamed into place). */
export function writeUnits<S>(
  cacheDir: string,
  units: ReadonlyMap<string, UnitRecord<S>>,
  salt: string,
  file = UNIT_CACHE_FILE,
): void {
  const path = join(cacheDir, file);
  mkdirSync(dirname(path), { recursive: true });
  const partial = `${path}.${process.pid}.tmp`;
  writeFileSync(partial, JSON.stringify(encodeUnits(units, salt)));
  renameSync(partial, path);
}

/**
 * A digest of the code the page list runs: every file under the source folder but the content
 * root's (content is what the records track), the lockfile (the packages' versions) and Node's
 * version. Records made by other code are never used. (Not of the built modules: Astro writes a key
 * made anew every build into one of them.)
 */
export function codeDigest({
  srcDir,
  exclude,
  lockfile,
}: {
  srcDir: string;
  exclude: string[];
  lockfile: string;
}): string {
  const hash = createHash('sha256').update(`node ${process.version}\0`);
  const skip = exclude.map((path) => resolve(path));
  const skipped = (file: string) => skip.some((dir) => file === dir || file.startsWith(`${dir}${sep}`));
  const files = readdirSync(srcDir, { withFileTypes: true, recursive: true })
    .filter((entry) => entry.isFile())
    .map((entry) => resolve(entry.parentPath, entry.name))
    .filter((file) => !skipped(file))
    .sort();
  for (const file of files)
    hash
      .update(`${relative(srcDir, file)}\0`)
      .update(readFileSync(file))
      .update('\0');
  try {
    hash.update(readFileSync(lockfile));
  } catch {
    hash.update('no lockfile');
  }
  return hash.digest('base64url');
}
