/** The reader's first search query on a built site, as the benchmark reports it. */
import { browserPath, hasChromium, launchBrowser, openPage } from '../lib/browser.ts';
import { measureFirstQuery, type SearchWeight } from '../lib/search-weight.ts';
import { serveStatic } from '../lib/static-server.ts';
import type { SearchResult } from './report.ts';

/**
 * Serves `dist` as a static host does, opens its home page in headless Chromium, and measures
 * the header search's first query for `query` (scripts/lib/search-weight.ts). Null without Chromium.
 */
export async function measureQuery(dist: string, query: string): Promise<SearchWeight | null> {
  if (!hasChromium()) return null;
  const server = await serveStatic(dist);
  try {
    const browser = await launchBrowser();
    try {
      const { page, close } = await openPage(browser, { viewport: { width: 1280, height: 900 } });
      const weight = await measureFirstQuery(page, server.origin, dist, '/', query);
      await close();
      return weight;
    } finally {
      await browser.close();
    }
  } finally {
    await server.close();
  }
}

/**
 * The search row: the first query for `query` on our site in `dist`, beside `bare`, the same kind
 * of query measured on the bare Starlight site of as many pages. Without Chromium the row is
 * reported as not measured rather than failing the benchmark.
 */
export async function measureSearch(
  dist: string,
  pages: number,
  query: string,
  bare: SearchWeight | null = null,
): Promise<SearchResult> {
  const weight = await measureQuery(dist, query);
  if (!weight) return { pages, measured: false, query, reason: `not measured (no ${browserPath()})` };
  return { pages, measured: true, bare, ...weight };
}
