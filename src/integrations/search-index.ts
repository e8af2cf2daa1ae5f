import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';
import { buildSearchIndex, SEARCH_INDEX_AFTER_BUILD, SEARCH_STEP } from '../lib/build/search-index';
import { searchPagesFor } from '../lib/build/search-pages';

/**
 * The search index (Pagefind) of a build, in place of Starlight's own step (its `pagefind`
 * option is off; every page still marks its body for Pagefind). `npm run build` sets
 * {@link SEARCH_INDEX_AFTER_BUILD} and builds the index once Astro has exited, so
 * Pagefind's memory never adds to Astro's (src/lib/build/search-index.ts); a plain `astro build`
 * builds it here, at the end of the build, as Starlight would. Either way Pagefind reads the pages'
 * search extracts the link check kept (src/lib/build/search-pages.ts) when they stand for the
 * built pages, and the pages themselves otherwise.
 */
export function searchIndex(env: NodeJS.ProcessEnv = process.env): AstroIntegration {
  let cacheDir: string | undefined;
  return {
    name: SEARCH_STEP,
    hooks: {
      'astro:config:done': ({ config }) => {
        cacheDir = fileURLToPath(config.cacheDir);
      },
      'astro:build:done': async ({ dir, logger }) => {
        if (env[SEARCH_INDEX_AFTER_BUILD] === '1') {
          logger.info('The search index is built once Astro has exited.');
          return;
        }
        const root = fileURLToPath(dir);
        // The pages' search extracts, kept by the link check just before (it runs first).
        const extracts = cacheDir ? searchPagesFor(root, cacheDir) : undefined;
        await buildSearchIndex(root, (line) => logger.info(line), { extracts });
      },
    },
  };
}
