import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { axeViolations, describeInBrowser, connectBrowser, openPage, watchPage, NO_PROBLEMS } from '../support/browser';
import { editedSite } from '../support/seed-site';
import { serveStatic, type StaticServer } from '../../scripts/lib/static-server.ts';

// The shared "edited" site: the minimal fixture in which Globex was renamed Globex SA, its old id kept.

describeInBrowser('the old URL of a renamed entity', () => {
  let browser: Browser;
  let server: StaticServer;
  beforeAll(async () => {
    const { dist } = await editedSite();
    [browser, server] = await Promise.all([connectBrowser(), serveStatic(dist)]);
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  test('takes the reader to the new page, cleanly', async () => {
    const { page, close } = await openPage(browser);
    const problems = watchPage(page, server.origin);
    await page.goto(`${server.origin}/companies/globex/`);
    await page.waitForURL(`${server.origin}/companies/globex-sa/`);
    await page.waitForLoadState('networkidle');
    expect(await page.locator('h1').first().textContent()).toContain('Globex SA');
    await close();
    expect(problems).toEqual(NO_PROBLEMS);
  });

  test.each(['light', 'dark'] as const)('is accessible while it shows (%s)', async (colorScheme) => {
    const { page, close } = await openPage(browser, { colorScheme });
    // Serve the page without its refresh, so axe sees the page itself rather than the next one.
    await page.route('**/companies/globex/', async (route) => {
      const response = await route.fetch();
      const body = (await response.text()).replace(/<meta http-equiv="refresh"[^>]*>/, '');
      await route.fulfill({ response, body });
    });
    await page.goto(`${server.origin}/companies/globex/`);
    expect(await page.getByRole('link', { name: 'Globex SA' }).getAttribute('href')).toBe('/companies/globex-sa/');
    const violations = await axeViolations(page);
    await close();
    expect(violations).toEqual([]);
  });
});
