import { rmSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { buildSite, OUTPUT_ROOT } from '../support/build';
import { describeInBrowser, launchBrowser, openPage, watchPage } from '../support/browser';
import { serveStatic, type StaticServer } from '../support/server';
import { sitemapPaths } from '../support/sitemap';

// Every free-text field of this fixture holds script and HTML payloads; see its site.yaml.
const FIXTURE = join(import.meta.dirname, '../fixtures/hostile');
const PAYLOAD = '<script>window.__pwned=1</script>';

describeInBrowser('a site whose content is hostile', () => {
  let browser: Browser;
  let server: StaticServer;
  let paths: string[] = [];
  const outDir = join(OUTPUT_ROOT, `hostile-${process.pid}`);
  beforeAll(async () => {
    const result = await buildSite({ contentRoot: FIXTURE, outDir });
    expect(result.ok, result.output.slice(-3000)).toBe(true);
    // Product pages (how to read the site, the search form) show no content, so no payload.
    paths = sitemapPaths(result.outDir).filter((path) => !['/about/', '/search/'].includes(path));
    [browser, server] = await Promise.all([launchBrowser(), serveStatic(result.outDir)]);
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
    rmSync(outDir, { recursive: true, force: true });
    rmSync(`${outDir}.cache`, { recursive: true, force: true });
  });

  test('shows every payload as literal text and runs none of it, on every page', async () => {
    expect(paths.length).toBeGreaterThan(15);
    for (const path of paths) {
      const { page, close } = await openPage(browser);
      const problems = watchPage(page, server.origin);
      const dialogs: string[] = [];
      page.on('dialog', async (dialog) => {
        dialogs.push(dialog.message());
        await dialog.dismiss();
      });
      await page.goto(server.origin + path, { waitUntil: 'networkidle' });
      // Let idle-time scripts run before reading the page, so their errors count too.
      await page.waitForTimeout(300);
      const pwned = await page.evaluate(() => (window as unknown as { __pwned?: number }).__pwned);
      const text = await page.locator('main').innerText();
      const injected = await page
        .locator('main script:not([src]):not([type="module"]), main img[src="x"], main svg[onload]')
        .count();
      await close();
      expect(pwned, path).toBeUndefined();
      expect(dialogs, path).toEqual([]);
      expect(injected, path).toBe(0);
      expect(text, path).toContain(PAYLOAD);
      expect(problems.pageErrors, path).toEqual([]);
      expect(problems.consoleErrors, `${path}: ${problems.consoleErrors.join(' | ')}`).toEqual([]);
    }
  });
});
