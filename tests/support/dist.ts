import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
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

/** Every file of a folder with a hash of its bytes: equal snapshots mean byte-identical output. */
export function folderSnapshot(dir: string): Record<string, string> {
  const files: Record<string, string> = {};
  for (const entry of readdirSync(dir, { recursive: true, withFileTypes: true })) {
    if (!entry.isFile()) continue;
    const path = join(entry.parentPath, entry.name);
    files[relative(dir, path)] = createHash('sha256').update(readFileSync(path)).digest('hex');
  }
  return files;
}
