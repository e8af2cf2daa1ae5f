import { seedSite } from '../support/seed-site';
import type { Page } from 'playwright-core';
import { expect, test } from 'vitest';
import { describeInBrowser, servedSite, openPage } from '../support/browser';

const dist = await seedSite();
const BRIEFING = '/briefings/chinese-battery-firms-turn-to-korean-partners/';

/** Presses Tab until focus is on a link in the briefing's prose; how many presses came before it. */
async function tabsBeforeProseLink(page: Page, limit = 60): Promise<number> {
  for (let presses = 0; presses < limit; presses++) {
    await page.keyboard.press('Tab');
    const inProse = await page.evaluate(() => {
      const el = document.activeElement;
      return el?.tagName === 'A' && el.closest('.sl-markdown-content > p') !== null;
    });
    if (inProse) return presses;
  }
  throw new Error(`No link in the text within ${limit} presses of Tab`);
}

describeInBrowser('reading a briefing', () => {
  const site = servedSite(() => dist);

  test('the keyboard reaches the text at once; event chips keep the sentence’s date once; print keeps the reading and its sources', async () => {
    const { page, close } = await openPage(site.browser, { viewport: { width: 1280, height: 900 } });
    await page.goto(site.server.origin + BRIEFING, { waitUntil: 'networkidle' });

    // Tab, "Skip to content", then the first link of the text after at most 5 more stops.
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => document.activeElement?.textContent?.trim())).toMatch(/skip to content/i);
    await page.keyboard.press('Enter');
    expect(await tabsBeforeProseLink(page)).toBeLessThanOrEqual(5);

    // Each event chip links to its event, says so, and does not repeat the date its sentence gives.
    const chips = page.locator('.sl-markdown-content a.marker');
    expect(await chips.count()).toBe(4);
    const hungary = page.getByRole('link', {
      name: 'Event past due: CATL aims to run a 100 GWh plant in Hungary, by the end of 2025',
    });
    expect(await hungary.getAttribute('href')).toBe('/events/catl-hungary-plant-100-gwh/');
    // Every chip reads "Event" (and "past due" when its date passed unreported) and is named
    // "Event: <title>, <date>"; none shows a date of its own.
    for (const chip of await chips.all()) {
      expect((await chip.textContent())!.replace(/\s+/g, ' ').trim()).toMatch(/^Event( past due)?$/);
      expect(await chip.getAttribute('aria-label')).toMatch(/^Event( past due)?: .+, .*\d{4}/);
    }
    const paragraph = await hungary.evaluate((a) => (a.closest('p') as HTMLElement).innerText);
    expect(paragraph.match(/by the end of 2025/g)).toHaveLength(1);
    expect(paragraph.match(/late June 2025/g)).toHaveLength(1);
    expect(paragraph.match(/from 2028/g)).toHaveLength(1);

    // On paper: no navigation, no controls, no newsletter box; citations say where to read the source.
    await page.emulateMedia({ media: 'print' });
    for (const hidden of [
      'header.header',
      'nav.sidebar',
      '.right-sidebar-container',
      'mobile-starlight-toc',
      'site-search',
      'share-actions',
      'a.sl-anchor-link',
      'newsletter-copy',
    ]) {
      for (const element of await page.locator(hidden).all()) expect(await element.isVisible(), hidden).toBe(false);
    }
    expect(await page.locator('h1').isVisible()).toBe(true);
    expect(await page.locator('figure.quote').first().isVisible()).toBe(true);
    const cite = page.locator('a.cite').first();
    const printed = await cite.evaluate((a) => getComputedStyle(a, '::after').content);
    expect(printed).toBe(`" (${await cite.getAttribute('data-print-url')})"`);
    expect(printed).toMatch(/\(https?:\/\/[^)]+\/sources\/joongang-daily-2025-07-09-[a-z0-9-]+\/\)/);
    // Entity links in the text print as they read.
    expect(
      await page
        .locator('a.mention')
        .first()
        .evaluate((a) => getComputedStyle(a, '::after').content),
    ).toBe('none');
    for (const block of ['figure.quote', 'section.card'])
      expect(
        await page
          .locator(block)
          .first()
          .evaluate((e) => getComputedStyle(e).breakInside),
        block,
      ).toBe('avoid');
    await close();
  });

  test('on a phone, the first link of the text is at most 5 stops from the top of the page', async () => {
    const { page, close } = await openPage(site.browser, { viewport: { width: 390, height: 844 } });
    await page.goto(site.server.origin + BRIEFING, { waitUntil: 'networkidle' });
    expect(await tabsBeforeProseLink(page)).toBeLessThanOrEqual(5);
    await close();
  });
});

describeInBrowser('the home page', () => {
  const site = servedSite(() => dist);

  test('shows what is new, deals and events with their dates, newest first, and how to follow the site', async () => {
    const { page, close } = await openPage(site.browser, { viewport: { width: 1280, height: 900 } });
    await page.goto(site.server.origin + '/', { waitUntil: 'networkidle' });
    const latest = page.locator('h2:has-text("Latest deals and events") + ul > li');
    const count = await latest.count();
    expect(count).toBeGreaterThanOrEqual(4);
    expect(count).toBeLessThanOrEqual(6);
    const items = await latest.evaluateAll((lis) =>
      lis.map((li) => ({
        type: li.getAttribute('data-type'),
        date: li.querySelector('time')?.textContent?.trim(),
        lastYear: Number(li.getAttribute('data-last-year')),
        link: li.querySelector('.what a')?.getAttribute('href'),
      })),
    );
    expect(new Set(items.map((i) => i.type))).toEqual(new Set(['deal', 'event']));
    for (const item of items) {
      expect(item.date).toBeTruthy();
      expect(item.link).toMatch(/^\/(deals|events)\/[a-z0-9-]+\/$/);
    }
    expect(items.map((i) => i.lastYear)).toEqual([...items.map((i) => i.lastYear)].sort((a, b) => b - a));
    expect(items[0]).toMatchObject({ date: 'by the end of 2025', link: '/events/catl-hungary-plant-100-gwh/' });

    const follow = page.locator('.follow');
    expect(await follow.getByRole('heading', { name: 'Follow' }).isVisible()).toBe(true);
    for (const [name, href, type] of [
      ['RSS', '/rss.xml', 'xml'],
      ['JSON Feed', '/feed.json', 'json'],
    ] as const) {
      const link = follow.getByRole('link', { name, exact: true });
      expect(await link.getAttribute('href')).toBe(href);
      const response = await page.request.get(site.server.origin + href);
      expect(response.status()).toBe(200);
      expect(response.headers()['content-type']).toContain(type);
    }
    await close();
  });
});
