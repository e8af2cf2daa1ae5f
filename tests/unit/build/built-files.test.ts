import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, test } from 'vitest';
import { htmlFilesIn, pageFile, urlPathOf } from '../../../src/lib/build/built-files';

// How the link check, the search extracts, the URL ledger and the tests read a built site's pages.

const work = mkdtempSync(join(tmpdir(), 'built-files-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

describe('the pages of a built site', () => {
  test('every .html file, relative and sorted, without the skipped folders; none without the folder', () => {
    const dist = join(work, 'dist');
    for (const file of [
      'index.html',
      '404.html',
      'companies/acme/index.html',
      'companies/acme.json',
      'pagefind/x.html',
    ]) {
      mkdirSync(join(dist, file, '..'), { recursive: true });
      writeFileSync(join(dist, file), '');
    }
    expect(htmlFilesIn(dist)).toEqual(['404.html', 'companies/acme/index.html', 'index.html', 'pagefind/x.html']);
    expect(htmlFilesIn(dist, { skip: ['pagefind'] })).toEqual(['404.html', 'companies/acme/index.html', 'index.html']);
    expect(htmlFilesIn(join(work, 'no-such-folder'))).toEqual([]);
  });

  test('a page’s URL path, from its file', () => {
    expect(urlPathOf('index.html')).toBe('/');
    expect(urlPathOf('companies/acme/index.html')).toBe('/companies/acme/');
    expect(urlPathOf('404.html')).toBe('/404.html');
  });

  test('a page’s file in the built site, from its URL path', () => {
    expect(pageFile('/')).toBe('index.html');
    expect(pageFile('/companies/acme/')).toBe('companies/acme/index.html');
    expect(pageFile('/404')).toBe('404.html');
    expect(pageFile('/404.html')).toBe('404.html');
    expect(pageFile('/404/')).toBe('404.html');
    expect(pageFile('/404-days/')).toBe('404-days/index.html');
    // Nothing outside the folder, and no failure on a path that does not decode: no extract.
    expect(pageFile('/a/../../x/')).toBeUndefined();
    expect(pageFile('/a/..\\x/')).toBeUndefined();
    expect(pageFile('/%E0%A4%A/')).toBeUndefined();
    expect(pageFile('/people/j%C3%BCrgen/')).toBe('people/jürgen/index.html');
  });

  test('the two ways agree for every page a site lists', () => {
    for (const file of [
      'index.html',
      '404.html',
      'companies/acme/index.html',
      'companies/acme/deals/page/2/index.html',
    ])
      expect(pageFile(urlPathOf(file))).toBe(file);
  });
});
