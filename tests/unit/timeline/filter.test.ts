import { describe, expect, test } from 'vitest';
import { ui } from '../../../src/i18n/ui';
import { parseTimelineFilters, timelineUrl } from '../../../src/lib/routes';
import {
  countText,
  filtersFromForm,
  itemFromData,
  itemFromIndexRow,
  matchesFilters,
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
