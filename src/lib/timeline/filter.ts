import { fill } from '../../i18n/links';
import type { TimelineFilters } from '../routes';
import type { TimelineIndexRow } from './pages';

/** What the filter needs to know about one timeline item (its data attributes). */
export interface FilterableItem {
  companies: string[];
  type: string;
  countries: string[];
  /** Its status and, when its date passed unreported, "past-due" (see `itemStates`). */
  statuses: string[];
  /** Years the item's date can fall in: first and last. */
  firstYear: number;
  lastYear: number;
}

/**
 * Whether an item passes the filters. Values within one filter are alternatives (OR); different
 * filters must all hold (AND). A year range keeps items whose dates overlap it. "past-due" is a
 * status value like the others: `status=past-due` keeps the past-due items, `status=planned`
 * keeps every planned item, past due or not (its recorded status is still planned).
 */
export function matchesFilters(item: FilterableItem, filters: TimelineFilters): boolean {
  const anyOf = (wanted: string[] | undefined, values: string[]) =>
    !wanted?.length || wanted.some((w) => values.includes(w));
  return (
    anyOf(filters.company, item.companies) &&
    anyOf(filters.type, [item.type]) &&
    anyOf(filters.country, item.countries) &&
    anyOf(filters.status, item.statuses) &&
    (filters.from === undefined || item.lastYear >= filters.from) &&
    (filters.to === undefined || item.firstYear <= filters.to)
  );
}

/** The timeline's checkbox filters, whose counts follow the other filters. */
export type CountedFilter = 'type' | 'status';

/**
 * How many items each value of a checkbox filter would show, with every other filter applied but
 * not its own (as search counts its facets): ticking "Deals" leaves the other types' counts as
 * they were, and choosing a company changes them all. Values no item has are not listed; a past-due
 * item counts under its status and under "past-due".
 */
export function filterCounts(
  items: Iterable<FilterableItem>,
  filters: TimelineFilters,
  filter: CountedFilter,
): Map<string, number> {
  const others: TimelineFilters = { ...filters, [filter]: [] };
  const counts = new Map<string, number>();
  for (const item of items) {
    if (!matchesFilters(item, others)) continue;
    // A past-due item counts under its recorded status and under "past-due".
    for (const value of filter === 'type' ? [item.type] : item.statuses)
      counts.set(value, (counts.get(value) ?? 0) + 1);
  }
  return counts;
}

/** True when no filter is set. */
export function isUnfiltered(filters: TimelineFilters): boolean {
  return Object.values(filters).every((v) => v === undefined || (Array.isArray(v) && v.length === 0));
}

/** Space-separated ids of a data attribute or index cell, as a list. */
function words(value: string | undefined): string[] {
  return (value ?? '').split(' ').filter(Boolean);
}

/** What the filter tests of an item on the page, from its data attributes (`data-companies="catl lges"`). */
export function itemFromData(data: Readonly<Record<string, string | undefined>>): FilterableItem {
  return {
    companies: words(data.companies),
    type: data.type ?? '',
    countries: words(data.countries),
    statuses: words(data.status),
    firstYear: Number(data.firstYear),
    lastYear: Number(data.lastYear),
  };
}

/** What the filter tests of an item of a large timeline's index (see `timelineIndex`). */
export function itemFromIndexRow([
  ,
  ,
  type,
  status,
  companies,
  countries,
  firstYear,
  lastYear,
]: TimelineIndexRow): FilterableItem {
  return {
    type,
    statuses: words(status),
    companies: words(companies),
    countries: words(countries),
    firstYear,
    lastYear,
  };
}

/**
 * The filters chosen in the timeline's form: one company, country and year range from the
 * selects (empty means any), any number of types and statuses from the checkboxes.
 */
export function filtersFromForm(data: Pick<FormData, 'get' | 'getAll'>): TimelineFilters {
  const text = (name: string) => {
    const value = data.get(name);
    return typeof value === 'string' ? value : '';
  };
  const filters: TimelineFilters = {
    company: text('company') ? [text('company')] : [],
    type: data.getAll('type').map(String),
    country: text('country') ? [text('country')] : [],
    status: data.getAll('status').map(String),
  };
  if (text('from')) filters.from = Number(text('from'));
  if (text('to')) filters.to = Number(text('to'));
  return filters;
}

/** The live count under the filters: "Showing 2 of 12 items", or the copy for no match. */
export function countText(shown: number, total: number, copy: { showing: string; none: string }): string {
  return shown === 0 ? copy.none : fill(copy.showing, { shown, total });
}
