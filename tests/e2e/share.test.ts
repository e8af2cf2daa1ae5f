import { seedSite } from '../support/seed-site';
import { expect, test } from 'vitest';
import { describeInBrowser, servedSite, openPage, waitInPage } from '../support/browser';

const dist = await seedSite();
const SITE = 'https://briefing.example.com';

describeInBrowser('copy link and copy citation', () => {
  const site = servedSite(() => dist);

  test('copy a quote’s link and citation with the keyboard; success is announced', async () => {
    const { page, close } = await openPage(site.browser, { permissions: ['clipboard-read', 'clipboard-write'] });
    await page.goto(`${site.server.origin}/quotes/choi-jae-hee-chery-deal-signal/`);
    const share = page.locator('#quote share-actions');
    const copyLink = share.getByRole('button', { name: /^Copy link/ });
    await copyLink.focus();
    await page.keyboard.press('Enter');
    await waitInPage(
      page,
      () => document.querySelector('#quote share-actions [role="status"]')?.textContent === 'Link copied',
    );
    expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(
      `${SITE}/quotes/choi-jae-hee-chery-deal-signal/`,
    );
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe('Copy citation');
    await page.keyboard.press('Space');
    await waitInPage(
      page,
      () => document.querySelector('#quote share-actions [role="status"]')?.textContent === 'Citation copied',
    );
    const citation = await page.evaluate(() => navigator.clipboard.readText());
    expect(citation.split('\n')).toEqual([
      '“Chery’s deal sends a signal that even Chinese state-owned firms are open to working with Korea”',
      '— Choi Jae-hee, Senior researcher, Korea Institute for International Economic Policy.',
      'Source: Korea JoongAng Daily, Choi Sun-eul, “Chinese battery firms reach out to Korea in global expansion push”, 9 July 2025.',
      `${SITE}/quotes/choi-jae-hee-chery-deal-signal/`,
    ]);
    await close();
  });

  test('copy a heading’s link in a briefing', async () => {
    const { page, close } = await openPage(site.browser, { permissions: ['clipboard-read', 'clipboard-write'] });
    await page.goto(`${site.server.origin}/briefings/chinese-battery-firms-turn-to-korean-partners/`);
    await page.getByRole('button', { name: 'Copy link to The push also runs into Korea' }).click();
    expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(
      `${SITE}/briefings/chinese-battery-firms-turn-to-korean-partners/#the-push-also-runs-into-korea`,
    );
    await close();
  });

  test('without JavaScript a plain permalink remains', async () => {
    const { page, close } = await openPage(site.browser, { javaScriptEnabled: false });
    await page.goto(`${site.server.origin}/briefings/chinese-battery-firms-turn-to-korean-partners/`);
    expect(await page.locator('share-actions button').count()).toBe(0);
    await page.locator('#deals-lg-energy-solution-chery-ev-46-series-cells share-actions a.permalink').click();
    expect(new URL(page.url()).pathname + new URL(page.url()).hash).toBe(
      '/deals/lg-energy-solution-chery-ev-46-series-cells/#facts',
    );
    await close();
  });
});
