import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import { execFile } from 'node:child_process';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { formatLedger, LEDGER_FILE, parseLedger, unresolvedPaths } from '../../src/lib/publishing/ledger';
import { outputFolder, PROJECT_ROOT } from '../../scripts/lib/build-site.ts';
import { loadPage } from '../support/dist';
import { publishedPaths, resolveIn } from '../../scripts/lib/published.ts';
import { editedSite, seedSite } from '../support/seed-site';

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

// A renamed entity's old URLs stay in any ledger, so they must keep resolving. The shared "edited"
// site renamed Globex to Globex SA with its old id kept. (A removed page failing a ledger made before
// the edit is checked through an editor's day in tests/build/pipeline.test.ts.)
describe('the old URLs of a renamed entity', () => {
  let edited = '';
  beforeAll(async () => {
    edited = (await editedSite()).dist;
  });

  test('resolve: the page as a redirect, the feed and the JSON document as themselves', () => {
    const resolve = resolveIn(edited);
    expect(
      unresolvedPaths(['/companies/globex/', '/companies/globex.json', '/companies/globex/feed.xml'], resolve),
    ).toEqual([]);
    expect(resolve('/companies/globex/')).toBe('redirect');
    expect(resolve('/companies/globex-sa/')).toBe('page');

    // The old URL: a redirect page to the new one, with a canonical link and a visible link.
    const $ = loadPage(edited, '/companies/globex/');
    expect($('meta[http-equiv="refresh"]').attr('content')).toBe('0; url=/companies/globex-sa/');
    expect($('link[rel="canonical"]').attr('href')).toBe('https://news.example.org/companies/globex-sa/');
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
    const built = (await editedSite()).dist;
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
