import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { buildGraph } from '../../../src/lib/graph/graph';
import { parseFuzzyDate } from '../../../src/lib/values/fuzzy-date';
import { parseTimelineFilters, timelineUrl } from '../../../src/lib/routes';
import {
  buildTimeline,
  compareTimelineItems,
  groupOf,
  groupTimeline,
  indexTimeline,
  itemStates,
  kindLabel,
  timelineFacets,
  timelineOf,
  todayIndex,
  type TimelineItem,
} from '../../../src/lib/timeline/timeline';
import { matchesFilters, isUnfiltered } from '../../../src/lib/timeline/filter';
import { fixtureVocabulary, loadContentRoot, minimalInput } from '../../support/content';

const seed = loadContentRoot(join(import.meta.dirname, '../../../src/content'));
const TODAY = '2026-11-26';
const items = buildTimeline(seed.graph, seed.site.vocabulary, TODAY);

describe('buildTimeline on the bundled dataset', () => {
  test('merges deal announcements and starts, events, briefings and key figures, in order', () => {
    expect(items.map((i) => `${i.date.text} ${i.kind} ${i.target.id}`)).toEqual([
      '2024 figure chery-automobile',
      '2024 figure chery-automobile',
      '2024 figure chery-automobile',
      'late 2025-06 event lotte-energy-materials-spain-plant-construction',
      '2025-06 deal-announced solus-advanced-materials-catl-copper-foil',
      '2025 before 2025-07-09 deal-announced catl-kia-pv5-batteries',
      '2025 before 2025-07-09 event catl-korea-branch',
      '2025-07-09 deal-announced lg-energy-solution-chery-ev-46-series-cells',
      'by end of 2025 event catl-hungary-plant-100-gwh',
      'early 2026 deal-start lg-energy-solution-chery-ev-46-series-cells',
      '2026-11-26 briefing chinese-battery-firms-turn-to-korean-partners',
      '2028 event lotte-energy-materials-spain-plant-production',
    ]);
  });

  test('says what each item is, apart from the status of what it is about', () => {
    const byId = Object.fromEntries(items.map((i) => [i.id, i]));
    const lges = 'lg-energy-solution-chery-ev-46-series-cells';
    // The announcement happened; the deal's status (signed) is shown as of its source, never "Announced".
    expect(kindLabel(byId[`deal-announced-${lges}`]!)).toBe('Deal announced');
    expect(byId[`deal-announced-${lges}`]!.recorded).toEqual({ status: 'signed', label: 'Signed', asOf: '2025-07-09' });
    expect(byId[`deal-announced-${lges}`]!.detail).toBeUndefined();
    // A deal only reported is a reported item, not an announced one.
    expect(kindLabel(byId['deal-announced-catl-kia-pv5-batteries']!)).toBe('Deal reported');
    expect(byId['deal-announced-catl-kia-pv5-batteries']!.recorded?.label).toBe('Reported');
    expect(kindLabel(byId[`deal-start-${lges}`]!)).toBe('Deal term starts');
    expect(byId[`deal-start-${lges}`]!.recorded?.label).toBe('Signed');
  });

  test('marks what is past due on the build day, and only that', () => {
    const pastDue = items.filter((i) => i.pastDue).map((i) => i.id);
    // "by the end of 2025" and "early 2026" have passed by 26 November 2026, reported only on 9 July 2025.
    expect(pastDue).toEqual([
      'event-catl-hungary-plant-100-gwh',
      'deal-start-lg-energy-solution-chery-ev-46-series-cells',
    ]);
    const hungary = items.find((i) => i.id === 'event-catl-hungary-plant-100-gwh')!;
    expect(hungary.status).toBe('planned'); // the recorded status is kept
    expect(itemStates(hungary)).toEqual(['planned', 'past-due']);
    expect(hungary.recorded).toMatchObject({ status: 'planned', asOf: '2025-07-09', pastDue: { kind: 'event' } });
    // Before the end of 2025 nothing was past due yet.
    expect(buildTimeline(seed.graph, seed.site.vocabulary, '2025-12-31').filter((i) => i.pastDue)).toEqual([]);
    // The announcement of a deal whose term start is past due is not itself past due.
    const announced = items.find((i) => i.id === 'deal-announced-lg-energy-solution-chery-ev-46-series-cells')!;
    expect(announced.pastDue).toBeUndefined();
    expect(announced.recorded?.pastDue).toBeUndefined();
  });

  test('gives key figures the day of the source that reports them', () => {
    expect(items.filter((i) => i.kind === 'figure').map((i) => i.asOf)).toEqual([
      '2025-07-09',
      '2025-07-09',
      '2025-07-09',
    ]);
  });

  test('keeps what is ahead visibly planned or expected', () => {
    const status = Object.fromEntries(items.map((i) => [i.id, i.status]));
    expect(status['event-catl-hungary-plant-100-gwh']).toBe('planned');
    expect(status['event-lotte-energy-materials-spain-plant-production']).toBe('expected');
    expect(status['deal-start-lg-energy-solution-chery-ev-46-series-cells']).toBe('planned');
  });

  test('gives each item its companies and countries for filtering', () => {
    const hungary = items.find((i) => i.id === 'event-catl-hungary-plant-100-gwh')!;
    expect(hungary.companies.map((c) => c.id)).toEqual(['catl']);
    expect(hungary.countries).toEqual(['CN', 'HU']);
  });

  test('sorts with one total order', () => {
    for (const a of items)
      for (const b of items)
        expect(Math.sign(compareTimelineItems(a, b)) + Math.sign(compareTimelineItems(b, a))).toBe(0);
  });
});

describe('groupTimeline', () => {
  test('groups by year, then by month or by the vague period itself', () => {
    const years = groupTimeline(items);
    expect(years.map((y) => [y.year, y.groups.map((g) => g.label)])).toEqual([
      [2024, ['2024']],
      [2025, ['June 2025', '2025, before 9 July', 'July 2025', 'By the end of 2025']],
      [2026, ['Early 2026', 'November 2026']],
      [2028, ['2028']],
    ]);
  });

  test.each([
    ['2025-07-09', '2025-07', 'July 2025'],
    ['late 2025-06', '2025-06', 'June 2025'],
    ['2025-Q3', 'q3-2025', 'Q3 2025'],
    ['by end of 2025', 'by-the-end-of-2025', 'By the end of 2025'],
  ])('%s goes under %s', (date, id, label) => {
    expect(groupOf(parseFuzzyDate(date))).toEqual({ id, label });
  });
});

describe('todayIndex', () => {
  test('puts today before the first item not entirely past', () => {
    expect(items[todayIndex(items, '2026-11-26')]!.kind).toBe('briefing');
    expect(items[todayIndex(items, '2025-07-01')]!.id).toBe('deal-announced-catl-kia-pv5-batteries');
    expect(todayIndex(items, '2030-01-01')).toBe(items.length);
  });
});

describe('timelineOf', () => {
  test('lists a company’s items and a person’s organisations and briefings', () => {
    const catl = timelineOf(indexTimeline(items), seed.graph, { collection: 'companies', id: 'catl' }).map((i) => i.id);
    expect(catl).toContain('event-catl-hungary-plant-100-gwh');
    expect(catl).toContain('deal-announced-solus-advanced-materials-catl-copper-foil');
    expect(catl).not.toContain('event-lotte-energy-materials-spain-plant-production');
    const choi = timelineOf(indexTimeline(items), seed.graph, { collection: 'people', id: 'choi-jae-hee' }).map(
      (i) => i.id,
    );
    expect(choi).toEqual(['briefing-chinese-battery-firms-turn-to-korean-partners']);
  });
});

describe('timelineFacets', () => {
  test('counts values per facet and spans the years', () => {
    const facets = timelineFacets(items, seed.graph);
    expect(facets.years).toEqual({ first: 2024, last: 2028 });
    expect(facets.companies[0]).toMatchObject({ id: 'catl', count: 5 });
    expect(facets.statuses).toEqual([
      { id: 'happened', count: 9 },
      { id: 'planned', count: 2 },
      { id: 'expected', count: 1 },
      { id: 'past-due', count: 2 },
    ]);
    expect(Object.fromEntries(facets.types.map((t) => [t.id, t.count]))).toEqual({
      figure: 3,
      event: 4,
      deal: 4,
      briefing: 1,
    });
  });
});

describe('matchesFilters', () => {
  const item = {
    companies: ['catl', 'kia'],
    type: 'deal',
    countries: ['CN', 'KR'],
    statuses: ['happened'],
    firstYear: 2025,
    lastYear: 2025,
  };
  test.each([
    [{}, true],
    [{ company: ['catl'] }, true],
    [{ company: ['lg'] }, false],
    [{ company: ['lg', 'kia'] }, true],
    [{ company: ['catl'], type: ['event'] }, false],
    [{ country: ['KR'], status: ['happened'] }, true],
    [{ from: 2025, to: 2025 }, true],
    [{ from: 2026 }, false],
    [{ to: 2024 }, false],
  ])('%j → %s', (filters, expected) => {
    expect(matchesFilters(item, filters)).toBe(expected);
  });

  test.each([
    [['planned'], true],
    [['past-due'], true],
    [['happened', 'past-due'], true],
    [['happened'], false],
  ])('a planned item past due: status %j → %s', (status, expected) => {
    expect(matchesFilters({ ...item, statuses: ['planned', 'past-due'] }, { status })).toBe(expected);
  });

  test('an item that is not past due is left out by the past-due filter', () => {
    expect(matchesFilters({ ...item, statuses: ['planned'] }, { status: ['past-due'] })).toBe(false);
  });

  test('a vague date matches every year it could fall in', () => {
    expect(matchesFilters({ ...item, firstYear: 2025, lastYear: 2026 }, { from: 2026, to: 2026 })).toBe(true);
  });

  test('isUnfiltered', () => {
    expect(isUnfiltered({ company: [], type: [] })).toBe(true);
    expect(isUnfiltered({ from: 2025 })).toBe(false);
  });
});

describe('timeline URLs', () => {
  test('have one canonical form, and read back to the same filters', () => {
    const url = timelineUrl({ type: ['event', 'deal'], company: ['catl'], from: 2025, to: 2025 });
    expect(url).toBe('/timeline/?company=catl&type=deal,event&from=2025&to=2025');
    expect(parseTimelineFilters(url.split('?')[1]!)).toEqual({
      company: ['catl'],
      type: ['deal', 'event'],
      from: 2025,
      to: 2025,
    });
  });
  test('accept repeated parameters and ignore junk', () => {
    expect(parseTimelineFilters('company=kia&company=catl&from=soon')).toEqual({ company: ['catl', 'kia'] });
  });
});

describe('buildTimeline on a small fixture', () => {
  test('lists an undated deal only if it has a start', () => {
    const input = minimalInput();
    delete input.deals[0]!.data.announced;
    const graph = buildGraph(input, fixtureVocabulary);
    const ids = buildTimeline(graph, fixtureVocabulary, TODAY).map((i: TimelineItem) => i.id);
    expect(ids.some((id) => id.startsWith('deal-'))).toBe(false);
  });
});
