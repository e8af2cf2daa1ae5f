import { seedSite } from '../support/seed-site';
import AxeBuilder from '@axe-core/playwright';
import { expect, test } from 'vitest';
import { describeInBrowser, servedSite, openPage, watchPage } from '../support/browser';
import { sitemapPaths } from '../support/sitemap';

const dist = await seedSite();
const paths = sitemapPaths(dist);
/** WCAG 2.0–2.2 A and AA, plus axe's best practices; no rule is disabled. */
const AXE_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'best-practice'];

describeInBrowser('every page of the sitemap', () => {
  const site = servedSite(() => dist);

  test('the sitemap lists the pages', () => {
    expect(paths.length).toBeGreaterThan(30);
    expect(paths).toContain('/companies/catl/');
  });

  test.each(paths)('%s loads cleanly: no console error, failed or foreign request, CSP violation', async (path) => {
    const { page, close } = await openPage(site.browser);
    const problems = watchPage(page, site.server.origin);
    const response = await page.goto(site.server.origin + path, { waitUntil: 'networkidle' });
    expect(response?.status()).toBe(200);
    // Idle-loaded scripts (prefetch, search) run after load; give them a moment to fail if they will.
    await page.waitForTimeout(300);
    await close();
    expect(problems).toEqual({
      consoleErrors: [],
      pageErrors: [],
      failedRequests: [],
      foreignRequests: [],
      badResponses: [],
    });
  });

  test.each(paths.flatMap((path) => [[path, 'light'] as const, [path, 'dark'] as const]))(
    '%s has no accessibility violations (%s)',
    async (path, colorScheme) => {
      const { page, close } = await openPage(site.browser, { colorScheme });
      await page.goto(site.server.origin + path, { waitUntil: 'networkidle' });
      const results = await new AxeBuilder({ page }).withTags(AXE_TAGS).analyze();
      await close();
      const violations = results.violations.map(
        (v) => `${v.id}: ${v.help} — ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`,
      );
      expect(violations).toEqual([]);
    },
  );
});
