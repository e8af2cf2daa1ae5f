import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';
import { AstroError } from 'astro/errors';
import { htmlFilesIn, urlPathOf } from '../lib/build/built-files';
import { findBrokenLinks, type PageLinks } from '../lib/build/link-check';
import { currentPrescan, linkPrescanWorkerScript, setCurrentPrescan, startPrescan } from '../lib/build/link-prescan';
import { LINK_SCAN_CACHE_FILE, linkScanWorkerScript, scanFiles } from '../lib/build/link-scan';
import {
  openSearchPages,
  searchPagesFolder,
  writeSearchPages,
  type SearchPagesRecord,
} from '../lib/build/search-pages';
import { BUILD_STARTED_MARK, DEFAULT_CACHE_DIR, projectDir } from '../lib/content/locations';

/**
 * Marks in the cache folder that Astro started its build (see BUILD_STARTED_MARK); after the
 * build, reads every HTML page (and changes none) and fails the build on any internal
 * link or anchor that leads nowhere, across authored and generated pages alike.
 */
export function postbuild(): AstroIntegration {
  let base = '/';
  let site = 'https://briefing.invalid';
  let project = process.cwd();
  let cache = join(project, DEFAULT_CACHE_DIR);
  let searchPages: SearchPagesRecord = {};
  return {
    name: 'briefing-postbuild',
    hooks: {
      'astro:config:done': ({ config }) => {
        base = config.base;
        site = config.site ?? site;
        project = projectDir(config.srcDir);
        cache = fileURLToPath(config.cacheDir);
      },
      'astro:build:start': () => {
        mkdirSync(cache, { recursive: true });
        writeFileSync(join(cache, BUILD_STARTED_MARK), '');
        // Pages are parsed for the check as they are rendered (src/middleware.ts), and their search
        // extracts written (src/lib/build/search-pages.ts).
        searchPages = openSearchPages(cache);
        setCurrentPrescan(startPrescan(linkPrescanWorkerScript(project), { extractsFolder: searchPagesFolder(cache) }));
      },
      'astro:build:done': async ({ dir, logger }) => {
        const root = fileURLToPath(dir);
        const started = performance.now();
        const prescan = currentPrescan();
        setCurrentPrescan(undefined);
        // Every page read (but one that is the same file as in the last build), and parsed on all
        // cores unless its HTML was scanned while it was rendered or by an earlier build
        // (src/lib/build/link-scan.ts); no page is written.
        const built = htmlFilesIn(root);
        const files = built.map((file) => join(root, file));
        const report: { parsed: number; read?: number; hashes?: (string | undefined)[] } = { parsed: 0 };
        const prescanned = prescan ? await prescan.finish() : undefined;
        const scanned = await scanFiles(files, {
          script: linkScanWorkerScript(project),
          cacheFile: join(cache, LINK_SCAN_CACHE_FILE),
          ...(prescanned ? { prescanned: prescanned.scanned } : {}),
          report,
        });
        const pages = new Map<string, PageLinks>(built.map((file, i) => [urlPathOf(file), scanned[i]!]));
        const broken = findBrokenLinks(pages, {
          origin: new URL(base, site).origin,
          fileExists: (path) => existsSync(join(root, path.slice(base.length - 1))),
        });
        logger.info(
          `Checked links on ${pages.size} pages in ${Math.round(performance.now() - started)} ms ` +
            `(${prescan?.added ?? 0} scanned as they were rendered, ${report.parsed} parsed after; ` +
            `${report.read ?? pages.size} read, the others unchanged since the last build).`,
        );
        if (broken.length > 0) {
          const shown = broken.slice(0, 50);
          if (broken.length > shown.length) shown.push(`… and ${broken.length - shown.length} more`);
          const error = new AstroError(
            `${broken.length} broken internal link${broken.length === 1 ? '' : 's'}:\n${shown.join('\n')}`,
            'Every link must reach a built page and every #anchor an element id on it. Fix the link, or give a renamed entity its old id in previousIds.',
          );
          error.name = 'BrokenLinks';
          error.stack = '';
          throw error;
        }
        // The pages as the search step reads them (src/lib/build/search-pages.ts).
        const writing = performance.now();
        const search = await writeSearchPages({
          root,
          files: built,
          ...(report.hashes ? { hashes: report.hashes } : {}),
          ...(prescanned ? { rendered: prescanned.extracts } : {}),
          previous: searchPages,
          cacheDir: cache,
        });
        logger.info(
          `Kept the search extracts of ${search.pages} pages in ${Math.round(performance.now() - writing)} ms ` +
            `(${search.rendered} written as they were rendered, ${search.cut} cut after the build; ${search.removed} removed).`,
        );
      },
    },
  };
}
