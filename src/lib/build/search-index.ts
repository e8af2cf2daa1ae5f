import { join } from 'node:path';
import * as pagefind from 'pagefind';

/**
 * Set (to "1") by `scripts/build.ts` in the environment of the Astro build it runs: the search
 * index is built once Astro has exited. Without it, a plain `astro build` builds the index itself,
 * at the end of its build, as Starlight would.
 *
 * Why after: Pagefind holds every page's words while it indexes (about 820 MB at 10,000 pages).
 * Run inside Astro's build, that comes on top of Astro's own heap (about 2 GB then), and the
 * build's peak memory was their sum, above a bare Starlight build's. After Astro has exited the
 * peak is the larger of the two.
 */
export const SEARCH_INDEX_AFTER_BUILD = 'BRIEFING_SEARCH_INDEX_AFTER_BUILD';

/** The search step's name in a build's log, whoever runs it: `[briefing-search] …` (the benchmark reads these lines). */
export const SEARCH_STEP = 'briefing-search';

/** The folder of the built site the index is written to (as Starlight writes it). */
export const SEARCH_INDEX_FOLDER = 'pagefind';

/** What {@link buildSearchIndex} indexed. */
export interface SearchIndexReport {
  /** HTML files Pagefind read. */
  pages: number;
  seconds: number;
}

function orFail<T extends { errors: string[] }>(response: T, step: string): T {
  if (response.errors.length > 0) {
    throw new Error(`Pagefind could not ${step}:\n${response.errors.join('\n')}`);
  }
  return response;
}

/**
 * Indexes the built site in `dir` with Pagefind, with Starlight's settings (every page's
 * `data-pagefind-body`, filters and metadata are in its HTML), and writes the index to
 * `<dir>/pagefind/`. Given `extracts`, a folder holding every page of `dir` as Pagefind reads it
 * (src/lib/build/search-pages.ts), Pagefind reads that folder instead, and writes the same index.
 * Logs what it did in the words Starlight's own step uses, so logs and the benchmark read the
 * same. Throws when Pagefind reports an error or finds no page.
 */
export async function buildSearchIndex(
  dir: string,
  log: (line: string) => void,
  { extracts }: { extracts?: string | undefined } = {},
): Promise<SearchIndexReport> {
  const started = performance.now();
  log('Building search index with Pagefind...');
  if (extracts) log(`Reading the pages' search extracts (${extracts}).`);
  try {
    const { index } = orFail(await pagefind.createIndex(), 'start');
    if (!index) throw new Error('Pagefind could not start.');
    const read = extracts ?? dir;
    const { page_count: pages } = orFail(await index.addDirectory({ path: read }), `read the pages in ${read}`);
    if (pages === 0) throw new Error(`Pagefind found no HTML page in ${dir} to index.`);
    log(`Found ${pages} HTML files.`);
    orFail(await index.writeFiles({ outputPath: join(dir, SEARCH_INDEX_FOLDER) }), 'write the index');
    const seconds = (performance.now() - started) / 1000;
    log(
      `Finished building search index in ${seconds < 0.75 ? `${Math.round(seconds * 1000)}ms` : `${seconds.toFixed(2)}s`}.`,
    );
    return { pages, seconds };
  } finally {
    await pagefind.close();
  }
}
