import { seedSite } from '../support/seed-site';
import { expect, test } from 'vitest';
import { describeInBrowser, servedSite, openPage, waitInPage } from '../support/browser';

const dist = await seedSite();

describeInBrowser('the site with a keyboard only', () => {
  const site = servedSite(() => dist);

  test('the first Tab reaches "skip to content", which moves focus past the navigation', async () => {
    const { page, close } = await openPage(site.browser, { viewport: { width: 1280, height: 900 } });
    await page.goto(`${site.server.origin}/companies/catl/`);
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => document.activeElement?.textContent?.trim())).toMatch(/skip to content/i);
    await page.keyboard.press('Enter');
    expect(new URL(page.url()).hash).toBe('#_top');
    await close();
  });

  test('the theme can be changed from the keyboard, and it sticks across pages', async () => {
    const { page, close } = await openPage(site.browser, {
      viewport: { width: 1280, height: 900 },
      colorScheme: 'light',
    });
    await page.goto(`${site.server.origin}/`);
    const select = page.locator('starlight-theme-select select').first();
    await select.focus();
    expect(await page.evaluate(() => document.activeElement?.tagName)).toBe('SELECT');
    await select.selectOption('dark');
    expect(await page.locator('html').getAttribute('data-theme')).toBe('dark');
    await page.goto(`${site.server.origin}/companies/`);
    expect(await page.locator('html').getAttribute('data-theme')).toBe('dark');
    await close();
  });

  test('search opens with Ctrl+K, takes typing, and closes with Escape', async () => {
    const { page, close } = await openPage(site.browser, { viewport: { width: 1280, height: 900 } });
    await page.goto(`${site.server.origin}/`, { waitUntil: 'networkidle' });
    await page.keyboard.press('Control+k');
    const dialog = page.locator('dialog[open]');
    await dialog.waitFor();
    // The search UI loads on demand and then takes focus.
    await page.locator('dialog[open] input').waitFor();
    await waitInPage(page, () => document.activeElement?.tagName === 'INPUT');
    await page.keyboard.type('CATL');
    expect(await page.evaluate(() => (document.activeElement as HTMLInputElement | null)?.value)).toBe('CATL');
    await page.keyboard.press('Escape');
    await page.locator('site-search dialog').waitFor({ state: 'hidden' });
    expect(await page.locator('dialog[open]').count()).toBe(0);
    await close();
  });
});
