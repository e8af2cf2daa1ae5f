import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import * as cheerio from 'cheerio';

/** Every HTML file of a built site, as URL paths (`/companies/catl/`). */
export function htmlPages(distDir: string): string[] {
  const pages: string[] = [];
  const walk = (dir: string) => {
    for (const name of readdirSync(dir)) {
      const path = join(dir, name);
      if (statSync(path).isDirectory()) {
        if (name !== 'pagefind' && name !== '_astro') walk(path);
      } else if (name.endsWith('.html')) {
        const rel = relative(distDir, path).split(sep).join('/');
        pages.push(
          rel === 'index.html'
            ? '/'
            : rel.endsWith('/index.html')
              ? `/${rel.slice(0, -'index.html'.length)}`
              : `/${rel}`,
        );
      }
    }
  };
  walk(distDir);
  return pages.sort();
}

/** The file behind a URL path of a built site. */
export function fileFor(distDir: string, urlPath: string): string {
  const clean = decodeURIComponent(urlPath.split('#')[0]!.split('?')[0]!);
  return join(distDir, clean.endsWith('/') ? `${clean}index.html` : clean);
}

/** A built page, parsed. */
export function loadPage(distDir: string, urlPath: string) {
  return cheerio.load(readFileSync(fileFor(distDir, urlPath), 'utf8'));
}
