/**
 * Slices `items` into pages of `size` (a site's `pageSizes`, which keep every page's HTML bounded
 * however large the corpus); page numbers start at 1. Always at least one page.
 */
export function paginate<T>(items: readonly T[], size: number): { page: number; last: number; items: T[] }[] {
  const last = Math.max(1, Math.ceil(items.length / size));
  return Array.from({ length: last }, (_, i) => ({ page: i + 1, last, items: items.slice(i * size, (i + 1) * size) }));
}
