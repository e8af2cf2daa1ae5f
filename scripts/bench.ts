/**
 * Build benchmark for the issue "Performance at scale":
 *
 *   node_modules/.bin/node scripts/bench.ts --pages 1000 [--seed 1] [--json out.json] [--keep] [--rebuild]
 *
 * For each size (`--pages 1000,10000` runs both), generates the synthetic corpus, builds this
 * site against it through buildSite() (the tests' build helper and its lock), then builds a bare
 * Starlight site with as many plain Markdown pages as the baseline. Prints a table, the budget
 * verdicts, and writes JSON (default tests/.output/bench/bench-<pages>.json). A benchmark, not a
 * test: it reports ratios and never fails on a number.
 */
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, tmpdir, totalmem } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { buildSite, OUTPUT_ROOT, PROJECT_ROOT } from './lib/build-site.ts';
import { buildBareSite, createBareSite, sameFilesystem, writeBarePages } from './bench/bare-site.ts';
import { measureBuild, type SiteMetrics } from './bench/measure.ts';
import { startTreeSampler } from './bench/process-tree.ts';
import { budgetVerdicts, formatReport, ratios, type BenchReport, type RunResult } from './bench/report.ts';
import { countFiles, generateCorpus, MIN_PAGES, writeCorpus } from './generate-corpus.ts';

/** Options of {@link runBenchmark}. */
export interface BenchOptions {
  /** Corpus sizes in entity pages, each benchmarked in turn. */
  pages: number[];
  seed: number;
  /** Also time a second, no-change build of our site with the cold build's cache. */
  rebuild: boolean;
  /** Keep the temp folder with corpora and builds (its path is in the report). */
  keep: boolean;
  /** Progress messages. */
  log: (line: string) => void;
}

/** Builds our site for a content root into `outDir` and measures it (lock wait excluded). */
async function buildOurs(contentRoot: string, outDir: string): Promise<SiteMetrics> {
  const sampler = startTreeSampler();
  const called = performance.now();
  // Through scripts/build.ts, as `npm run build` builds: a no-change rebuild then reuses dist.
  const { result, ended, sample } = await buildSite({ contentRoot, outDir, incremental: true }).then(
    (built) => ({ result: built, ended: performance.now(), sample: sampler.stop() }),
    (error: unknown) => {
      sampler.stop();
      throw error;
    },
  );
  if (!result.ok)
    throw new Error(`The briefing site did not build (exit ${result.code}):\n${result.output.slice(-4000)}`);
  return measureBuild({ outDir, output: result.output, called, ended, sample });
}

/** A content root with the synthetic corpus of `pages` pages in `work`; returns its path and counts. */
function writeContent(work: string, name: string, pages: number, seed: number) {
  const files = generateCorpus({ pages, seed });
  const root = join(work, name);
  writeCorpus(root, files);
  return { root, counts: countFiles(files) };
}

/**
 * One small, unmeasured build of each site first. The bare site lives at fresh paths, so its first
 * build would pay for Node's compile cache, Vite's dependency cache and cold file lookups, which
 * the often-built briefing site has already paid; warming both up makes the comparison fair.
 */
async function warmUp(work: string, bareRoot: string, { seed, log }: BenchOptions): Promise<void> {
  log('[bench] warming up: one small build of each site (not measured)');
  const content = writeContent(work, 'content-warm-up', MIN_PAGES, seed);
  await buildOurs(content.root, join(work, 'ours-warm-up', 'dist'));
  writeBarePages(bareRoot, MIN_PAGES, seed);
  await buildBareSite(bareRoot);
}

/** Benchmarks one corpus size in `work`: generate, build ours (and rebuild), build bare. */
async function runSize(pages: number, options: BenchOptions, work: string, bareRoot: string): Promise<RunResult> {
  const { seed, log } = options;
  log(`[bench] ${pages} pages: generating the synthetic corpus (seed ${seed})`);
  const generating = performance.now();
  const content = writeContent(work, `content-${pages}`, pages, seed);
  const generateSeconds = (performance.now() - generating) / 1000;

  log(`[bench] ${pages} pages: building the briefing site`);
  const outDir = join(work, `ours-${pages}`, 'dist');
  const ours = await buildOurs(content.root, outDir);
  log(`[bench] ${pages} pages: briefing site built in ${ours.wallSeconds.toFixed(1)} s`);

  let rebuild: RunResult['rebuild'] = null;
  if (options.rebuild) {
    // Same outDir, so buildSite reuses the cache dir `${outDir}.cache` the cold build filled.
    log(`[bench] ${pages} pages: rebuilding with nothing changed`);
    const again = await buildOurs(content.root, outDir);
    rebuild = {
      wallSeconds: again.wallSeconds,
      fractionOfCold: again.wallSeconds / ours.wallSeconds,
      htmlPages: again.htmlPages,
    };
  }

  log(`[bench] ${pages} pages: building the bare Starlight baseline`);
  writeBarePages(bareRoot, pages, seed);
  const bare = await buildBareSite(bareRoot);
  log(`[bench] ${pages} pages: bare site built in ${bare.wallSeconds.toFixed(1)} s`);

  return {
    pages,
    seed,
    corpus: { counts: content.counts, generateSeconds },
    ours,
    bare,
    ratio: ratios(ours, bare),
    rebuild,
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
    await warmUp(work, bareRoot, options);
    const runs: RunResult[] = [];
    for (const pages of options.pages) runs.push(await runSize(pages, options, work, bareRoot));
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
      options: { pages: options.pages, seed: options.seed, rebuild: options.rebuild },
      runs,
      verdicts: budgetVerdicts(runs),
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
    },
  });
  const pages = parsePages(values.pages);
  const report = await runBenchmark({
    pages,
    seed: Number(values.seed),
    rebuild: values.rebuild,
    keep: values.keep,
    log: (line) => console.log(line),
  });
  const json = resolve(values.json ?? join(OUTPUT_ROOT, 'bench', `bench-${pages.join('-')}.json`));
  mkdirSync(dirname(json), { recursive: true });
  writeFileSync(json, `${JSON.stringify(report, null, 2)}\n`);
  console.log(formatReport(report));
  console.log(`\nJSON: ${json}${report.workDir ? `\nKept corpora and builds in ${report.workDir}` : ''}`);
}

if (import.meta.main) await main();
