import { existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { AstroIntegrationLogger } from 'astro';
import { afterAll, describe, expect, test } from 'vitest';
import { parsePagefindLog } from '../../../scripts/bench/measure.ts';
import { searchLog } from '../../../scripts/build.ts';
import { searchIndex } from '../../../src/integrations/search-index';
import { buildSearchIndex, SEARCH_INDEX_AFTER_BUILD } from '../../../src/lib/build/search-index';

// The search step of a build: Pagefind over the built pages, after Astro (npm run build) or at the
// end of a plain `astro build`. Real Pagefind on two tiny pages.

const work = mkdtempSync(join(tmpdir(), 'search-index-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

/** A built site of two pages (one marked for indexing as Starlight marks them) in a new folder. */
function site(name: string): string {
  const dir = join(work, name);
  for (const [path, title] of [
    ['index.html', 'Home'],
    ['companies/acme/index.html', 'Acme Widgets'],
  ] as const) {
    mkdirSync(join(dir, path, '..'), { recursive: true });
    writeFileSync(
      join(dir, path),
      `<!doctype html><html lang="en"><head><title>${title}</title></head>` +
        `<body><main data-pagefind-body><h1>${title}</h1><p>Widgets and more widgets.</p></main></body></html>`,
    );
  }
  return dir;
}

/** A logger that keeps what it is told. */
function logger(lines: string[]): AstroIntegrationLogger {
  const log = (line: string) => void lines.push(line);
  return { info: log, warn: log, error: log, debug: log, fork: () => logger(lines), label: 'test' } as never;
}

/** Runs the integration's build:done hook on `dir` with `env`. */
async function runHook(dir: string, env: NodeJS.ProcessEnv, lines: string[]) {
  const hook = searchIndex(env).hooks['astro:build:done']!;
  await hook({ dir: pathToFileURL(`${dir}/`), logger: logger(lines) } as never);
}

describe('buildSearchIndex', () => {
  test('indexes every page into pagefind/ and logs it in the words the benchmark reads', async () => {
    const dir = site('indexed');
    const lines: string[] = [];
    const report = await buildSearchIndex(dir, (line) => lines.push(line));
    expect(report.pages).toBe(2);
    expect(existsSync(join(dir, 'pagefind/pagefind.js'))).toBe(true);
    expect(readdirSync(join(dir, 'pagefind/fragment'))).toHaveLength(2);
    // As npm run build prints them (scripts/build.ts), the benchmark reads them.
    const printed: string[] = [];
    for (const line of lines) searchLog(line, (text) => printed.push(text));
    const parsed = parsePagefindLog(printed.join('\n'));
    expect(parsed?.pages).toBe(2);
    expect(parsed?.seconds).toBeCloseTo(report.seconds, 2);
  });

  test('a folder without pages fails, naming it, and writes no index', async () => {
    const dir = join(work, 'empty');
    mkdirSync(dir);
    await expect(buildSearchIndex(dir, () => {})).rejects.toThrow(`Pagefind found no HTML page in ${dir}`);
    expect(existsSync(join(dir, 'pagefind'))).toBe(false);
  });
});

describe('the search step of an Astro build', () => {
  test('a plain astro build indexes the site at its end', async () => {
    const dir = site('plain');
    const lines: string[] = [];
    await runHook(dir, {}, lines);
    expect(existsSync(join(dir, 'pagefind/pagefind.js'))).toBe(true);
    expect(lines).toContain('Found 2 HTML files.');
  });

  test('under npm run build it leaves the index for after Astro has exited, and says so', async () => {
    const dir = site('deferred');
    const lines: string[] = [];
    await runHook(dir, { [SEARCH_INDEX_AFTER_BUILD]: '1' }, lines);
    expect(existsSync(join(dir, 'pagefind'))).toBe(false);
    expect(lines).toEqual(['The search index is built once Astro has exited.']);
  });
});
