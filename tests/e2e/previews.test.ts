import { seedSite } from '../support/seed-site';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { expect, test } from 'vitest';
import { OUTPUT_ROOT } from '../../scripts/lib/build-site.ts';
import {
  axeViolations,
  describeInBrowser,
  openPage,
  servedSite,
  waitInPage,
  watchPage,
  NO_PROBLEMS,
} from '../support/browser';

const dist = await seedSite();
const BRIEFING = '/briefings/chinese-battery-firms-turn-to-korean-partners/';
const FOLDER = join(OUTPUT_ROOT, 'screenshots');

const cardOpen = () => {
  const card = document.getElementById('entity-preview');
  return Boolean(card && !card.hidden);
};
const cardClosed = () =>
  !document.getElementById('entity-preview') || document.getElementById('entity-preview')!.hidden;

describeInBrowser('hover and focus previews of entity links', () => {
  const site = servedSite(() => dist);

  test('no document before intent; keyboard focus opens a tooltip, Escape closes it; a resting pointer opens one', async () => {
    const { page, close } = await openPage(site.browser, { viewport: { width: 1280, height: 900 } });
    const problems = watchPage(page, site.server.origin);
    const documents: string[] = [];
    page.on('request', (request) => {
      if (new URL(request.url()).pathname.endsWith('.json')) documents.push(new URL(request.url()).pathname);
    });
    await page.goto(site.server.origin + BRIEFING, { waitUntil: 'networkidle' });
    expect(documents).toEqual([]);

    // Keyboard: Tab from the heading's permalink onto the first mention of its paragraph.
    await page
      .getByRole('link', { name: 'Section titled “A Korean cell maker inside a Chinese supply chain”' })
      .focus();
    await page.keyboard.press('Tab');
    const mention = page.locator('a.mention[href="/companies/lg-energy-solution/"]').first();
    expect(await mention.evaluate((a) => a === document.activeElement)).toBe(true);
    await waitInPage(page, cardOpen);
    expect(documents).toEqual(['/companies/lg-energy-solution.json']);
    const card = page.getByRole('tooltip');
    expect(await card.locator('.title').textContent()).toBe('LG Energy Solution');
    expect(await card.locator('.kind').textContent()).toMatch(/^Company · /);
    expect(await mention.getAttribute('aria-describedby')).toBe('entity-preview');
    // The card belongs to the content's landmark, and the content with the card open passes axe.
    expect(await card.evaluate((element) => element.closest('main') !== null)).toBe(true);
    expect(await axeViolations(page, { include: 'main' })).toEqual([]);
    mkdirSync(FOLDER, { recursive: true });
    await page.screenshot({ path: join(FOLDER, 'briefing-preview-focus-1280-light.png') });

    await page.keyboard.press('Escape');
    await waitInPage(page, cardClosed);
    expect(await mention.evaluate((a) => a === document.activeElement)).toBe(true);
    expect(await mention.getAttribute('aria-describedby')).toBeNull();

    // Tab moves on: focus is never trapped, and the card follows it.
    await page.keyboard.press('Tab');
    await waitInPage(page, cardOpen);
    expect(await page.getByRole('tooltip').locator('.title').textContent()).toBe('Chery EV');
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => document.activeElement?.getAttribute('href'))).toBe(
      '/companies/chery-automobile/',
    );

    // Pointer: resting on a link in the deal card's facts opens its card (once the open card,
    // which covers it, is closed).
    await page.keyboard.press('Escape');
    await page.locator('#deals-lg-energy-solution-chery-ev-46-series-cells dd a[href="/companies/chery-ev/"]').hover();
    await waitInPage(page, () => document.querySelector('#entity-preview .title')?.textContent === 'Chery EV');
    await page.screenshot({ path: join(FOLDER, 'briefing-preview-hover-1280-light.png') });
    await page.mouse.move(5, 890);
    await waitInPage(page, cardClosed);
    await close();
    expect(problems).toEqual(NO_PROBLEMS);
  });

  test('on a touch screen a tap follows the link and loads no document', async () => {
    const { page, close } = await openPage(site.browser, {
      viewport: { width: 390, height: 844 },
      hasTouch: true,
      isMobile: true,
    });
    const documents: string[] = [];
    page.on('request', (request) => {
      if (new URL(request.url()).pathname.endsWith('.json')) documents.push(request.url());
    });
    await page.goto(site.server.origin + BRIEFING, { waitUntil: 'networkidle' });
    await page.locator('a.mention[href="/companies/lg-energy-solution/"]').first().tap();
    await page.waitForURL('**/companies/lg-energy-solution/');
    expect(documents).toEqual([]);
    await close();
  });
});
