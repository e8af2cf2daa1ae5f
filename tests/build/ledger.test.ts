import { seedSite } from '../support/seed-site';
import { cpSync, existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { execFile } from 'node:child_process';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { formatLedger, LEDGER_FILE, parseLedger, unresolvedPaths } from '../../src/lib/publishing/ledger';
import { buildSite, OUTPUT_ROOT, PROJECT_ROOT } from '../support/build';
import { loadPage } from '../support/dist';
import { publishedPaths, resolveIn } from '../support/ledger';

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

// Fixture sites: the full minimal fixture sets the ledger; changed copies are checked against it.
const MINIMAL = join(import.meta.dirname, '../fixtures/minimal');
const work = mkdtempSync(join(OUTPUT_ROOT, 'ledger-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

function edit(root: string, file: string, from: string | RegExp, to: string) {
  const path = join(root, file);
  const text = readFileSync(path, 'utf8');
  const next = text.replace(from, to);
  if (next === text) throw new Error(`fixture edit did not apply to ${file}`);
  writeFileSync(path, next);
}

/** Copies the minimal fixture, applies a change, builds it, and returns its dist folder. */
async function buildVariant(name: string, change: (root: string) => void = () => {}) {
  const root = join(work, name);
  cpSync(MINIMAL, root, { recursive: true });
  change(root);
  const result = await buildSite({ contentRoot: root, outDir: join(work, `${name}-dist`) });
  expect(result.ok, result.output.slice(-3000)).toBe(true);
  return result.outDir;
}

describe('a ledger made from the full fixture', () => {
  let fixtureLedger: string[] = [];
  beforeAll(async () => {
    fixtureLedger = publishedPaths(await buildVariant('full'));
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

  test('fails a build from which a page was removed', async () => {
    const removed = await buildVariant('event-removed', (root) => {
      rmSync(join(root, 'events/acme-plant-opening.yaml'));
      edit(root, 'briefings/widgets-weekly.mdx', ' <Event id="acme-plant-opening" />', '');
    });
    // The page and its JSON document, both published.
    expect(unresolvedPaths(fixtureLedger, resolveIn(removed))).toEqual([
      '/events/acme-plant-opening.json',
      '/events/acme-plant-opening/',
    ]);
  });

  test('passes a build in which an entity was renamed with its old id in previousIds', async () => {
    const renamed = await buildVariant('company-renamed', (root) => {
      cpSync(join(root, 'companies/globex.yaml'), join(root, 'companies/globex-sa.yaml'));
      rmSync(join(root, 'companies/globex.yaml'));
      edit(root, 'companies/globex-sa.yaml', 'name: Globex', 'name: Globex SA\npreviousIds: [globex]');
      edit(root, 'deals/acme-globex-widgets.yaml', 'company: globex', 'company: globex-sa');
      edit(root, 'briefings/widgets-weekly.mdx', '<Company id="globex">', '<Company id="globex-sa">');
    });
    const resolve = resolveIn(renamed);
    expect(unresolvedPaths(fixtureLedger, resolve)).toEqual([]);
    expect(resolve('/companies/globex/')).toBe('redirect');
    expect(resolve('/companies/globex-sa/')).toBe('page');

    // The old URL: a redirect page to the new one, with a canonical link and a visible link.
    const $ = loadPage(renamed, '/companies/globex/');
    expect($('meta[http-equiv="refresh"]').attr('content')).toBe('0; url=/companies/globex-sa/');
    expect($('link[rel="canonical"]').attr('href')).toBe('https://briefing.example.com/companies/globex-sa/');
    expect($('main a').attr('href')).toBe('/companies/globex-sa/');
    expect($('main a').text()).toBe('Globex SA');
    expect($('meta[http-equiv="content-security-policy"]').attr('content')).toContain("script-src 'none'");
    // Feed readers do not follow HTML redirects: the old feed address still serves the feed.
    const oldFeed = readFileSync(join(renamed, 'companies/globex/feed.xml'), 'utf8');
    expect(oldFeed).toContain('<title>Fixture: widgets: Globex SA</title>');
    // Tools do not follow HTML redirects either: the old JSON address serves the current document.
    const oldJson = JSON.parse(readFileSync(join(renamed, 'companies/globex.json'), 'utf8')) as { id: string };
    expect(oldJson.id).toBe('globex-sa');
    // Redirects are not pages of the site: not in its sitemap, so not "new" for the ledger.
    expect(publishedPaths(renamed)).not.toContain('/companies/globex/');
  });
});

describe('scripts/update-ledger.ts', () => {
  test('adds the URLs of a build to a ledger and removes none', async () => {
    const built = join(work, 'full-dist');
    expect(existsSync(built)).toBe(true);
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
