import { existsSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { INCREMENTAL_MANIFEST } from '../../scripts/build';
import { CARD_CACHE_FOLDER } from '../../src/lib/content/locations';
import { buildSite, type BuildResult } from '../../scripts/lib/build-site.ts';
import { unresolvedPaths } from '../../src/lib/publishing/ledger';
import { publishedPaths, resolveIn } from '../../scripts/lib/published.ts';
import { folderSnapshot as snapshot } from '../support/dist';
import { applyEdits, CONFIGURED, editedSite, QUIET_WEEK, SHARED_BUILD_FILES, TEST_TODAY } from '../support/seed-site';
import { scenario } from '../support/scenario';

// `npm run build` (scripts/build.ts) over one content root through an editor's day: a first build,
// nothing changed, edits with broken links, a missing image and a cut-off one in a briefing
// (stopped by the content check; the output keeps the first build), then the fix (an incremental
// build, compared byte for byte with a clean one), a build that fails once Astro has started (a
// write refused), after which the page copies are no longer trusted. A URL ledger made from the first build (as
// `node scripts/update-ledger.ts` makes one) shows which published URLs the edits broke.

/** The `[og]` line a build prints: how many preview images, drawn and from the cache. */
function images(result: BuildResult) {
  const line = /\[og\] (\d+) preview images in [\d.]+ s: (\d+) drawn .*?, (\d+) from cache; (\d+) stale/.exec(
    result.output,
  );
  expect(line, 'the build reports its preview images').not.toBeNull();
  const [, total, drawn, cached, pruned] = line!.map(Number);
  return { total: total!, drawn: drawn!, cached: cached!, pruned: pruned! };
}

/** The `[pages]` line a build prints: entities whose pages came from the last build's records, and built. */
function listed(result: BuildResult) {
  const line = /\[pages\] \d+ pages listed in [\d.]+ s: the pages of (\d+) entities unchanged, of (\d+) built/.exec(
    result.output,
  );
  expect(line, 'the build reports its page list').not.toBeNull();
  return { unchanged: Number(line![1]), built: Number(line![2]) };
}

/**
 * The `[texts]` line a build prints (entities whose texts beside the pages came from the last
 * build's records, and made) and the published files' line (texts linked by a recorded key).
 */
function texts(result: BuildResult) {
  const line =
    /\[texts\] \d+ texts beside the pages listed in [\d.]+ s: the texts of (\d+) entities unchanged, of (\d+) made/.exec(
      result.output,
    );
  expect(line, 'the build reports its texts beside the pages').not.toBeNull();
  const written = /(\d+) texts new, (\d+) texts linked by the key their record gave/.exec(result.output);
  expect(written, 'the build reports the texts it wrote').not.toBeNull();
  return { unchanged: Number(line![1]), made: Number(line![2]), new: Number(written![1]), kept: Number(written![2]) };
}

/**
 * The link check's line: pages checked, scanned as they were rendered, parsed after the build,
 * and read (the others the same files as in the last build).
 */
function linkCheck(result: BuildResult) {
  const line =
    /Checked links on (\d+) pages in \d+ ms \((\d+) scanned as they were rendered, (\d+) parsed after; (\d+) read,/.exec(
      result.output,
    );
  expect(line, 'the build reports its link check').not.toBeNull();
  const [, pages, scanned, parsed, read] = line!.map(Number);
  return { pages: pages!, scanned: scanned!, parsed: parsed!, read: read! };
}

/**
 * Whether Astro rendered the page at `path` afresh or restored it from the last build. Astro
 * renders several paths at once, so a rendered path's time may be printed after other paths;
 * "(restored)" is always printed right after its path.
 */
function written(result: BuildResult, path: string): 'rendered' | 'restored' | undefined {
  if (result.output.includes(`─ ${path} (restored)`)) return 'restored';
  return result.output.includes(`─ ${path}`) ? 'rendered' : undefined;
}

/** The preview image of a company the editor's day leaves alone, and of one whose card it changes. */
const QUIET_CARD = 'og/companies/test-gazette.png';
const CHANGED_CARD = 'og/companies/acme-widgets.png';
/** The JSON document of a company the editor's day leaves alone, and of one it changes. */
const QUIET_TEXT = 'companies/test-gazette.json';
const CHANGED_TEXT = 'companies/acme-widgets.json';

const INITECH = `name: Initech
kind: maker
country: US
description: Synthetic company, added and then deleted by the build pipeline test.
sources: [test-gazette-2024-01-02]
`;

/** The URLs of the first build that the editor's day removes, as the ledger check lists them. */
const UNRESOLVED_AFTER_EDITS = [
  '/companies/initech.json',
  '/companies/initech/',
  '/companies/initech/feed.xml',
  '/events/acme-plant-opening.json',
  '/events/acme-plant-opening/',
];

describe('npm run build through an editor’s day', () => {
  test('publishes only whole, successful builds, reuses what did not change, and equals a clean build', async () => {
    const content = scenario({ 'companies/initech.yaml': INITECH, 'briefings/quiet-week.mdx': QUIET_WEEK });
    const outDir = `${content}-dist`;
    // As shared sites are built: the clean build compared below is one.
    const env = { BRIEFING_TODAY: TEST_TODAY, ...CONFIGURED };
    const build = () => buildSite({ contentRoot: content, outDir, env, incremental: true });
    const manifests = () =>
      readdirSync(`${outDir}.cache`).map((d) => existsSync(join(`${outDir}.cache`, d, INCREMENTAL_MANIFEST)));

    // 1. The first build draws every preview image and records its pages for the next one.
    const cold = await build();
    expect(cold.ok, cold.output.slice(-3000)).toBe(true);
    const first = images(cold);
    expect(first.drawn).toBe(first.total);
    expect(first.total).toBeGreaterThan(15);
    expect(manifests()).toEqual([true]);
    // The link check parsed every rendered page as it was rendered, and after the build only the
    // files it had not seen (redirect pages, which Astro writes itself).
    const coldCheck = linkCheck(cold);
    expect(coldCheck.scanned).toBeGreaterThan(coldCheck.pages / 2);
    expect(coldCheck.parsed).toBeLessThanOrEqual(coldCheck.pages - coldCheck.scanned);
    expect(coldCheck.read).toBe(coldCheck.pages);
    // Astro's copy of each page it rendered, kept for the next build, is the page's file, linked
    // (src/lib/build/page-cache.ts), not a second copy.
    const keptPage = (page: string) => join(`${outDir}.cache`, readdirSync(`${outDir}.cache`)[0]!, 'dist', page);
    const QUIET_PAGE = 'companies/test-gazette/index.html';
    expect(statSync(keptPage(QUIET_PAGE)).ino).toBe(statSync(join(outDir, QUIET_PAGE)).ino);
    const [quietCard, changedCard, quietText, changedText] = [QUIET_CARD, CHANGED_CARD, QUIET_TEXT, CHANGED_TEXT].map(
      (file) => statSync(join(outDir, file)).ino,
    );
    // A ledger of what it published: pages, feeds and data files.
    const ledger = publishedPaths(outDir);
    expect(ledger).toEqual(
      expect.arrayContaining([
        '/',
        '/companies/globex.json',
        '/companies/globex/',
        '/companies/globex/feed.xml',
        '/companies/initech/',
        '/data/companies.csv',
        '/data/datapackage.json',
        '/data/dataset.json',
        '/events/acme-plant-opening/',
        '/feed.json',
        '/rss.xml',
      ]),
    );

    // 2. Nothing changed: nothing to do.
    const again = await build();
    expect(again.output).toContain('Nothing changed since the last build');
    expect(again.output).not.toContain('[build] Complete!');

    // 3. An editor's day (applyEdits): rename a company (keeping its old id), add a person, remove
    // an event, rewrite a briefing with an image; and delete a company. And mistakes in the
    // briefing: links to a page and an anchor that do not exist, an image that is not there, and
    // the new image cut off after its header (a broken download, which Astro would publish broken
    // with a warning). The content check finds all four before anything is rendered (the
    // read-only link check after the build stays as the last word on generated pages), and the
    // output keeps the last successful build. (Mistakes in data files fail the same way, before
    // rendering: tests/build/invalid-content.test.ts builds a content root full of them.)
    const published = snapshot(outDir);
    applyEdits(content);
    rmSync(join(content, 'companies/initech.yaml'));
    const briefing = join(content, 'briefings/widgets-weekly.mdx');
    const text = readFileSync(briefing, 'utf8');
    writeFileSync(
      briefing,
      `${text}\nSee [the gone page](/companies/gone/) and [its deals](/companies/acme-widgets/#no-such-section).\n\n![A chart](./widget-chart.png)\n`,
    );
    const chart = join(content, 'briefings/chart.png');
    const png = readFileSync(chart);
    writeFileSync(chart, png.subarray(0, 40));
    const broken = await build();
    expect(broken.ok).toBe(false);
    const line = text.split('\n').length + 1;
    expect(broken.output).toContain(
      `widgets-weekly.mdx: line ${line}: expected a link to a page of this site, found "/companies/gone/", and no page is at /companies/gone/.`,
    );
    expect(broken.output).toContain(
      `widgets-weekly.mdx: line ${line}: expected a link to a part of /companies/acme-widgets/ that exists, found "/companies/acme-widgets/#no-such-section", and no element there has the id "no-such-section".`,
    );
    expect(broken.output).toContain(
      `widgets-weekly.mdx: line ${line + 2}: expected an image file in briefings/, found "./widget-chart.png", and there is no such file (did you mean "./chart.png"?).`,
    );
    const chartLine = text.split('\n').findIndex((l) => l.includes('](./chart.png)')) + 1;
    expect(broken.output).toContain(
      `widgets-weekly.mdx: line ${chartLine}: expected an image file in briefings/, found "./chart.png", and it is not a whole PNG image (`,
    );
    expect(broken.output).toContain('4 problems in the content');
    expect(broken.output).not.toContain('[build] Complete!');
    expect(broken.output).toContain('still holds the last successful build, unchanged');
    expect(snapshot(outDir)).toEqual(published);
    expect(existsSync(`${outDir}.next`)).toBe(false);
    // It stopped before Astro built anything, so the page copies of the last build are still
    // trusted: the next build stays incremental.
    expect(manifests()).toEqual([true]);

    // 4. Fixed: after a failure the next build runs (a failed build is never "up to date"), and
    // because the failed one changed no page copy it is incremental: the author waits for the
    // pages the edits changed, not for all of them.
    writeFileSync(briefing, text);
    writeFileSync(chart, png);
    const warm = await build();
    expect(warm.ok, warm.output.slice(-3000)).toBe(true);
    // Pages and preview images that did not change are reused, not rendered or drawn again.
    expect(warm.output.match(/\(restored\)|\(cached\)/g)?.length ?? 0).toBeGreaterThan(10);
    expect({
      changed: written(warm, '/companies/acme-widgets/index.html'),
      quiet: written(warm, '/companies/test-gazette/index.html'),
    }).toEqual({ changed: 'rendered', quiet: 'restored' });
    // A restored page is Astro's kept copy, linked into the new output.
    expect(statSync(join(outDir, QUIET_PAGE)).ino).toBe(statSync(keptPage(QUIET_PAGE)).ino);
    // The page list built the views of the entities the edits touched and took the others' pages
    // from the first build's records (the comparison with a clean build below checks them).
    expect(listed(cold)).toMatchObject({ unchanged: 0 });
    expect(listed(warm).unchanged).toBeGreaterThan(0);
    expect(listed(warm).built).toBeGreaterThan(0);
    // So did the texts beside the pages: the unchanged entities' were linked by the keys of the
    // first build's records, without being made again.
    expect(texts(cold)).toMatchObject({ unchanged: 0, kept: 0 });
    expect(texts(warm).unchanged).toBeGreaterThan(0);
    expect(texts(warm).made).toBeGreaterThan(0);
    expect(texts(warm).kept).toBeGreaterThan(0);
    expect(texts(warm).new).toBeGreaterThan(0);
    // The link check parsed one page after the build, the one no scan had seen: the renamed
    // company's redirect page, which Astro writes itself. It took the rendered pages' links as they
    // were rendered and the restored pages' from the last build's scan.
    const warmCheck = linkCheck(warm);
    expect(warmCheck.scanned).toBeGreaterThan(0);
    expect(warmCheck.parsed).toBe(1);
    expect(warmCheck.pages - warmCheck.scanned - warmCheck.parsed).toBeGreaterThan(0);
    // It read only the files written in this build: a restored page is the last build's file.
    expect(warmCheck.read).toBe(warmCheck.scanned + warmCheck.parsed);
    // The search step read the pages' search extracts: the rendered pages' were written as they
    // were rendered, the redirect's cut after the build, the restored pages' kept from the first
    // build, the deleted pages' removed. (The comparison with a clean build below includes the
    // search index.)
    const extracts =
      /Kept the search extracts of (\d+) pages in \d+ ms \((\d+) written as they were rendered, (\d+) cut after the build; (\d+) removed\)/.exec(
        warm.output,
      );
    expect(extracts, 'the build reports its search extracts').not.toBeNull();
    const [, kept, rendered, cut, removed] = extracts!.map(Number);
    expect({ kept, rendered, cut }).toEqual({ kept: warmCheck.pages, rendered: warmCheck.scanned, cut: 1 });
    expect(removed).toBeGreaterThan(0);
    expect(warm.output).toContain("[briefing-search] Reading the pages' search extracts");
    // Preview images are linked from the card cache, and JSON documents, feeds and email snippets
    // from the text store, not written again: an unchanged one is the very file the last build
    // published, one that changed is a new file (the comparison with a clean build below checks
    // the bytes of all of them).
    expect({
      quietCard: statSync(join(outDir, QUIET_CARD)).ino === quietCard,
      changedCard: statSync(join(outDir, CHANGED_CARD)).ino === changedCard,
      quietText: statSync(join(outDir, QUIET_TEXT)).ino === quietText,
      changedText: statSync(join(outDir, CHANGED_TEXT)).ino === changedText,
    }).toEqual({ quietCard: true, changedCard: false, quietText: true, changedText: false });
    // Four cards show something new, because they show Globex's new name: its own, the deal's
    // (a party) and Acme's (its subsidiary); and John Roe's is new. Their old cards go, with the
    // removed event's and Initech's. Every other card is reused.
    expect(images(warm)).toMatchObject({ drawn: 4, pruned: 5 });
    const good = snapshot(outDir);
    expect(good['companies/initech/index.html']).toBeUndefined();
    expect(good['companies/globex-sa/index.html']).toBeDefined();
    expect(readFileSync(join(outDir, 'companies/globex/index.html'), 'utf8')).toContain('/companies/globex-sa/');
    // Against the ledger, the removed event and the deleted company fail (their pages, JSON
    // documents and feed); the renamed company's old URLs still resolve (tests/build/ledger.test.ts).
    expect(unresolvedPaths(ledger, resolveIn(outDir))).toEqual(UNRESOLVED_AFTER_EDITS);

    // The same content built afresh, from another folder and with another cache (the shared
    // "edited" site), gives the same bytes: the incremental build is exact.
    const fresh = snapshot((await editedSite()).dist);
    for (const file of SHARED_BUILD_FILES) delete fresh[file];
    expect(fresh).toEqual(good);

    // 5. A build that fails once Astro has started: a person added, but the disk refuses to keep
    // the new preview image (a file stands where the folder of cached images was). Astro may have
    // replaced page copies by then, so the next build does not trust them. The output still keeps
    // the last successful build.
    const [cacheFolder] = readdirSync(`${outDir}.cache`);
    const cards = join(`${outDir}.cache`, cacheFolder!, CARD_CACHE_FOLDER);
    rmSync(cards, { recursive: true });
    writeFileSync(cards, '');
    writeFileSync(join(content, 'people/jane-roe.yaml'), 'name: Jane Roe\nsources: [test-gazette-2024-01-02]\n');
    const refused = await build();
    expect(refused.ok).toBe(false);
    expect(refused.output).toMatch(/(EEXIST|ENOTDIR)[^\n]*og/);
    expect(refused.output).toContain('still holds the last successful build, unchanged');
    expect(snapshot(outDir)).toEqual(good);
    expect(manifests()).toEqual([false]);
    // With no record of its page copies, Astro renders every page next time, as a cold build does
    // (the bench's warm-card-cache row builds that way); what a build leaves in the cache folder
    // after each kind of failure is unit-tested (forgetFailedBuild, tests/unit/scripts).
  }, 900_000);
});
