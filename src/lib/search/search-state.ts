import { fill } from '../../i18n/links';
import { searchUrl } from '../routes';

/**
 * The search page's state (query, facet choices, sort) and how it reads from and writes to the
 * URL, plus the pure parts of drawing results: Pagefind filters, facet ordering, status copy.
 * No DOM here; `src/components/search/search-page.ts` wires it to the page.
 */

/** Pagefind filters the search page offers, in the order it shows them (see SearchMeta.astro). */
export const SEARCH_FACETS = ['type', 'company', 'country', 'year'] as const;
export type SearchFacet = (typeof SEARCH_FACETS)[number];

/** Sort orders besides relevance (the default, written as no `sort` parameter). */
export const SEARCH_SORTS = ['date'] as const;
export type SearchSort = '' | (typeof SEARCH_SORTS)[number];

/** Facet choices: name → values; values of one facet are alternatives (OR), facets combine (AND). */
export type Selection = Record<string, string[]>;

/** Everything a search page URL holds: `/search/?q=copper+foil&type=deal&sort=date`. */
export interface SearchState {
  q: string;
  selection: Selection;
  sort: SearchSort;
}

/** Reads the search state from a URL query (a shared link, a reload, back/forward). */
export function parseSearchState(search: string): SearchState {
  const params = new URLSearchParams(search);
  const sort = params.get('sort');
  return {
    q: params.get('q') ?? '',
    selection: Object.fromEntries(SEARCH_FACETS.map((f) => [f, [...new Set(params.getAll(f).filter(Boolean))]])),
    sort: SEARCH_SORTS.find((s) => s === sort) ?? '',
  };
}

/** The canonical search page URL of a state (through `searchUrl`, like every other link to it). */
export function searchStateUrl({ q, selection, sort }: SearchState): string {
  const query = q.trim();
  return searchUrl({
    ...(query ? { q: query } : {}),
    filters: Object.fromEntries(SEARCH_FACETS.map((f) => [f, selection[f] ?? []])),
    ...(sort ? { sort } : {}),
  });
}

/** True when at least one facet value is chosen. */
export function hasSelection(selection: Selection, except?: string): boolean {
  return Object.entries(selection).some(([facet, values]) => facet !== except && values.length > 0);
}

/** Pagefind's filter object for a selection, leaving out one facet if asked (for that facet's counts). */
export function pagefindFilters(selection: Selection, without?: string): Record<string, { any: string[] }> {
  return Object.fromEntries(
    Object.entries(selection)
      .filter(([name, values]) => name !== without && values.length > 0)
      .map(([name, values]) => [name, { any: values }]),
  );
}

/**
 * The values a facet lists: those with results under the other facets' choices, plus any chosen
 * one. Their order never depends on the query or the choices, so a value stays where the reader
 * found it when they tick a box: years newest first, others by how many pages of the whole index
 * carry them (the unfiltered counts), then by label.
 */
export function facetValues(
  facet: string,
  {
    all,
    counts,
    selected,
    label,
  }: {
    /** Every value of the facet in the index, with how many pages carry it. */
    all: Record<string, number>;
    /** Results per value under the current query and the other facets' choices. */
    counts: Record<string, number>;
    selected: string[];
    label: (value: string) => string;
  },
): string[] {
  return Object.keys(all)
    .filter((value) => (counts[value] ?? 0) > 0 || selected.includes(value))
    .sort((a, b) =>
      facet === 'year' ? b.localeCompare(a) : (all[b] ?? 0) - (all[a] ?? 0) || label(a).localeCompare(label(b)),
    );
}

/**
 * The choices in words, for the collapsed filters on a phone: "Type: Deal, Event · Company: CATL",
 * facets in the page's order, values as the facet lists them; empty when nothing is chosen.
 */
export function selectionSummary(
  selection: Selection,
  {
    facetLabel,
    valueLabel,
    copy,
  }: {
    facetLabel: (facet: string) => string;
    valueLabel: (facet: string, value: string) => string;
    copy: { choice: string; values: string; choices: string };
  },
): string {
  return SEARCH_FACETS.filter((facet) => (selection[facet] ?? []).length > 0)
    .map((facet) =>
      fill(copy.choice, {
        facet: facetLabel(facet),
        values: selection[facet]!.map((value) => valueLabel(facet, value)).join(copy.values),
      }),
    )
    .join(copy.choices);
}

/** The status line over the results: "3 results", "1 result" or the copy for none. */
export function resultsStatus(
  count: number,
  q: string,
  copy: { results: string; result: string; none: string },
): string {
  if (count === 0) return fill(copy.none, { q });
  return count === 1 ? copy.result : fill(copy.results, { n: count });
}
