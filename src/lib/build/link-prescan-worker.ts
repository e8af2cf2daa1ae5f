import { parentPort } from 'node:worker_threads';
import { scanPage } from './link-check.ts';
import type { PrescanAnswer, PrescanMessage } from './link-prescan.ts';
import { htmlHash, ScanCacheWriter } from './link-scan.ts';

/**
 * The prescan's worker ({@link startPrescan}): scans each page's HTML it is sent, keeps what it
 * finds by the hash of the HTML, and answers once when told the build is done. Plain Node runs
 * this file.
 */

if (parentPort) {
  const port = parentPort;
  const scanned = new ScanCacheWriter();
  let error: string | undefined;
  port.on('message', (message: PrescanMessage) => {
    if ('html' in message) {
      if (error) return;
      try {
        const html = message.html;
        scanned.add(
          htmlHash(html),
          scanPage(Buffer.from(html.buffer, html.byteOffset, html.byteLength).toString('utf8')),
        );
      } catch (failure) {
        error = (failure as Error).stack ?? String(failure);
      }
      return;
    }
    port.postMessage((error ? { ok: false, error } : { ok: true, scanned: scanned.file() }) satisfies PrescanAnswer);
    port.close();
  });
}
