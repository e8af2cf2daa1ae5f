/**
 * Builds the search index of a built site, as `npm run build` does once Astro has exited
 * (src/lib/build/search-index.ts):
 *
 *   node_modules/.bin/node scripts/search-index.ts <built site folder>
 */
import { resolve } from 'node:path';
import { buildSearchIndex } from '../src/lib/build/search-index.ts';

/** How the search step's lines start in a build's log (the benchmark reads them). */
export const SEARCH_LOG_PREFIX = '[briefing-search]';

/** Logs a line of the search step as Astro's steps log theirs: the time, then the step. */
export function searchLog(line: string): void {
  console.log(`${new Date().toTimeString().slice(0, 8)} ${SEARCH_LOG_PREFIX} ${line}`);
}

if (import.meta.main) {
  const dir = process.argv[2];
  if (!dir) {
    console.error('Usage: node scripts/search-index.ts <built site folder>');
    process.exit(2);
  }
  try {
    await buildSearchIndex(resolve(dir), searchLog);
  } catch (error) {
    console.error(`${SEARCH_LOG_PREFIX} ${error instanceof Error ? error.message : String(error)}`);
    process.exit(1);
  }
}
