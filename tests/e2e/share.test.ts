import { seedSite } from '../support/seed-site';
import { expect, test } from 'vitest';
import { describeInBrowser, holdClipboard, servedSite, openPage, waitInPage } from '../support/browser';

// The seed site is built without BRIEFING_SITE_URL: its canonical links say
// https://briefing.example.com, and copied links must still lead to the server the page came from.
const dist = await seedSite();
const BRIEFING = '/briefings/chinese-battery-firms-turn-to-korean-partners/';
const QUOTE = '/quotes/choi-jae-hee-chery-deal-signal/';

/** The text of the focused element, trimmed. */
const focused = () => document.activeElement?.textContent?.trim();

describeInBrowser('sharing a quote, a deal and a heading', () => {
  const site = servedSite(() => dist);

  test('Share works by keyboard, copies link and citation on the page’s own origin, and announces it', async () => {
    await holdClipboard();
    const { page, close } = await openPage(site.browser, { permissions: ['clipboard-read', 'clipboard-write'] });
    const origin = site.server.origin;
    await page.goto(origin + QUOTE);
    expect(await page.locator('link[rel="canonical"]').getAttribute('href')).toMatch(
      /^https:\/\/briefing\.example\.com\//,
    );
    const share = page.locator('#quote share-actions');
    const toggle = share.getByRole('button', { name: 'Share this quote' });
    const status = '#quote share-actions [role="status"]';
    const clipboard = () => page.evaluate(() => navigator.clipboard.readText());

    // One control, collapsed; on the quote's own page it offers no link to that page.
    expect(await toggle.getAttribute('aria-expanded')).toBe('false');
    expect(await share.locator('a').count()).toBe(0);
    await toggle.focus();
    await page.keyboard.press('Enter');
    expect(await toggle.getAttribute('aria-expanded')).toBe('true');
    await page.keyboard.press('Tab');
    expect(await page.evaluate(focused)).toBe('Copy link');
    await page.keyboard.press('Enter');
    await waitInPage(
      page,
      () => document.querySelector('#quote share-actions [role="status"]')?.textContent === 'Link copied',
    );
    expect(await clipboard()).toBe(`${origin}${QUOTE}`);
    // Done: the options close and focus is back on the button.
    expect(await toggle.getAttribute('aria-expanded')).toBe('false');
    expect(await page.evaluate(() => document.activeElement?.classList.contains('toggle'))).toBe(true);

    await page.keyboard.press('Space');
    await page.keyboard.press('Tab');
    await page.keyboard.press('Tab');
    expect(await page.evaluate(focused)).toBe('Copy citation');
    await page.keyboard.press('Space');
    await waitInPage(
      page,
      () => document.querySelector('#quote share-actions [role="status"]')?.textContent === 'Citation copied',
    );
    expect((await clipboard()).split('\n')).toEqual([
      '“Chery’s deal sends a signal that even Chinese state-owned firms are open to working with Korea”',
      '— Choi Jae-hee, Senior researcher, Korea Institute for International Economic Policy.',
      'Source: Korea JoongAng Daily, Choi Sun-eul, “Chinese battery firms reach out to Korea in global expansion push”, 9 July 2025.',
      `${origin}${QUOTE}`,
    ]);
    expect(await page.locator(status).getAttribute('role')).toBe('status');

    // Escape closes the options from inside them and returns focus to the button.
    await page.keyboard.press('Enter');
    await page.keyboard.press('Tab');
    await page.keyboard.press('Escape');
    expect(await toggle.getAttribute('aria-expanded')).toBe('false');
    expect(await share.locator('.options').isVisible()).toBe(false);
    expect(await page.evaluate(() => document.activeElement?.classList.contains('toggle'))).toBe(true);
    await close();
  });

  test('in a briefing: a deal’s Share copies its facts link on this origin; heading permalinks are quiet until focused', async () => {
    await holdClipboard();
    const { page, close } = await openPage(site.browser, {
      permissions: ['clipboard-read', 'clipboard-write'],
      viewport: { width: 1280, height: 900 },
    });
    const origin = site.server.origin;
    await page.goto(origin + BRIEFING);
    const card = page.locator('#deals-lg-energy-solution-chery-ev-46-series-cells');
    await card.getByRole('button', { name: /^Share the deal/ }).click();
    expect(await card.getByRole('link', { name: /^Deal facts: / }).getAttribute('href')).toBe(
      '/deals/lg-energy-solution-chery-ev-46-series-cells/#facts',
    );
    await card.getByRole('button', { name: /^Copy link to the deal/ }).click();
    await waitInPage(page, () =>
      Boolean(
        document.querySelector('#deals-lg-energy-solution-chery-ev-46-series-cells [role="status"]')?.textContent,
      ),
    );
    expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(
      `${origin}/deals/lg-energy-solution-chery-ev-46-series-cells/#facts`,
    );

    // A heading's permalink: named like Starlight's, invisible until the heading is hovered or it has focus.
    const permalink = page.getByRole('link', { name: 'Section titled “The push also runs into Korea”' });
    const opacity = () => permalink.evaluate((a) => getComputedStyle(a).opacity);
    expect(await opacity()).toBe('0');
    await permalink.focus();
    expect(await opacity()).toBe('1');
    await permalink.click();
    expect(new URL(page.url()).pathname + new URL(page.url()).hash).toBe(`${BRIEFING}#the-push-also-runs-into-korea`);
    await close();
  });

  test('without JavaScript: no Share buttons, and the permalinks and page links still work', async () => {
    const { page, close } = await openPage(site.browser, { javaScriptEnabled: false });
    await page.goto(site.server.origin + BRIEFING);
    expect(await page.locator('share-actions button:visible').count()).toBe(0);
    expect(await page.getByRole('link', { name: /^Quote page: / }).count()).toBe(4);
    await page.locator('#deals-lg-energy-solution-chery-ev-46-series-cells share-actions a.page').click();
    expect(new URL(page.url()).pathname + new URL(page.url()).hash).toBe(
      '/deals/lg-energy-solution-chery-ev-46-series-cells/#facts',
    );
    await page.goto(site.server.origin + BRIEFING);
    await page.locator('a.sl-anchor-link[href="#the-push-also-runs-into-korea"]').click();
    expect(new URL(page.url()).hash).toBe('#the-push-also-runs-into-korea');
    await close();
  });
});
