import { createHash } from 'node:crypto';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { dirname, join } from 'node:path';
import { Worker } from 'node:worker_threads';
import { fileIdentity } from './file-identity.ts';
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

/** Raised when what a scan finds or the cache's format changes, so an older cache is not used. */
const SCAN_CACHE_VERSION = 3;

/** By the SHA-1 of a page's HTML (base64url): its anchors and links. */
type ScannedPages = Record<string, { anchors: string[]; links: string[] }>;

/**
 * The cache file: every anchor and link written once in `strings`, and each page, by the SHA-1 of
 * its HTML, as the indexes of its anchors and of its links. Links repeat on page after page (the
 * header, the sidebar, lists of the same entities): at 10,000 pages the file is 8 MB instead of
 * the 29 MB of one list per page, and reading plus writing it takes 0.5 s instead of 1.4 s.
 */
export interface ScanCacheFile {
  version: number;
  strings: string[];
  pages: Record<string, [anchors: number[], links: number[]]>;
  /**
   * By path, the file's identity when it was scanned ({@link fileIdentity}) and the hash of its
   * HTML: a file with the same identity in the next build is not read again.
   */
  files?: Record<string, [identity: string, hash: string]>;
}

/**
 * Builds a cache file page by page, each anchor and link string kept once (see
 * {@link ScanCacheFile}): what a scan holds while it runs stays as small as the file.
 */
export class ScanCacheWriter {
  readonly #strings: string[] = [];
  readonly #index = new Map<string, number>();
  readonly #pages: ScanCacheFile['pages'] = {};

  #id(text: string): number {
    let at = this.#index.get(text);
    if (at === undefined) this.#index.set(text, (at = this.#strings.push(text) - 1));
    return at;
  }

  /** Adds the page whose HTML has this hash. */
  add(hash: string, page: { anchors: Iterable<string>; links: readonly string[] }): void {
    this.#pages[hash] = [[...page.anchors].map((text) => this.#id(text)), page.links.map((text) => this.#id(text))];
  }

  file(files?: ScanCacheFile['files']): ScanCacheFile {
    return { version: SCAN_CACHE_VERSION, strings: this.#strings, pages: this.#pages, ...(files ? { files } : {}) };
  }
}

/** `pages` (and the files' identities) in the cache file's form (see {@link ScanCacheFile}). */
export function encodeScanCache(pages: ScannedPages, files?: ScanCacheFile['files']): ScanCacheFile {
  const writer = new ScanCacheWriter();
  for (const [hash, page] of Object.entries(pages)) writer.add(hash, page);
  return writer.file(files);
}

/** The pages of a cache file's content; throws when it is of another version or inconsistent. */
export function decodeScanCache(cache: ScanCacheFile): ScannedPages {
  if (cache.version !== SCAN_CACHE_VERSION) throw new Error(`A link-scan cache of version ${cache.version}.`);
  const text = (at: number) => {
    const found = cache.strings[at];
    if (typeof found !== 'string') throw new Error(`No string ${at} in the link-scan cache.`);
    return found;
  };
  const pages: ScannedPages = {};
  for (const [hash, [anchors, links]] of Object.entries(cache.pages)) {
    pages[hash] = { anchors: anchors.map(text), links: links.map(text) };
  }
  return pages;
}

/**
 * The pages of a cache file and the files' identities; none when it is missing, unreadable, of
 * another version or inconsistent.
 */
function readScanCache(file: string): { pages: ScannedPages; files: NonNullable<ScanCacheFile['files']> } {
  try {
    const cache = JSON.parse(readFileSync(file, 'utf8')) as ScanCacheFile;
    return { pages: decodeScanCache(cache), files: cache.files ?? {} };
  } catch {
    return { pages: {}, files: {} };
  }
}

/** The key of a page's HTML in a scan cache: the SHA-1 (base64url) of its bytes as written (UTF-8). */
export function htmlHash(html: string | Uint8Array): string {
  return createHash('sha1').update(html).digest('base64url');
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
    const hash = htmlHash(bytes);
    return known.has(hash) ? { hash } : { hash, ...scan() };
  });
}

/** Options of {@link scanFiles}. */
export interface ScanOptions {
  /** The worker script ({@link linkScanWorkerScript}). */
  script: string;
  /** At most this many worker threads (default: one per core). */
  threads?: number;
  /** The cache of pages scanned by earlier builds, read and then rewritten with this scan's pages. */
  cacheFile?: string;
  /** Pages scanned while this build rendered them (src/lib/build/link-prescan.ts). */
  prescanned?: ScanCacheFile;
  /**
   * Filled in: how many files were parsed, their HTML scanned by no earlier build nor the prescan;
   * how many were read (the others, with a cache, the same files as in its last scan); and each
   * file's hash, when a cache or a prescan was given (else undefined).
   */
  report?: { parsed: number; read?: number; hashes?: (string | undefined)[] };
}

/**
 * The anchors and links of every file in `files`, in order. With `cacheFile` or `prescanned`, a
 * page whose HTML is byte for byte one scanned before (an incremental build reuses most pages; the
 * prescan saw the rest as they were rendered) is not parsed again: results are kept by a hash of
 * the HTML, and the cache file is rewritten with this scan's pages only. Files are read, hashed
 * and parsed on worker threads (one per core, at most `threads`), so the link check after a build
 * uses every core; few files are scanned on this thread. A worker that fails fails the scan.
 */
export async function scanFiles(
  files: readonly string[],
  { script, threads = availableParallelism(), cacheFile, prescanned, report }: ScanOptions,
): Promise<PageLinks[]> {
  const previous = cacheFile ? readScanCache(cacheFile) : undefined;
  const cached =
    cacheFile || prescanned
      ? { ...(previous?.pages ?? {}), ...(prescanned ? decodeScanCache(prescanned) : {}) }
      : undefined;
  // With a cache, each file's identity before it is read (so it never stands for newer bytes): a
  // file the last scan saw with the same identity, and whose page the cache has, is not read.
  const identities = cacheFile ? files.map(fileIdentity) : undefined;
  const answers: ScannedFile[] = new Array(files.length);
  const unread: number[] = [];
  for (const [i, file] of files.entries()) {
    const seen = identities?.[i] !== undefined ? previous?.files[file] : undefined;
    if (seen && seen[0] === identities![i] && cached?.[seen[1]]) answers[i] = { hash: seen[1] };
    else unread.push(i);
  }
  const read = await scanAll(
    unread.map((i) => files[i]!),
    script,
    threads,
    cached && Object.keys(cached),
  );
  for (const [n, i] of unread.entries()) answers[i] = read[n]!;
  const pages: ScannedPages = {};
  let parsed = 0;
  const result = answers.map(({ hash, anchors, links }) => {
    const fresh = anchors && links ? { anchors, links } : undefined;
    if (fresh) parsed++;
    const page = fresh ?? cached![hash!]!;
    if (hash !== undefined) pages[hash] = page;
    return { anchors: new Set(page.anchors), links: page.links };
  });
  if (report) {
    report.parsed = parsed;
    report.read = unread.length;
    report.hashes = answers.map((answer) => answer.hash);
  }
  if (cacheFile) {
    const known: NonNullable<ScanCacheFile['files']> = {};
    for (const [i, file] of files.entries()) {
      const [identity, hash] = [identities![i], answers[i]!.hash];
      if (identity !== undefined && hash !== undefined) known[file] = [identity, hash];
    }
    mkdirSync(dirname(cacheFile), { recursive: true });
    writeFileSync(cacheFile, JSON.stringify(encodeScanCache(pages, known)));
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
