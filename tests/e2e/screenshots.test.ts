import { seedSite } from '../support/seed-site';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { OUTPUT_ROOT } from '../support/build';
import { describeInBrowser, horizontalOverflow, launchBrowser, openPage } from '../support/browser';
import { serveStatic, type StaticServer } from '../support/server';

const dist = await seedSite();
/** Where the screenshots go; open them to look at the site as a reader would. */
const FOLDER = join(OUTPUT_ROOT, 'screenshots');

/** One page of each type. */
const PAGES = {
  home: '/',
  'briefing-index': '/briefings/',
  briefing: '/briefings/chinese-battery-firms-turn-to-korean-partners/',
  'company-index': '/companies/',
  company: '/companies/catl/',
  person: '/people/choi-jae-hee/',
  deal: '/deals/lg-energy-solution-chery-ev-46-series-cells/',
  quote: '/quotes/choi-jae-hee-chery-deal-signal/',
  event: '/events/catl-hungary-plant-100-gwh/',
  source: '/sources/joongang-daily-2025-07-09-chinese-battery-firms-reach-out-to-korea/',
  timeline: '/timeline/',
  search: '/search/?q=CATL&type=event',
  about: '/about/',
  'not-found': '/no-such-page/',
};
const VIEWS = [
  { width: 390, height: 844, colorScheme: 'light' },
  { width: 390, height: 844, colorScheme: 'dark' },
  { width: 1280, height: 900, colorScheme: 'light' },
  { width: 1280, height: 900, colorScheme: 'dark' },
] as const;

describeInBrowser(`screenshots of every page type (written to ${FOLDER})`, () => {
  let browser: Browser;
  let server: StaticServer;
  beforeAll(async () => {
    mkdirSync(FOLDER, { recursive: true });
    [browser, server] = await Promise.all([launchBrowser(), serveStatic(dist)]);
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  test.each(Object.entries(PAGES))('%s fits every viewport without horizontal scrolling', async (name, path) => {
    for (const view of VIEWS) {
      const { page, close } = await openPage(browser, {
        viewport: { width: view.width, height: view.height },
        colorScheme: view.colorScheme,
      });
      await page.goto(server.origin + path, { waitUntil: 'networkidle' });
      await page.screenshot({ path: join(FOLDER, `${name}-${view.width}-${view.colorScheme}.png`), fullPage: true });
      const overflow = await horizontalOverflow(page);
      await close();
      expect(overflow, `${path} at ${view.width}px overflows by ${overflow}px`).toBeLessThanOrEqual(0);
    }
  });
});
