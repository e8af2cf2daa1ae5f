import { existsSync, statSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { waitInPage } from './browser.ts';

/** What a reader's first search downloads: each request after intent, with the file's size. */
export interface SearchWeight {
  query: string;
  requests: number;
  bytes: number;
  files: { url: string; bytes: number }[];
}

/**
 * Opens `path`, waits until it is idle, then opens the header search with Ctrl+K, types `query`
 * and waits for results; returns every request made from the moment of intent, sized as served
 * from `dist` (Pagefind's index files are compressed already).
 */
export async function measureFirstQuery(
  page: Page,
  origin: string,
  dist: string,
  path: string,
  query: string,
): Promise<SearchWeight> {
  const files: { url: string; bytes: number }[] = [];
  let recording = false;
  page.on('requestfinished', (request) => {
    if (!recording) return;
    const url = request.url().replace(origin, '');
    const file = join(dist, decodeURIComponent(url.split('?')[0]!));
    files.push({ url, bytes: existsSync(file) && statSync(file).isFile() ? statSync(file).size : 0 });
  });
  await page.goto(`${origin}${path}`, { waitUntil: 'networkidle' });
  await page.waitForTimeout(300);
  recording = true;
  await page.keyboard.press('Control+k');
  await page.keyboard.type(query);
  await waitInPage(page, () => Boolean(document.querySelector('dialog[open] .search-result-title')), 30_000);
  await page.waitForTimeout(300);
  return { query, requests: files.length, bytes: files.reduce((sum, f) => sum + f.bytes, 0), files };
}
