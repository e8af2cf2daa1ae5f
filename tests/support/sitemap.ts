import { readFileSync } from 'node:fs';
import { join } from 'node:path';

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
