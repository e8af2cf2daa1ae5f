import { readFileSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { join } from 'node:path';
import { Worker } from 'node:worker_threads';
import { scanPage, type PageLinks } from './link-check.ts';
import type { ScanAnswer } from './link-scan-worker.ts';

/** Below this many files a single thread is faster than starting workers. */
const MIN_FILES_PER_WORKER = 200;

/** The worker script of a project (plain Node runs it). */
export function linkScanWorkerScript(root: string): string {
  return join(root, 'src/lib/build/link-scan-worker.ts');
}

/**
 * The anchors and links of every file in `files`, in order, read and parsed on worker threads
 * (one per core, at most `threads`), so the link check after a build uses every core. Few files
 * are scanned on this thread. A worker that fails fails the scan.
 */
export async function scanFiles(
  files: readonly string[],
  { script, threads = availableParallelism() }: { script: string; threads?: number },
): Promise<PageLinks[]> {
  const workers = Math.max(1, Math.min(threads, Math.floor(files.length / MIN_FILES_PER_WORKER)));
  if (workers === 1) return files.map((file) => scanPage(readFileSync(file, 'utf8')));
  const size = Math.ceil(files.length / workers);
  const chunks = Array.from({ length: workers }, (_, i) => files.slice(i * size, (i + 1) * size));
  const answers = await Promise.all(chunks.map((chunk) => scanOnWorker(script, chunk)));
  return answers.flat();
}

function scanOnWorker(script: string, files: string[]): Promise<PageLinks[]> {
  return new Promise((resolve, reject) => {
    const worker = new Worker(script, { workerData: { files } });
    let answered = false;
    worker.once('message', (answer: ScanAnswer) => {
      answered = true;
      void worker.terminate();
      if (answer.ok) resolve(answer.pages.map((page) => ({ anchors: new Set(page.anchors), links: page.links })));
      else reject(new Error(`The link check could not read the built pages:\n${answer.error}`));
    });
    worker.once('error', (error) => reject(new Error(`A link-scan worker failed: ${error.message}`, { cause: error })));
    worker.once('exit', (code) => {
      if (!answered) reject(new Error(`A link-scan worker stopped before answering (exit code ${code}).`));
    });
  });
}
