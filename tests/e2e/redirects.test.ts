import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import AxeBuilder from '@axe-core/playwright';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { buildSite, OUTPUT_ROOT } from '../support/build';
import { describeInBrowser, launchBrowser, openPage, watchPage } from '../support/browser';
import { serveStatic, type StaticServer } from '../support/server';

// A copy of the minimal fixture in which Globex was renamed Globex SA, its old id kept.
const work = mkdtempSync(join(OUTPUT_ROOT, 'redirects-'));
const AXE_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'best-practice'];

function renamedFixture(): string {
  const root = join(work, 'content');
  cpSync(join(import.meta.dirname, '../fixtures/minimal'), root, { recursive: true });
  const text = readFileSync(join(root, 'companies/globex.yaml'), 'utf8');
  writeFileSync(
    join(root, 'companies/globex-sa.yaml'),
    text.replace('name: Globex', 'name: Globex SA\npreviousIds: [globex]'),
  );
  rmSync(join(root, 'companies/globex.yaml'));
  for (const [file, from, to] of [
    ['deals/acme-globex-widgets.yaml', 'company: globex', 'company: globex-sa'],
    ['briefings/widgets-weekly.mdx', '<Company id="globex">', '<Company id="globex-sa">'],
  ] as const) {
    writeFileSync(join(root, file), readFileSync(join(root, file), 'utf8').replace(from, to));
  }
  return root;
}

describeInBrowser('the old URL of a renamed entity', () => {
  let browser: Browser;
  let server: StaticServer;
  beforeAll(async () => {
    const result = await buildSite({ contentRoot: renamedFixture(), outDir: join(work, 'dist') });
    expect(result.ok, result.output.slice(-3000)).toBe(true);
    [browser, server] = await Promise.all([launchBrowser(), serveStatic(result.outDir)]);
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
    rmSync(work, { recursive: true, force: true });
  });

  test('takes the reader to the new page, cleanly', async () => {
    const { page, close } = await openPage(browser);
    const problems = watchPage(page, server.origin);
    await page.goto(`${server.origin}/companies/globex/`);
    await page.waitForURL(`${server.origin}/companies/globex-sa/`);
    await page.waitForLoadState('networkidle');
    expect(await page.locator('h1').first().textContent()).toContain('Globex SA');
    await close();
    expect(problems).toEqual({
      consoleErrors: [],
      pageErrors: [],
      failedRequests: [],
      foreignRequests: [],
      badResponses: [],
    });
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
    const results = await new AxeBuilder({ page }).withTags(AXE_TAGS).analyze();
    await close();
    expect(results.violations.map((v) => `${v.id}: ${v.help}`)).toEqual([]);
  });
});
