import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import yaml from 'js-yaml';
import { afterAll, describe, expect, test } from 'vitest';
import { companyRelations, editCompanyName, EDIT_SUFFIX, pickEditTarget } from '../../../scripts/bench/edit.ts';
import {
  parseCardLog,
  parseOwnSteps,
  parsePagefindLog,
  parseRenderLog,
  type OwnSteps,
  type PathCounts,
  type SiteMetrics,
} from '../../../scripts/bench/measure.ts';
import {
  budgetVerdicts,
  formatReport,
  ratios,
  type BenchReport,
  type EditResult,
  type RunResult,
  type SearchResult,
  type WarmResult,
} from '../../../scripts/bench/report.ts';
import { outputRecorder, type TimedLine } from '../../../scripts/lib/build-site.ts';
import type { SearchWeight } from '../../../scripts/lib/search-weight.ts';
import { corpusCounts, generateCorpus, writeCorpus } from '../../../scripts/generate-corpus.ts';
import { refKey } from '../../../src/lib/graph/graph';
import { loadContentRoot } from '../../support/content';

// The benchmark's pure parts: reading build logs, choosing and making the edit, verdicts, the report.

const work = mkdtempSync(join(tmpdir(), 'bench-unit-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

describe('reading build logs', () => {
  test('Pagefind timings in milliseconds and seconds, from Starlight or our search step, or null without them', () => {
    const line = (time: string, step = 'starlight:pagefind') =>
      `[${step}] Found 12 HTML files.\n04:05:06 [${step}] Finished building search index in ${time}.`;
    expect(parsePagefindLog(line('39ms'))).toEqual({ seconds: 0.039, pages: 12 });
    expect(parsePagefindLog(line('1.25s'))).toEqual({ seconds: 1.25, pages: 12 });
    expect(parsePagefindLog(line('2.50s', 'briefing-search'))).toEqual({ seconds: 2.5, pages: 12 });
    expect(parsePagefindLog(line('2.50s', 'other-step'))).toBeNull();
    expect(parsePagefindLog('[build] Completed in 3.2s.')).toBeNull();
  });

  test("Astro's rendered and reused paths, even when a path and its time are on different lines", () => {
    const log = [
      ' generating static routes ',
      '13:48:51   ├─ /404.html13:48:52 [WARN] [content] Entry docs → 404 was not found.',
      ' (+4.29s) ',
      '13:48:55   ├─ /briefings/a/email.html (+51ms) ',
      '13:48:56   ├─ /briefings/a/email.txt',
      '[og] 52 preview images in 6.30 s: 9 drawn (29.2 ms each, CPU time on 2 worker threads), 43 from cache; …',
      ' (+35ms) ',
      '13:48:57   ├─ /companies/b/index.html (restored)',
      '13:48:57   ├─ /companies/c/index.html (cached)',
      '13:48:58   └─ /deals/d/index.html (+1m 3s)',
      '13:48:58 [build] ✓ Completed in 8.82s.',
    ].join('\n');
    expect(parseRenderLog(log)).toEqual<PathCounts>({ rendered: 4, reused: 2 });
    expect(parseCardLog(log)).toEqual({ total: 52, drawn: 9, cached: 43 });
    expect(parseCardLog('no cards here')).toBeNull();
  });
});

describe("a build's own steps", () => {
  test('output is recorded whole and line by line with the time each line was complete, streams apart', () => {
    const recorder = outputRecorder();
    recorder.add('stdout', 'one\ntw', 10);
    recorder.add('stderr', '\x1b[31merror\x1b[39m line\n', 20);
    recorder.add('stdout', 'o\nthree', 30);
    const { output, lines } = recorder.done(40);
    expect(output).toBe('one\ntwerror line\no\nthree');
    expect(lines).toEqual<TimedLine[]>([
      { ms: 10, text: 'one' },
      { ms: 20, text: 'error line' },
      { ms: 30, text: 'two' },
      { ms: 40, text: 'three' },
    ]);
  });

  const log = (at: Record<string, number>): TimedLine[] =>
    [
      ['content', '08:21:50 [briefing-content-check] Checked 10000 content files in 2101 ms.'],
      ['sync', '08:21:56 [types] Generated 5.45s'],
      ['generating', ' generating static routes '],
      ['og', '[og] 10012 preview images in 1.74 s: 48 drawn (13.6 ms each, CPU time on 1 worker thread), …'],
      ['first', '08:22:21   ├─ /404.html08:22:21 [WARN] [content] Entry docs → 404 was not found.'],
      ['page', '08:22:22   ├─ /briefings/a/index.html (restored)'],
      [
        'beside',
        '08:22:41 [briefing-published-files] Wrote 24012 files beside the pages in 2806 ms (48 preview images new).',
      ],
      [
        'links',
        '08:22:47 [briefing-postbuild] Checked links on 12350 pages in 5480 ms (12000 scanned as they were rendered, 350 parsed after).',
      ],
      [
        'extracts',
        '08:22:48 [briefing-postbuild] Kept the search extracts of 12350 pages in 620 ms (12000 written as they were rendered, 350 cut after the build; 0 removed).',
      ],
    ]
      .filter(([name]) => name! in at)
      .map(([name, text]) => ({ ms: at[name!]!, text: text! }));
  const every = {
    content: 6000,
    sync: 12000,
    generating: 22000,
    og: 30000,
    first: 37000,
    page: 37100,
    beside: 57000,
    links: 63000,
    extracts: 63600,
  };

  test('logged times of the steps that log them, and the wait from "generating static routes" to the first page', () => {
    expect(parseOwnSteps(log(every))).toEqual<OwnSteps>({
      contentCheck: 2.101,
      beforeFirstPage: 15,
      besidePages: 2.806,
      linkCheck: 5.48 + 0.62,
      total: 2.101 + 15 + 2.806 + 5.48 + 0.62,
    });
    // A build without search extracts (before they were kept) counts the check alone.
    const { extracts: _, ...before } = every;
    expect(parseOwnSteps(log(before))?.linkCheck).toBe(5.48);
  });

  test('a content check on a worker thread counts the time the build waited for it', () => {
    const lines = log(every).map((line) =>
      line.text.includes('Checked 10000')
        ? {
            ...line,
            text: '08:21:50 [briefing-content-check] Checked 10000 content files in 2316 ms on a worker thread while Astro started; the build waited 40 ms for it.',
          }
        : line,
    );
    expect(parseOwnSteps(lines)?.contentCheck).toBe(0.04);
  });

  test('null when a step is not in the log (the bare site, a skipped build)', () => {
    for (const missing of [['content'], ['generating'], ['first', 'page'], ['beside'], ['links']]) {
      const rest = Object.fromEntries(Object.entries(every).filter(([name]) => !missing.includes(name)));
      expect(parseOwnSteps(log(rest)), missing.join()).toBeNull();
    }
    // Page lines before "generating static routes" (none is, in Astro's log) are not its first page.
    const lines = log(every);
    const generating = lines.splice(
      lines.findIndex((l) => l.text.includes('generating')),
      1,
    );
    lines.splice(
      lines.findIndex((l) => l.text.includes('beside the pages')),
      0,
      ...generating,
    );
    expect(parseOwnSteps(lines)).toBeNull();
  });
});

describe('the edit', () => {
  const files = generateCorpus({ pages: 300, seed: 2 });
  const root = join(work, 'corpus');
  writeCorpus(root, files);

  test("counts each company's relations as the graph links them, both ways", () => {
    const relations = companyRelations(files);
    const { graph } = loadContentRoot(root);
    expect(relations.size).toBe(graph.all('companies').length);
    for (const node of graph.all('companies')) {
      const self = refKey(node.ref);
      const neighbours = new Set(
        [...graph.outgoing(node.ref).map((e) => e.to), ...graph.incoming(node.ref).map((e) => e.from)]
          .map(refKey)
          .filter((key) => key !== self),
      );
      expect(relations.get(node.ref.id), node.ref.id).toBe(neighbours.size);
    }
  });

  test('picks the company closest to 20 relations, the larger on a tie, then the first id', () => {
    const relations = new Map([
      ['synthetic-co-0001', 90],
      ['synthetic-co-0002', 17],
      ['synthetic-co-0003', 23],
      ['synthetic-co-0004', 4],
      ['synthetic-co-0005', 23],
    ]);
    expect(pickEditTarget(relations)).toEqual({ id: 'synthetic-co-0003', relations: 23 });
    expect(pickEditTarget(new Map([['synthetic-co-0001', 3]]))).toEqual({ id: 'synthetic-co-0001', relations: 3 });
    expect(() => pickEditTarget(new Map())).toThrow(/no companies/);
  });

  test("appends to the company's name and changes nothing else", () => {
    const { id } = pickEditTarget(companyRelations(files));
    const file = join(root, 'companies', `${id}.yaml`);
    const before = readFileSync(file, 'utf8');
    const name = editCompanyName(root, id);
    const after = readFileSync(file, 'utf8');
    const [was, now] = [yaml.load(before), yaml.load(after)] as Record<string, unknown>[];
    expect(name).toBe(`${was!['name'] as string}${EDIT_SUFFIX}`);
    expect(now).toEqual({ ...was, name });
    expect(after.split('\n').slice(1)).toEqual(before.split('\n').slice(1));
  });
});

const metrics = (wallSeconds: number, peakRssBytes: number, paths: PathCounts = { rendered: 100, reused: 0 }) =>
  ({
    wallSeconds,
    htmlPages: 100,
    pagesPerSecond: 100 / wallSeconds,
    peakRssBytes,
    distBytes: 1000,
    pagefindSeconds: 1,
    pagefindBytes: 100,
    pagefindPages: 100,
    paths,
    cards: { total: 50, drawn: 0, cached: 50 },
    ownSteps: null,
  }) satisfies SiteMetrics;

const own = (total: number): OwnSteps => ({
  contentCheck: total * 0.1,
  beforeFirstPage: total * 0.5,
  besidePages: total * 0.2,
  linkCheck: total * 0.2,
  total,
});

const warm = (wallSeconds: number, bareSeconds: number, clean = true): WarmResult => ({
  metrics: metrics(wallSeconds, 100),
  ratioToBare: wallSeconds / bareSeconds,
  clean,
});

const edit = (
  seconds: number,
  coldSeconds: number,
  pagefindSeconds: number | null,
  ownSteps: OwnSteps | null = null,
): EditResult => ({
  company: 'synthetic-co-0007',
  relations: 21,
  name: 'Synthetic Co 0007 (edited)',
  metrics: { ...metrics(seconds, 100, { rendered: 30, reused: 70 }), ownSteps },
  incrementalEditSeconds: seconds,
  fractionOfCold: seconds / coldSeconds,
  pagefindSeconds,
});

const run = (pages: number, ours: SiteMetrics, bare: SiteMetrics, extra: Partial<RunResult> = {}): RunResult => ({
  pages,
  seed: 1,
  corpus: { counts: corpusCounts(pages), generateSeconds: 0.1 },
  ours,
  bare,
  ratio: ratios(ours, bare),
  warm: null,
  edit: null,
  rebuild: null,
  profileDir: null,
  ...extra,
});

const search = (servedBytes: number, pagefindBeforeIntent = 0, bare: SearchWeight | null = null): SearchResult => ({
  pages: 10_000,
  measured: true,
  query: 'Synthetic Co 0001',
  requests: 9,
  bytes: servedBytes * 2,
  servedBytes,
  // Scripts and metadata (loaded whatever the query) 70 kB, the rest index chunks and a fragment.
  files: [
    { url: '/pagefind/pagefind.js', bytes: 40_000, servedBytes: 10_000 },
    { url: '/pagefind/pagefind.en_1.pf_meta', bytes: 60_000, servedBytes: 60_000 },
    { url: '/pagefind/index/en_2.pf_index', bytes: servedBytes - 71_000, servedBytes: servedBytes - 71_000 },
    { url: '/pagefind/fragment/en_3.pf_fragment', bytes: 1_000, servedBytes: 1_000 },
  ],
  pagefindBeforeIntent,
  bare,
});

describe('budget verdicts', () => {
  const small = run(1000, metrics(10, 300), metrics(5, 200), {
    warm: warm(7, 5),
    edit: edit(2, 10, 0.5),
  });
  const large = run(10_000, metrics(60, 900), metrics(50, 1000), {
    warm: warm(80, 50),
    edit: edit(20, 60, null),
  });

  test('every row at every size, the scale row between sizes, search on the largest', () => {
    const verdicts = budgetVerdicts([large, small], search(120_000));
    expect(verdicts.map((v) => [v.row, v.pages, v.status, +v.value!.toFixed(3)])).toEqual([
      ['cold', 1000, 'pass', 2],
      ['warm', 1000, 'pass', 1.4],
      ['edit', 1000, 'pass', 0.2],
      ['memory', 1000, 'fail', 1.5],
      ['cold', 10_000, 'pass', 1.2],
      ['warm', 10_000, 'fail', 1.6],
      ['edit', 10_000, 'fail', 0.333],
      ['scale', 10_000, 'pass', 6],
      ['memory', 10_000, 'pass', 0.9],
      ['search', 10_000, 'pass', 120],
    ]);
    expect(verdicts.find((v) => v.row === 'scale')!.budget).toBe('cold build at 10,000 pages ≤ 10× time at 1,000');
    expect(verdicts.find((v) => v.row === 'edit' && v.pages === 1000)!.note).toBe('Pagefind 0.5 s of 2.0 s');
    expect(verdicts.find((v) => v.row === 'edit' && v.pages === 10_000)!.note).toBe(
      'Pagefind not separated in the log',
    );
  });

  test('rows not measured say so; search loading before intent fails', () => {
    const quick = run(200, metrics(11, 300), metrics(5, 400));
    expect(budgetVerdicts([quick]).map((v) => [v.row, v.status, v.note])).toEqual([
      ['cold', 'fail', undefined],
      ['warm', 'not measured', 'skipped (--quick)'],
      ['edit', 'not measured', 'skipped (--quick)'],
      ['memory', 'pass', undefined],
    ]);
    const noBrowser: SearchResult = {
      pages: 200,
      measured: false,
      query: 'q',
      reason: 'not measured (no /usr/bin/chromium)',
    };
    expect(budgetVerdicts([quick], noBrowser).at(-1)).toMatchObject({
      row: 'search',
      status: 'not measured',
      value: null,
      note: 'not measured (no /usr/bin/chromium)',
    });
    expect(budgetVerdicts([quick], search(100_000, 2)).at(-1)!.status).toBe('fail');
    expect(budgetVerdicts([quick], search(151_000)).at(-1)!.status).toBe('fail');
  });

  test("the search row's note says what loads whatever the query, here and on the bare site; the budget alone decides", () => {
    const bare: SearchWeight = {
      query: 'Synthetic page 0001',
      requests: 7,
      bytes: 300_000,
      servedBytes: 200_000,
      files: [
        { url: '/pagefind/wasm.en.pagefind', bytes: 60_000, servedBytes: 60_000 },
        { url: '/pagefind/pagefind.en_9.pf_meta', bytes: 90_000, servedBytes: 90_000 },
        { url: '/pagefind/index/en_8.pf_index', bytes: 50_000, servedBytes: 50_000 },
      ],
      pagefindBeforeIntent: 0,
    };
    const over = budgetVerdicts([run(200, metrics(1, 1), metrics(1, 1))], search(160_000, 0, bare)).at(-1)!;
    expect(over).toMatchObject({ row: 'search', status: 'fail', value: 160 });
    expect(over.note).toBe(
      '9 requests, 0 search requests before intent, 70.0 kB before the first index chunk; ' +
        'bare Starlight 200.0 kB (150.0 kB before its first index chunk)',
    );
    // A site lighter than the bare one still fails over the budget, and passes under it.
    expect(budgetVerdicts([], search(140_000, 0, bare)).at(-1)!.status).toBe('pass');
  });

  test("the edit's note splits off our own steps and says when the build without them is over the budget", () => {
    const note = (e: EditResult) => budgetVerdicts([run(1000, metrics(100, 300), metrics(50, 300), { edit: e })])[2]!;
    const under = note(edit(30, 100, 10, own(10)));
    expect(under).toMatchObject({ row: 'edit', status: 'fail' });
    expect(under.note).toBe(
      'Pagefind 10.0 s of 30.0 s; our steps 10.0 s (content check 1.0, before the first page 5.0, ' +
        'files beside the pages 2.0, link check 2.0); without them 20% of the cold build',
    );
    expect(note(edit(40, 100, 12, own(10))).note).toMatch(
      /; without them 30% of the cold build, over the budget whatever our build steps cost$/,
    );
    // Without the steps in the log, Pagefind's part only.
    expect(note(edit(40, 100, 12)).note).toBe('Pagefind 12.0 s of 40.0 s');
  });

  test('a warm build that reused paths or drew cards is flagged', () => {
    const dirty = run(200, metrics(10, 300), metrics(5, 400), { warm: warm(6, 5, false) });
    dirty.warm!.metrics.paths.reused = 3;
    dirty.warm!.metrics.cards!.drawn = 2;
    expect(budgetVerdicts([dirty]).find((v) => v.row === 'warm')!.note).toBe(
      'not a clean warm build: 3 paths reused, 2 cards drawn',
    );
  });
});

describe('the printed report', () => {
  const runs = [
    run(1000, metrics(10, 300 * 2 ** 20), metrics(5, 200 * 2 ** 20), { warm: warm(7, 5), edit: edit(2, 10, 0.5) }),
    run(10_000, metrics(60, 900 * 2 ** 20), metrics(50, 1000 * 2 ** 20), {
      warm: warm(80, 50),
      edit: edit(20, 60, 9.5, own(4)),
      profileDir: '/tmp/profiles',
    }),
  ];
  const report: BenchReport = {
    createdAt: '2026-11-26T00:00:00.000Z',
    machine: { cpus: 2, cpuModel: 'test', totalMemoryBytes: 8e9, node: 'v24.9.0', astro: '7.3.5', starlight: '0.42.4' },
    options: { pages: [1000, 10_000], seed: 1, rebuild: false, quick: false, warmUp: true, profile: true },
    runs,
    search: search(120_500),
    verdicts: budgetVerdicts(runs, search(120_500)),
    workDir: null,
  };
  const text = formatReport(report);
  const lines = text.split('\n');
  const row = (label: string) => lines.find((line) => line.startsWith(label))!;

  test('one table: every budget row with a cell per size', () => {
    expect(row('cold build, cards included / bare Starlight')).toMatch(/≤ 2\.0×\s+2\.00× PASS\s+1\.20× PASS$/);
    expect(row('build with warm card cache / bare Starlight')).toMatch(/≤ 1\.5×\s+1\.40× PASS\s+1\.60× FAIL$/);
    expect(row('one company edited, incremental / our cold')).toMatch(/≤ 25%\s+20% PASS\s+33% FAIL$/);
    expect(row('time / time at the next smaller size')).toMatch(/—\s+6\.00× PASS$/);
    expect(row('peak memory / bare Starlight')).toMatch(/1\.50× FAIL\s+0\.90× PASS$/);
    expect(row('first search query, gzip (largest site)')).toMatch(/≤ 150 kB\s+—\s+120\.5 kB PASS$/);
    expect(row('edit build, s (Pagefind part)')).toMatch(/2\.0 \(0\.5\)\s+20\.0 \(9\.5\)$/);
    // 20 s: our steps 4, Pagefind 9.5, the rest 6.5; "—" where the log did not say.
    expect(row('edit build: ours / Pagefind / rest, s')).toMatch(/—\s+4\.0 \/ 9\.5 \/ 6\.5$/);
    expect(row('paths rendered: cold / warm / edit')).toMatch(/100 of 100 \/ 100 of 100 \/ 30 of 100$/);
    // Every line of the table is as wide as its widest cell allows: the columns line up.
    const header = lines.find((line) => line.includes('1,000 pages'))!;
    expect(header.indexOf('10,000 pages') + '10,000 pages'.length).toBe(row('peak memory / bare Starlight').length);
  });

  test('verdict lines and notes', () => {
    expect(text).toContain('  FAIL  warm card cache ≤ 1.5× bare at 10,000 pages: 1.60×');
    expect(text).toContain(
      '  PASS  first search query ≤ 150 kB, nothing before intent, at 10,000 pages: 120.5 kB; 9 requests, 0 search requests before intent, 70.0 kB before the first index chunk',
    );
    expect(text).toContain('edited synthetic-co-0007 (21 relations): name → "Synthetic Co 0007 (edited)"');
    expect(text).toContain('profiles in /tmp/profiles');
    expect(text).not.toContain('the bare Starlight site');
    const {
      pages: _pages,
      measured: _measured,
      bare: _bare,
      ...weight
    } = search(220_000) as Extract<SearchResult, { measured: true }>;
    const bare: SearchWeight = { ...weight, query: 'Synthetic page 0001', requests: 11 };
    expect(formatReport({ ...report, search: search(120_500, 0, bare) })).toContain(
      `  the bare Starlight site's first search "Synthetic page 0001" on 10,000 pages: 11 requests, 220.0 kB as served.`,
    );
  });

  test('with --rebuild, the forced no-change build and its share of the cold build, where measured', () => {
    const rebuild = { wallSeconds: 21, fractionOfCold: 21 / 60, htmlPages: 100, pagefindSeconds: 9, ownSteps: own(5) };
    const rebuilt = [runs[0]!, { ...runs[1]!, rebuild }];
    const lines = formatReport({ ...report, runs: rebuilt }).split('\n');
    expect(lines.find((line) => line.startsWith('nothing changed, forced rebuild'))).toMatch(/—\s+21\.0 \(35%\)$/);
    expect(lines.find((line) => line.startsWith('forced rebuild: ours / Pagefind / rest'))).toMatch(
      /—\s+5\.0 \/ 9\.0 \/ 7\.0$/,
    );
    expect(row('nothing changed, forced rebuild')).toBeUndefined();
  });
});
