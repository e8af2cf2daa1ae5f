import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, test } from 'vitest';
import { folderSnapshot } from '../support/dist';
import { indexWithPagefind } from '../support/pagefind-index';
import { buildOutput, corpusSite, editedSite, hostileSite, seedSite } from '../support/seed-site';

// The sites other files share, built early in the run (tests/support/sequencer.ts starts this
// file second, beside the bundled site's longest browser file, which builds the bundled site): the
// fixture sites first, so the two workers build two sites at once from the start instead of one
// waiting for the other, then the bundled one (built by then). No later file waits with nothing to
// do while one of them builds.

test.each([
  ['hostile', hostileSite],
  ['edited', editedSite],
  ['corpus', corpusSite],
  ['bundled', async () => ({ dist: await seedSite() })],
] as const)(
  'the %s site builds without bundler warnings, with a home page, a sitemap and a search index',
  async (_, site) => {
    const built = await site();
    const output = buildOutput(built);
    expect(output).toContain('[build] Complete!');
    // An author reads this log: no bundler warning about the site's own code (one box per briefing
    // before the config dropped Astro's "use astro:head-inject" directive warning).
    expect(output.split('\n').filter((line) => line.includes('[WARN] [vite]'))).toEqual([]);
    for (const file of ['index.html', 'sitemap-index.xml', 'pagefind/pagefind.js'])
      expect(existsSync(join(built.dist, file)), file).toBe(true);
    // Pagefind read the pages' search extracts (src/lib/build/search-pages.ts), and wrote the
    // index it writes from the built pages themselves, byte for byte.
    expect(output).toContain("[briefing-search] Reading the pages' search extracts");
    const fromPages = join(mkdtempSync(join(tmpdir(), 'shared-index-')), 'pagefind');
    try {
      expect(await indexWithPagefind(built.dist, fromPages)).toEqual([]);
      expect(folderSnapshot(join(built.dist, 'pagefind'))).toEqual(folderSnapshot(fromPages));
    } finally {
      rmSync(join(fromPages, '..'), { recursive: true, force: true });
    }
  },
);
