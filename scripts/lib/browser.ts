import { existsSync } from 'node:fs';
import { chromium, type Browser, type BrowserServer, type Page } from 'playwright-core';

// Headless Chromium for the browser tests and the scripts that look at built pages.

/** Debian's Chromium (`apt-get install -y chromium`); browser downloads do not work on these machines. */
export const CHROMIUM_PATH = '/usr/bin/chromium';

/**
 * Debian's build of the same Chromium without a window system (`apt-get install -y
 * chromium-headless-shell`), the headless browser Playwright itself prefers: the same Blink, so
 * pages lay out, paint and run as in Chromium, at far less CPU. Measured here (2 cores, the
 * bundled site's 37 pages loaded twice): 25.5 CPU-seconds against Chromium's 46.3.
 */
export const HEADLESS_SHELL_PATH = '/usr/bin/chromium-headless-shell';

/** The browser {@link launchBrowser} starts: `$CHROMIUM_PATH` if set, else the headless shell if installed, else Chromium. */
export function browserPath(): string {
  if (process.env.CHROMIUM_PATH) return process.env.CHROMIUM_PATH;
  return existsSync(HEADLESS_SHELL_PATH) ? HEADLESS_SHELL_PATH : CHROMIUM_PATH;
}

/** True when a browser to launch is installed here. */
export function hasChromium(): boolean {
  return existsSync(browserPath());
}

/** How to install the browser, for messages. */
export const INSTALL_BROWSER = 'apt-get install -y chromium-headless-shell (or chromium)';

/** Headless Chromium with flags that keep it off the network. */
function launchOptions() {
  return {
    executablePath: browserPath(),
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
  };
}

/** Starts headless Chromium (see {@link browserPath}) for this process. */
export function launchBrowser(): Promise<Browser> {
  return chromium.launch(launchOptions());
}

/** Starts headless Chromium that other processes connect to (`chromium.connect(server.wsEndpoint())`). */
export function launchBrowserServer(): Promise<BrowserServer> {
  return chromium.launchServer(launchOptions());
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
