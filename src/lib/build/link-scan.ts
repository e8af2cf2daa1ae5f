import { createHash } from 'node:crypto';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { dirname, join } from 'node:path';
import { Worker } from 'node:worker_threads';
import { scanPage, type PageLinks } from './link-check.ts';
import type { ScanAnswer, ScanJob } from './link-scan-worker.ts';

/** The link check's cache of scanned pages, in the build's cache folder. */
export const LINK_SCAN_CACHE_FILE = 'link-scan.json';

/** Below this many files a single thread is faster than starting workers. */
const MIN_FILES_PER_WORKER = 200;

/** The worker script of a project (plain Node runs it). */
export function linkScanWorkerScript(root: string): string {
  return join(root, 'src/lib/build/link-scan-worker.ts');
}

/** Raised when what a scan finds changes, so results cached by an older scanner are not used. */
const SCAN_CACHE_VERSION = 1;

interface ScanCacheFile {
  version: number;
  /** By the SHA-1 of a page's HTML: its anchors and links. */
  pages: Record<string, { anchors: string[]; links: string[] }>;
}

function readScanCache(file: string): ScanCacheFile['pages'] {
  try {
    const cache = JSON.parse(readFileSync(file, 'utf8')) as ScanCacheFile;
    return cache.version === SCAN_CACHE_VERSION ? cache.pages : {};
  } catch {
    return {};
  }
}

/** What a scan answers for one file: its anchors and links, and its hash when a cache is kept. */
export interface ScannedFile {
  /** SHA-1 of the file's bytes (base64url), when the scan was given the hashes it knows. */
  hash?: string;
  /** Left out when the hash was known: the cache holds them. */
  anchors?: string[];
  links?: string[];
}

/**
 * Reads and scans `files`, in order. Given `known` (hashes of pages scanned before), each file is
 * hashed, and one whose hash is known is not parsed again.
 */
export function scanJob(files: readonly string[], known?: ReadonlySet<string>): ScannedFile[] {
  return files.map((file) => {
    const bytes = readFileSync(file);
    const scan = (): ScannedFile => {
      const page = scanPage(bytes.toString('utf8'));
      return { anchors: [...page.anchors], links: page.links };
    };
    if (!known) return scan();
    const hash = createHash('sha1').update(bytes).digest('base64url');
    return known.has(hash) ? { hash } : { hash, ...scan() };
  });
}

/**
 * The anchors and links of every file in `files`, in order. With `cacheFile`, a page whose HTML is
 * byte for byte one scanned before (an incremental build reuses most pages) is not parsed again:
 * results are kept by a hash of the HTML, and the file is rewritten with this scan's pages only.
 * Files are read, hashed and parsed on worker threads (one per core, at most `threads`), so the
 * link check after a build uses every core; few files are scanned on this thread. A worker that
 * fails fails the scan.
 */
export async function scanFiles(
  files: readonly string[],
  { script, threads = availableParallelism(), cacheFile }: { script: string; threads?: number; cacheFile?: string },
): Promise<PageLinks[]> {
  const cached = cacheFile ? readScanCache(cacheFile) : undefined;
  const answers = await scanAll(files, script, threads, cached && Object.keys(cached));
  const pages: ScanCacheFile['pages'] = {};
  const result = answers.map(({ hash, anchors, links }) => {
    const page = anchors && links ? { anchors, links } : cached![hash!]!;
    if (hash !== undefined) pages[hash] = page;
    return { anchors: new Set(page.anchors), links: page.links };
  });
  if (cacheFile) {
    mkdirSync(dirname(cacheFile), { recursive: true });
    writeFileSync(cacheFile, JSON.stringify({ version: SCAN_CACHE_VERSION, pages } satisfies ScanCacheFile));
  }
  return result;
}

async function scanAll(
  files: readonly string[],
  script: string,
  threads: number,
  known: string[] | undefined,
): Promise<ScannedFile[]> {
  const workers = Math.max(1, Math.min(threads, Math.floor(files.length / MIN_FILES_PER_WORKER)));
  if (workers === 1) return scanJob(files, known && new Set(known));
  const size = Math.ceil(files.length / workers);
  const chunks = Array.from({ length: workers }, (_, i) => files.slice(i * size, (i + 1) * size));
  const answers = await Promise.all(
    chunks.map((chunk) => scanOnWorker(script, known ? { files: chunk, known } : { files: chunk })),
  );
  return answers.flat();
}

function scanOnWorker(script: string, job: ScanJob): Promise<ScannedFile[]> {
  return new Promise((resolve, reject) => {
    const worker = new Worker(script, { workerData: job });
    let answered = false;
    worker.once('message', (answer: ScanAnswer) => {
      answered = true;
      void worker.terminate();
      if (answer.ok) resolve(answer.pages);
      else reject(new Error(`The link check could not read the built pages:\n${answer.error}`));
    });
    worker.once('error', (error) => reject(new Error(`A link-scan worker failed: ${error.message}`, { cause: error })));
    worker.once('exit', (code) => {
      if (!answered) reject(new Error(`A link-scan worker stopped before answering (exit code ${code}).`));
    });
  });
}
