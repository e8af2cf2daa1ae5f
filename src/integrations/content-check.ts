import { watch } from 'node:fs';
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration, AstroIntegrationLogger } from 'astro';
import type { ViteDevServer } from 'vite';
import { checkContentAndImages } from '../lib/content/check';
import { buildStopped, problemCount, problemsPage, reportLines } from '../lib/content/check-report';
import { checkOnThread, checkWorkerScript } from '../lib/content/check-thread';
import { offerContentCheck, type CheckOutcome } from '../lib/content/check-offer';
import { latestRun } from '../lib/content/latest-run';
import { contentRoot, projectDir } from '../lib/content/locations';
import { toAstroError } from '../loaders/astro-error';

/** Requests for pages (not scripts, styles, images or Vite's own modules), which a problem page replaces. */
function isPageRequest(url: string | undefined, accept: string | undefined): boolean {
  const path = (url ?? '/').split('?')[0]!;
  if (path.startsWith('/@') || path.startsWith('/node_modules/') || path.startsWith('/_astro/')) return false;
  return (accept ?? '').includes('text/html') || path.endsWith('/') || path.endsWith('.html');
}

/**
 * In `astro dev`: the same check as the build, at start and after every change under the
 * content root, with the same lines in the terminal (Astro's logger) and in the browser. While
 * there are problems, every page request gets a page listing them (status 500), never a page
 * rendered from the last good content nor Astro's bare error page; pages already open show them
 * in Vite's overlay. Once the files are fixed, pages render again without a restart.
 */
function watchContent(server: ViteDevServer, logger: AstroIntegrationLogger, projectRoot: string): void {
  const root = resolve(contentRoot(projectRoot));
  let problems: string[] = [];
  let started = performance.now();
  const deliver = (found: string[]) => {
    const had = problems.length;
    problems = found;
    const ms = Math.round(performance.now() - started);
    if (problems.length > 0) {
      logger.error(`${problemCount(problems.length)} (checked in ${ms} ms):\n${reportLines(problems).join('\n')}`);
      server.ws.send({
        type: 'error',
        err: { message: `${problemCount(problems.length)}:\n${reportLines(problems).join('\n')}`, stack: '' },
      });
    } else if (had > 0) {
      logger.info(`The content has no problems any more (checked in ${ms} ms).`);
      server.ws.send({ type: 'full-reload' });
    }
  };
  const checks = latestRun(
    async () => {
      started = performance.now();
      return (await checkContentAndImages(root, projectRoot)).problems;
    },
    deliver,
    (error) => logger.error(`The content check stopped: ${error instanceof Error ? error.message : String(error)}`),
    100,
  );
  // Node's own watcher, not Vite's: Vite ignores some folders (such as those of build output),
  // and the content root may be anywhere.
  const watcher = watch(root, { recursive: true }, () => checks.changed());
  watcher.on('error', (error) => logger.warn(`Stopped watching ${root}: ${error.message}`));
  server.httpServer?.once('close', () => watcher.close());
  // Requests wait for the check of the latest change (src/lib/content/latest-run.ts).
  server.middlewares.use((req, res, next) => {
    void checks.settled().then(() => {
      if (problems.length === 0 || !isPageRequest(req.url, req.headers.accept)) return next();
      res.statusCode = 500;
      res.setHeader('content-type', 'text/html; charset=utf-8');
      res.setHeader('cache-control', 'no-store');
      res.end(problemsPage(problems));
    });
  });
}

/**
 * Checks the whole content root before a build renders or writes anything (layout, encoding,
 * YAML, schemas, references, relations, briefing bodies, links in briefings) and stops it with
 * every problem at once, one line each. Astro's own loaders would stop at the first broken file.
 * The check runs on a worker thread while Astro starts (src/lib/content/check-thread.ts).
 * The dev server runs the same check on every change (see {@link watchContent}).
 */
export function contentCheck(): AstroIntegration {
  let projectRoot = process.cwd();
  let check: Promise<CheckOutcome> | undefined;
  return {
    name: 'briefing-content-check',
    hooks: {
      'astro:config:setup': ({ command, config }) => {
        projectRoot = projectDir(config.srcDir);
        if (command !== 'build') return;
        // On a worker thread, while Astro starts, syncs the content and bundles the code; awaited
        // before any page is rendered, and by the content loader if a file fails to load.
        check = checkOnThread(contentRoot(projectRoot), projectRoot, checkWorkerScript(fileURLToPath(config.srcDir)));
        offerContentCheck(check);
      },
      'astro:build:start': async ({ logger }) => {
        if (!check) return;
        const waiting = performance.now();
        const outcome = await check;
        const waited = Math.round(performance.now() - waiting);
        check = undefined;
        offerContentCheck(undefined);
        if (outcome.problems.length > 0) throw toAstroError(buildStopped(outcome.problems));
        logger.info(
          `Checked ${outcome.files} content files in ${Math.round(outcome.ms)} ms` +
            (outcome.onThread ? ` on a worker thread while Astro started; the build waited ${waited} ms for it.` : '.'),
        );
      },
      'astro:server:setup': ({ server, logger }) => watchContent(server, logger, projectRoot),
    },
  };
}
