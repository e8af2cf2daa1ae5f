import { existsSync, readFileSync, statSync } from 'node:fs';
import { extname, join } from 'node:path';
import { gzipSync } from 'node:zlib';
import type { Page } from 'playwright-core';
import { waitInPage } from './browser.ts';

/** One file a search downloaded: its size in dist/, and as a host that gzips text serves it. */
export interface SearchFile {
  url: string;
  bytes: number;
  servedBytes: number;
}

/** What a reader's first search downloads: each request after intent, with the file's size. */
export interface SearchWeight {
  query: string;
  requests: number;
  /** Sum of the files' sizes in dist/. */
  bytes: number;
  /** Sum of the files' sizes as served: text gzipped ({@link servedSize}), the rest as is. */
  servedBytes: number;
  files: SearchFile[];
  /** Requests for /pagefind/ files made before the reader showed intent (none is the goal). */
  pagefindBeforeIntent: number;
}

/**
 * Files a static host compresses on the fly. Pagefind's own index, fragment and WebAssembly files
 * (`*.pf_*`, `*.pagefind`) are gzipped when written, and images and fonts are compressed formats.
 */
const TEXT_TYPES = new Set(['.html', '.js', '.mjs', '.css', '.json', '.svg', '.txt', '.xml', '.map']);

/** Size of `file` as served: gzipped (zlib's default level, as hosts use) when it is text, else as is. */
export function servedSize(file: string): number {
  if (!existsSync(file) || !statSync(file).isFile()) return 0;
  if (!TEXT_TYPES.has(extname(file).toLowerCase())) return statSync(file).size;
  return gzipSync(readFileSync(file)).length;
}

/**
 * Served bytes of the files a search loads whatever the query: everything but Pagefind's index
 * chunks and result fragments (its scripts, WebAssembly and page metadata, which grows with the
 * number of pages).
 */
export function beforeIndexChunks(files: readonly SearchFile[]): number {
  return files.filter((f) => !/^\/pagefind\/(index|fragment)\//.test(f.url)).reduce((sum, f) => sum + f.servedBytes, 0);
}

/**
 * Opens `path`, waits until it is idle, then opens the header search with Ctrl+K, types `query`
 * and waits for results; returns every request made from the moment of intent, sized as found in
 * `dist` and as served (see {@link servedSize}), and how many /pagefind/ requests came before.
 */
export async function measureFirstQuery(
  page: Page,
  origin: string,
  dist: string,
  path: string,
  query: string,
): Promise<SearchWeight> {
  const files: SearchFile[] = [];
  let recording = false;
  let pagefindBeforeIntent = 0;
  page.on('requestfinished', (request) => {
    const url = request.url().replace(origin, '');
    if (!recording) {
      if (url.startsWith('/pagefind/')) pagefindBeforeIntent++;
      return;
    }
    const file = join(dist, decodeURIComponent(url.split('?')[0]!));
    const bytes = existsSync(file) && statSync(file).isFile() ? statSync(file).size : 0;
    files.push({ url, bytes, servedBytes: servedSize(file) });
  });
  await page.goto(`${origin}${path}`, { waitUntil: 'networkidle' });
  await page.waitForTimeout(300);
  recording = true;
  await page.keyboard.press('Control+k');
  await page.keyboard.type(query);
  // This site's results, or those of Starlight's own Pagefind UI (the bare baseline).
  const results = () =>
    Boolean(document.querySelector('dialog[open] .search-result-title, dialog[open] .pagefind-ui__result-title'));
  await waitInPage(page, results, 30_000);
  await page.waitForTimeout(300);
  return {
    query,
    requests: files.length,
    bytes: files.reduce((sum, f) => sum + f.bytes, 0),
    servedBytes: files.reduce((sum, f) => sum + f.servedBytes, 0),
    files,
    pagefindBeforeIntent,
  };
}
