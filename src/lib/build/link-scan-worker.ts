import { readFileSync } from 'node:fs';
import { parentPort, workerData } from 'node:worker_threads';
import { scanPage } from './link-check.ts';

/**
 * A link-scan worker ({@link scanFiles} starts one per core): reads and scans the HTML files it
 * is given and answers once with their anchors and links, in the same order. Plain Node runs this
 * file.
 */

/** What a worker is given. */
export interface ScanJob {
  files: string[];
}

/** What a worker answers: one entry per file, anchors as a list (Sets do not cross threads). */
export type ScanAnswer = { ok: true; pages: { anchors: string[]; links: string[] }[] } | { ok: false; error: string };

if (parentPort) {
  const { files } = workerData as ScanJob;
  let answer: ScanAnswer;
  try {
    answer = {
      ok: true,
      pages: files.map((file) => {
        const page = scanPage(readFileSync(file, 'utf8'));
        return { anchors: [...page.anchors], links: page.links };
      }),
    };
  } catch (error) {
    answer = { ok: false, error: (error as Error).stack ?? String(error) };
  }
  parentPort.postMessage(answer);
}
