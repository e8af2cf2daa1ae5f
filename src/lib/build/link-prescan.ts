import { join } from 'node:path';
import { Worker } from 'node:worker_threads';
import type { ScanCacheFile } from './link-scan.ts';

/**
 * The link check's scan of pages while Astro renders them. Astro renders pages on one thread and
 * the link check read and parsed every page again after the build (8 s at 10,000 pages). Here a
 * worker thread parses each page's HTML as soon as it is rendered (src/middleware.ts hands it
 * over), on a core the renderer leaves idle, and keeps what it finds by the SHA-1 of the HTML.
 * The check after the build then parses only files whose bytes no scan has seen: a file Astro
 * wrote differently from what the middleware saw is simply parsed again.
 *
 * Given a folder of search extracts (src/lib/build/search-pages.ts), the same worker cuts from
 * each page the part Pagefind reads (src/lib/build/search-extract.ts) and writes it there, at the
 * page's path, while the next pages render; the check after the build keeps each such file only
 * if the built page has the HTML it was cut from.
 */

/** The worker script of a project (plain Node runs it). */
export function linkPrescanWorkerScript(root: string): string {
  return join(root, 'src/lib/build/link-prescan-worker.ts');
}

/** What the build's rendering hands the prescan, and what the check after the build takes. */
export interface Prescan {
  /**
   * One rendered page's HTML, the bytes that will be written (a copy is handed to the worker), and
   * its URL path (`/companies/acme/`), where its search extract goes.
   */
  add(html: Uint8Array, path?: string): void;
  /** Stops the worker; what it found in the pages. Fails if the worker did. */
  finish(): Promise<PrescanResult>;
  /** How many pages were handed over. */
  readonly added: number;
}

/** What a prescan found in the pages handed over. */
export interface PrescanResult {
  /** Their anchors and links by the hash of their HTML (`htmlHash`), in the link-scan cache's form. */
  scanned: ScanCacheFile;
  /**
   * The search extracts written into the folder (`searchExtract`): by file path in the built site
   * (`companies/acme/index.html`), the hash of the HTML each was cut from.
   */
  extracts: Map<string, string>;
}

/** What the worker is started with: where to write search extracts, if anywhere. */
export interface PrescanOptions {
  extractsFolder?: string;
}

/** A rendered page as handed to the worker: its HTML (UTF-8) and URL path. */
export interface PrescanPage {
  html: Uint8Array;
  path?: string;
}

/** Messages to the worker: rendered pages, or the end. */
export type PrescanMessage = { pages: PrescanPage[] } | { done: true };

/**
 * Pages handed to the worker in one message. Each message takes a lock the worker also takes to
 * read its messages; while cards are drawn the worker often loses its core holding it, and the
 * rendering thread waits there. Handing pages over one at a time cost the rendering thread 633 ms
 * of a cold 1,000-page build (91 ms sixteen at a time), 1 s of a warm 10,000-page one, and 7.5 s
 * of a cold 10,000-page one whose card workers were kept busier; a replay with a busy third
 * thread: 0.8–0.9 s of waiting, 0.13–0.18 s sixteen at a time (about 1 MB a message).
 */
export const PRESCAN_BATCH = 16;

/** What the worker answers once, at the end. */
export type PrescanAnswer =
  { ok: true; scanned: ScanCacheFile; extracts: [file: string, hash: string][] } | { ok: false; error: string };

/** Starts a prescan on a worker thread running `script`. */
export function startPrescan(script: string, options: PrescanOptions = {}): Prescan {
  // A small young generation: the worker lives through the rendering, when a 1,000-page build's
  // memory peaks (within a few percent of a bare Starlight build's). With 4 MB instead of 16 the
  // worker added 29 MiB to the peak instead of 36 (a replay of 1,172 pages, three runs each), as fast.
  const worker = new Worker(script, {
    resourceLimits: { maxYoungGenerationSizeMb: 4 },
    workerData: options satisfies PrescanOptions,
  });
  let added = 0;
  let failure: Error | undefined;
  let batch: PrescanPage[] = [];
  const send = () => {
    if (batch.length === 0) return;
    worker.postMessage(
      { pages: batch } satisfies PrescanMessage,
      batch.map((page) => page.html.buffer as ArrayBuffer),
    );
    batch = [];
  };
  const answered = new Promise<PrescanResult>((resolve, reject) => {
    worker.once('message', (answer: PrescanAnswer) => {
      void worker.terminate();
      if (answer.ok) resolve({ scanned: answer.scanned, extracts: new Map(answer.extracts) });
      else reject(new Error(`The link check could not scan the rendered pages:\n${answer.error}`));
    });
    worker.once('error', (error) => {
      failure = new Error(`The link check's prescan worker failed: ${error.message}`, { cause: error });
      reject(failure);
    });
    worker.once('exit', (code) => reject(new Error(`The link check's prescan worker stopped (exit code ${code}).`)));
  });
  // A failure surfaces when the check asks for the result, not as an unhandled rejection.
  answered.catch(() => {});
  // A build that fails before its check must not be kept running by the worker (finish() takes it
  // back). After the listeners: adding one refers the worker again.
  worker.unref();
  return {
    add(html, path) {
      if (failure) return;
      added++;
      // A copy of its own, handed over (transferred) with the batch.
      batch.push({ html: html.slice(), ...(path === undefined ? {} : { path }) });
      if (batch.length >= PRESCAN_BATCH) send();
    },
    finish() {
      worker.ref();
      if (!failure) {
        send();
        worker.postMessage({ done: true } satisfies PrescanMessage);
      }
      return answered;
    },
    get added() {
      return added;
    },
  };
}

const CURRENT = Symbol.for('briefing.link-prescan');
type Holder = { [CURRENT]?: Prescan };

/**
 * The prescan of the build in progress, shared by the integration that starts and finishes it and
 * the middleware that feeds it (Astro loads them as separate module instances); none outside a build.
 */
export function currentPrescan(): Prescan | undefined {
  return (globalThis as Holder)[CURRENT];
}

/** Sets (or, with undefined, clears) the prescan of the build in progress. */
export function setCurrentPrescan(prescan: Prescan | undefined): void {
  if (prescan) (globalThis as Holder)[CURRENT] = prescan;
  else delete (globalThis as Holder)[CURRENT];
}

/** True for a response whose body is a page the link check reads: HTML, not a redirect. */
export function isScannablePage(response: Response): boolean {
  return (
    (response.status < 300 || response.status >= 400) &&
    (response.headers.get('content-type') ?? '').toLowerCase().startsWith('text/html')
  );
}
