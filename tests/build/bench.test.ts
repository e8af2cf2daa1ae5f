import { execFile } from 'node:child_process';
import { readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, describe, expect, test } from 'vitest';
import type { SiteMetrics } from '../../scripts/bench/measure.ts';
import { SKIPPED, type BenchReport, type BudgetRow } from '../../scripts/bench/report.ts';
import { corpusCounts } from '../../scripts/generate-corpus.ts';
import { outputFolder, PROJECT_ROOT } from '../../scripts/lib/build-site.ts';

// The benchmark end to end at a tiny size: every field present and sane. Never a time threshold.
// It runs with --quick and --no-warm-up: our cold build and the bare site's, once each. The rows
// --quick leaves out repeat what other tests build already (the edit: an incremental build, which
// tests/build/pipeline.test.ts checks byte for byte; the warm card cache: the same build with
// every card from the cache; the first search: tests/e2e/search.test.ts measures it the same
// way). Its pure parts, every row included, are unit-tested in tests/unit/scripts/bench.test.ts.
const work = outputFolder('bench-test-');
afterAll(() => rmSync(work, { recursive: true, force: true }));

const PAGES = 40;
const POSITIVE: (keyof SiteMetrics)[] = [
  'wallSeconds',
  'htmlPages',
  'pagesPerSecond',
  'peakRssBytes',
  'distBytes',
  'pagefindSeconds',
  'pagefindBytes',
  'pagefindPages',
];

/** Every measurement of a build is there and sane. */
function expectSane(site: SiteMetrics, name: string): void {
  for (const field of POSITIVE) {
    expect(site[field], `${name}.${field}`).toBeGreaterThan(0);
    expect(Number.isFinite(site[field]), `${name}.${field}`).toBe(true);
  }
  expect(site.pagesPerSecond).toBeCloseTo(site.htmlPages / site.wallSeconds, 6);
  expect(site.pagefindBytes).toBeLessThan(site.distBytes);
  // A build of Node, Vite and Pagefind cannot fit in 10 MiB: the sampler saw the process tree.
  expect(site.peakRssBytes, `${name}.peakRssBytes`).toBeGreaterThan(10 * 1024 * 1024);
  expect(site.paths.rendered, `${name}.paths`).toBeGreaterThan(0);
}

describe('scripts/bench.ts', () => {
  test(`benchmarks ${PAGES} pages against a bare Starlight site and writes every field`, async () => {
    const json = join(work, `bench-${PAGES}.json`);
    const { stdout } = await promisify(execFile)(
      join(PROJECT_ROOT, 'node_modules/.bin/node'),
      ['scripts/bench.ts', '--pages', String(PAGES), '--seed', '3', '--no-warm-up', '--quick', '--json', json],
      { cwd: PROJECT_ROOT, timeout: 290_000, maxBuffer: 16 * 1024 * 1024 },
    );
    const report = JSON.parse(readFileSync(json, 'utf8')) as BenchReport;

    expect(report.options).toEqual({
      pages: [PAGES],
      seed: 3,
      rebuild: false,
      quick: true,
      warmUp: false,
      profile: false,
    });
    expect(report.machine.cpus).toBeGreaterThan(0);
    expect(report.machine.astro).toMatch(/^\d+\.\d+\.\d+/);
    expect(report.workDir).toBeNull();
    expect(report.runs).toHaveLength(1);
    const run = report.runs[0]!;
    expect(run.pages).toBe(PAGES);
    expect(run.corpus.counts).toEqual(corpusCounts(PAGES));
    expect(run.profileDir).toBeNull();

    // Cold: every path rendered and every card drawn. Bare: one page per Markdown file plus 404.
    expectSane(run.ours, 'ours');
    expectSane(run.bare, 'bare');
    expect(run.ours.paths.reused).toBe(0);
    expect(run.ours.cards!.total).toBeGreaterThan(0);
    expect(run.ours.cards!.drawn).toBe(run.ours.cards!.total);
    expect(run.bare.htmlPages).toBe(PAGES + 1);
    expect(run.bare.cards).toBeNull();
    // Our own build steps are read from the log (the bare site has none), and they are part of it.
    expect(run.ours.ownSteps).not.toBeNull();
    const own = run.ours.ownSteps!;
    for (const step of ['contentCheck', 'besidePages', 'linkCheck'] as const)
      expect(own[step], step).toBeGreaterThanOrEqual(0);
    expect(own.beforeFirstPage).toBeGreaterThan(0);
    expect(own.total).toBeCloseTo(own.contentCheck + own.beforeFirstPage + own.besidePages + own.linkCheck, 6);
    expect(own.total + run.ours.pagefindSeconds!).toBeLessThan(run.ours.wallSeconds);
    expect(run.bare.ownSteps).toBeNull();
    expect(run.ours.htmlPages).toBeGreaterThan(PAGES);
    for (const [field, value] of Object.entries(run.ratio)) {
      const key = field as keyof typeof run.ratio;
      expect(value, field).toBeCloseTo(run.ours[key]! / run.bare[key]!, 6);
    }

    // The forced no-change rebuild (--rebuild) is left out here: an incremental build, which
    // tests/build/pipeline.test.ts checks byte for byte.
    expect(run.rebuild).toBeNull();

    // The rows --quick leaves out are there, and say so: never a silent gap in the table.
    expect(run.edit).toBeNull();
    expect(run.warm).toBeNull();
    expect(report.search).toMatchObject({ pages: PAGES, measured: false, reason: SKIPPED });
    expect(report.search.query).toMatch(/^Synthetic Co \d+$/);

    // Every budget row: measured ones pass or fail, skipped ones are "not measured" with the reason.
    const rows: BudgetRow[] = ['cold', 'warm', 'edit', 'memory', 'search'];
    expect(report.verdicts.map((v) => v.row)).toEqual(rows);
    for (const v of report.verdicts) {
      expect(v.pages).toBe(PAGES);
      if (['cold', 'memory'].includes(v.row)) expect(v.status, v.row).toMatch(/^(pass|fail)$/);
      else expect(v, v.row).toMatchObject({ status: 'not measured', value: null, note: SKIPPED });
    }
    for (const label of ['cold build, cards included', 'warm card cache', 'one company edited', 'peak memory'])
      expect(stdout).toContain(label);
    expect(stdout).toMatch(/first search query, gzip \(largest site\)\s+≤ 150 kB/);
    expect(stdout).toContain(SKIPPED);
  }, 300_000);
});
