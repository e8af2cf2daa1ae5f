import { join } from 'node:path';
import { Worker } from 'node:worker_threads';
import { checkContentAndImages } from './check';
import type { CheckOutcome } from './check-offer';

/**
 * A build's content check, run on a worker thread while Astro starts, syncs the content and
 * bundles the code on the main thread (at 10,000 files the check takes about 1.5 s, which the build
 * waited for before Astro did anything else). Its result is awaited before any page is rendered
 * (src/integrations/content-check.ts), and by the content loader when a file fails to load, so
 * that a build with mistakes still reports every problem at once (src/loaders/validated-glob.ts,
 * through check-offer.ts).
 */

/** What the worker is given. */
export interface CheckWorkerData {
  root: string;
  projectRoot: string;
}

/** What the worker answers: the check's problems and how many files it read, or why it could not check. */
export type CheckWorkerAnswer = { problems: string[]; files: number } | { failed: string };

/** The worker's script, in the project's source folder. */
export function checkWorkerScript(srcDir: string): string {
  return join(srcDir, 'lib/content/check-worker.ts');
}

/**
 * Checks the content root `root` on a worker thread. Where the worker cannot run the check (a Node
 * without the module hooks it needs, a script that fails to load), it runs on this thread instead,
 * as it did before, with the same result.
 */
export function checkOnThread(root: string, projectRoot: string, script: string): Promise<CheckOutcome> {
  const started = performance.now();
  const inProcess = async (): Promise<CheckOutcome> => {
    const report = await checkContentAndImages(root, projectRoot);
    return { problems: report.problems, files: report.files, ms: performance.now() - started, onThread: false };
  };
  return new Promise<CheckWorkerAnswer>((resolve, reject) => {
    const worker = new Worker(script, {
      workerData: { root, projectRoot } satisfies CheckWorkerData,
      execArgv: ['--experimental-transform-types', '--disable-warning=ExperimentalWarning'],
    });
    worker.once('message', (answer: CheckWorkerAnswer) => {
      resolve(answer);
      void worker.terminate();
    });
    worker.once('error', reject);
    worker.once('exit', (code) => reject(new Error(`The content check's worker stopped (exit code ${code}).`)));
  }).then(
    (answer) =>
      'failed' in answer
        ? inProcess()
        : { problems: answer.problems, files: answer.files, ms: performance.now() - started, onThread: true },
    () => inProcess(),
  );
}
