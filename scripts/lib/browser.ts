import { existsSync } from 'node:fs';
import { chromium, type Browser, type Page } from 'playwright-core';

// Headless Chromium for the browser tests and the scripts that look at built pages.

/** Debian's Chromium; browser downloads do not work on these machines. */
export const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

/** True when Chromium is installed here. */
export function hasChromium(): boolean {
  return existsSync(CHROMIUM_PATH);
}

/** Starts headless Chromium with flags that keep it off the network. */
export function launchBrowser(): Promise<Browser> {
  return chromium.launch({
    executablePath: CHROMIUM_PATH,
    headless: true,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--disable-quic',
      '--no-first-run',
      '--disable-features=Translate,OptimizationHints,MediaRouter',
    ],
  });
}

/** Width overflow: how many pixels the page is wider than the viewport (0 when it fits). */
export async function horizontalOverflow(page: Page): Promise<number> {
  return page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
}

/** A page in its own browser context (axe needs one), closed with its context. */
export async function openPage(
  browser: Browser,
  options: Parameters<Browser['newContext']>[0] = {},
): Promise<{ page: Page; close: () => Promise<void> }> {
  const context = await browser.newContext(options);
  const page = await context.newPage();
  return { page, close: () => context.close() };
}

/**
 * Polls `predicate` in the page until it returns true. (Playwright's waitForFunction compiles
 * the predicate with eval, which this site's CSP rightly forbids; evaluate() is not affected.)
 */
export async function waitInPage(page: Page, predicate: () => boolean, timeout = 10_000): Promise<void> {
  const deadline = Date.now() + timeout;
  while (!(await page.evaluate(predicate))) {
    if (Date.now() > deadline) throw new Error(`Timed out after ${timeout} ms waiting for ${predicate.toString()}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}
