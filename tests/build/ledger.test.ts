import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import { execFile } from 'node:child_process';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { formatLedger, LEDGER_FILE, parseLedger, unresolvedPaths } from '../../src/lib/publishing/ledger';
import { outputFolder, PROJECT_ROOT } from '../../scripts/lib/build-site.ts';
import { loadPage } from '../support/dist';
import { publishedPaths, resolveIn } from '../../scripts/lib/published.ts';
import { configuredSite, editedSite, seedSite } from '../support/seed-site';

const dist = await seedSite();
const ledger = parseLedger(readFileSync(join(PROJECT_ROOT, LEDGER_FILE), 'utf8'));

describe(`the committed URL ledger (${LEDGER_FILE})`, () => {
  test('is sorted, without repeats', () => {
    expect(ledger).toEqual([...new Set(ledger)].sort());
  });

  test('every URL in it still resolves in the build, as a page, a feed or a redirect', () => {
    expect(unresolvedPaths(ledger, resolveIn(dist))).toEqual([]);
  });

  test('records every URL the build publishes (run `node scripts/update-ledger.ts` after adding pages)', () => {
    const missing = publishedPaths(dist).filter((path) => !ledger.includes(path));
    expect(missing, 'URLs published but not in the ledger').toEqual([]);
  });
});

// Fixture sites: the minimal fixture sets a ledger; the "edited" copy (Globex renamed with its
// old id kept, an event removed) is checked against it.
describe('a ledger made from the minimal fixture', () => {
  let fixtureLedger: string[] = [];
  let edited = '';
  beforeAll(async () => {
    fixtureLedger = publishedPaths((await configuredSite()).dist);
    edited = (await editedSite()).dist;
  });

  test('holds its pages, feeds and data files', () => {
    expect(fixtureLedger).toEqual(
      expect.arrayContaining([
        '/',
        '/companies/globex.json',
        '/companies/globex/',
        '/companies/globex/feed.xml',
        '/data/companies.csv',
        '/data/datapackage.json',
        '/data/dataset.json',
        '/events/acme-plant-opening/',
        '/feed.json',
        '/rss.xml',
      ]),
    );
  });

  test('fails a build from which a page was removed, and passes a renamed page whose old id redirects', () => {
    const resolve = resolveIn(edited);
    // The removed event's page and its JSON document, both published.
    expect(unresolvedPaths(fixtureLedger, resolve)).toEqual([
      '/events/acme-plant-opening.json',
      '/events/acme-plant-opening/',
    ]);
    expect(resolve('/companies/globex/')).toBe('redirect');
    expect(resolve('/companies/globex-sa/')).toBe('page');

    // The old URL: a redirect page to the new one, with a canonical link and a visible link.
    const $ = loadPage(edited, '/companies/globex/');
    expect($('meta[http-equiv="refresh"]').attr('content')).toBe('0; url=/companies/globex-sa/');
    expect($('link[rel="canonical"]').attr('href')).toBe('https://briefing.example.com/companies/globex-sa/');
    expect($('main a').attr('href')).toBe('/companies/globex-sa/');
    expect($('main a').text()).toBe('Globex SA');
    expect($('meta[http-equiv="content-security-policy"]').attr('content')).toContain("script-src 'none'");
    // Feed readers do not follow HTML redirects: the old feed address still serves the feed.
    const oldFeed = readFileSync(join(edited, 'companies/globex/feed.xml'), 'utf8');
    expect(oldFeed).toContain('<title>Fixture: widgets: Globex SA</title>');
    // Tools do not follow HTML redirects either: the old JSON address serves the current document.
    const oldJson = JSON.parse(readFileSync(join(edited, 'companies/globex.json'), 'utf8')) as { id: string };
    expect(oldJson.id).toBe('globex-sa');
    // Redirects are not pages of the site: not in its sitemap, so not "new" for the ledger.
    expect(publishedPaths(edited)).not.toContain('/companies/globex/');
  });
});

describe('scripts/update-ledger.ts', () => {
  const work = outputFolder('ledger-');
  afterAll(() => rmSync(work, { recursive: true, force: true }));

  test('adds the URLs of a build to a ledger and removes none', async () => {
    const built = (await configuredSite()).dist;
    const file = join(work, 'test.ledger.txt');
    writeFileSync(file, formatLedger(['/retired-long-ago/']));
    const { stdout } = await promisify(execFile)(
      join(PROJECT_ROOT, 'node_modules/.bin/node'),
      ['scripts/update-ledger.ts', '--dist', built, '--ledger', file],
      { cwd: PROJECT_ROOT },
    );
    const paths = parseLedger(readFileSync(file, 'utf8'));
    expect(paths).toEqual([...new Set(['/retired-long-ago/', ...publishedPaths(built)])].sort());
    expect(stdout).toMatch(/\d+ new/);
  });
});
