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

/** Every `id` that more than one element of an HTML document carries, with how many carry it. */
export function duplicateIds(html: string): Record<string, number> {
  const $ = cheerio.load(html);
  const counts = new Map<string, number>();
  $('[id]').each((_, element) => {
    const id = $(element).attr('id')!;
    counts.set(id, (counts.get(id) ?? 0) + 1);
  });
  return Object.fromEntries([...counts].filter(([, n]) => n > 1));
}

/** Pages of a built site on which some id is not unique, with the ids: `{}` when there are none. */
export function pagesWithDuplicateIds(distDir: string): Record<string, Record<string, number>> {
  const found: Record<string, Record<string, number>> = {};
  for (const page of htmlPages(distDir)) {
    const duplicates = duplicateIds(readFileSync(fileFor(distDir, page), 'utf8'));
    if (Object.keys(duplicates).length > 0) found[page] = duplicates;
  }
  return found;
}
