import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { isRedirectPage, type Resolution } from '../../src/lib/publishing/ledger.ts';
import { fileFor } from './dist.ts';
import { sitemapPaths } from './sitemap.ts';

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
 * Every public URL a build publishes, for the ledger: the pages of its sitemap and its feeds.
 * (Redirect pages are not in the sitemap, so a URL kept alive by a redirect is not "new".)
 */
export function publishedPaths(distDir: string): string[] {
  return [...sitemapPaths(distDir), ...feedPaths(distDir)].sort();
}

/** How a built site serves a URL path: a page or file, a redirect page, or nothing. */
export function resolveIn(distDir: string): (path: string) => Resolution {
  return (path) => {
    const file = fileFor(distDir, path);
    if (!existsSync(file) || !statSync(file).isFile()) return 'missing';
    return file.endsWith('.html') && isRedirectPage(readFileSync(file, 'utf8')) ? 'redirect' : 'page';
  };
}
