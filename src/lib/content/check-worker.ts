import { existsSync } from 'node:fs';
import { registerHooks } from 'node:module';
import { fileURLToPath } from 'node:url';
import { parentPort, workerData } from 'node:worker_threads';
import type { CheckWorkerAnswer, CheckWorkerData } from './check-thread.ts';

/**
 * The content check on a worker thread ({@link checkOnThread}): runs the build's whole content
 * check and answers with its problems. Plain Node runs this file, with TypeScript's syntax
 * transformed (`--experimental-transform-types`); the modules of `src/` import each other without
 * file extensions, as Vite resolves them, so relative imports are resolved here the same way.
 */

registerHooks({
  resolve(specifier, context, next) {
    const relative = specifier.startsWith('./') || specifier.startsWith('../');
    if (relative && context.parentURL?.startsWith('file:') && !/\.(?:[cm]?[jt]sx?|json)$/.test(specifier)) {
      for (const suffix of ['.ts', '/index.ts']) {
        const url = new URL(`${specifier}${suffix}`, context.parentURL);
        if (existsSync(fileURLToPath(url))) return next(url.href, context);
      }
    }
    return next(specifier, context);
  },
});

if (parentPort) {
  const port = parentPort;
  const { root, projectRoot } = workerData as CheckWorkerData;
  const answer = (message: CheckWorkerAnswer) => port.postMessage(message);
  try {
    const { checkContentAndImages } = await import('./check.ts');
    const report = await checkContentAndImages(root, projectRoot);
    answer({ problems: report.problems, files: report.files });
  } catch (error) {
    answer({ failed: error instanceof Error ? (error.stack ?? error.message) : String(error) });
  }
}
