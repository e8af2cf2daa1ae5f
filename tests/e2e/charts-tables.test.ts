import { seedSite } from '../support/seed-site';
import type { Page } from 'playwright-core';
import { expect, test } from 'vitest';
import {
  axeViolations,
  describeInBrowser,
  horizontalOverflow,
  openPage,
  servedSite,
  waitInPage,
  watchPage,
} from '../support/browser';

const dist = await seedSite();

/** Names in the visible rows of one kind's table, in order. */
function rowsOf(page: Page, kind: string): Promise<string[]> {
  return page.evaluate(
    (k) =>
      [...document.querySelectorAll<HTMLElement>(`[data-group="${k}"] tbody tr`)]
        .filter((tr) => tr.offsetParent !== null)
        .map((tr) => tr.querySelector('th')!.textContent!.trim()),
    kind,
  );
}

describeInBrowser('index tables and charts in a browser', () => {
  const site = servedSite(() => dist);

  test('sorting by a header keeps the state in the URL; back and forward restore it; a filter hides other kinds', async () => {
    const { page, close } = await openPage(site.browser);
    const problems = watchPage(page, site.server.origin);
    await page.goto(`${site.server.origin}/companies/`);
    await waitInPage(page, () => !document.querySelector('index-table form')?.hasAttribute('hidden'));
    // The sorting code loads on intent: a pointer over the table.
    expect(await page.locator('th button').count()).toBe(0);
    await page.hover('[data-group="automaker"] table');
    await waitInPage(page, () => document.querySelectorAll('th[data-sort-key] button').length > 0);
    const server = await rowsOf(page, 'automaker');
    expect(server).toEqual(['Chery Automobile', 'Chery EV', 'Hyundai Motor', 'Kia']);

    const deals = page.locator('[data-group="automaker"] th[data-sort-key="deals"] button');
    await deals.click();
    await waitInPage(page, () => location.search === '?sort=deals');
    // Within the kind: no deals first, then one; ties keep the page's order.
    expect(await rowsOf(page, 'automaker')).toEqual(['Chery Automobile', 'Hyundai Motor', 'Chery EV', 'Kia']);
    await deals.click();
    await waitInPage(page, () => location.search === '?sort=deals&dir=desc');
    expect(await rowsOf(page, 'automaker')).toEqual(['Chery EV', 'Kia', 'Chery Automobile', 'Hyundai Motor']);
    expect(await page.locator('[data-group="automaker"] th[data-sort-key="deals"]').getAttribute('aria-sort')).toBe(
      'descending',
    );

    await page.goBack();
    await waitInPage(page, () => location.search === '?sort=deals');
    expect(await rowsOf(page, 'automaker')).toEqual(['Chery Automobile', 'Hyundai Motor', 'Chery EV', 'Kia']);
    await page.goBack();
    await waitInPage(page, () => location.search === '');
    expect(await rowsOf(page, 'automaker')).toEqual(server);
    await page.goForward();
    await waitInPage(page, () => location.search === '?sort=deals');

    await page.locator('select[name="kind"]').selectOption('publisher');
    await waitInPage(page, () => location.search === '?sort=deals&kind=publisher');
    expect(await rowsOf(page, 'automaker')).toEqual([]);
    expect(await rowsOf(page, 'publisher')).toEqual(['JoongAng Ilbo', 'Korea JoongAng Daily']);
    expect(await page.locator('[data-count]').innerText()).toBe('Showing 2 of 11.');

    // A shared link opens in that state.
    await page.goto(`${site.server.origin}/companies/?sort=country&dir=desc&kind=cell-maker`);
    await waitInPage(page, () => document.querySelector('th[aria-sort="descending"]') !== null);
    expect(await rowsOf(page, 'cell-maker')).toEqual(['LG Energy Solution', 'CATL']);
    await close();
    expect(problems.consoleErrors).toEqual([]);
    expect(problems.pageErrors).toEqual([]);
  });

  // pages.test.ts runs axe on every page in both schemes with the tables closed; this opens them,
  // one scheme per page to keep the page loads few.
  test('the home (dark) and a company page (light) with their charts and opened data tables: no axe violation', async () => {
    for (const [path, colorScheme] of [
      ['/', 'dark'],
      ['/companies/catl/', 'light'],
    ] as const) {
      const { page, close } = await openPage(site.browser, { colorScheme });
      await page.goto(site.server.origin + path, { waitUntil: 'networkidle' });
      expect(await page.locator('figure.chart svg').count()).toBeGreaterThan(0);
      await page.evaluate(() =>
        document.querySelectorAll<HTMLDetailsElement>('figure.chart details').forEach((d) => (d.open = true)),
      );
      const violations = await axeViolations(page);
      await close();
      expect(violations, path).toEqual([]);
    }
  });

  test('on a 390 px phone the charts fit the page (no sideways scrolling of the page)', async () => {
    for (const path of ['/', '/companies/catl/', '/companies/lg-energy-solution/']) {
      const { page, close } = await openPage(site.browser, { viewport: { width: 390, height: 844 } });
      await page.goto(site.server.origin + path);
      expect(await horizontalOverflow(page), path).toBe(0);
      await close();
    }
  });
});
