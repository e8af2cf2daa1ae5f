import { afterAll, beforeAll, expect, test } from 'vitest';
import {
  axeViolations,
  describeInBrowser,
  horizontalOverflow,
  openPage,
  type PageProblems,
  servedSite,
  waitInPage,
  watchPage,
  NO_PROBLEMS,
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
    // One tab visits every page in turn, as a reader clicking through would; the page of each type
    // is visited by its own test below, which watches for the same problems.
    const { page, close } = await openPage(site.browser);
    const problems = watchPage(page, site.server.origin);
    const found: Record<string, unknown> = {};
    const typePages = new Set(Object.values(PAGE_TYPES));
    expect(paths.filter((path) => typePages.has(path)).length).toBeGreaterThan(10);
    for (const path of paths.filter((p) => !typePages.has(p))) {
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
  let problems: PageProblems;
  beforeAll(async () => {
    tab = await openPage(site.browser, { viewport: PHONE, colorScheme: 'light' });
    problems = watchPage(tab.page, site.server.origin);
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
    '%s: loads cleanly, no accessibility violations in light and dark, no horizontal scrolling on a phone or a desktop',
    async (type, path) => {
      const { page } = tab;
      for (const list of Object.values(problems)) list.length = 0;
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
      // As the other pages above: nothing failed, nothing foreign was asked for.
      problems.failedRequests = problems.failedRequests.filter((r) => !r.endsWith('(net::ERR_ABORTED)'));
      // The browser logs the not-found page's own status as an error; nothing else may.
      const notFound = 'Failed to load resource: the server responded with a status of 404 (Not Found)';
      if (type === 'not-found') expect(problems.consoleErrors.splice(0)).toEqual([notFound]);
      expect(problems).toEqual(NO_PROBLEMS);
    },
  );
});
