import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';
import { AstroError } from 'astro/errors';
import { join } from 'node:path';
import { FileStore, pagesRendered, takePublishedFiles, writePublishedFiles } from '../lib/publishing/published-files';
import { TEXT_STORE_FOLDER } from '../lib/content/locations';

/**
 * Writes the files a build publishes beside its pages (preview images, entity JSON, company feeds,
 * email snippets; see src/lib/publishing/published-files.ts) once Astro has written the pages, and
 * before the link check and Pagefind read the output. The list comes from the page list, offered
 * by the routes that serve these files in `astro dev` (`besidePages` in src/publishing.ts).
 */
export function publishedFiles(): AstroIntegration {
  let base = '/';
  let cacheDir = '';
  return {
    name: 'briefing-published-files',
    hooks: {
      'astro:config:done': ({ config }) => {
        base = config.base;
        cacheDir = fileURLToPath(config.cacheDir);
      },
      'astro:build:generated': async ({ dir, logger }) => {
        const offered = takePublishedFiles();
        if (!offered) {
          throw new AstroError(
            'No list of the files published beside the pages was offered.',
            'The routes of src/pages that serve them must take their static paths from besidePages() in src/publishing.ts.',
          );
        }
        // Astro's rendering thread is free from here: cards still waiting may use its core.
        pagesRendered();
        const started = performance.now();
        const report = await writePublishedFiles(fileURLToPath(dir), await offered, {
          base,
          texts: new FileStore(join(cacheDir, TEXT_STORE_FOLDER)),
        });
        const copied = report.copied ? `, ${report.copied} copied (the cache is on another disk)` : '';
        logger.info(
          `Wrote ${report.files} files beside the pages in ${Math.round(performance.now() - started)} ms ` +
            `(${report.made} preview images new, ${report.textsNew} texts new, ` +
            `${report.textsKept} texts linked by the key their record gave, without being made${copied}).`,
        );
      },
    },
  };
}
