import { afterAll, beforeAll, expect, test } from 'vitest';
import {
  axeViolations,
  describeInBrowser,
  horizontalOverflow,
  openPage,
  servedSite,
  waitInPage,
  watchPage,
} from '../support/browser';
import { PAGE_TYPES } from '../../scripts/lib/page-types.ts';
import { seedSite } from '../support/seed-site';
import { sitemapPaths } from '../../scripts/lib/published.ts';

const dist = await seedSite();
const paths = sitemapPaths(dist);
describeInBrowser('every page of the sitemap', () => {
  const site = servedSite(() => dist);

  test('the sitemap lists the pages', () => {
    expect(paths.length).toBeGreaterThan(30);
    expect(paths).toContain('/companies/catl/');
  });

  test('every page loads cleanly: no console error, failed or foreign request, CSP violation', async () => {
    // One tab visits every page in turn, as a reader clicking through would.
    const { page, close } = await openPage(site.browser);
    const problems = watchPage(page, site.server.origin);
    const found: Record<string, unknown> = {};
    for (const path of paths) {
      for (const list of Object.values(problems)) list.length = 0;
      const response = await page.goto(site.server.origin + path, { waitUntil: 'load' });
      // Idle-loaded scripts run after load; give them a moment to fail if they will.
      await page.waitForTimeout(100);
      const status = response?.status();
      // Leaving a page aborts what it was still fetching (its favicon, say): not a failure of either page.
      problems.failedRequests = problems.failedRequests.filter((r) => !r.endsWith('(net::ERR_ABORTED)'));
      if (status !== 200 || Object.values(problems).some((list) => list.length > 0)) {
        found[path] = { status, ...structuredClone(problems) };
      }
    }
    await close();
    expect(found).toEqual({});
  });
});

// Pages of one type share their template, so each type is checked once for accessibility and
// layout (axe's full rule set in the light theme; colour contrast again in the dark theme, the
// one thing the theme changes), at a phone's width and a desktop's. One tab visits every type in
// turn; after the light checks the system turns dark, as a reader's may in the evening, and the
// page follows (Starlight's "auto" theme), so each page loads once.
describeInBrowser('every type of page', () => {
  const site = servedSite(() => dist);
  const PHONE = { width: 390, height: 844 };
  const DESKTOP = { width: 1280, height: 900 };
  let tab: Awaited<ReturnType<typeof openPage>>;
  beforeAll(async () => {
    tab = await openPage(site.browser, { viewport: PHONE, colorScheme: 'light' });
  });
  afterAll(async () => {
    await tab?.close();
  });

  test('the accessibility check reports what it finds, in the part of the page it is given', async () => {
    const { page } = tab;
    await page.setContent(
      '<!doctype html><html lang="en"><title>t</title><main><h1>t</h1><img src="data:,"><p style="color:#bbb;background:#fff">faint</p></main><aside><img src="data:,"></aside></html>',
    );
    const all = await axeViolations(page);
    expect(all.find((line) => line.startsWith('image-alt: '))).toContain('main > img, aside > img');
    expect(all.find((line) => line.startsWith('color-contrast: '))).toContain('p');
    // Once in the page, axe is not put in again; each check sees the page as it is then (as the
    // dark check after the light one does), and runs only the rules and the part asked for.
    expect(await axeViolations(page, { rules: ['color-contrast'] })).toHaveLength(1);
    await page.evaluate(() => document.querySelector('p')!.style.setProperty('color', '#000'));
    expect(await axeViolations(page, { rules: ['color-contrast'] })).toEqual([]);
    expect(await axeViolations(page, { rules: ['image-alt'], include: 'aside' })).toEqual([
      expect.stringMatching(/^image-alt: .* — aside > img$/),
    ]);
  });

  test.each(Object.entries(PAGE_TYPES))(
    '%s: no accessibility violations in light and dark, no horizontal scrolling on a phone or a desktop',
    async (_, path) => {
      const { page } = tab;
      await page.setViewportSize(PHONE);
      await page.emulateMedia({ colorScheme: 'light' });
      await page.goto(site.server.origin + path, { waitUntil: 'load' });
      const lightTheme = await page.evaluate(() => document.documentElement.dataset.theme);
      const phone = await horizontalOverflow(page);
      const axeLight = await axeViolations(page);
      await page.setViewportSize(DESKTOP);
      const desktop = await horizontalOverflow(page);

      await page.emulateMedia({ colorScheme: 'dark' });
      await waitInPage(page, () => document.documentElement.dataset.theme === 'dark');
      const axeDark = await axeViolations(page, { rules: ['color-contrast'] });

      expect({ phone, desktop }).toEqual({ phone: 0, desktop: 0 });
      expect(lightTheme).toBe('light');
      expect(axeLight).toEqual([]);
      expect(axeDark).toEqual([]);
    },
  );
});
