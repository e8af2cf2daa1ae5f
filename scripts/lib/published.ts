import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { htmlFilesIn, urlPathOf } from '../../src/lib/build/built-files.ts';
import { isRedirectPage, type Resolution } from '../../src/lib/publishing/ledger.ts';

// What a built site publishes, read from its output: the URL ledger (scripts/update-ledger.ts)
// and the tests read the same lists.

/** Every HTML file of a built site, as URL paths (`/companies/catl/`). */
export function htmlPages(distDir: string): string[] {
  return htmlFilesIn(distDir, { skip: ['pagefind', '_astro'] })
    .map(urlPathOf)
    .sort();
}

/** The file behind a URL path of a built site. */
export function fileFor(distDir: string, urlPath: string): string {
  const clean = decodeURIComponent(urlPath.split('#')[0]!.split('?')[0]!);
  return join(distDir, clean.endsWith('/') ? `${clean}index.html` : clean);
}

/** URL paths of every page in a built site's sitemap (`/companies/catl/`). */
export function sitemapPaths(distDir: string): string[] {
  const index = readFileSync(join(distDir, 'sitemap-index.xml'), 'utf8');
  const sitemaps = [...index.matchAll(/<loc>([^<]+)<\/loc>/g)].map((m) => new URL(m[1]!).pathname.replace(/^\//, ''));
  return sitemaps
    .flatMap((file) =>
      [...readFileSync(join(distDir, file), 'utf8').matchAll(/<loc>([^<]+)<\/loc>/g)].map(
        (m) => new URL(m[1]!).pathname,
      ),
    )
    .sort();
}

/** Feed files of a built site, as URL paths: `/rss.xml`, `/feed.json`, `/companies/<id>/feed.xml`. */
export function feedPaths(distDir: string): string[] {
  const paths = ['/rss.xml', '/feed.json'].filter((p) => existsSync(join(distDir, p)));
  const companies = join(distDir, 'companies');
  if (existsSync(companies)) {
    for (const id of readdirSync(companies)) {
      if (existsSync(join(companies, id, 'feed.xml'))) paths.push(`/companies/${id}/feed.xml`);
    }
  }
  return paths.sort();
}

/**
 * Data files of a built site, as URL paths: the exports under `/data/` (`/data/companies.csv`,
 * `/data/dataset.json`, `/data/datapackage.json`) and the JSON document beside every entity page
 * of the sitemap (`/companies/catl.json` beside `/companies/catl/`).
 */
export function dataPaths(distDir: string, pages: string[] = sitemapPaths(distDir)): string[] {
  const data = join(distDir, 'data');
  const exports = existsSync(data)
    ? readdirSync(data)
        .filter((name) => /\.(csv|json)$/.test(name) && statSync(join(data, name)).isFile())
        .map((name) => `/data/${name}`)
    : [];
  const entities = pages
    .filter((page) => /^\/[^/]+\/[^/]+\/$/.test(page))
    .map((page) => `${page.slice(0, -1)}.json`)
    .filter((path) => existsSync(fileFor(distDir, path)));
  return [...exports, ...entities].sort();
}

/**
 * Every public URL a build publishes, for the ledger: the pages of its sitemap, its feeds and its
 * data files. (Redirect pages are not in the sitemap, so a URL kept alive by a redirect is not "new".)
 */
export function publishedPaths(distDir: string): string[] {
  const pages = sitemapPaths(distDir);
  return [...pages, ...feedPaths(distDir), ...dataPaths(distDir, pages)].sort();
}

/** How a built site serves a URL path: a page or file, a redirect page, or nothing. */
export function resolveIn(distDir: string): (path: string) => Resolution {
  return (path) => {
    const file = fileFor(distDir, path);
    if (!existsSync(file) || !statSync(file).isFile()) return 'missing';
    return file.endsWith('.html') && isRedirectPage(readFileSync(file, 'utf8')) ? 'redirect' : 'page';
  };
}
