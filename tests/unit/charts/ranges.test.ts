import { describe, expect, test } from 'vitest';
import { addMonths, layoutRanges, RANGE_STYLE } from '../../../src/lib/charts/ranges';
import { parseFuzzyDate } from '../../../src/lib/values/fuzzy-date';

const span = (text: string, kind: 'happened' | 'planned' = 'happened') => {
  const date = parseFuzzyDate(text);
  return { start: date.start, end: date.end, kind, title: text };
};

describe('layoutRanges', () => {
  const svg = layoutRanges([
    { label: 'Exact day', spans: [span('2025-07-09')] },
    { label: 'Vague date', note: '8 GWh', spans: [span('early 2026'), span('2026-Q3', 'planned')] },
    { label: 'A whole year', spans: [span('2025')] },
  ]);
  const [day, vague, year] = svg.rows;

  test('a vague date is drawn as the range it allows, not a point', () => {
    // "early 2026" is January to April: a third of a year.
    const wholeYear = year!.spans[0]!.width;
    expect(vague!.spans[0]!.width).toBeGreaterThan(wholeYear * 0.3);
    expect(vague!.spans[0]!.width).toBeLessThan(wholeYear * 0.36);
    // An exact day is still visible, and narrower than any vague date.
    expect(day!.spans[0]!.width).toBe(RANGE_STYLE.minBar);
  });

  test('planned spans are marked apart from what happened', () => {
    expect(vague!.spans.map((s) => s.kind)).toEqual(['happened', 'planned']);
    expect(vague!.spans[1]!.x).toBeGreaterThan(vague!.spans[0]!.x + vague!.spans[0]!.width);
  });

  test('the axis covers whole years, labelled between their boundaries', () => {
    expect(svg.axis.ticks.map((t) => t.label)).toEqual(['2025', '2026', '']);
    const [y2025, y2026, end] = svg.axis.ticks;
    expect(y2025!.labelX).toBeCloseTo((y2025!.x + y2026!.x) / 2, 0);
    expect(year!.spans[0]!.x).toBeCloseTo(y2025!.x, 0);
    expect(year!.spans[0]!.x + year!.spans[0]!.width).toBeCloseTo(y2026!.x, 0);
    expect(end!.x).toBeLessThanOrEqual(svg.width);
  });

  test('rows go down the page, each with its label (isolated) and its note', () => {
    expect(svg.rows.map((r) => r.label.lines[0])).toEqual([
      '\u2068Exact day\u2069',
      '\u2068Vague date\u2069',
      '\u2068A whole year\u2069',
    ]);
    expect(vague!.note!.lines).toEqual(['\u20688 GWh\u2069']);
    expect(day!.label.y).toBeLessThan(vague!.label.y);
    expect(vague!.label.y).toBeLessThan(year!.label.y);
    expect(svg.axis.y).toBeGreaterThan(year!.spans[0]!.y);
    expect(svg.height).toBeGreaterThan(svg.axis.y);
  });

  test('a long span of years labels groups of years, so labels never crowd', () => {
    const long = layoutRanges([{ label: 'x', spans: [span('2001'), span('2030')] }]);
    expect(long.axis.ticks.length).toBeLessThanOrEqual(8);
    expect(long.axis.ticks[0]!.label).toBe('2001–2005');
  });
});

describe('addMonths', () => {
  test.each([
    ['2026-04-30', 72, '2032-04-30'],
    ['2025-01-31', 1, '2025-02-28'],
    ['2024-12-15', 2, '2025-02-15'],
  ])('%s + %i months = %s', (from, months, expected) => {
    expect(addMonths(from, months)).toBe(expected);
  });
});
