import { link, mkdir, rm, stat } from 'node:fs/promises';
import { linkIfPossible } from '../publishing/published-files';

/**
 * Astro's incremental build keeps its own copy of every page it renders (in `<cacheDir>/dist/`):
 * it writes each page twice, and copies the kept file back into the output for every page it
 * skips. A build of 10,000 pages wrote 800 MB twice, and an edit build copied 700 MB of pages it
 * did not render. {@link linkPageCache} makes both hard links instead: the page Astro has just
 * written becomes the kept copy, and a skipped page is the kept file, linked. Links never let a
 * build write into a file another build published: a new copy replaces the kept one's name (the
 * old file lives on in the outputs that link it) rather than being written into it, and Astro
 * writes its pages as new files. Where links cannot be made (another disk), Astro's own copying.
 */

/** What the patch needs of Astro's settings. */
export interface PageCacheSettings {
  config: { cacheDir: URL; outDir: URL };
}

/** The two methods of Astro's `IncrementalBuildCache` that copy pages. */
export interface PageCacheMethods {
  writeOutputFile(settings: PageCacheSettings, outputFile: string, body: string | Uint8Array): Promise<void>;
  restoreOutputFile(settings: PageCacheSettings, outputFile: string, destination: URL): Promise<boolean>;
}

/**
 * Where Astro keeps a page's copy, as its `incremental.js` says: the patch applies only to a
 * module with exactly these lines, and methods that do exactly this with them.
 */
const MODULE_LINES = [
  'const INCREMENTAL_OUTPUT_DIR = "dist/";',
  'return new URL(outputFile, new URL(INCREMENTAL_OUTPUT_DIR, settings.config.cacheDir));',
];
const WRITE_LINE = 'await fs.promises.writeFile(cachedOutputFile, body);';
const RESTORE_LINE = 'await fs.promises.copyFile(cachedOutputFile, destination);';

const LINKED = Symbol.for('briefing.page-cache-links');

/** The file Astro keeps of a page (see MODULE_LINES). */
function keptFile(settings: PageCacheSettings, outputFile: string): URL {
  return new URL(outputFile, new URL('dist/', settings.config.cacheDir));
}

/**
 * Makes Astro's incremental cache (`cache`, the class in the module whose source is `source`)
 * link pages instead of copying them (see above). False, and nothing changed, when the module or
 * its methods are not what this was written for: an upgrade of Astro leaves Astro's copying (a
 * unit test fails instead). Patching twice changes nothing more.
 */
export function linkPageCache(
  cache: { prototype: PageCacheMethods },
  source: string,
  linkFile: (existing: URL, target: URL) => Promise<void> = link,
): boolean {
  const methods = cache.prototype as PageCacheMethods & { [LINKED]?: true };
  if (methods[LINKED]) return true;
  const { writeOutputFile: write, restoreOutputFile: restore } = methods;
  if (
    !MODULE_LINES.every((line) => source.includes(line)) ||
    typeof write !== 'function' ||
    typeof restore !== 'function' ||
    !write.toString().includes(WRITE_LINE) ||
    !restore.toString().includes(RESTORE_LINE)
  ) {
    return false;
  }
  // The folders each cache (one per build) has made, as Astro's own methods remember them.
  const made = new WeakMap<object, Set<string>>();
  const folder = async (cache: object, file: URL) => {
    const dir = new URL('./', file).href;
    let folders = made.get(cache);
    if (!folders) made.set(cache, (folders = new Set()));
    if (folders.has(dir)) return;
    await mkdir(new URL(dir), { recursive: true });
    folders.add(dir);
  };
  /** Links `existing` at `target`; false when links cannot be made there. */
  const linked = (existing: URL, target: URL) => linkIfPossible(existing, target, linkFile);
  methods.writeOutputFile = async function (this: PageCacheMethods, settings, outputFile, body) {
    const page = new URL(outputFile, settings.config.outDir);
    const bytes = typeof body === 'string' ? Buffer.byteLength(body) : body.byteLength;
    // Astro has just written the page with these bytes; anything else is not this page's copy.
    const written = await stat(page).then(
      (s) => s.isFile() && s.size === bytes,
      () => false,
    );
    const kept = keptFile(settings, outputFile);
    await folder(this, kept);
    // The old copy may be a published page's file too: its name is replaced, never its bytes.
    await rm(kept, { force: true });
    if (!written || !(await linked(page, kept))) await write.call(this, settings, outputFile, body);
  };
  methods.restoreOutputFile = async function (this: PageCacheMethods, settings, outputFile, destination) {
    const kept = keptFile(settings, outputFile);
    await folder(this, destination);
    try {
      if (await linked(kept, destination)) return true;
    } catch (error) {
      // No copy kept: Astro renders the page.
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return false;
      throw error;
    }
    return restore.call(this, settings, outputFile, destination);
  };
  methods[LINKED] = true;
  return true;
}
