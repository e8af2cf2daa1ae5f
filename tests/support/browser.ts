import { createHash } from 'node:crypto';
import { mkdirSync, readFileSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { afterAll, beforeAll, describe, inject, onTestFinished } from 'vitest';
import { chromium, type Browser, type Page } from 'playwright-core';
import { browserPath, hasChromium, INSTALL_BROWSER } from '../../scripts/lib/browser.ts';
import { serveStatic, type StaticServer } from '../../scripts/lib/static-server.ts';

export { hasChromium };
export { horizontalOverflow, openPage, waitInPage } from '../../scripts/lib/browser.ts';

/**
 * The run's Chromium (tests/support/browser-server.ts), connected to. Closing what this returns
 * closes the contexts it opened and disconnects; the browser goes on for the other files.
 */
export function connectBrowser(): Promise<Browser> {
  const endpoint = inject('browserEndpoint');
  if (!endpoint) throw new Error(`No browser for this run: Chromium is missing at ${browserPath()}.`);
  return chromium.connect(endpoint);
}

/**
 * Makes the current test the only one of the run using the clipboard until it finishes. Every page
 * of the run's one Chromium shares one clipboard, so two test files copying at once would read
 * each other's text. The lock is a folder named after the run's browser (test files run in
 * separate processes), made and removed by whoever holds it.
 */
export async function holdClipboard(timeoutMs = 60_000): Promise<void> {
  const run = createHash('sha256').update(inject('browserEndpoint')).digest('hex').slice(0, 16);
  const lock = join(tmpdir(), `briefing-clipboard-${run}`);
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    try {
      mkdirSync(lock);
      break;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
      if (Date.now() > deadline) throw new Error(`Another test held the clipboard for ${timeoutMs} ms (${lock}).`);
      await sleep(25);
    }
  }
  onTestFinished(() => rmSync(lock, { recursive: true, force: true }));
}

/** True in CI, where a missing browser must fail the run instead of skipping browser tests. */
export function inCI(): boolean {
  return Boolean(process.env.CI);
}

/**
 * `describe` for browser tests. Without Chromium they are skipped with a loud warning on a
 * developer machine, and fail in CI (where .ci/run installs Chromium), so CI never goes green
 * without having run them.
 */
export function describeInBrowser(name: string, body: () => void): void {
  if (hasChromium()) {
    describe(name, body);
    return;
  }
  if (inCI())
    throw new Error(
      `Chromium is missing at ${browserPath()}: browser tests cannot run in CI. Install it with ${INSTALL_BROWSER}.`,
    );
  console.warn(
    `\n!!! SKIPPING BROWSER TESTS "${name}": no Chromium at ${browserPath()}. Install it with: ${INSTALL_BROWSER}\n`,
  );
  describe.skip(name, body);
}

/** Everything that went wrong while a page was open, by kind. */
export interface PageProblems {
  consoleErrors: string[];
  pageErrors: string[];
  failedRequests: string[];
  /** Requests to any host but the site itself. */
  foreignRequests: string[];
  /** Responses with status 400 or more. */
  badResponses: string[];
}

/** What {@link watchPage} records on a page where nothing went wrong. */
export const NO_PROBLEMS: Readonly<PageProblems> = Object.freeze({
  consoleErrors: [],
  pageErrors: [],
  failedRequests: [],
  foreignRequests: [],
  badResponses: [],
});

/** Records console errors, uncaught exceptions, failed and foreign requests on a page. */
export function watchPage(page: Page, origin: string): PageProblems {
  const problems: PageProblems = {
    consoleErrors: [],
    pageErrors: [],
    failedRequests: [],
    foreignRequests: [],
    badResponses: [],
  };
  page.on('console', (message) => {
    if (message.type() === 'error') problems.consoleErrors.push(message.text());
  });
  page.on('pageerror', (error) => problems.pageErrors.push(error.message));
  page.on('requestfailed', (request) =>
    problems.failedRequests.push(`${request.url()} (${request.failure()?.errorText})`),
  );
  page.on('request', (request) => {
    const url = request.url();
    if (!url.startsWith(origin) && !url.startsWith('data:') && !url.startsWith('blob:'))
      problems.foreignRequests.push(url);
  });
  page.on('response', (response) => {
    // The 404 page is served with status 404 on purpose.
    if (
      response.status() >= 400 &&
      !response.url().endsWith('/404.html') &&
      !response.url().includes('/no-such-page')
    ) {
      problems.badResponses.push(`${response.status()} ${response.url()}`);
    }
  });
  return problems;
}

/**
 * The run's browser, connected, and a static server for a built site, started before the
 * enclosing suite's tests and stopped after them. `dist` is read when the suite starts (it may be
 * built in an earlier hook).
 */
export function servedSite(dist: () => string): { browser: Browser; server: StaticServer } {
  const site = {} as { browser: Browser; server: StaticServer };
  beforeAll(async () => {
    [site.browser, site.server] = await Promise.all([connectBrowser(), serveStatic(dist())]);
  });
  afterAll(async () => {
    await site.browser?.close();
    await site.server?.close();
  });
  return site;
}

/** WCAG 2.0–2.2 A and AA, plus axe's best practices; no rule is disabled. */
export const AXE_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'best-practice'];

/** Axe itself, put into a page once per document by {@link axeViolations}. */
const AXE_SOURCE = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

/**
 * Axe's violations on the page as it is now, one line each ("rule: help — element, element"):
 * every rule of AXE_TAGS, or only `rules`, within `include` (a selector) or the whole page.
 * Axe is put into the page once per document and runs there; only the violation lines come back.
 * (@axe-core/playwright put axe into the page twice per check and sent every rule's result back:
 * a light and a dark check of a company page took 2.9 CPU-seconds of Chromium instead of 1.4.)
 */
export async function axeViolations(
  page: Page,
  options: { rules?: string[]; include?: string } = {},
): Promise<string[]> {
  // Not `'axe' in window`: an element with the id "axe" would be there under that name.
  const loaded = await page.evaluate(() => typeof (window as { axe?: { run?: unknown } }).axe?.run === 'function');
  if (!loaded) await page.evaluate(AXE_SOURCE);
  return page.evaluate(
    async ({ tags, rules, include }) => {
      const axe = (window as unknown as { axe: typeof import('axe-core') }).axe;
      const results = await axe.run(include ? { include: [include] } : document, {
        runOnly: rules ? { type: 'rule', values: rules } : { type: 'tag', values: tags },
        // Only violations are read: collecting the details of every passing check took a third of each run.
        resultTypes: ['violations'],
      });
      return results.violations.map((v) => `${v.id}: ${v.help} — ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
    },
    { tags: AXE_TAGS, rules: options.rules, include: options.include },
  );
}
