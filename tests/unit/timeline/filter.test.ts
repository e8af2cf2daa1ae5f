import { describe, expect, test } from 'vitest';
import { ui } from '../../../src/i18n/ui';
import { parseTimelineFilters, timelineUrl } from '../../../src/lib/routes';
import {
  countText,
  filterCounts,
  filtersFromForm,
  itemFromData,
  itemFromIndexRow,
  matchesFilters,
  type FilterableItem,
} from '../../../src/lib/timeline/filter';

/** The timeline form's data as a browser submits it. */
function form(entries: [string, string][]): FormData {
  const data = new FormData();
  for (const [name, value] of entries) data.append(name, value);
  return data;
}

describe('filtersFromForm', () => {
  test('reads one company, country and year range, and every checked type and status', () => {
    const filters = filtersFromForm(
      form([
        ['company', 'catl'],
        ['country', 'HU'],
        ['from', '2025'],
        ['to', '2026'],
        ['type', 'event'],
        ['type', 'deal'],
        ['status', 'expected'],
        ['status', 'past-due'],
      ]),
    );
    expect(filters).toEqual({
      company: ['catl'],
      country: ['HU'],
      from: 2025,
      to: 2026,
      type: ['event', 'deal'],
      status: ['expected', 'past-due'],
    });
    expect(timelineUrl(filters)).toBe(
      '/timeline/?company=catl&type=deal,event&country=HU&status=expected,past-due&from=2025&to=2026',
    );
  });

  test('“any” (an empty select) is no filter, and the URL is the bare timeline', () => {
    const filters = filtersFromForm(
      form([
        ['company', ''],
        ['country', ''],
        ['from', ''],
        ['to', ''],
      ]),
    );
    expect(filters).toEqual({ company: [], type: [], country: [], status: [] });
    expect(timelineUrl(filters)).toBe('/timeline/');
  });

  test('the URL it gives reads back to the same filters', () => {
    const filters = filtersFromForm(
      form([
        ['type', 'figure'],
        ['from', '2024'],
      ]),
    );
    expect(parseTimelineFilters(timelineUrl(filters).split('?')[1]!)).toEqual({ type: ['figure'], from: 2024 });
  });
});

describe('itemFromData and itemFromIndexRow', () => {
  test('read the same item from its data attributes and from its index row', () => {
    const fromPage = itemFromData({
      companies: 'catl lg-energy-solution',
      type: 'deal',
      countries: 'KR HU',
      status: 'planned past-due',
      firstYear: '2025',
      lastYear: '2026',
    });
    const fromIndex = itemFromIndexRow([
      3,
      'deal-x',
      'deal',
      'planned past-due',
      'catl lg-energy-solution',
      'KR HU',
      2025,
      2026,
    ]);
    expect(fromPage).toEqual({
      companies: ['catl', 'lg-energy-solution'],
      type: 'deal',
      countries: ['KR', 'HU'],
      statuses: ['planned', 'past-due'],
      firstYear: 2025,
      lastYear: 2026,
    });
    expect(fromIndex).toEqual(fromPage);
    expect(matchesFilters(fromPage, { status: ['past-due'] })).toBe(true);
  });

  test('an item with no companies or countries matches only filters that do not ask for them', () => {
    const item = itemFromData({
      companies: '',
      type: 'figure',
      countries: '',
      status: 'happened',
      firstYear: '2024',
      lastYear: '2024',
    });
    expect(item.companies).toEqual([]);
    expect(matchesFilters(item, { type: ['figure'] })).toBe(true);
    expect(matchesFilters(item, { company: ['catl'] })).toBe(false);
  });
});

describe('countText', () => {
  const copy = { showing: ui.timeline.showing, none: ui.timeline.none };
  test.each([
    [12, 12, 'Showing 12 of 12 items'],
    [2, 12, 'Showing 2 of 12 items'],
    [0, 12, 'No item matches these filters.'],
  ])('%i of %i → %s', (shown, total, text) => {
    expect(countText(shown, total, copy)).toBe(text);
  });
});

describe('filterCounts', () => {
  const item = (type: string, status: string, companies: string[], year = 2025): FilterableItem => ({
    type,
    statuses: status === 'expected' && year < 2027 ? [status, 'past-due'] : [status],
    companies,
    countries: [],
    firstYear: year,
    lastYear: year,
  });
  const items = [
    item('deal', 'happened', ['catl', 'solus']),
    item('event', 'happened', ['catl']),
    item('event', 'expected', ['catl'], 2026),
    item('event', 'expected', ['lotte'], 2028),
    item('figure', 'happened', ['lotte'], 2024),
  ];
  const counts = (filters: Parameters<typeof filterCounts>[1], filter: 'type' | 'status') =>
    Object.fromEntries(filterCounts(items, filters, filter));

  test('without filters, counts every item', () => {
    expect(counts({}, 'type')).toEqual({ deal: 1, event: 3, figure: 1 });
    expect(counts({}, 'status')).toEqual({ happened: 3, expected: 2, 'past-due': 1 });
  });

  test('a past-due item counts under its recorded status and under "past-due"', () => {
    expect(counts({ company: ['catl'] }, 'status')).toEqual({ happened: 2, expected: 1, 'past-due': 1 });
    expect(counts({ status: ['past-due'] }, 'type')).toEqual({ event: 1 });
  });

  test('follow the other filters: a company, a year range, the other checkboxes', () => {
    expect(counts({ company: ['catl'] }, 'type')).toEqual({ deal: 1, event: 2 });
    expect(counts({ company: ['catl'], to: 2025 }, 'status')).toEqual({ happened: 2 });
    expect(counts({ status: ['expected'] }, 'type')).toEqual({ event: 2 });
    expect(counts({ type: ['figure'] }, 'status')).toEqual({ happened: 1 });
  });

  test('ignore their own filter, so the other values stay offered with their counts', () => {
    expect(counts({ type: ['deal'] }, 'type')).toEqual({ deal: 1, event: 3, figure: 1 });
    expect(counts({ company: ['lotte'], status: ['expected'] }, 'status')).toEqual({ expected: 1, happened: 1 });
    expect(counts({ status: ['past-due'] }, 'status')).toEqual({ happened: 3, expected: 2, 'past-due': 1 });
  });
});
