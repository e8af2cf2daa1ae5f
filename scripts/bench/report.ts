/** The benchmark's result shape, the issue's budget verdicts and the printed table. */
import type { CorpusCollection } from '../generate-corpus.ts';
import type { SiteMetrics } from './measure.ts';

/** Ours divided by bare, per measurement. */
export interface Ratios {
  wallSeconds: number;
  peakRssBytes: number;
  pagesPerSecond: number;
  distBytes: number;
  pagefindSeconds: number;
  pagefindBytes: number;
}

/** A second build with nothing changed and the cold build's cache. */
export interface RebuildResult {
  wallSeconds: number;
  /** wallSeconds of the rebuild / wallSeconds of the cold build. */
  fractionOfCold: number;
  htmlPages: number;
}

/** Everything measured at one corpus size. */
export interface RunResult {
  /** Entity pages requested from the generator. */
  pages: number;
  seed: number;
  corpus: { counts: Record<CorpusCollection, number>; generateSeconds: number };
  ours: SiteMetrics;
  bare: SiteMetrics;
  ratio: Ratios;
  rebuild: RebuildResult | null;
}

/** One budget from the issue "Performance at scale", checked against this run. */
export interface Verdict {
  budget: string;
  value: number;
  limit: number;
  /** "info" when the budget is defined for another size than the one measured. */
  status: 'pass' | 'fail' | 'info';
  note?: string;
}

/** The JSON file the benchmark writes. */
export interface BenchReport {
  createdAt: string;
  machine: { cpus: number; cpuModel: string; totalMemoryBytes: number; node: string; astro: string; starlight: string };
  options: { pages: number[]; seed: number; rebuild: boolean };
  runs: RunResult[];
  verdicts: Verdict[];
  /** Temp folder with corpora and builds, when kept with --keep. */
  workDir: string | null;
}

/** Size at which the issue's ours-versus-bare budgets apply. */
export const BUDGET_PAGES = 10_000;
/** Build time at BUDGET_PAGES may be at most this many times the bare site's. */
export const TIME_BUDGET = 1.25;
/** Peak memory at BUDGET_PAGES may be at most this many times the bare site's. */
export const MEMORY_BUDGET = 1;
/** A no-change rebuild should take at most this fraction of the cold build. */
export const REBUILD_GOAL = 0.3;

/** Ours / bare for every measurement. */
export function ratios(ours: SiteMetrics, bare: SiteMetrics): Ratios {
  return {
    wallSeconds: ours.wallSeconds / bare.wallSeconds,
    peakRssBytes: ours.peakRssBytes / bare.peakRssBytes,
    pagesPerSecond: ours.pagesPerSecond / bare.pagesPerSecond,
    distBytes: ours.distBytes / bare.distBytes,
    pagefindSeconds: ours.pagefindSeconds / bare.pagefindSeconds,
    pagefindBytes: ours.pagefindBytes / bare.pagefindBytes,
  };
}

function check(budget: string, value: number, limit: number, applies: boolean, note?: string): Verdict {
  const status = applies ? (value <= limit ? 'pass' : 'fail') : 'info';
  return { budget, value, limit, status, ...(!applies && note ? { note } : {}) };
}

/**
 * The issue's budgets: at 10,000 pages build time ≤ 1.25× and peak memory ≤ 1× the bare site's;
 * time growing no faster than the page count between measured sizes (10k ≤ 10× 1k); and a
 * no-change rebuild ≤ 30% of the cold build. Ratios only, never absolute times.
 */
export function budgetVerdicts(runs: RunResult[]): Verdict[] {
  const verdicts: Verdict[] = [];
  const elsewhere = `the budget applies at ${BUDGET_PAGES.toLocaleString('en')} pages`;
  for (const run of runs) {
    const applies = run.pages >= BUDGET_PAGES;
    const at = `at ${run.pages.toLocaleString('en')} pages`;
    verdicts.push(
      check(`build time ≤ ${TIME_BUDGET}× bare ${at}`, run.ratio.wallSeconds, TIME_BUDGET, applies, elsewhere),
    );
    verdicts.push(check(`peak memory ≤ bare ${at}`, run.ratio.peakRssBytes, MEMORY_BUDGET, applies, elsewhere));
    if (run.rebuild) {
      verdicts.push(
        check(
          `no-change rebuild ≤ ${REBUILD_GOAL * 100}% of cold build ${at}`,
          run.rebuild.fractionOfCold,
          REBUILD_GOAL,
          true,
        ),
      );
    }
  }
  const sorted = [...runs].sort((a, b) => a.pages - b.pages);
  for (let i = 1; i < sorted.length; i++) {
    const [small, large] = [sorted[i - 1]!, sorted[i]!];
    if (large.pages === small.pages) continue;
    const factor = large.pages / small.pages;
    verdicts.push(
      check(
        `build time at ${large.pages.toLocaleString('en')} pages ≤ ${+factor.toFixed(2)}× time at ${small.pages.toLocaleString('en')}`,
        large.ours.wallSeconds / small.ours.wallSeconds,
        factor,
        true,
      ),
    );
  }
  return verdicts;
}

const MIB = 1024 * 1024;

function cell(value: number, digits: number): string {
  return Number.isFinite(value) ? value.toFixed(digits) : '–';
}

/** The human-readable report: one table per size, then the verdicts. */
export function formatReport(report: BenchReport): string {
  const lines: string[] = [];
  for (const run of report.runs) {
    const { ours, bare, ratio } = run;
    const rows: [string, string, string, string][] = [
      ['build time (s)', cell(ours.wallSeconds, 2), cell(bare.wallSeconds, 2), cell(ratio.wallSeconds, 2)],
      ['HTML pages', String(ours.htmlPages), String(bare.htmlPages), ''],
      ['pages/s', cell(ours.pagesPerSecond, 1), cell(bare.pagesPerSecond, 1), cell(ratio.pagesPerSecond, 2)],
      [
        'peak memory (MiB)',
        cell(ours.peakRssBytes / MIB, 0),
        cell(bare.peakRssBytes / MIB, 0),
        cell(ratio.peakRssBytes, 2),
      ],
      ['dist size (MiB)', cell(ours.distBytes / MIB, 1), cell(bare.distBytes / MIB, 1), cell(ratio.distBytes, 2)],
      [
        'pagefind time (s)',
        cell(ours.pagefindSeconds, 2),
        cell(bare.pagefindSeconds, 2),
        cell(ratio.pagefindSeconds, 2),
      ],
      [
        'pagefind size (MiB)',
        cell(ours.pagefindBytes / MIB, 1),
        cell(bare.pagefindBytes / MIB, 1),
        cell(ratio.pagefindBytes, 2),
      ],
    ];
    const counts = Object.entries(run.corpus.counts)
      .map(([c, n]) => `${n} ${c}`)
      .join(', ');
    lines.push(`\n${run.pages.toLocaleString('en')} pages (seed ${run.seed}: ${counts})`);
    const header: [string, string, string, string] = ['', 'ours', 'bare', 'ours/bare'];
    const widths = [20, 10, 10, 10];
    for (const row of [header, ...rows]) {
      lines.push(row.map((text, i) => (i === 0 ? text.padEnd(widths[i]!) : text.padStart(widths[i]!))).join(' '));
    }
    if (ours.lockWaitSeconds > 0.5)
      lines.push(`(waited ${ours.lockWaitSeconds.toFixed(1)} s for the build lock; not counted)`);
    if (run.rebuild) {
      lines.push(
        `no-change rebuild: ${run.rebuild.wallSeconds.toFixed(2)} s = ${(run.rebuild.fractionOfCold * 100).toFixed(0)}% of the cold build`,
      );
    }
  }
  lines.push('\nBudgets ("Performance at scale"):');
  for (const v of report.verdicts) {
    const mark = v.status === 'pass' ? 'PASS' : v.status === 'fail' ? 'FAIL' : 'info';
    lines.push(`  ${mark}  ${v.budget}: ${v.value.toFixed(2)} (limit ${v.limit})${v.note ? `; ${v.note}` : ''}`);
  }
  return lines.join('\n');
}
