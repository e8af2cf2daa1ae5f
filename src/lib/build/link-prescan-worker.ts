import { parentPort } from 'node:worker_threads';
import { scanPage } from './link-check.ts';
import type { PrescanAnswer, PrescanMessage } from './link-prescan.ts';
import { htmlHash, ScanCacheWriter } from './link-scan.ts';
import { searchExtract } from './search-extract.ts';

/**
 * The prescan's worker ({@link startPrescan}): scans each page's HTML it is sent and cuts its
 * search extract, keeps both by the hash of the HTML, and answers once when told the build is
 * done. Plain Node runs this file.
 */

if (parentPort) {
  const port = parentPort;
  const scanned = new ScanCacheWriter();
  // UTF-8 bytes, each in a buffer of its own: no string cut from a page keeps the page alive, and
  // the buffers are handed back without a copy.
  const extracts = new Map<string, Uint8Array>();
  const encoder = new TextEncoder();
  let error: string | undefined;
  port.on('message', (message: PrescanMessage) => {
    if ('html' in message) {
      if (error) return;
      try {
        const bytes = message.html;
        const hash = htmlHash(bytes);
        const html = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('utf8');
        scanned.add(hash, scanPage(html));
        if (!extracts.has(hash)) extracts.set(hash, encoder.encode(searchExtract(html)));
      } catch (failure) {
        error = (failure as Error).stack ?? String(failure);
      }
      return;
    }
    if (error) port.postMessage({ ok: false, error } satisfies PrescanAnswer);
    else {
      const answer: PrescanAnswer = { ok: true, scanned: scanned.file(), extracts: [...extracts] };
      port.postMessage(
        answer,
        [...extracts.values()].map((bytes) => bytes.buffer as ArrayBuffer),
      );
    }
    port.close();
  });
}
