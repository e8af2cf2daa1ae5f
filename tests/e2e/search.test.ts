import { seedSite } from '../support/seed-site';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { describe, expect, test } from 'vitest';
import { OUTPUT_ROOT } from '../../scripts/lib/build-site.ts';
import { describeInBrowser, servedSite, openPage, waitInPage } from '../support/browser';
import { measureFirstQuery } from '../../scripts/lib/search-weight.ts';

const dist = await seedSite();

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
  const site = servedSite(() => dist);

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
      const { page, close } = await openPage(site.browser);
      const titles = await searchPage(page, site.server.origin, `q=${encodeURIComponent(query)}`);
      await close();
      expect(titles.slice(0, top).map((t) => t.replace(/'/g, '’'))).toContain(expected);
    });
  });

  test('facets narrow results: values of one facet are alternatives, facets combine', async () => {
    const { page, close } = await openPage(site.browser);
    const all = await searchPage(page, site.server.origin, 'q=copper+foil');
    const deals = await searchPage(page, site.server.origin, 'q=copper+foil&type=deal');
    const dealsOrCompanies = await searchPage(page, site.server.origin, 'q=copper+foil&type=company&type=deal');
    const inHungary = await searchPage(page, site.server.origin, 'q=copper+foil&type=company&type=deal&country=HU');
    await close();
    expect(deals).toEqual(['Solus Advanced Materials to supply copper foil to CATL in Europe']);
    expect(dealsOrCompanies.length).toBeGreaterThan(deals.length);
    expect(all.length).toBeGreaterThan(dealsOrCompanies.length);
    expect(dealsOrCompanies).toEqual(expect.arrayContaining(deals));
    expect(inHungary).toEqual(['Solus Advanced Materials to supply copper foil to CATL in Europe']);
  });

  test('a shared search link restores the query, filters, sort and results', async () => {
    const url = 'q=CATL&type=deal&type=event&sort=date';
    const { page, close } = await openPage(site.browser);
    const titles = await searchPage(page, site.server.origin, url);
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
    const { page, close } = await openPage(site.browser, { viewport: { width: 1280, height: 900 } });
    await page.goto(`${site.server.origin}/deals/`);
    await page.keyboard.press('Control+k');
    await waitInPage(page, () => document.activeElement?.id === 'site-search-input');
    await page.keyboard.type('Solus');
    await waitInPage(page, () => Boolean(document.querySelector('dialog[open] .search-result-title')));
    await page.keyboard.press('Tab'); // the close button
    await page.keyboard.press('Tab'); // the first result
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe('Solus Advanced Materials');
    await page.keyboard.press('Enter');
    await page.waitForURL(/\/companies\/solus-advanced-materials\/$/);

    await page.goto(`${site.server.origin}/search/?q=CATL`);
    await resultTitles(page);
    await page.locator('input[name="type"][value="event"]').focus();
    await page.keyboard.press('Space');
    await waitInPage(page, () => location.search === '?q=CATL&type=event');
    const titles = await resultTitles(page);
    expect(titles).toEqual(['CATL establishes a Korean branch', 'CATL aims to run a 100 GWh plant in Hungary']);
    expect(await page.evaluate(() => (document.activeElement as HTMLInputElement).value)).toBe('event');
    await close();
  });

  test('loads nothing until the reader shows intent, then only the search itself', async () => {
    const { page, close } = await openPage(site.browser, { viewport: { width: 1280, height: 900 } });
    const before: string[] = [];
    page.on('request', (request) => before.push(request.url().replace(site.server.origin, '')));
    await page.goto(`${site.server.origin}/companies/catl/`, { waitUntil: 'networkidle' });
    await page.waitForTimeout(500);
    expect(before.filter((url) => url.startsWith('/pagefind/'))).toEqual([]);
    const weight = await measureFirstQuery(page, site.server.origin, dist, '/companies/catl/', 'copper foil');
    await close();
    // Measured, not budgeted here: the issue note and README compare these numbers.
    mkdirSync(OUTPUT_ROOT, { recursive: true });
    writeFileSync(join(OUTPUT_ROOT, 'search-first-query.json'), JSON.stringify(weight, null, 2));
    expect(weight.files.every((f) => f.url.startsWith('/pagefind/') || f.url.startsWith('/_astro/'))).toBe(true);
    expect(weight.files.some((f) => f.url.startsWith('/pagefind/pagefind.js'))).toBe(true);
  });
});
