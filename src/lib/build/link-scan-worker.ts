import { parentPort, workerData } from 'node:worker_threads';
import { scanJob, type ScannedFile } from './link-scan.ts';

/**
 * A link-scan worker ({@link scanFiles} starts one per core): reads, hashes and scans the HTML
 * files it is given and answers once, in the same order. Plain Node runs this file.
 */

/** What a worker is given: its files, and the hashes of pages scanned before (not parsed again). */
export interface ScanJob {
  files: string[];
  known?: string[];
}

/** What a worker answers: one entry per file. */
export type ScanAnswer = { ok: true; pages: ScannedFile[] } | { ok: false; error: string };

if (parentPort) {
  const { files, known } = workerData as ScanJob;
  let answer: ScanAnswer;
  try {
    answer = { ok: true, pages: scanJob(files, known && new Set(known)) };
  } catch (error) {
    answer = { ok: false, error: (error as Error).stack ?? String(error) };
  }
  parentPort.postMessage(answer);
}
