import { readFileSync } from 'node:fs';
import * as cheerio from 'cheerio';
import { fileFor, htmlPages } from '../../scripts/lib/published.ts';

export { fileFor, htmlPages } from '../../scripts/lib/published.ts';

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
