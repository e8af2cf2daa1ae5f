import type { TimelineFilters } from '../routes';

/** What the filter needs to know about one timeline item (its data attributes). */
export interface FilterableItem {
  companies: string[];
  type: string;
  countries: string[];
  status: string;
  /** Years the item's date can fall in: first and last. */
  firstYear: number;
  lastYear: number;
}

/**
 * Whether an item passes the filters. Values within one filter are alternatives (OR); different
 * filters must all hold (AND). A year range keeps items whose dates overlap it.
 */
export function matchesFilters(item: FilterableItem, filters: TimelineFilters): boolean {
  const anyOf = (wanted: string[] | undefined, values: string[]) =>
    !wanted?.length || wanted.some((w) => values.includes(w));
  return (
    anyOf(filters.company, item.companies) &&
    anyOf(filters.type, [item.type]) &&
    anyOf(filters.country, item.countries) &&
    anyOf(filters.status, [item.status]) &&
    (filters.from === undefined || item.lastYear >= filters.from) &&
    (filters.to === undefined || item.firstYear <= filters.to)
  );
}

/** True when no filter is set. */
export function isUnfiltered(filters: TimelineFilters): boolean {
  return Object.values(filters).every((v) => v === undefined || (Array.isArray(v) && v.length === 0));
}
