import { describe, expect, test } from 'vitest';
import { buildGraph, type GraphInput } from '../../../src/lib/graph/graph';
import {
  dealStatusView,
  dueText,
  eventStatusView,
  hasPassed,
  isPastDue,
  latestSource,
  latestSourceDay,
  sourceDay,
  statusText,
  type StatusView,
} from '../../../src/lib/graph/status';
import { parseFuzzyDate } from '../../../src/lib/values/fuzzy-date';
import { fixtureVocabulary, minimalInput } from '../../support/content';

const date = parseFuzzyDate;

describe('hasPassed', () => {
  // Each fuzzy form: the last day it has not passed (its `end`), and the first day it has.
  test.each([
    ['2025', '2025-12-31', '2026-01-01'],
    ['by end of 2025', '2025-12-31', '2026-01-01'],
    ['2025-H1', '2025-06-30', '2025-07-01'],
    ['2025-Q3', '2025-09-30', '2025-10-01'],
    ['2025-06', '2025-06-30', '2025-07-01'],
    ['2024-02', '2024-02-29', '2024-03-01'],
    ['early 2026', '2026-04-30', '2026-05-01'],
    ['mid 2026', '2026-08-31', '2026-09-01'],
    ['late 2026', '2026-12-31', '2027-01-01'],
    ['early 2026-H1', '2026-02-28', '2026-03-01'],
    ['late 2025-Q3', '2025-09-30', '2025-10-01'],
    ['early 2025-06', '2025-06-10', '2025-06-11'],
    ['mid 2025-06', '2025-06-20', '2025-06-21'],
    ['late 2025-06', '2025-06-30', '2025-07-01'],
    ['2025-07-09', '2025-07-09', '2025-07-10'],
    ['2025 before 2025-07-09', '2025-07-08', '2025-07-09'],
  ])('%s: not passed on %s, passed from %s', (text, lastDay, firstPassed) => {
    expect(hasPassed(date(text), lastDay)).toBe(false);
    expect(hasPassed(date(text), firstPassed)).toBe(true);
  });
});

describe('isPastDue', () => {
  test.each([
    // date, as-of day, today, past due?
    ['by end of 2025', '2025-07-09', '2025-12-31', false], // not passed yet
    ['by end of 2025', '2025-07-09', '2026-01-01', true], // passed, last report before it
    ['by end of 2025', '2025-12-31', '2026-11-26', true], // a report on the last day still awaited it
    ['by end of 2025', '2026-01-05', '2026-11-26', false], // a report after the date stands as it is
    ['early 2026', '2025-07-09', '2026-04-30', false],
    ['early 2026', '2025-07-09', '2026-05-01', true],
    ['2028', '2025-07-09', '2026-11-26', false],
  ])('%s, reported %s, on %s: %s', (text, asOf, today, expected) => {
    expect(isPastDue(date(text), asOf, today)).toBe(expected);
  });
});

describe('sources', () => {
  test('the day of a source is its day at its own offset', () => {
    expect(sourceDay('2025-07-09T19:18+09:00')).toBe('2025-07-09');
    expect(sourceDay('2025-07-09T00:30+09:00')).toBe('2025-07-09'); // 8 July in UTC, 9 July where it was published
  });

  test('the latest source is the latest published, not the first listed', () => {
    const graph = withSecondSource('2024-03-05T08:00+00:00');
    const sources = [
      { collection: 'sources', id: 'test-gazette-2024-01-02' },
      { collection: 'sources', id: 'later-report' },
    ] as const;
    expect(latestSourceDay(graph, sources)).toBe('2024-03-05');
    expect(latestSource(graph, [...sources].reverse()).id).toBe('later-report');
  });
});

/** The minimal fixture with a second source, published at `published`, that the event and deal also cite. */
function withSecondSource(published: string, change: (input: GraphInput) => void = () => {}) {
  const input = minimalInput();
  const first = input.sources[0]!;
  input.sources.push({
    ...structuredClone(first),
    id: 'later-report',
    filePath: 'sources/later-report.yaml',
    data: { ...structuredClone(first.data), title: 'A later synthetic report', published },
  });
  for (const entry of [...input.events, ...input.deals])
    entry.data.sources.push({ collection: 'sources', id: 'later-report' });
  change(input);
  return buildGraph(input, fixtureVocabulary);
}

describe('eventStatusView', () => {
  // The fixture's event: planned "by end of 2024", reported 2 January 2024.
  const graph = buildGraph(minimalInput(), fixtureVocabulary);
  const event = graph.node({ collection: 'events', id: 'acme-plant-opening' }).data;

  test('a planned event is as of its latest source, and past due once its date has passed', () => {
    expect(eventStatusView(graph, event, '2024-12-31')).toEqual({
      status: 'planned',
      label: 'Planned',
      asOf: '2024-01-02',
    });
    expect(eventStatusView(graph, event, '2025-01-01')).toEqual({
      status: 'planned',
      label: 'Planned',
      asOf: '2024-01-02',
      pastDue: { due: event.date, kind: 'event' },
    });
  });

  test('a later source moves the as-of day; one after the date means it is not past due', () => {
    const later = withSecondSource('2025-02-01T08:00+00:00');
    const e = later.node({ collection: 'events', id: 'acme-plant-opening' }).data;
    expect(eventStatusView(later, e, '2026-11-26')).toEqual({
      status: 'planned',
      label: 'Planned',
      asOf: '2025-02-01',
    });
  });

  test.each(['happened', 'postponed', 'cancelled'] as const)('a %s event is never past due', (status) => {
    const graph = withSecondSource('2024-01-03T08:00+00:00', (input) => (input.events[0]!.data.status = status));
    const e = graph.node({ collection: 'events', id: 'acme-plant-opening' }).data;
    expect(eventStatusView(graph, e, '2030-01-01').pastDue).toBeUndefined();
  });

  test('an expected event is past due like a planned one', () => {
    const graph = withSecondSource('2024-01-03T08:00+00:00', (input) => (input.events[0]!.data.status = 'expected'));
    const e = graph.node({ collection: 'events', id: 'acme-plant-opening' }).data;
    expect(eventStatusView(graph, e, '2030-01-01')).toMatchObject({ label: 'Expected', pastDue: { kind: 'event' } });
  });
});

describe('dealStatusView', () => {
  const withTerm = (status: 'signed' | 'in-effect' | 'completed' | 'terminated' | 'announced' | 'reported') =>
    withSecondSource('2024-01-03T08:00+00:00', (input) => {
      input.deals[0]!.data.status = status;
      input.deals[0]!.data.term = { start: date('early 2025') };
    });

  test('a signed deal whose term start has passed with no later report is past due; its status stays "Signed"', () => {
    const graph = withTerm('signed');
    const deal = graph.node({ collection: 'deals', id: 'acme-globex-widgets' }).data;
    expect(dealStatusView(graph, deal, '2025-04-30').pastDue).toBeUndefined();
    expect(dealStatusView(graph, deal, '2025-05-01')).toEqual({
      status: 'signed',
      label: 'Signed',
      asOf: '2024-01-03',
      pastDue: { due: deal.term!.start, kind: 'term-start' },
    });
  });

  test.each(['in-effect', 'completed', 'terminated'] as const)('a deal %s awaits no start', (status) => {
    const graph = withTerm(status);
    const deal = graph.node({ collection: 'deals', id: 'acme-globex-widgets' }).data;
    expect(dealStatusView(graph, deal, '2030-01-01').pastDue).toBeUndefined();
  });

  test('a deal without a term start is never past due', () => {
    const graph = buildGraph(minimalInput(), fixtureVocabulary);
    const deal = graph.node({ collection: 'deals', id: 'acme-globex-widgets' }).data;
    expect(dealStatusView(graph, deal, '2030-01-01')).toEqual({
      status: 'signed',
      label: 'Signed',
      asOf: '2024-01-02',
    });
  });
});

describe('status in words', () => {
  const status = (text: string, kind: 'event' | 'term-start' = 'event'): StatusView => ({
    status: 'planned',
    label: 'Planned',
    asOf: '2025-07-09',
    pastDue: { due: date(text), kind },
  });

  test.each([
    ['by end of 2025', 'event', 'Due by the end of 2025'],
    ['early 2026', 'event', 'Due in early 2026'],
    ['2025-Q3', 'event', 'Due in Q3 2025'],
    ['2025-H1', 'event', 'Due in the first half of 2025'],
    ['late 2025-06', 'event', 'Due in late June 2025'],
    ['2028', 'event', 'Due in 2028'],
    ['2025-07-09', 'event', 'Due on 9 July 2025'],
    ['early 2026', 'term-start', 'Term start due in early 2026'],
    ['by end of 2025', 'term-start', 'Term start due by the end of 2025'],
  ] as const)('%s (%s): "%s"', (text, kind, expected) => {
    expect(dueText(status(text, kind).pastDue!)).toBe(expected);
  });

  test('a status reads with its as-of day, and a past-due one says what was due and since when', () => {
    expect(statusText({ status: 'signed', label: 'Signed', asOf: '2025-07-09' })).toBe('Signed (as of 9 July 2025)');
    expect(statusText(status('by end of 2025'))).toBe(
      'Planned (as of 9 July 2025). Due by the end of 2025 — no report since 9 July 2025.',
    );
    expect(statusText(status('by end of 2025'), { compact: true })).toBe('Planned (as of 9 July 2025), past due');
  });
});
