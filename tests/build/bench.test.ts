import { execFile } from 'node:child_process';
import { readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, describe, expect, test } from 'vitest';
import { parsePagefindLog, type SiteMetrics } from '../../scripts/bench/measure.ts';
import { budgetVerdicts, ratios, type BenchReport, type RunResult } from '../../scripts/bench/report.ts';
import { corpusCounts } from '../../scripts/generate-corpus.ts';
import { outputFolder, PROJECT_ROOT } from '../../scripts/lib/build-site.ts';

// The benchmark end to end at a tiny size: every field present and sane. Never a time threshold.
const work = outputFolder('bench-test-');
afterAll(() => rmSync(work, { recursive: true, force: true }));

const PAGES = 40;
const METRICS: (keyof SiteMetrics)[] = [
  'wallSeconds',
  'htmlPages',
  'pagesPerSecond',
  'peakRssBytes',
  'distBytes',
  'pagefindSeconds',
  'pagefindBytes',
  'pagefindPages',
];

describe('scripts/bench.ts', () => {
  test(`benchmarks ${PAGES} pages against a bare Starlight site and writes every field`, async () => {
    const json = join(work, `bench-${PAGES}.json`);
    const { stdout } = await promisify(execFile)(
      join(PROJECT_ROOT, 'node_modules/.bin/node'),
      ['scripts/bench.ts', '--pages', String(PAGES), '--seed', '3', '--rebuild', '--json', json],
      { cwd: PROJECT_ROOT, timeout: 170_000, maxBuffer: 16 * 1024 * 1024 },
    );
    expect(stdout).toMatch(/ours\/bare/);
    const report = JSON.parse(readFileSync(json, 'utf8')) as BenchReport;

    expect(report.options).toEqual({ pages: [PAGES], seed: 3, rebuild: true });
    expect(report.machine.cpus).toBeGreaterThan(0);
    expect(report.machine.astro).toMatch(/^\d+\.\d+\.\d+/);
    expect(report.workDir).toBeNull();
    expect(report.runs).toHaveLength(1);
    const run = report.runs[0]!;
    expect(run.pages).toBe(PAGES);
    expect(run.corpus.counts).toEqual(corpusCounts(PAGES));

    for (const site of [run.ours, run.bare]) {
      for (const field of METRICS) {
        expect(site[field], field).toBeGreaterThan(0);
        expect(Number.isFinite(site[field]), field).toBe(true);
      }
      expect(site.lockWaitSeconds).toBeGreaterThanOrEqual(0);
      expect(site.pagesPerSecond).toBeCloseTo(site.htmlPages / site.wallSeconds, 6);
      expect(site.pagefindBytes).toBeLessThan(site.distBytes);
      // A build of Node, Vite and Pagefind cannot fit in 10 MiB: the sampler saw the process tree.
      expect(site.peakRssBytes).toBeGreaterThan(10 * 1024 * 1024);
    }
    // Bare: one page per Markdown file plus Starlight's 404. Ours: every entity page, plus indexes.
    expect(run.bare.htmlPages).toBe(PAGES + 1);
    expect(run.ours.htmlPages).toBeGreaterThan(PAGES);

    for (const [field, value] of Object.entries(run.ratio)) {
      const key = field as keyof typeof run.ratio;
      expect(value, field).toBeCloseTo(run.ours[key] / run.bare[key], 6);
    }

    expect(run.rebuild).not.toBeNull();
    expect(run.rebuild!.wallSeconds).toBeGreaterThan(0);
    expect(run.rebuild!.htmlPages).toBe(run.ours.htmlPages);
    expect(run.rebuild!.fractionOfCold).toBeCloseTo(run.rebuild!.wallSeconds / run.ours.wallSeconds, 6);

    expect(report.verdicts.map((v) => v.status)).toEqual(['info', 'info', expect.stringMatching(/^(pass|fail)$/)]);
  });
});

describe('budget verdicts', () => {
  const metrics = (wallSeconds: number, peakRssBytes: number): SiteMetrics => ({
    wallSeconds,
    lockWaitSeconds: 0,
    htmlPages: 100,
    pagesPerSecond: 100 / wallSeconds,
    peakRssBytes,
    distBytes: 1000,
    pagefindSeconds: 1,
    pagefindBytes: 100,
    pagefindPages: 100,
  });
  const run = (pages: number, ours: SiteMetrics, bare: SiteMetrics): RunResult => ({
    pages,
    seed: 1,
    corpus: { counts: corpusCounts(pages), generateSeconds: 0.1 },
    ours,
    bare,
    ratio: ratios(ours, bare),
    rebuild: null,
  });

  test('check time and memory against the bare site at 10,000 pages only', () => {
    const small = run(1000, metrics(10, 300), metrics(5, 200));
    const large = run(10_000, metrics(60, 900), metrics(50, 1000));
    const verdicts = budgetVerdicts([small, large]);
    expect(verdicts.map((v) => [v.status, v.value])).toEqual([
      ['info', 2],
      ['info', 1.5],
      ['pass', 1.2],
      ['pass', 0.9],
      ['pass', 6],
    ]);
    expect(verdicts[4]!.budget).toBe('build time at 10,000 pages ≤ 10× time at 1,000');
    expect(budgetVerdicts([run(10_000, metrics(70, 1100), metrics(50, 1000))]).map((v) => v.status)).toEqual([
      'fail',
      'fail',
    ]);
  });

  test('read Pagefind timings in milliseconds and seconds', () => {
    const line = (time: string) =>
      `[starlight:pagefind] Found 12 HTML files.\n[starlight:pagefind] Finished building search index in ${time}.`;
    expect(parsePagefindLog(line('39ms'))).toEqual({ seconds: 0.039, pages: 12 });
    expect(parsePagefindLog(line('1.25s'))).toEqual({ seconds: 1.25, pages: 12 });
  });
});
