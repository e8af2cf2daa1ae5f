/**
 * Build benchmark for the issue "Performance at scale":
 *
 *   node_modules/.bin/node scripts/bench.ts --pages 1000[,10000] [--seed 1] [--json out.json]
 *     [--keep] [--rebuild] [--quick] [--no-warm-up] [--profile]
 *
 * For each size, generates the synthetic corpus and, after one small unmeasured build of each
 * site (skip with --no-warm-up), measures in order:
 *
 * - our cold build: buildSite() through scripts/build.ts into fresh output and cache folders, so
 *   every page is rendered and every link-preview card drawn;
 * - with --rebuild, the same build again with nothing changed, forced past scripts/build.ts's
 *   "nothing changed" (`--force`), so Astro runs and reuses every page: the floor of any
 *   incremental build, which the edit row cannot go below (no budget);
 * - one company edited: the generated company whose relations are closest to 20 gets " (edited)"
 *   after its name, and the site is rebuilt incrementally into the same folders;
 * - a build with a warm card cache: everything in the cache folder but the card cache is removed
 *   (Astro's incremental state, page copies and content store, and scripts/build.ts's record), so
 *   every page is rendered again and no card is drawn (the log says so; the report checks it);
 * - a bare Starlight site with as many plain Markdown pages, the baseline;
 * - then, on the largest size's output, a reader's first search query in headless Chromium.
 *
 * Each measured build starts once the output our previous build replaced is gone (scripts/build.ts
 * removes it in a detached process after publishing), so no build, ours or the bare one, shares
 * the disk with that removal.
 *
 * --quick skips the edit, warm-cache and search rows. --profile runs the largest size's cold build
 * with Node's CPU profiler (NODE_OPTIONS=--cpu-prof) and says where the profiles went.
 *
 * Prints one table with every budget row at every size and the verdicts, and writes JSON (default
 * tests/.output/bench/bench-<pages>.json; its shape is BenchReport in scripts/bench/report.ts). A
 * benchmark, not a test: it reports ratios and never fails on a number.
 */
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, tmpdir, totalmem } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import yaml from 'js-yaml';
import { CARD_CACHE_FOLDER, cacheDirFor } from '../src/lib/content/locations.ts';
import { buildSite, OUTPUT_ROOT, PROJECT_ROOT } from './lib/build-site.ts';
import { replacedFolders } from './build.ts';
import { barePageTitle, buildBareSite, createBareSite, sameFilesystem, writeBarePages } from './bench/bare-site.ts';
import { companyRelations, editCompanyName, pickEditTarget } from './bench/edit.ts';
import { measureBuild, type SiteMetrics } from './bench/measure.ts';
import { startTreeSampler } from './bench/process-tree.ts';
import {
  budgetVerdicts,
  formatReport,
  ratios,
  type BenchReport,
  type EditResult,
  type RunResult,
  type SearchResult,
  type WarmResult,
  SKIPPED,
} from './bench/report.ts';
import { measureQuery, measureSearch } from './bench/search.ts';
import type { SearchWeight } from './lib/search-weight.ts';
import { countFiles, generateCorpus, MIN_PAGES, writeCorpus } from './generate-corpus.ts';

/** Options of {@link runBenchmark}. */
export interface BenchOptions {
  /** Corpus sizes in entity pages, each benchmarked in turn. */
  pages: number[];
  seed: number;
  /** Also time a second build of our site with nothing changed, forced, with the cold build's cache. */
  rebuild: boolean;
  /** Skip the slow rows: the edit and warm-cache builds and the search query. */
  quick: boolean;
  /** One small, unmeasured build of each site first (see {@link warmUp}). */
  warmUp: boolean;
  /** Profile the largest size's cold build with Node's CPU profiler. */
  profile: boolean;
  /** Keep the temp folder with corpora and builds (its path is in the report). */
  keep: boolean;
  /** Progress messages. */
  log: (line: string) => void;
}

/**
 * Builds our site for a content root into `outDir` and measures it. The
 * cache folder is `${outDir}.cache` (buildSite's BRIEFING_CACHE_DIR); the build's output goes to
 * `<outDir's folder>/<name>.log` (kept with --keep).
 */
async function buildOurs(
  contentRoot: string,
  outDir: string,
  name: string,
  env: Record<string, string> = {},
  force = false,
): Promise<SiteMetrics> {
  const sampler = startTreeSampler();
  const called = performance.now();
  // Through scripts/build.ts, as `npm run build` builds.
  const { result, ended, sample } = await buildSite({ contentRoot, outDir, incremental: true, env, force }).then(
    (built) => ({ result: built, ended: performance.now(), sample: sampler.stop() }),
    (error: unknown) => {
      sampler.stop();
      throw error;
    },
  );
  mkdirSync(dirname(outDir), { recursive: true });
  writeFileSync(join(dirname(outDir), `${name}.log`), result.output);
  if (!result.ok)
    throw new Error(`The briefing site did not build (exit ${result.code}):\n${result.output.slice(-4000)}`);
  const metrics = measureBuild({ outDir, output: result.output, lines: result.lines, called, ended, sample });
  // The replaced output is removed in the background once the new one is published (45,000 files
  // at 10,000 pages): the next measured build, ours or the bare one, starts once it is gone.
  await settled(() => replacedFolders(outDir).length === 0);
  return metrics;
}

/** Resolves once `done()` holds (checked every 200 ms), or after `limitMs` at most. */
export async function settled(done: () => boolean, limitMs = 300_000): Promise<void> {
  const until = performance.now() + limitMs;
  while (!done() && performance.now() < until) await new Promise((wake) => setTimeout(wake, 200));
}

/**
 * Empties the build cache of `contentRoot` built into `outDir` but for its card cache: Astro's
 * incremental manifest, its copies of pages and its content store go, and so does the record of
 * scripts/build.ts that would skip an unchanged build. The next build renders every page.
 */
function keepOnlyCardCache(contentRoot: string, outDir: string): void {
  const cacheDir = cacheDirFor(PROJECT_ROOT, {
    BRIEFING_CACHE_DIR: `${outDir}.cache`,
    BRIEFING_CONTENT_ROOT: contentRoot,
  });
  if (!existsSync(join(cacheDir, CARD_CACHE_FOLDER)))
    throw new Error(`No card cache in ${cacheDir}; did the cold build use another cache folder?`);
  for (const name of readdirSync(cacheDir)) {
    if (name !== CARD_CACHE_FOLDER) rmSync(join(cacheDir, name), { recursive: true, force: true });
  }
}

/** A content root with the synthetic corpus of `pages` pages in `work`. */
function writeContent(work: string, name: string, pages: number, seed: number) {
  const files = generateCorpus({ pages, seed });
  const root = join(work, name);
  writeCorpus(root, files);
  return { root, files, counts: countFiles(files) };
}

/** The name of the corpus's first company: a search query that finds pages at every size. */
function firstCompanyName(files: Map<string, string>): string {
  const path = [...files.keys()].filter((p) => p.startsWith('companies/')).sort()[0];
  if (!path) throw new Error('The corpus has no companies.');
  return (yaml.load(files.get(path)!) as { name: string }).name;
}

/**
 * One small, unmeasured build of each site first. The bare site lives at fresh paths, so its first
 * build would pay for Node's compile cache, Vite's dependency cache and cold file lookups, which
 * the often-built briefing site has already paid; warming both up makes the comparison fair.
 */
async function warmUp(work: string, bareRoot: string, { seed, log }: BenchOptions): Promise<void> {
  log('[bench] warming up: one small build of each site (not measured)');
  const content = writeContent(work, 'content-warm-up', MIN_PAGES, seed);
  await buildOurs(content.root, join(work, 'ours-warm-up', 'dist'), 'warm-up');
  writeBarePages(bareRoot, MIN_PAGES, seed);
  await buildBareSite(bareRoot);
}

/** What {@link runSize} measured, with where its output is (for the search query). */
interface SizeOutcome {
  result: RunResult;
  outDir: string;
  query: string;
  /** The first search on the bare site of this size, when asked for (its output is rebuilt per size). */
  bareSearch: SearchWeight | null;
}

/**
 * Benchmarks one corpus size in `work`: generate, build ours cold (and rebuild), edit one
 * company and rebuild, build with only the card cache kept, build bare.
 */
async function runSize(
  pages: number,
  options: BenchOptions,
  work: string,
  bareRoot: string,
  profileDir: string | null,
  searchBare: boolean,
): Promise<SizeOutcome> {
  const { seed, log } = options;
  const say = (line: string) => log(`[bench] ${pages} pages: ${line}`);
  say(`generating the synthetic corpus (seed ${seed})`);
  const generating = performance.now();
  const content = writeContent(work, `content-${pages}`, pages, seed);
  const generateSeconds = (performance.now() - generating) / 1000;

  say(`building the briefing site cold${profileDir ? ' (with the CPU profiler)' : ''}`);
  const outDir = join(work, `ours-${pages}`, 'dist');
  const profileEnv: Record<string, string> = profileDir
    ? { NODE_OPTIONS: `${process.env.NODE_OPTIONS ?? ''} --cpu-prof --cpu-prof-dir="${profileDir}"`.trim() }
    : {};
  const ours = await buildOurs(content.root, outDir, 'cold', profileEnv);
  say(`briefing site built in ${ours.wallSeconds.toFixed(1)} s`);

  let rebuild: RunResult['rebuild'] = null;
  if (options.rebuild) {
    // Same outDir, so buildSite reuses the cache dir `${outDir}.cache` the cold build filled.
    say('rebuilding with nothing changed (forced: every page reused)');
    const again = await buildOurs(content.root, outDir, 'no-change', {}, true);
    say(`rebuilt in ${again.wallSeconds.toFixed(1)} s`);
    rebuild = {
      wallSeconds: again.wallSeconds,
      fractionOfCold: again.wallSeconds / ours.wallSeconds,
      htmlPages: again.htmlPages,
      pagefindSeconds: again.pagefindSeconds,
      ownSteps: again.ownSteps,
    };
  }

  let edit: EditResult | null = null;
  let warmMetrics: SiteMetrics | null = null;
  if (!options.quick) {
    const target = pickEditTarget(companyRelations(content.files));
    const name = editCompanyName(content.root, target.id);
    say(`editing ${target.id} (${target.relations} relations) and rebuilding incrementally`);
    const metrics = await buildOurs(content.root, outDir, 'edit');
    say(`edit built in ${metrics.wallSeconds.toFixed(1)} s`);
    edit = {
      company: target.id,
      relations: target.relations,
      name,
      metrics,
      incrementalEditSeconds: metrics.wallSeconds,
      fractionOfCold: metrics.wallSeconds / ours.wallSeconds,
      pagefindSeconds: metrics.pagefindSeconds,
    };

    say('building again with only the card cache kept');
    keepOnlyCardCache(content.root, outDir);
    warmMetrics = await buildOurs(content.root, outDir, 'warm-card-cache');
    say(`built in ${warmMetrics.wallSeconds.toFixed(1)} s`);
  }

  say('building the bare Starlight baseline');
  writeBarePages(bareRoot, pages, seed);
  const bare = await buildBareSite(bareRoot);
  say(`bare site built in ${bare.wallSeconds.toFixed(1)} s`);
  let bareSearch: SearchWeight | null = null;
  if (searchBare) {
    const query = barePageTitle(0);
    say(`the bare site's first search query for "${query}"`);
    bareSearch = await measureQuery(join(bareRoot, 'dist'), query);
  }

  let warm: WarmResult | null = null;
  if (warmMetrics) {
    const clean = warmMetrics.paths.reused === 0 && warmMetrics.cards?.drawn === 0;
    warm = { metrics: warmMetrics, ratioToBare: warmMetrics.wallSeconds / bare.wallSeconds, clean };
    if (!clean)
      log(
        `[bench] WARNING: the warm card cache build reused ${warmMetrics.paths.reused} paths and drew ` +
          `${warmMetrics.cards?.drawn ?? 'an unknown number of'} cards; it should render every path and draw none.`,
      );
  }

  return {
    result: {
      pages,
      seed,
      corpus: { counts: content.counts, generateSeconds },
      ours,
      bare,
      ratio: ratios(ours, bare),
      warm,
      edit,
      rebuild,
      profileDir,
    },
    outDir,
    query: firstCompanyName(content.files),
    bareSearch,
  };
}

function packageVersion(name: string): string {
  const file = join(PROJECT_ROOT, 'node_modules', name, 'package.json');
  return (JSON.parse(readFileSync(file, 'utf8')) as { version: string }).version;
}

/** Runs the whole benchmark and returns its report (the CLI prints and saves it). */
export async function runBenchmark(options: BenchOptions): Promise<BenchReport> {
  // The bare site hard-links this project's node_modules, which needs one filesystem.
  const parent = sameFilesystem(tmpdir()) ? tmpdir() : join(OUTPUT_ROOT, 'bench');
  mkdirSync(parent, { recursive: true });
  const work = mkdtempSync(join(parent, 'briefing-bench-'));
  try {
    const bareRoot = join(work, 'bare');
    createBareSite(bareRoot);
    if (options.warmUp) await warmUp(work, bareRoot, options);
    const largest = Math.max(...options.pages);
    const profileDir = options.profile
      ? join(OUTPUT_ROOT, 'bench', `profile-${largest}-${new Date().toISOString().replace(/[:.]/g, '-')}`)
      : null;
    const outcomes: SizeOutcome[] = [];
    for (const pages of options.pages) {
      const profiled = pages === largest && !outcomes.some((o) => o.result.pages === largest);
      const searchBare = pages === largest && !options.quick;
      outcomes.push(await runSize(pages, options, work, bareRoot, profiled ? profileDir : null, searchBare));
    }
    const runs = outcomes.map((o) => o.result);
    const last = outcomes.filter((o) => o.result.pages === largest).at(-1)!;
    let search: SearchResult;
    if (options.quick) {
      search = { pages: largest, measured: false, query: last.query, reason: SKIPPED };
    } else {
      options.log(`[bench] ${largest} pages: a reader's first search query for "${last.query}"`);
      search = await measureSearch(last.outDir, largest, last.query, last.bareSearch);
    }
    return {
      createdAt: new Date().toISOString(),
      machine: {
        cpus: cpus().length,
        cpuModel: cpus()[0]?.model ?? 'unknown',
        totalMemoryBytes: totalmem(),
        node: process.version,
        astro: packageVersion('astro'),
        starlight: packageVersion('@astrojs/starlight'),
      },
      options: {
        pages: options.pages,
        seed: options.seed,
        rebuild: options.rebuild,
        quick: options.quick,
        warmUp: options.warmUp,
        profile: options.profile,
      },
      runs,
      search,
      verdicts: budgetVerdicts(runs, search),
      workDir: options.keep ? work : null,
    };
  } finally {
    if (!options.keep) rmSync(work, { recursive: true, force: true });
  }
}

/** Page counts from `--pages 1000` or `--pages 1000,10000`. */
export function parsePages(value: string): number[] {
  const pages = value.split(',').map((part) => Number(part.trim()));
  for (const n of pages) {
    if (!Number.isInteger(n) || n < MIN_PAGES)
      throw new Error(`--pages: expected whole numbers ≥ ${MIN_PAGES}, found "${value}"`);
  }
  return pages;
}

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      pages: { type: 'string', default: '1000' },
      seed: { type: 'string', default: '1' },
      json: { type: 'string' },
      keep: { type: 'boolean', default: false },
      rebuild: { type: 'boolean', default: false },
      quick: { type: 'boolean', default: false },
      'warm-up': { type: 'boolean', default: true },
      profile: { type: 'boolean', default: false },
    },
    allowNegative: true,
  });
  const pages = parsePages(values.pages);
  const report = await runBenchmark({
    pages,
    seed: Number(values.seed),
    rebuild: values.rebuild,
    quick: values.quick,
    warmUp: values['warm-up'],
    profile: values.profile,
    keep: values.keep,
    log: (line) => console.log(line),
  });
  const json = resolve(values.json ?? join(OUTPUT_ROOT, 'bench', `bench-${pages.join('-')}.json`));
  mkdirSync(dirname(json), { recursive: true });
  writeFileSync(json, `${JSON.stringify(report, null, 2)}\n`);
  console.log(formatReport(report));
  console.log(`\nJSON: ${json}${report.workDir ? `\nKept corpora and builds in ${report.workDir}` : ''}`);
  const profiled = report.runs.find((run) => run.profileDir);
  if (profiled)
    console.log(
      `CPU profiles of the ${profiled.pages}-page cold build (one per process and worker thread; the ` +
        `largest is Astro's main thread; open in Chrome DevTools): ${profiled.profileDir}`,
    );
}

if (import.meta.main) await main();
