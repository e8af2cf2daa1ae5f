import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, statSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, test } from 'vitest';
import { htmlHash } from '../../../src/lib/build/link-scan';
import { searchExtract } from '../../../src/lib/build/search-extract';
import {
  openSearchPages,
  SEARCH_PAGES_FOLDER,
  SEARCH_PAGES_MANIFEST,
  searchPagesFor,
  writeSearchPages,
} from '../../../src/lib/build/search-pages';

// The folder of search extracts the link check keeps after each build, and when the search step
// may read it instead of the built pages.

const work = mkdtempSync(join(tmpdir(), 'search-pages-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

const page = (title: string) =>
  `<!DOCTYPE html><html lang="en"><head><title>${title}</title></head><body><nav>Menu</nav>` +
  `<main data-pagefind-body><h1>${title}</h1><p>About ${title}.</p></main></body></html>`;

let sites = 0;
/** A built site and a cache folder, with `pages` (path → title). */
function site(pages: Record<string, string>) {
  const root = join(work, `site-${++sites}`);
  const cacheDir = join(work, `cache-${sites}`);
  write(root, pages);
  return { root, cacheDir };
}

function write(root: string, pages: Record<string, string>) {
  for (const [path, title] of Object.entries(pages)) {
    mkdirSync(join(root, path, '..'), { recursive: true });
    writeFileSync(join(root, path), page(title));
  }
}

/** The built files `writeSearchPages` is given: relative, sorted, as `htmlFilesIn` lists them. */
const files = (paths: string[]) => [...paths].sort();
const extractAt = (cacheDir: string, path: string) => readFileSync(join(cacheDir, SEARCH_PAGES_FOLDER, path), 'utf8');

describe('the folder of search extracts', () => {
  test('holds every page’s extract at the page’s path; stands for the site until a page changes', async () => {
    const paths = ['index.html', 'companies/acme/index.html', '404.html'];
    const { root, cacheDir } = site({ 'index.html': 'Home', 'companies/acme/index.html': 'Acme', '404.html': 'Lost' });
    const report = await writeSearchPages({ root, files: files(paths), cacheDir });
    expect(report).toEqual({ pages: 3, rendered: 0, cut: 3, removed: 0 });
    for (const path of paths)
      expect(extractAt(cacheDir, path)).toBe(searchExtract(readFileSync(join(root, path), 'utf8')));
    expect(extractAt(cacheDir, 'companies/acme/index.html')).not.toContain('Menu');
    expect(searchPagesFor(root, cacheDir)).toBe(join(cacheDir, SEARCH_PAGES_FOLDER));

    // A page written again since (another size or time), a page added or removed: not the folder.
    const acme = join(root, 'companies/acme/index.html');
    const { mtime } = statSync(acme);
    utimesSync(acme, mtime, new Date(mtime.getTime() + 5000));
    expect(searchPagesFor(root, cacheDir)).toBeUndefined();
    // Written again with the same HTML: its extract stands, the record is brought up to date.
    expect(
      await writeSearchPages({ root, files: files(paths), previous: openSearchPages(cacheDir), cacheDir }),
    ).toMatchObject({ cut: 0 });
    expect(searchPagesFor(root, cacheDir)).toBeDefined();
    write(root, { 'people/jo/index.html': 'Jo' });
    expect(searchPagesFor(root, cacheDir)).toBeUndefined();
    rmSync(join(root, 'people'), { recursive: true });
    expect(searchPagesFor(root, cacheDir)).toBeDefined();
    rmSync(join(root, '404.html'));
    expect(searchPagesFor(root, cacheDir)).toBeUndefined();
    write(root, { '404.html': 'Lost' });
    expect(searchPagesFor(root, cacheDir)).toBeUndefined();
  });

  test('the next build keeps the extracts the prescan wrote and the restored pages’ ones, cuts the rest, removes gone pages', async () => {
    const { root, cacheDir } = site({
      'a/index.html': 'A',
      'b/index.html': 'B',
      'c/index.html': 'C',
      'e/index.html': 'E',
    });
    const first = ['a/index.html', 'b/index.html', 'c/index.html', 'e/index.html'];
    await writeSearchPages({ root, files: files(first), cacheDir });
    const restored = statSync(join(cacheDir, SEARCH_PAGES_FOLDER, 'a/index.html')).mtimeMs;

    // The next build: its record set aside before the prescan writes; A restored as it was; B and
    // E rendered again (the prescan wrote their extracts, E's from HTML other than the file has);
    // C gone; D new, with no extract written (a redirect page, which Astro writes itself); and an
    // extract the prescan wrote at a path that is no built page.
    const previous = openSearchPages(cacheDir);
    expect(existsSync(join(cacheDir, SEARCH_PAGES_MANIFEST))).toBe(false);
    expect(searchPagesFor(root, cacheDir)).toBeUndefined();
    write(root, { 'b/index.html': 'B2', 'd/index.html': 'D', 'e/index.html': 'E2' });
    rmSync(join(root, 'c'), { recursive: true });
    const folder = join(cacheDir, SEARCH_PAGES_FOLDER);
    const planted = (path: string, text: string) => {
      mkdirSync(join(folder, path, '..'), { recursive: true });
      writeFileSync(join(folder, path), text);
    };
    planted('b/index.html', 'from the prescan');
    planted('e/index.html', 'from other HTML');
    planted('e.html', 'at no page');
    const hashOf = (path: string) => htmlHash(readFileSync(join(root, path)));
    const paths = ['a/index.html', 'b/index.html', 'd/index.html', 'e/index.html'];
    const report = await writeSearchPages({
      root,
      files: files(paths),
      hashes: paths.map(hashOf),
      rendered: new Map([
        ['b/index.html', hashOf('b/index.html')],
        ['e/index.html', 'not-e2'],
        ['e.html', hashOf('e/index.html')],
      ]),
      previous,
      cacheDir,
    });
    expect(report).toEqual({ pages: 4, rendered: 1, cut: 2, removed: 2 });
    expect(statSync(join(folder, 'a/index.html')).mtimeMs).toBe(restored);
    expect(extractAt(cacheDir, 'b/index.html')).toBe('from the prescan');
    expect(extractAt(cacheDir, 'd/index.html')).toContain('<h1>D</h1>');
    expect(extractAt(cacheDir, 'e/index.html')).toContain('<h1>E2</h1>');
    expect(existsSync(join(folder, 'c/index.html'))).toBe(false);
    expect(existsSync(join(folder, 'e.html'))).toBe(false);
    expect(searchPagesFor(root, cacheDir)).toBeDefined();
  });

  test('without a record, whatever a build stopped half way left in the folder is found and removed', async () => {
    const { root, cacheDir } = site({ 'a/index.html': 'A', 'b/index.html': 'B' });
    await writeSearchPages({ root, files: files(['a/index.html', 'b/index.html']), cacheDir });
    // A build set the record aside, its prescan wrote an extract of a page it then never wrote, and it stopped.
    openSearchPages(cacheDir);
    const stray = join(cacheDir, SEARCH_PAGES_FOLDER, 'new/index.html');
    mkdirSync(join(stray, '..'), { recursive: true });
    writeFileSync(stray, 'from a stopped build');
    rmSync(join(root, 'b'), { recursive: true });
    const report = await writeSearchPages({ root, files: files(['a/index.html']), cacheDir });
    expect(report).toMatchObject({ pages: 1, removed: 2 });
    expect(existsSync(stray)).toBe(false);
    expect(existsSync(join(cacheDir, SEARCH_PAGES_FOLDER, 'b/index.html'))).toBe(false);
  });

  test('a page the prescan did not write is cut again when the record set aside does not vouch for its file', async () => {
    const { root, cacheDir } = site({ 'a/index.html': 'A' });
    const all = files(['a/index.html']);
    await writeSearchPages({ root, files: all, cacheDir });
    // Without the record (a build after one stopped half way), every extract is cut again.
    expect(await writeSearchPages({ root, files: all, cacheDir })).toMatchObject({ cut: 1 });
    expect(await writeSearchPages({ root, files: all, previous: openSearchPages(cacheDir), cacheDir })).toMatchObject({
      cut: 0,
    });
  });

  test('an extract whose file went, or a record of another version, is written again', async () => {
    const { root, cacheDir } = site({ 'a/index.html': 'A', 'b/index.html': 'B' });
    const all = files(['a/index.html', 'b/index.html']);
    await writeSearchPages({ root, files: all, cacheDir });
    rmSync(join(cacheDir, SEARCH_PAGES_FOLDER, 'b/index.html'));
    expect(searchPagesFor(root, cacheDir)).toBeUndefined();
    expect(await writeSearchPages({ root, files: all, previous: openSearchPages(cacheDir), cacheDir })).toMatchObject({
      cut: 1,
    });
    expect(searchPagesFor(root, cacheDir)).toBeDefined();

    const manifest = join(cacheDir, SEARCH_PAGES_MANIFEST);
    writeFileSync(manifest, readFileSync(manifest, 'utf8').replace('"version":2', '"version":0'));
    expect(searchPagesFor(root, cacheDir)).toBeUndefined();
    expect(await writeSearchPages({ root, files: all, previous: openSearchPages(cacheDir), cacheDir })).toMatchObject({
      cut: 2,
    });
  });

  test('a write stopped half way leaves no record: the search step then reads the built pages', async () => {
    const { root, cacheDir } = site({ 'a/index.html': 'A' });
    await writeSearchPages({ root, files: files(['a/index.html']), cacheDir });
    expect(searchPagesFor(root, cacheDir)).toBeDefined();
    // A file that is not there stops the write after the record was set aside.
    await expect(
      writeSearchPages({ root, files: [...files(['a/index.html']), 'gone.html'], cacheDir }),
    ).rejects.toThrow(/ENOENT/);
    expect(existsSync(join(cacheDir, SEARCH_PAGES_MANIFEST))).toBe(false);
    expect(searchPagesFor(root, cacheDir)).toBeUndefined();
  });
});
