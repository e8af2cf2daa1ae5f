import { describe, expect, test } from 'vitest';
import { ui } from '../../../src/i18n/ui';
import { searchUrl } from '../../../src/lib/routes';
import {
  facetValues,
  hasSelection,
  pagefindFilters,
  parseSearchState,
  resultsStatus,
  searchStateUrl,
  selectionSummary,
} from '../../../src/lib/search/search-state';

describe('parseSearchState', () => {
  test('reads the query, every facet’s values and the sort', () => {
    expect(parseSearchState('?q=copper+foil&type=deal&type=company&country=HU&sort=date')).toEqual({
      q: 'copper foil',
      selection: { type: ['deal', 'company'], company: [], country: ['HU'], year: [] },
      sort: 'date',
    });
  });

  test('ignores unknown parameters, empty and repeated values, and sorts it does not offer', () => {
    expect(parseSearchState('?type=&type=deal&type=deal&page=2&sort=popular')).toEqual({
      q: '',
      selection: { type: ['deal'], company: [], country: [], year: [] },
      sort: '',
    });
  });
});

describe('searchStateUrl', () => {
  test('is the URL searchUrl gives for the same search', () => {
    const state = parseSearchState('?q=CATL&type=event&type=deal&year=2025&sort=date');
    expect(searchStateUrl(state)).toBe(
      searchUrl({ q: 'CATL', filters: { type: ['deal', 'event'], year: ['2025'] }, sort: 'date' }),
    );
    expect(searchStateUrl(state)).toBe('/search/?q=CATL&type=deal&type=event&year=2025&sort=date');
  });

  test('one canonical link whatever order the choices were made in, with the query trimmed', () => {
    const a = searchStateUrl({
      q: ' copper foil ',
      selection: { type: ['deal', 'company'], country: ['HU'] },
      sort: '',
    });
    const b = searchStateUrl({ q: 'copper foil', selection: { country: ['HU'], type: ['company', 'deal'] }, sort: '' });
    expect(a).toBe(b);
    expect(a).toBe('/search/?q=copper+foil&country=HU&type=company&type=deal');
  });

  test('an empty search is the bare search page, and reads back as empty', () => {
    const url = searchStateUrl({ q: '  ', selection: { type: [] }, sort: '' });
    expect(url).toBe('/search/');
    expect(parseSearchState('')).toEqual({
      q: '',
      selection: { type: [], company: [], country: [], year: [] },
      sort: '',
    });
  });

  test('reads back to the same state', () => {
    const state = {
      q: 'Kia PV5',
      selection: { type: ['deal'], company: ['Kia'], country: [], year: ['2025'] },
      sort: 'date' as const,
    };
    expect(parseSearchState(searchStateUrl(state).split('?')[1]!)).toEqual(state);
  });
});

describe('pagefindFilters and hasSelection', () => {
  const selection = { type: ['deal', 'event'], company: ['CATL'], country: [] };
  test('values of a facet are alternatives; facets without values are left out', () => {
    expect(pagefindFilters(selection)).toEqual({ type: { any: ['deal', 'event'] }, company: { any: ['CATL'] } });
  });
  test('a facet’s own counts come from a search without its own choice', () => {
    expect(pagefindFilters(selection, 'type')).toEqual({ company: { any: ['CATL'] } });
  });
  test('hasSelection says whether any (other) facet has a choice', () => {
    expect(hasSelection(selection)).toBe(true);
    expect(hasSelection({ type: ['deal'] }, 'type')).toBe(false);
    expect(hasSelection({ type: [], year: [] })).toBe(false);
  });
});

describe('facetValues', () => {
  const label = (value: string) => ({ KR: 'South Korea', CN: 'China', HU: 'Hungary' })[value] ?? value;
  test('lists values with results in the order of the whole index (most pages first, ties by label); a chosen value stays at zero', () => {
    expect(
      facetValues('country', {
        all: { KR: 9, CN: 7, HU: 2, ES: 1, DE: 7 },
        counts: { KR: 1, CN: 3, HU: 0, ES: 0, DE: 2 },
        selected: ['HU'],
        label,
      }),
    ).toEqual(['KR', 'CN', 'DE', 'HU']);
  });

  test('keeps its order whatever the query and the choices: ticking a value moves nothing', () => {
    const all = { company: 5, deal: 3, event: 3, quote: 1 };
    const order = (counts: Record<string, number>, selected: string[]) =>
      facetValues('type', { all, counts, selected, label: (v) => v }).filter((v) => v in counts);
    const before = order({ company: 1, deal: 2, event: 3, quote: 1 }, []);
    const ticked = order({ company: 1, deal: 2, event: 3, quote: 1 }, ['event']);
    const otherQuery = order({ company: 4, deal: 1, event: 1, quote: 1 }, ['event']);
    expect(before).toEqual(['company', 'deal', 'event', 'quote']);
    expect(ticked).toEqual(before);
    expect(otherQuery).toEqual(before);
  });
  test('years are newest first, whatever their counts', () => {
    expect(
      facetValues('year', {
        all: { 2024: 1, 2025: 5, 2026: 2 },
        counts: { 2024: 1, 2025: 5, 2026: 2 },
        selected: [],
        label,
      }),
    ).toEqual(['2026', '2025', '2024']);
  });
});

describe('selectionSummary', () => {
  const t = ui.search;
  const labels = { type: { deal: 'Deal', event: 'Event' }, country: { KR: 'South Korea' } } as Record<
    string,
    Record<string, string>
  >;
  const summary = (selection: Record<string, string[]>) =>
    selectionSummary(selection, {
      facetLabel: (facet) => t.facets[facet as keyof typeof t.facets],
      valueLabel: (facet, value) => labels[facet]?.[value] ?? value,
      copy: { choice: t.choice, values: t.choiceValues, choices: t.choices },
    });

  test('names each chosen facet and its values, in the page’s order of facets', () => {
    expect(summary({ company: ['CATL'], type: ['deal'] })).toBe('Type: Deal · Company: CATL');
    expect(summary({ type: ['deal', 'event'], country: ['KR'], year: [] })).toBe(
      'Type: Deal, Event · Country: South Korea',
    );
  });

  test('is empty when nothing is chosen, and leaves placeholder-like names alone', () => {
    expect(summary({ type: [], company: [] })).toBe('');
    expect(summary({ company: ['{facet} $&'] })).toBe('Company: {facet} $&');
  });
});

describe('resultsStatus', () => {
  const copy = { results: ui.search.results, result: ui.search.result, none: ui.search.none };
  test.each([
    [0, 'tariffs', 'No results for “tariffs”.'],
    [1, 'tariffs', '1 result'],
    [14, 'tariffs', '14 results'],
    [0, '$& $1', 'No results for “$& $1”.'],
  ])('%i for %j → %s', (count, q, text) => {
    expect(resultsStatus(count, q, copy)).toBe(text);
  });
});
