import { execFile } from 'node:child_process';
import { readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, describe, expect, test } from 'vitest';
import type { SiteMetrics } from '../../scripts/bench/measure.ts';
import type { BenchReport, BudgetRow } from '../../scripts/bench/report.ts';
import { corpusCounts } from '../../scripts/generate-corpus.ts';
import { hasChromium } from '../../scripts/lib/browser.ts';
import { outputFolder, PROJECT_ROOT } from '../../scripts/lib/build-site.ts';

// The benchmark end to end at a tiny size: every field present and sane. Never a time threshold.
// Without the warm-up builds (--no-warm-up) it builds our site three times (cold, one company
// edited, warm card cache), the bare site once, and searches once; its pure parts are unit-tested
// in tests/unit/scripts/bench.test.ts.
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
  expect(site.lockWaitSeconds).toBeGreaterThanOrEqual(0);
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
      ['scripts/bench.ts', '--pages', String(PAGES), '--seed', '3', '--no-warm-up', '--json', json],
      { cwd: PROJECT_ROOT, timeout: 290_000, maxBuffer: 16 * 1024 * 1024 },
    );
    const report = JSON.parse(readFileSync(json, 'utf8')) as BenchReport;

    expect(report.options).toEqual({
      pages: [PAGES],
      seed: 3,
      rebuild: false,
      quick: false,
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
    expect(run.ours.htmlPages).toBeGreaterThan(PAGES);
    for (const [field, value] of Object.entries(run.ratio)) {
      const key = field as keyof typeof run.ratio;
      expect(value, field).toBeCloseTo(run.ours[key]! / run.bare[key]!, 6);
    }

    // The no-change rebuild (--rebuild) is left out here: tests/build/pipeline.test.ts builds it.
    expect(run.rebuild).toBeNull();

    // The edit: one company, some paths rendered again and the rest reused, Pagefind's part known.
    const edit = run.edit!;
    expect(edit.company).toMatch(/^synthetic-co-\d+$/);
    expect(edit.relations).toBeGreaterThan(0);
    expect(edit.name).toMatch(/ \(edited\)$/);
    expectSane(edit.metrics, 'edit');
    expect(edit.incrementalEditSeconds).toBe(edit.metrics.wallSeconds);
    expect(edit.fractionOfCold).toBeCloseTo(edit.incrementalEditSeconds / run.ours.wallSeconds, 6);
    expect(edit.pagefindSeconds).toBe(edit.metrics.pagefindSeconds);
    expect(edit.metrics.paths.reused).toBeGreaterThan(0);
    expect(edit.metrics.paths.rendered + edit.metrics.paths.reused).toBe(run.ours.paths.rendered);
    expect(edit.metrics.htmlPages).toBe(run.ours.htmlPages);

    // The warm card cache: every path rendered again, no card drawn.
    const warm = run.warm!;
    expectSane(warm.metrics, 'warm');
    expect(warm.clean).toBe(true);
    expect(warm.metrics.paths).toEqual({ rendered: run.ours.paths.rendered, reused: 0 });
    expect(warm.metrics.cards).toEqual({ total: run.ours.cards!.total, drawn: 0, cached: run.ours.cards!.total });
    expect(warm.ratioToBare).toBeCloseTo(warm.metrics.wallSeconds / run.bare.wallSeconds, 6);

    // The first search query on the (only, so largest) size.
    const search = report.search!;
    expect(search.pages).toBe(PAGES);
    expect(search.query).toMatch(/^Synthetic Co \d+$/);
    if (hasChromium()) {
      if (!search.measured) throw new Error(`search not measured: ${search.reason}`);
      expect(search.requests).toBe(search.files.length);
      expect(search.files.some((f) => f.url.startsWith('/pagefind/pagefind.js'))).toBe(true);
      expect(search.servedBytes).toBeGreaterThan(0);
      expect(search.servedBytes).toBeLessThan(search.bytes);
      expect(search.pagefindBeforeIntent).toBe(0);
    } else {
      expect(search).toMatchObject({ measured: false, reason: expect.stringMatching(/^not measured/) });
    }

    // Every budget row, and the table prints each.
    const rows: BudgetRow[] = ['cold', 'warm', 'edit', 'memory', 'search'];
    expect(report.verdicts.map((v) => v.row)).toEqual(rows);
    for (const v of report.verdicts) {
      expect(v.pages).toBe(PAGES);
      if (v.row !== 'search' || search.measured) expect(v.status, v.row).toMatch(/^(pass|fail)$/);
    }
    for (const label of ['cold build, cards included', 'warm card cache', 'one company edited', 'peak memory'])
      expect(stdout).toContain(label);
    expect(stdout).toMatch(/first search query, gzip \(largest site\)\s+≤ 150 kB/);
  }, 300_000);
});
