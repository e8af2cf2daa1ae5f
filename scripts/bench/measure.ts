/** What the benchmark measures on a finished build: output size, pages and Pagefind's work. */
import { existsSync, lstatSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { SEARCH_INDEX_FOLDER, SEARCH_STEP } from '../../src/lib/build/search-index.ts';
import type { TimedLine } from '../lib/build-site.ts';
import { htmlPages } from '../lib/published.ts';
import type { TreeSample } from './process-tree.ts';

/** The measurements of one build of one site. */
export interface SiteMetrics {
  /** Seconds from the build process starting to it exiting. */
  wallSeconds: number;
  /** Number of .html files in dist/ (Pagefind's and Astro's asset folders excluded). */
  htmlPages: number;
  /** htmlPages / wallSeconds. */
  pagesPerSecond: number;
  /** Peak summed VmRSS of the build's process tree, in bytes, sampled every ~100 ms. */
  peakRssBytes: number;
  /** Total size of the files in dist/, in bytes. */
  distBytes: number;
  /** Pagefind indexing time as Starlight logs it, in seconds; null when the log does not say. */
  pagefindSeconds: number | null;
  /** Total size of dist/pagefind/, in bytes. */
  pagefindBytes: number;
  /** Number of HTML files Pagefind reports it indexed; null when the log does not say. */
  pagefindPages: number | null;
  /** Paths (pages and other files) Astro rendered, and reused from its incremental cache, per its log. */
  paths: PathCounts;
  /** Link-preview cards of the build, per its `[og]` log line; null when it logged none (bare site, skipped build). */
  cards: CardCounts | null;
  /** Seconds of this project's own steps in the build, from its log; null for the bare site. */
  ownSteps: OwnSteps | null;
}

/**
 * Seconds the build spent in this project's own build steps, as opposed to Astro's, Pagefind's and
 * Node's (see {@link parseOwnSteps}). What is left of a build's time when these are taken away is
 * theirs, but for rendering the pages that changed, which runs this project's components.
 */
export interface OwnSteps {
  /**
   * The content check before Astro's own: its logged time, or, where it ran on a worker thread
   * while Astro started, the time the build waited for it (logged too).
   */
  contentCheck: number;
  /**
   * From Astro's "generating static routes" to its first page: the routes' static paths, that is
   * the page list with every page's view and cache key, and what is listed with it (entity JSON,
   * data exports, email snippets, feeds). Counted as ours whole, though it includes Astro loading
   * its bundle and its record of the last build, so ours is never understated.
   */
  beforeFirstPage: number;
  /** Writing the files published beside the pages (their logged time). */
  besidePages: number;
  /**
   * The link and anchor check after the pages, and keeping the pages' search extracts for the
   * search step right after it (their logged times; a log without the extracts' line counts it 0).
   */
  linkCheck: number;
  /** The sum of the above. */
  total: number;
}

/** The log lines {@link parseOwnSteps} reads, each with the number it takes (ms). */
const OWN_STEP_LINES = {
  contentCheck:
    /\[briefing-content-check\] Checked \d+ content files? in (\d+) ms(?: on a worker thread while Astro started; the build waited (\d+) ms for it)?\./,
  besidePages: /\[briefing-published-files\] Wrote \d+ files? beside the pages in (\d+) ms/,
  linkCheck: /\[briefing-postbuild\] Checked links on \d+ pages? in (\d+) ms\b/,
  searchPages: /\[briefing-postbuild\] Kept the search extracts of \d+ pages? in (\d+) ms\b/,
};
const GENERATING = / (?:generating|prerendering) static routes /;
const PAGE_WRITTEN = /[├└]─ \//;

/**
 * This project's own steps in a build (see {@link OwnSteps}), from its output line by line with
 * arrival times: the steps that log their time are read from their lines, and the wait before
 * Astro's first page from when its lines arrived. Null when a step's line is missing (the bare
 * site, a build skipped because nothing changed, or a log whose words changed).
 */
export function parseOwnSteps(lines: readonly TimedLine[]): OwnSteps | null {
  const logged = (pattern: RegExp) => {
    for (const { text } of lines) {
      const match = pattern.exec(text);
      // The last number a line gives is the time the build spent on it (see OWN_STEP_LINES).
      if (match) return Number(match[2] ?? match[1]) / 1000;
    }
    return null;
  };
  const contentCheck = logged(OWN_STEP_LINES.contentCheck);
  const besidePages = logged(OWN_STEP_LINES.besidePages);
  const checked = logged(OWN_STEP_LINES.linkCheck);
  const linkCheck = checked === null ? null : checked + (logged(OWN_STEP_LINES.searchPages) ?? 0);
  const generating = lines.findIndex(({ text }) => GENERATING.test(text));
  const firstPage = generating < 0 ? undefined : lines.slice(generating).find(({ text }) => PAGE_WRITTEN.test(text));
  if (contentCheck === null || besidePages === null || linkCheck === null || !firstPage) return null;
  const beforeFirstPage = (firstPage.ms - lines[generating]!.ms) / 1000;
  return {
    contentCheck,
    beforeFirstPage,
    besidePages,
    linkCheck,
    total: contentCheck + beforeFirstPage + besidePages + linkCheck,
  };
}

/** Routes' paths Astro wrote in one build: rendered anew, or reused ("(cached)"/"(restored)"). */
export interface PathCounts {
  rendered: number;
  reused: number;
}

/** The card pool's summary of one build: cards the build uses, drawn anew, taken from the cache. */
export interface CardCounts {
  total: number;
  drawn: number;
  cached: number;
}

/** Total size in bytes of the regular files under `dir` (symlinks not followed); 0 if it does not exist. */
export function directoryBytes(dir: string): number {
  if (!existsSync(dir)) return 0;
  let total = 0;
  for (const name of readdirSync(dir)) {
    const info = lstatSync(join(dir, name));
    if (info.isDirectory()) total += directoryBytes(join(dir, name));
    else if (info.isFile()) total += info.size;
  }
  return total;
}

/**
 * Pagefind's indexing time and page count from the search step's log lines: Starlight's in the bare
 * site's build, e.g. "[starlight:pagefind] Finished building search index in 39ms." (or "in
 * 1.23s."), and the same words after "[briefing-search]" in ours (SEARCH_STEP);
 * null when the output has no such lines (Pagefind did not run, or no longer logs its time).
 */
export function parsePagefindLog(output: string): { seconds: number; pages: number } | null {
  const step = `\\[(?:starlight:pagefind|${SEARCH_STEP})\\]`;
  const time = new RegExp(`${step} Finished building search index in ([\\d.]+)(ms|s)\\.`).exec(output);
  const found = new RegExp(`${step} Found (\\d+) HTML files?\\.`).exec(output);
  if (!time || !found) return null;
  const value = Number(time[1]);
  return { seconds: time[2] === 'ms' ? value / 1000 : value, pages: Number(found[1]) };
}

/**
 * How many paths Astro rendered and how many it reused, from its build log: a rendered path ends
 * with its render time ("├─ /a/index.html (+12ms)", "(+1.20s)", "(+1m 3s)"), a reused one with
 * "(cached)" (already in the output folder) or "(restored)" (copied from the incremental cache).
 * Astro renders paths concurrently, so a path and its time may sit on different lines; only the
 * markers are counted.
 */
export function parseRenderLog(output: string): PathCounts {
  const rendered = output.match(/ \(\+(?:\d+m \d+s|\d+ms|[\d.]+s)\)/g)?.length ?? 0;
  const reused = output.match(/ \((?:cached|restored)\)/g)?.length ?? 0;
  return { rendered, reused };
}

/**
 * The card pool's summary line (src/publishing.ts), e.g. "[og] 52 preview images in 6.30 s: 9
 * drawn (29.2 ms each, …), 43 from cache; …"; null when the build logged none.
 */
export function parseCardLog(output: string): CardCounts | null {
  const line = /\[og\] (\d+) preview images in [\d.]+ s: (\d+) drawn .*?, (\d+) from cache/.exec(output);
  return line ? { total: Number(line[1]), drawn: Number(line[2]), cached: Number(line[3]) } : null;
}

/**
 * Measurements of a successful build from its output folder, log (with `lines`, the same line by
 * line with arrival times, for {@link parseOwnSteps}) and process-tree sample.
 */
export function measureBuild(options: {
  outDir: string;
  output: string;
  lines?: readonly TimedLine[];
  called: number;
  ended: number;
  sample: TreeSample;
}): SiteMetrics {
  const { outDir, output, lines, called, ended, sample } = options;
  // The sampler dates the build process itself; without it (not seen) fall back to the call.
  const started = Math.min(Math.max(sample.firstChildStart ?? called, called), ended);
  const wallSeconds = (ended - started) / 1000;
  const pages = htmlPages(outDir).length;
  const pagefind = parsePagefindLog(output);
  return {
    wallSeconds,
    htmlPages: pages,
    pagesPerSecond: pages / wallSeconds,
    peakRssBytes: sample.peakRssBytes,
    distBytes: directoryBytes(outDir),
    pagefindSeconds: pagefind?.seconds ?? null,
    pagefindBytes: directoryBytes(join(outDir, SEARCH_INDEX_FOLDER)),
    pagefindPages: pagefind?.pages ?? null,
    paths: parseRenderLog(output),
    cards: parseCardLog(output),
    ownSteps: lines ? parseOwnSteps(lines) : null,
  };
}
