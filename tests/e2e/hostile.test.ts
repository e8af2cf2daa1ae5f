import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { isStandaloneDocument } from '../../src/lib/routes';
import { describeInBrowser, connectBrowser, openPage, watchPage } from '../support/browser';
import { htmlPages } from '../support/dist';
import { hostileSite } from '../support/seed-site';
import { serveStatic, type StaticServer } from '../../scripts/lib/static-server.ts';
import { sitemapPaths } from '../../scripts/lib/published.ts';

// Every free-text field of the hostile fixture holds script and HTML payloads; see its site.yaml.
const PAYLOAD = '<script>window.__pwned=1</script>';

describeInBrowser('a site whose content is hostile', () => {
  let browser: Browser;
  let server: StaticServer;
  let paths: string[] = [];
  let snippets: string[] = [];
  beforeAll(async () => {
    const { dist } = await hostileSite();
    // Product pages (how to read the site, the search form) show no content, so no payload.
    paths = sitemapPaths(dist).filter((path) => !['/about/', '/search/'].includes(path));
    // Email snippets are standalone documents, outside the sitemap; they are checked too.
    snippets = htmlPages(dist).filter(isStandaloneDocument);
    [browser, server] = await Promise.all([connectBrowser(), serveStatic(dist)]);
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  test('shows every payload as literal text and runs none of it, on every page and email snippet', async () => {
    expect(paths.length).toBeGreaterThan(15);
    expect(snippets.length).toBeGreaterThan(0);
    // One tab visits every page in turn, as a reader clicking through would.
    const { page, close } = await openPage(browser);
    const problems = watchPage(page, server.origin);
    const dialogs: string[] = [];
    page.on('dialog', async (dialog) => {
      dialogs.push(dialog.message());
      await dialog.dismiss();
    });
    // Init scripts run outside the page's Content-Security-Policy, so they can record its violations.
    await page.addInitScript(() => {
      const seen: string[] = [];
      (window as unknown as { __cspViolations: string[] }).__cspViolations = seen;
      document.addEventListener('securitypolicyviolation', (event) =>
        seen.push(`${event.violatedDirective} ${event.blockedURI}`),
      );
    });
    for (const path of [...paths, ...snippets]) {
      const standalone = isStandaloneDocument(path);
      for (const list of Object.values(problems)) list.length = 0;
      await page.goto(server.origin + path, { waitUntil: 'load' });
      // Let idle-time scripts run before reading the page, so their errors count too.
      await page.waitForTimeout(100);
      const pwned = await page.evaluate(() => (window as unknown as { __pwned?: number }).__pwned);
      const violations = await page.evaluate(
        () => (window as unknown as { __cspViolations: string[] }).__cspViolations,
      );
      const title = await page.title();
      const text = await page.locator(standalone ? 'body' : 'main').innerText();
      const injected = await page
        .locator(
          'script:not([src]):not([type="module"]):text-matches("__pwned"), img[src="x"], svg[onload], #pwned, meta[http-equiv="refresh"], base',
        )
        .count();
      const styled = standalone
        ? await page.evaluate(() => ({
            background: getComputedStyle(document.body).backgroundColor,
            title: getComputedStyle(document.querySelector('h1')!).fontSize,
            border: getComputedStyle(document.querySelector('table[width="600"]')!).borderTopStyle,
          }))
        : undefined;
      expect(pwned, path).toBeUndefined();
      expect(dialogs, path).toEqual([]);
      expect(injected, path).toBe(0);
      expect(title, path).toContain('</title><meta http-equiv="refresh"');
      expect(text, path).toContain(PAYLOAD);
      expect(violations, path).toEqual([]);
      expect(problems.foreignRequests, path).toEqual([]);
      expect(problems.pageErrors, path).toEqual([]);
      expect(problems.consoleErrors, `${path}: ${problems.consoleErrors.join(' | ')}`).toEqual([]);
      // The snippet's policy allows its inline styles: it still looks like the email it is.
      if (styled) expect(styled, path).toEqual({ background: 'rgb(243, 244, 246)', title: '26px', border: 'solid' });
    }
    await close();
  });
});
