import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import type { AstroIntegration } from 'astro';
import { linkPageCache, type PageCacheMethods } from '../lib/build/page-cache';

/** Astro's incremental build cache, in the Astro the project runs. */
export function astroIncrementalModule(root: URL): string {
  const astro = dirname(createRequire(new URL('package.json', root)).resolve('astro/package.json'));
  return join(astro, 'dist/core/build/incremental.js');
}

/**
 * The installed Astro's module, as Astro itself has loaded it: Node's own `require` (of an ES
 * module) gives the instance Astro uses, where an `import` here would go through the module
 * loader Astro loads its config with (a copy of the module, and closed before any hook runs).
 */
const incrementalFile = astroIncrementalModule(new URL('../../', import.meta.url));
const incremental = createRequire(import.meta.url)(incrementalFile) as {
  IncrementalBuildCache?: { prototype: PageCacheMethods };
};

/**
 * Builds whose incremental cache links pages instead of copying them (`linkPageCache`): the same
 * output, without writing every page twice or copying back every page an edit build skips. If
 * this version of Astro keeps its pages otherwise, the build says so once and copies as Astro does.
 */
export function pageCacheLinks(): AstroIntegration {
  return {
    name: 'briefing-page-cache-links',
    hooks: {
      'astro:config:setup': ({ command, logger }) => {
        if (command !== 'build') return;
        const cache = incremental.IncrementalBuildCache;
        if (!cache || !linkPageCache(cache, readFileSync(incrementalFile, 'utf8'))) {
          logger.warn(
            `Astro's incremental build cache is not what was expected in ${incrementalFile}; its pages are copied.`,
          );
        }
      },
    },
  };
}
