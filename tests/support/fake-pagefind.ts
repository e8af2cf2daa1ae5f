import type { Pagefind, PagefindFragment, PagefindResults } from '../../src/components/search/search-client';

/** A page in the fake index: its title, metadata and Pagefind filters. */
export interface FakePage {
  url: string;
  title: string;
  type: string;
  date?: string;
  /** Sort key "date" (ISO day). */
  sort?: string;
  filters: Record<string, string[]>;
  /** Sections of the page that match (Pagefind's sub-results: the page's headings with ids). */
  sections?: { id: string; title: string }[];
}

/** Every call the page made, to assert on what it asked for. */
export interface FakePagefind extends Pagefind {
  searches: { term: string | null; options: Parameters<Pagefind['search']>[1] }[];
}

function counts(pages: FakePage[]): Record<string, Record<string, number>> {
  const out: Record<string, Record<string, number>> = {};
  for (const page of pages)
    for (const [facet, values] of Object.entries(page.filters))
      for (const value of values) (out[facet] ??= {})[value] = (out[facet]?.[value] ?? 0) + 1;
  return out;
}

/**
 * An in-memory stand-in for Pagefind with its search semantics: a term matches pages whose title
 * contains it (any case); `filters: { facet: { any: [...] } }` keeps pages with one of the values
 * of every facet given; results carry the filter counts of what matched.
 */
export function fakePagefind(pages: FakePage[]): FakePagefind {
  const searches: FakePagefind['searches'] = [];
  return {
    searches,
    async options() {},
    async preload() {},
    async filters() {
      return counts(pages);
    },
    async search(term, options) {
      searches.push({ term, options });
      const filters = (options?.filters ?? {}) as Record<string, { any: string[] }>;
      let found = pages.filter(
        (page) =>
          (term === null || page.title.toLowerCase().includes(term.toLowerCase())) &&
          Object.entries(filters).every(([facet, { any }]) => any.some((v) => page.filters[facet]?.includes(v))),
      );
      if (options?.sort?.date === 'desc') found = [...found].sort((a, b) => (b.sort ?? '').localeCompare(a.sort ?? ''));
      const results: PagefindResults = {
        results: found.map((page, i) => ({
          id: String(i),
          score: 1,
          data: async (): Promise<PagefindFragment> => ({
            url: page.url,
            excerpt: `About <mark>${page.title}</mark>`,
            meta: { title: page.title, type: page.type, ...(page.date ? { date: page.date } : {}) },
            filters: page.filters,
            sub_results: (page.sections ?? []).map((s) => ({
              title: s.title,
              url: `${page.url}#${s.id}`,
              excerpt: `In <mark>${s.title}</mark>`,
              anchor: { id: s.id },
            })),
          }),
        })),
        unfilteredResultCount: found.length,
        filters: counts(found),
        totalFilters: counts(pages),
      };
      return results;
    },
  };
}

/** A few pages of the bundled dataset's kind. */
export const PAGES: FakePage[] = [
  {
    url: '/companies/catl/',
    title: 'CATL',
    type: 'Company',
    filters: { type: ['company'], company: ['CATL'], country: ['CN'], year: [] },
  },
  {
    url: '/deals/solus-catl/',
    title: 'Solus to supply copper foil to CATL',
    type: 'Deal',
    date: 'June 2025',
    sort: '2025-06-30',
    filters: { type: ['deal'], company: ['CATL', 'Solus'], country: ['HU', 'KR'], year: ['2025'] },
  },
  {
    url: '/events/catl-korea/',
    title: 'CATL establishes a Korean branch',
    type: 'Event',
    sections: [{ id: 'seoul-office', title: 'The Seoul office' }],
    date: '9 July 2025',
    sort: '2025-07-09',
    filters: { type: ['event'], company: ['CATL'], country: ['KR'], year: ['2025'] },
  },
  {
    url: '/events/catl-hungary/',
    title: 'CATL aims to run a plant in Hungary',
    type: 'Event',
    date: 'by the end of 2025',
    sort: '2025-12-31',
    filters: { type: ['event'], company: ['CATL'], country: ['HU'], year: ['2025'] },
  },
  {
    url: '/companies/kia/',
    title: 'Kia',
    type: 'Company',
    filters: { type: ['company'], company: ['Kia'], country: ['KR'], year: [] },
  },
];
