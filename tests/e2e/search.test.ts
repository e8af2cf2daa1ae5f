import { existsSync, mkdirSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, test } from 'vitest';
import { OUTPUT_ROOT } from '../support/build';
import { describeInBrowser, launchBrowser, openPage, waitInPage } from '../support/browser';
import { serveStatic, type StaticServer } from '../support/server';

const dist = inject('siteDir');

/** Titles of the results on the search page, once a search has finished. */
async function resultTitles(page: Page): Promise<string[]> {
  await waitInPage(page, () => document.querySelector('search-page')?.getAttribute('data-state') === 'done');
  return page.$$eval('[data-list] .search-result-title', (links) => links.map((a) => a.textContent ?? ''));
}

async function searchPage(page: Page, origin: string, query: string) {
  await page.goto(`${origin}/search/?${query}`);
  return resultTitles(page);
}

describeInBrowser('search', () => {
  let browser: Browser;
  let server: StaticServer;
  beforeAll(async () => {
    [browser, server] = await Promise.all([launchBrowser(), serveStatic(dist)]);
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  describe('finds what an analyst types', () => {
    test.each([
      ['LGES', 'LG Energy Solution', 1],
      ['CATL', 'CATL', 1],
      ['宁德时代', 'CATL', 1],
      ['LG에너지솔루션', 'LG Energy Solution', 1],
      ['KIEP', 'Korea Institute for International Economic Policy', 1],
      ['Choi Jae-hee', 'Choi Jae-hee', 1],
      ['Kia', 'Kia', 1],
      ['Lotte', 'Lotte Energy Materials', 1],
      ['copper foil', 'Solus Advanced Materials to supply copper foil to CATL in Europe', 1],
      ['46-series', 'LG Energy Solution to supply Chery EV with 46-series cylindrical cells', 1],
      ['Hungary', 'CATL aims to run a 100 GWh plant in Hungary', 3],
      ['PV5', 'CATL’s ternary lithium batteries chosen for Kia’s PV5', 3],
      ['Chery Automobile', 'Chery Automobile', 3],
      ['tariffs', 'Chinese battery firms turn to Korean partners as they go global', 3],
    ])('"%s" → "%s" within the top %i', async (query, expected, top) => {
      const { page, close } = await openPage(browser);
      const titles = await searchPage(page, server.origin, `q=${encodeURIComponent(query)}`);
      await close();
      expect(titles.slice(0, top).map((t) => t.replace(/'/g, '’'))).toContain(expected);
    });
  });

  test('facets narrow results: values of one facet are alternatives, facets combine', async () => {
    const { page, close } = await openPage(browser);
    const all = await searchPage(page, server.origin, 'q=copper+foil');
    const deals = await searchPage(page, server.origin, 'q=copper+foil&type=deal');
    const dealsOrCompanies = await searchPage(page, server.origin, 'q=copper+foil&type=company&type=deal');
    const inHungary = await searchPage(page, server.origin, 'q=copper+foil&type=company&type=deal&country=HU');
    await close();
    expect(deals).toEqual(['Solus Advanced Materials to supply copper foil to CATL in Europe']);
    expect(dealsOrCompanies.length).toBeGreaterThan(deals.length);
    expect(all.length).toBeGreaterThan(dealsOrCompanies.length);
    expect(dealsOrCompanies).toEqual(expect.arrayContaining(deals));
    expect(inHungary).toEqual(['Solus Advanced Materials to supply copper foil to CATL in Europe']);
  });

  test('a shared search link restores the query, filters, sort and results', async () => {
    const url = 'q=CATL&type=deal&type=event&sort=date';
    const { page, close } = await openPage(browser);
    const titles = await searchPage(page, server.origin, url);
    expect(await page.locator('search-page input[name="q"]').inputValue()).toBe('CATL');
    expect(await page.locator('select[name="sort"]').inputValue()).toBe('date');
    expect(await page.locator('input[name="type"][value="deal"]').isChecked()).toBe(true);
    expect(await page.locator('input[name="type"][value="event"]').isChecked()).toBe(true);
    expect(await page.locator('input[name="type"][value="company"]').isChecked()).toBe(false);
    // Newest first: by the end of 2025, 9 July 2025, 2025 before 9 July, June 2025.
    expect(titles[0]).toBe('CATL aims to run a 100 GWh plant in Hungary');
    await page.reload();
    expect(await resultTitles(page)).toEqual(titles);
    expect(titles.length).toBe(4);
    await close();
  });

  test('works with the keyboard alone: open, type, pick a result; toggle a facet', async () => {
    const { page, close } = await openPage(browser, { viewport: { width: 1280, height: 900 } });
    await page.goto(`${server.origin}/deals/`);
    await page.keyboard.press('Control+k');
    await waitInPage(page, () => document.activeElement?.id === 'site-search-input');
    await page.keyboard.type('Solus');
    await waitInPage(page, () => Boolean(document.querySelector('dialog[open] .search-result-title')));
    await page.keyboard.press('Tab'); // the close button
    await page.keyboard.press('Tab'); // the first result
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe('Solus Advanced Materials');
    await page.keyboard.press('Enter');
    await page.waitForURL(/\/companies\/solus-advanced-materials\/$/);

    await page.goto(`${server.origin}/search/?q=CATL`);
    await resultTitles(page);
    await page.locator('input[name="type"][value="event"]').focus();
    await page.keyboard.press('Space');
    await waitInPage(page, () => location.search === '?q=CATL&type=event');
    const titles = await resultTitles(page);
    expect(titles).toEqual(['CATL establishes a Korean branch', 'CATL aims to run a 100 GWh plant in Hungary']);
    expect(await page.evaluate(() => (document.activeElement as HTMLInputElement).value)).toBe('event');
    await close();
  });

  test('loads nothing until the reader shows intent, then little for the first query', async () => {
    const { page, close } = await openPage(browser, { viewport: { width: 1280, height: 900 } });
    const requests: { url: string; bytes: number }[] = [];
    // Sizes of the files as served (Pagefind's index files are gzip-compressed already).
    page.on('requestfinished', (request) => {
      const url = request.url().replace(server.origin, '');
      const file = join(dist, decodeURIComponent(url.split('?')[0]!));
      requests.push({ url, bytes: existsSync(file) ? statSync(file).size : 0 });
    });
    await page.goto(`${server.origin}/companies/catl/`, { waitUntil: 'networkidle' });
    await page.waitForTimeout(500);
    expect(requests.filter((r) => r.url.startsWith('/pagefind/'))).toEqual([]);
    const before = requests.length;
    await page.keyboard.press('Control+k');
    await page.keyboard.type('copper foil');
    await waitInPage(page, () => Boolean(document.querySelector('dialog[open] .search-result-title')));
    await page.waitForTimeout(300);
    const search = requests.slice(before);
    await close();
    const total = search.reduce((sum, r) => sum + r.bytes, 0);
    // Measured, not budgeted here: the issue note and the benchmark compare these numbers.
    mkdirSync(OUTPUT_ROOT, { recursive: true });
    writeFileSync(
      join(OUTPUT_ROOT, 'search-first-query.json'),
      JSON.stringify({ requests: search.length, bytes: total, files: search }, null, 2),
    );
    expect(search.every((r) => r.url.startsWith('/pagefind/'))).toBe(true);
    expect(search.length).toBeGreaterThan(2);
  });
});
