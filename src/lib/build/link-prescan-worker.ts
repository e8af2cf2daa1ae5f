import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { parentPort, workerData } from 'node:worker_threads';
import { pageFile } from './built-files.ts';
import type { PrescanAnswer, PrescanMessage, PrescanOptions } from './link-prescan.ts';
import { htmlHash, ScanCacheWriter } from './link-scan.ts';
import { scanAndExtract } from './search-extract.ts';
import { scanPage } from './link-check.ts';

/**
 * The prescan's worker ({@link startPrescan}): scans each page's HTML it is sent and keeps what it
 * finds by the hash of the HTML; given a folder of search extracts, cuts each page's extract and
 * writes it there at the page's file. Answers once, when told the build is done. Plain Node runs
 * this file.
 */

if (parentPort) {
  const port = parentPort;
  const { extractsFolder } = (workerData ?? {}) as PrescanOptions;
  const scanned = new ScanCacheWriter();
  const extracts = new Map<string, string>();
  let error: string | undefined;
  port.on('message', (message: PrescanMessage) => {
    if ('pages' in message) {
      for (const page of message.pages) {
        if (error) return;
        try {
          const bytes = page.html;
          const hash = htmlHash(bytes);
          const html = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('utf8');
          const file = extractsFolder && page.path !== undefined ? pageFile(page.path) : undefined;
          if (extractsFolder && file !== undefined) {
            // One reading of the page for both; the extract written here, on the core the renderer
            // leaves idle, not after the build.
            const { links, extract } = scanAndExtract(html);
            scanned.add(hash, links);
            const target = join(extractsFolder, file);
            mkdirSync(dirname(target), { recursive: true });
            writeFileSync(target, extract);
            extracts.set(file, hash);
          } else {
            scanned.add(hash, scanPage(html));
          }
        } catch (failure) {
          error = (failure as Error).stack ?? String(failure);
        }
      }
      return;
    }
    port.postMessage(
      (error
        ? { ok: false, error }
        : { ok: true, scanned: scanned.file(), extracts: [...extracts] }) satisfies PrescanAnswer,
    );
    port.close();
  });
}
