import { existsSync, readdirSync } from 'node:fs';
import { join, relative, sep } from 'node:path';

/**
 * The pages of a built site as files, and the one mapping between a page's file and its URL path
 * (the link check, the search extracts, the URL ledger and the tests read built sites through it).
 */

/**
 * Every `.html` file under `dir`, as paths relative to it with `/` (`companies/acme/index.html`),
 * sorted; none when `dir` does not exist. Folders named in `skip` are not entered.
 */
export function htmlFilesIn(dir: string, { skip = [] }: { skip?: readonly string[] } = {}): string[] {
  if (!existsSync(dir)) return [];
  const files: string[] = [];
  const walk = (folder: string) => {
    for (const entry of readdirSync(folder, { withFileTypes: true })) {
      const path = join(folder, entry.name);
      if (entry.isDirectory()) {
        if (!skip.includes(entry.name)) walk(path);
      } else if (entry.name.endsWith('.html')) files.push(relative(dir, path).split(sep).join('/'));
    }
  };
  walk(dir);
  return files.sort();
}

/** The URL path of a built page's file: `companies/acme/index.html` → `/companies/acme/`, `404.html` → `/404.html`. */
export function urlPathOf(file: string): string {
  if (file === 'index.html') return '/';
  return file.endsWith('/index.html') ? `/${file.slice(0, -'index.html'.length)}` : `/${file}`;
}

/**
 * The file Astro writes for the page at a URL path, relative to the built site: `/companies/acme/`
 * → `companies/acme/index.html`; the error pages at the top, as Astro writes them in any build
 * format: `/404/`, `/404` and `/404.html` → `404.html`. Undefined for a path that does not decode
 * or that leaves the site (a `..` segment).
 */
export function pageFile(path: string): string | undefined {
  let rel: string;
  try {
    rel = decodeURI(path).replace(/^\/+/, '');
  } catch {
    return undefined;
  }
  if (rel.split(/[\\/]/).includes('..')) return undefined;
  if (/^(404|500)(\/|\.html)?$/.test(rel)) return `${rel.slice(0, 3)}.html`;
  if (rel === '' || rel.endsWith('/')) return `${rel}index.html`;
  return rel.endsWith('.html') ? rel : `${rel}.html`;
}
