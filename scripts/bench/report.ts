/** The benchmark's result shape, the issue's budget verdicts and the printed table. */
import type { CorpusCollection } from '../generate-corpus.ts';
import { beforeIndexChunks, type SearchWeight } from '../lib/search-weight.ts';
import type { OwnSteps, SiteMetrics } from './measure.ts';

/** Ours (the cold build) divided by bare, per measurement; null when either side is unknown. */
export interface Ratios {
  wallSeconds: number;
  peakRssBytes: number;
  pagesPerSecond: number;
  distBytes: number;
  pagefindSeconds: number | null;
  pagefindBytes: number;
}

/**
 * A second build with nothing changed and the cold build's cache, forced past scripts/build.ts's
 * "nothing changed" (`--rebuild`; no budget): Astro runs and reuses every page, so this is the
 * floor of any incremental build, the edit row's included.
 */
export interface RebuildResult {
  wallSeconds: number;
  /** wallSeconds of the rebuild / wallSeconds of the cold build. */
  fractionOfCold: number;
  htmlPages: number;
  /** Seconds of the rebuild Pagefind took; null when the log does not say. */
  pagefindSeconds: number | null;
  /** This project's own steps in the rebuild; null when the log does not say. */
  ownSteps: OwnSteps | null;
}

/**
 * A build's time in three parts: this project's own build steps (see OwnSteps), Pagefind, and the
 * rest: Node and Astro starting, Astro's content sync and bundling, rendering the pages that
 * changed (with this project's components) and copying the others, the sitemap, the hand-over
 * between steps. With nothing to render (the forced rebuild), the rest is Astro's and Node's alone.
 */
export interface TimeSplit {
  ours: number;
  pagefind: number;
  rest: number;
}

/** A build's {@link TimeSplit}; null when its own steps or Pagefind's time are not in its log. */
export function timeSplit(
  wallSeconds: number,
  pagefindSeconds: number | null,
  ownSteps: OwnSteps | null,
): TimeSplit | null {
  if (pagefindSeconds === null || ownSteps === null) return null;
  return { ours: ownSteps.total, pagefind: pagefindSeconds, rest: wallSeconds - ownSteps.total - pagefindSeconds };
}

/**
 * A full build that reuses only the cold build's preview-image cache: Astro's incremental state,
 * content store and page copies and the "nothing changed" record of scripts/build.ts are removed
 * first, so every path is rendered again and no card should be drawn.
 */
export interface WarmResult {
  /** The build's measurements; `metrics.paths` and `metrics.cards` say what it rendered and drew. */
  metrics: SiteMetrics;
  /** metrics.wallSeconds / the bare build's wallSeconds. */
  ratioToBare: number;
  /** True when the log shows every path rendered (none reused) and no card drawn. */
  clean: boolean;
}

/** The incremental build after one company of the corpus was edited (its name, shown on pages). */
export interface EditResult {
  /** Id of the edited company, its number of relations, and its name after the edit. */
  company: string;
  relations: number;
  name: string;
  /** The build's measurements; `metrics.paths` says how many paths were rendered and reused. */
  metrics: SiteMetrics;
  /** Wall seconds of the edit build (= metrics.wallSeconds). */
  incrementalEditSeconds: number;
  /** incrementalEditSeconds / the cold build's wallSeconds. */
  fractionOfCold: number;
  /** Seconds of the edit build Pagefind took, from Starlight's log; null when it is not separated. */
  pagefindSeconds: number | null;
}

/** Everything measured at one corpus size. */
export interface RunResult {
  /** Entity pages requested from the generator. */
  pages: number;
  seed: number;
  corpus: { counts: Record<CorpusCollection, number>; generateSeconds: number };
  /** Our cold build: fresh output and cache folders, every card drawn. */
  ours: SiteMetrics;
  /** The bare Starlight site with as many plain Markdown pages. */
  bare: SiteMetrics;
  ratio: Ratios;
  /** Null when skipped (`--quick`). */
  warm: WarmResult | null;
  /** Null when skipped (`--quick`). */
  edit: EditResult | null;
  rebuild: RebuildResult | null;
  /** Where the CPU profiles of this size's cold build went (`--profile`, largest size only). */
  profileDir: string | null;
}

/**
 * The reader's first search query on the largest site, or why it was not measured. `bare` is the
 * same kind of query (its first page's title) on the bare Starlight site of that size, which
 * loads Starlight's own Pagefind UI: what a search costs before anything of ours is in it.
 */
export type SearchResult =
  | ({ pages: number; measured: true; bare: SearchWeight | null } & SearchWeight)
  | { pages: number; measured: false; query: string; reason: string };

/** The issue's budget rows, in the order the report prints them. */
export type BudgetRow = 'cold' | 'warm' | 'edit' | 'scale' | 'memory' | 'search';

/** One budget from the issue "Performance at scale", checked against this run at one size. */
export interface Verdict {
  row: BudgetRow;
  /** The size the verdict is about. */
  pages: number;
  budget: string;
  /** Ratio (cold, warm, scale, memory), fraction (edit) or kB (search); null when not measured. */
  value: number | null;
  limit: number;
  status: 'pass' | 'fail' | 'not measured';
  note?: string;
}

/**
 * The JSON file the benchmark writes. Times are wall seconds of the build process, memory the
 * peak summed RSS of its process tree in bytes, sizes bytes.
 */
export interface BenchReport {
  createdAt: string;
  machine: { cpus: number; cpuModel: string; totalMemoryBytes: number; node: string; astro: string; starlight: string };
  options: { pages: number[]; seed: number; rebuild: boolean; quick: boolean; warmUp: boolean; profile: boolean };
  runs: RunResult[];
  /** Measured on the largest size's output (or why not: no Chromium, `--quick`). */
  search: SearchResult;
  verdicts: Verdict[];
  /** Temp folder with corpora and builds, when kept with --keep. */
  workDir: string | null;
}

/** Why a row was not measured when `--quick` skipped it. */
export const SKIPPED = 'skipped (--quick)';

/** Cold build, cards included, at most this many times the bare site's time. */
export const COLD_BUDGET = 2;
/** A full build with a warm card cache at most this many times the bare site's time. */
export const WARM_BUDGET = 1.5;
/** One entity edited: the incremental build at most this fraction of our cold build. */
export const EDIT_BUDGET = 0.25;
/** Peak memory at most this many times the bare site's. */
export const MEMORY_BUDGET = 1;
/** The reader's first search query at most this many kB (1 kB = 1,000 bytes) as served. */
export const SEARCH_BUDGET_KB = 150;

/** What each row compares, as the report's first column says it. */
export const ROW_LABELS: Record<BudgetRow, string> = {
  cold: 'cold build, cards included / bare Starlight',
  warm: 'build with warm card cache / bare Starlight',
  edit: 'one company edited, incremental / our cold',
  scale: 'time / time at the next smaller size',
  memory: 'peak memory / bare Starlight',
  search: 'first search query, gzip (largest site)',
};

/** Each row's budget, as the report's second column says it. */
export const ROW_BUDGETS: Record<BudgetRow, string> = {
  cold: `≤ ${COLD_BUDGET.toFixed(1)}×`,
  warm: `≤ ${WARM_BUDGET.toFixed(1)}×`,
  edit: `≤ ${EDIT_BUDGET * 100}%`,
  scale: '≤ pages ratio',
  memory: `≤ ${MEMORY_BUDGET.toFixed(1)}×`,
  search: `≤ ${SEARCH_BUDGET_KB} kB`,
};

const ROWS = Object.keys(ROW_LABELS) as BudgetRow[];

/** Ours / bare for every measurement. */
export function ratios(ours: SiteMetrics, bare: SiteMetrics): Ratios {
  return {
    wallSeconds: ours.wallSeconds / bare.wallSeconds,
    peakRssBytes: ours.peakRssBytes / bare.peakRssBytes,
    pagesPerSecond: ours.pagesPerSecond / bare.pagesPerSecond,
    distBytes: ours.distBytes / bare.distBytes,
    pagefindSeconds:
      ours.pagefindSeconds === null || bare.pagefindSeconds === null
        ? null
        : ours.pagefindSeconds / bare.pagefindSeconds,
    pagefindBytes: ours.pagefindBytes / bare.pagefindBytes,
  };
}

const count = (n: number) => n.toLocaleString('en');

function verdict(
  row: BudgetRow,
  pages: number,
  budget: string,
  value: number | null,
  limit: number,
  note?: string,
): Verdict {
  const status = value === null ? 'not measured' : value <= limit ? 'pass' : 'fail';
  return { row, pages, budget, value, limit, status, ...(note ? { note } : {}) };
}

/**
 * What the edit build's time is made of: Pagefind's part, and where the log says, this project's
 * own steps and what the build takes without them, against the cold build. When that alone is over
 * the budget, no change to this project's steps can meet it, and the note says so.
 */
function editNote(edit: EditResult, coldSeconds: number): string {
  const wall = edit.incrementalEditSeconds;
  if (edit.pagefindSeconds === null) return 'Pagefind not separated in the log';
  const note = `Pagefind ${edit.pagefindSeconds.toFixed(1)} s of ${wall.toFixed(1)} s`;
  const own = edit.metrics.ownSteps;
  const split = timeSplit(wall, edit.pagefindSeconds, own);
  if (!own || !split) return note;
  const without = (split.pagefind + split.rest) / coldSeconds;
  const steps =
    `content check ${own.contentCheck.toFixed(1)}, before the first page ${own.beforeFirstPage.toFixed(1)}, ` +
    `files beside the pages ${own.besidePages.toFixed(1)}, link check ${own.linkCheck.toFixed(1)}`;
  const over = without > EDIT_BUDGET ? ', over the budget whatever our build steps cost' : '';
  return `${note}; our steps ${own.total.toFixed(1)} s (${steps}); without them ${Math.round(without * 100)}% of the cold build${over}`;
}

/** The notes of a warm build that did not do what it is for. */
function warmNote(warm: WarmResult): string | undefined {
  if (warm.clean) return undefined;
  const { paths, cards } = warm.metrics;
  return `not a clean warm build: ${paths.reused} paths reused, ${cards ? cards.drawn : 'unknown'} cards drawn`;
}

/**
 * The issue's budgets, as ratios within this run, at every size: cold build ≤ 2× and a build
 * with a warm card cache ≤ 1.5× the bare site's time; one company edited ≤ 25% of our cold build;
 * peak memory ≤ the bare site's; time growing no faster than the page count between measured
 * sizes (10,000 ≤ 10× 1,000); and the reader's first search on the largest site ≤ 150 kB with
 * nothing loaded before intent. Rows not measured (skipped, no Chromium) say so.
 */
export function budgetVerdicts(runs: RunResult[], search: SearchResult | null = null): Verdict[] {
  const verdicts: Verdict[] = [];
  const sorted = [...runs].sort((a, b) => a.pages - b.pages);
  sorted.forEach((run, i) => {
    const at = `at ${count(run.pages)} pages`;
    verdicts.push(
      verdict('cold', run.pages, `cold build ≤ ${COLD_BUDGET}× bare ${at}`, run.ratio.wallSeconds, COLD_BUDGET),
    );
    verdicts.push(
      verdict(
        'warm',
        run.pages,
        `warm card cache ≤ ${WARM_BUDGET}× bare ${at}`,
        run.warm?.ratioToBare ?? null,
        WARM_BUDGET,
        run.warm ? warmNote(run.warm) : SKIPPED,
      ),
    );
    const pagefind = run.edit ? editNote(run.edit, run.ours.wallSeconds) : SKIPPED;
    verdicts.push(
      verdict(
        'edit',
        run.pages,
        `one company edited ≤ ${EDIT_BUDGET * 100}% of our cold build ${at}`,
        run.edit?.fractionOfCold ?? null,
        EDIT_BUDGET,
        pagefind,
      ),
    );
    const smaller = sorted[i - 1];
    if (smaller && smaller.pages !== run.pages) {
      const factor = run.pages / smaller.pages;
      verdicts.push(
        verdict(
          'scale',
          run.pages,
          `cold build at ${count(run.pages)} pages ≤ ${+factor.toFixed(2)}× time at ${count(smaller.pages)}`,
          run.ours.wallSeconds / smaller.ours.wallSeconds,
          factor,
        ),
      );
    }
    verdicts.push(verdict('memory', run.pages, `peak memory ≤ bare ${at}`, run.ratio.peakRssBytes, MEMORY_BUDGET));
  });
  if (search) {
    const budget = `first search query ≤ ${SEARCH_BUDGET_KB} kB, nothing before intent, at ${count(search.pages)} pages`;
    if (!search.measured) {
      verdicts.push(verdict('search', search.pages, budget, null, SEARCH_BUDGET_KB, search.reason));
    } else {
      const v = verdict(
        'search',
        search.pages,
        budget,
        search.servedBytes / 1000,
        SEARCH_BUDGET_KB,
        `${search.requests} requests, ${search.pagefindBeforeIntent} search requests before intent, ` +
          `${kB(beforeIndexChunks(search.files))} before the first index chunk` +
          (search.bare
            ? `; bare Starlight ${kB(search.bare.servedBytes)} (${kB(beforeIndexChunks(search.bare.files))} before its first index chunk)`
            : ''),
      );
      if (search.pagefindBeforeIntent > 0) v.status = 'fail';
      verdicts.push(v);
    }
  }
  return verdicts;
}

const MIB = 1024 * 1024;

/** Bytes as kB (1 kB = 1,000 bytes), one decimal. */
function kB(bytes: number): string {
  return `${(bytes / 1000).toFixed(1)} kB`;
}

function num(value: number | null | undefined, digits: number): string {
  return value !== null && value !== undefined && Number.isFinite(value) ? value.toFixed(digits) : '—';
}

/** A verdict's value in its row's unit. */
function shown(v: Verdict): string {
  if (v.value === null) return 'not measured';
  if (v.row === 'edit') return `${(v.value * 100).toFixed(0)}%`;
  if (v.row === 'search') return `${v.value.toFixed(1)} kB`;
  return `${v.value.toFixed(2)}×`;
}

const MARK = { pass: 'PASS', fail: 'FAIL', 'not measured': '—' } as const;

/** Rows of text as a table: the label and budget columns left-aligned, the sizes right-aligned. */
function table(rows: string[][]): string[] {
  const widths = rows[0]!.map((_, i) => Math.max(...rows.map((row) => (row[i] ?? '').length)));
  return rows.map((row) =>
    row
      .map((text, i) => (i < 2 ? text.padEnd(widths[i]!) : text.padStart(widths[i]!)))
      .join('  ')
      .trimEnd(),
  );
}

/**
 * The human-readable report: one table with every budget row at every size (the ratio and its
 * verdict), then what the ratios are made of, then one line per verdict and a few notes.
 */
export function formatReport(report: BenchReport): string {
  const runs = [...report.runs].sort((a, b) => a.pages - b.pages);
  const lines: string[] = [];
  const header = ['', 'budget', ...runs.map((run) => `${count(run.pages)} pages`)];
  const find = (row: BudgetRow, pages: number) => report.verdicts.find((v) => v.row === row && v.pages === pages);
  const budgetRows = ROWS.map((row) => [
    ROW_LABELS[row],
    ROW_BUDGETS[row],
    ...runs.map((run) => {
      const v = find(row, run.pages);
      return !v ? '—' : v.status === 'not measured' ? 'not measured' : `${shown(v)} ${MARK[v.status]}`;
    }),
  ]);
  const paths = (m: SiteMetrics) => `${m.paths.rendered} of ${m.paths.rendered + m.paths.reused}`;
  const cards = (m: SiteMetrics) => (m.cards ? `${m.cards.drawn} of ${m.cards.total}` : '—');
  const detail = (label: string, cell: (run: RunResult) => string) => [label, '', ...runs.map(cell)];
  const measured = [
    detail('cold build, s (ours / bare)', (r) => `${num(r.ours.wallSeconds, 1)} / ${num(r.bare.wallSeconds, 1)}`),
    detail('warm card cache build, s', (r) => num(r.warm?.metrics.wallSeconds, 1)),
    detail('edit build, s (Pagefind part)', (r) =>
      r.edit ? `${num(r.edit.incrementalEditSeconds, 1)} (${num(r.edit.pagefindSeconds, 1)})` : '—',
    ),
    detail('paths rendered: cold / warm / edit', (r) =>
      [r.ours, r.warm?.metrics, r.edit?.metrics].map((m) => (m ? paths(m) : '—')).join(' / '),
    ),
    detail('cards drawn: cold / warm / edit', (r) =>
      [r.ours, r.warm?.metrics, r.edit?.metrics].map((m) => (m ? cards(m) : '—')).join(' / '),
    ),
    detail(
      'peak memory, MiB (ours / bare)',
      (r) => `${num(r.ours.peakRssBytes / MIB, 0)} / ${num(r.bare.peakRssBytes / MIB, 0)}`,
    ),
    detail('HTML pages (ours / bare)', (r) => `${r.ours.htmlPages} / ${r.bare.htmlPages}`),
    detail('dist, MiB (ours / bare)', (r) => `${num(r.ours.distBytes / MIB, 1)} / ${num(r.bare.distBytes / MIB, 1)}`),
    detail('Pagefind, s (ours / bare)', (r) => `${num(r.ours.pagefindSeconds, 2)} / ${num(r.bare.pagefindSeconds, 2)}`),
    detail(
      'Pagefind index, MiB (ours / bare)',
      (r) => `${num(r.ours.pagefindBytes / MIB, 1)} / ${num(r.bare.pagefindBytes / MIB, 1)}`,
    ),
  ];
  const split = (s: TimeSplit | null) => (s ? `${num(s.ours, 1)} / ${num(s.pagefind, 1)} / ${num(s.rest, 1)}` : '—');
  if (runs.some((r) => r.edit))
    measured.push(
      detail('edit build: ours / Pagefind / rest, s', (r) =>
        r.edit ? split(timeSplit(r.edit.incrementalEditSeconds, r.edit.pagefindSeconds, r.edit.metrics.ownSteps)) : '—',
      ),
    );
  if (runs.some((r) => r.rebuild))
    measured.push(
      detail('nothing changed, forced rebuild, s (of cold)', (r) =>
        r.rebuild ? `${num(r.rebuild.wallSeconds, 1)} (${Math.round(r.rebuild.fractionOfCold * 100)}%)` : '—',
      ),
      detail('forced rebuild: ours / Pagefind / rest, s', (r) =>
        r.rebuild ? split(timeSplit(r.rebuild.wallSeconds, r.rebuild.pagefindSeconds, r.rebuild.ownSteps)) : '—',
      ),
    );
  lines.push(`\nBudgets ("Performance at scale"), ratios within this run on ${report.machine.cpus} CPUs:`);
  lines.push(...table([header, ...budgetRows, [], ['measured', '', ...runs.map(() => '')], ...measured]));

  lines.push('\nVerdicts:');
  for (const v of report.verdicts) {
    const mark = v.status === 'not measured' ? 'n/a ' : MARK[v.status];
    lines.push(`  ${mark}  ${v.budget}: ${shown(v)}${v.note ? `; ${v.note}` : ''}`);
  }

  lines.push('\nNotes:');
  if (runs.some((r) => r.edit || r.rebuild))
    lines.push(
      "  ours: this project's own steps (content check, the wait before Astro's first page, files beside the pages, link check);",
      '  rest: Node and Astro starting, content sync, bundling, rendering the pages that changed and copying the others, the sitemap.',
    );
  for (const run of runs) {
    const counts = Object.entries(run.corpus.counts)
      .map(([c, n]) => `${n} ${c}`)
      .join(', ');
    lines.push(`  ${count(run.pages)} pages (seed ${run.seed}): ${counts}.`);
    if (run.edit)
      lines.push(
        `    edited ${run.edit.company} (${run.edit.relations} relations): name → "${run.edit.name}"; ` +
          `${paths(run.edit.metrics)} paths rendered, the rest reused.`,
      );
    if (run.profileDir)
      lines.push(
        `    the cold build ran with the CPU profiler (slower than unprofiled); profiles in ${run.profileDir}`,
      );
  }
  const search = report.search;
  if (search?.measured) {
    lines.push(
      `  first search "${search.query}" on ${count(search.pages)} pages: ${search.requests} requests, ` +
        `${kB(search.servedBytes)} as served (text gzipped), ${kB(search.bytes)} in dist; ` +
        `${search.pagefindBeforeIntent} search requests before intent.`,
    );
    if (search.bare)
      lines.push(
        `  the bare Starlight site's first search "${search.bare.query}" on ${count(search.pages)} pages: ` +
          `${search.bare.requests} requests, ${kB(search.bare.servedBytes)} as served.`,
      );
  } else if (search) {
    lines.push(`  first search "${search.query}" on ${count(search.pages)} pages: ${search.reason}.`);
  }
  return lines.join('\n');
}
