import { describe, expect, test } from 'vitest';
import {
  compareFuzzyDates,
  formatDay,
  formatFuzzyDate,
  fuzzyDateTimeAttribute,
  parseDay,
  parseFuzzyDate,
} from '../../../src/lib/values/fuzzy-date';

describe('parseFuzzyDate', () => {
  test.each([
    ['2025', 'year', '2025-01-01', '2025-12-31'],
    ['2025-H2', 'half', '2025-07-01', '2025-12-31'],
    ['2025-Q1', 'quarter', '2025-01-01', '2025-03-31'],
    ['2024-02', 'month', '2024-02-01', '2024-02-29'],
    ['2025-07-09', 'day', '2025-07-09', '2025-07-09'],
    ['late 2025-06', 'month', '2025-06-21', '2025-06-30'],
    ['early 2026', 'year', '2026-01-01', '2026-04-30'],
    ['mid 2026', 'year', '2026-05-01', '2026-08-31'],
    ['late 2026', 'year', '2026-09-01', '2026-12-31'],
    ['by end of 2025', 'year', '2025-01-01', '2025-12-31'],
    ['By the end of 2025', 'year', '2025-01-01', '2025-12-31'],
    ['2025 before 2025-07-09', 'year', '2025-01-01', '2025-07-08'],
  ])('%s is a %s from %s to %s', (input, precision, start, end) => {
    const date = parseFuzzyDate(input);
    expect(date).toMatchObject({ precision, start, end });
  });

  test('reads what YAML gives for unquoted dates and years', () => {
    expect(parseFuzzyDate(new Date('2025-07-09T00:00:00Z')).text).toBe('2025-07-09');
    expect(parseFuzzyDate(2028).text).toBe('2028');
  });

  test('canonical text parses back to the same date', () => {
    for (const input of ['late 2025-06', 'By the end of 2025', '2025 before 2025-07-09', '2025-Q3', 'early 2026-H1']) {
      const once = parseFuzzyDate(input);
      expect(parseFuzzyDate(once.text)).toEqual(once);
    }
  });

  test.each([
    ['June 2025', /not in any of these forms/],
    ['2025-13', /there is no month 13/],
    ['2025-02-30', /not a real day: February 2025 has 28 days/],
    ['2025-Q5', /not in any of these forms/],
    ['early 2025-07-09', /"early" cannot qualify an exact day/],
    ['late 2025 before 2025-07-01', /"late" and "before" cannot be combined/],
    ['2025 before 2026-01-05', /2026-01-05 is not inside 2025/],
    ['', /not in any of these forms/],
  ])('rejects %j', (input, message) => {
    expect(() => parseFuzzyDate(input)).toThrow(message);
  });

  test('rejects values that are not dates at all', () => {
    expect(() => parseFuzzyDate({ year: 2025 })).toThrow(/expected a date/);
    expect(() => parseFuzzyDate(2025.5)).toThrow(/expected a date/);
    expect(() => parseFuzzyDate(new Date('nope'))).toThrow(/not a valid calendar date/);
  });
});

describe('formatFuzzyDate', () => {
  test.each([
    ['2025', '2025'],
    ['early 2026', 'early 2026'],
    ['late 2025-06', 'late June 2025'],
    ['by end of 2025', 'by the end of 2025'],
    ['2025-07-09', '9 July 2025'],
    ['2025-Q3', 'Q3 2025'],
    ['2025-H1', 'the first half of 2025'],
    ['late 2025-H2', 'late in the second half of 2025'],
    ['2025 before 2025-07-09', '2025, before 9 July'],
    ['by end of 2025-06', 'by the end of June 2025'],
  ])('%s reads "%s"', (input, text) => {
    expect(formatFuzzyDate(parseFuzzyDate(input))).toBe(text);
  });
});

describe('fuzzyDateTimeAttribute', () => {
  test.each([
    ['2025-07-09', '2025-07-09'],
    ['late 2025-06', '2025-06'],
    ['2025-06', '2025-06'],
    ['2025-Q3', '2025'],
    ['early 2026', '2026'],
    ['by end of 2025', '2025'],
    ['2025 before 2025-07-09', '2025'],
  ])('%s is <time datetime="%s">', (input, attribute) => {
    expect(fuzzyDateTimeAttribute(parseFuzzyDate(input))).toBe(attribute);
  });
});

describe('compareFuzzyDates', () => {
  test('orders by the last possible day, the more precise date first on ties', () => {
    const inputs = [
      '2028',
      'early 2026',
      '2025',
      'by end of 2025',
      '2025-12-31',
      'late 2025-06',
      '2025-06-30',
      '2025-06',
      '2025-07-09',
      '2025 before 2025-07-09',
    ];
    const sorted = inputs
      .map(parseFuzzyDate)
      .sort(compareFuzzyDates)
      .map((d) => d.text);
    expect(sorted).toEqual([
      '2025-06-30',
      'late 2025-06',
      '2025-06',
      '2025 before 2025-07-09',
      '2025-07-09',
      '2025-12-31',
      '2025',
      'by end of 2025',
      'early 2026',
      '2028',
    ]);
  });

  test('is a total order: antisymmetric, and zero only for equal dates', () => {
    const dates = ['2025', 'by end of 2025', 'early 2025', '2025-Q1', '2025-01', 'early 2025-01'].map(parseFuzzyDate);
    for (const a of dates) {
      for (const b of dates) {
        expect(Math.sign(compareFuzzyDates(a, b)) + Math.sign(compareFuzzyDates(b, a))).toBe(0);
        if (a.text !== b.text) expect(compareFuzzyDates(a, b)).not.toBe(0);
      }
    }
  });
});

describe('parseDay and formatDay', () => {
  test('accept real days and format them day-first', () => {
    expect(parseDay('2024-02-29')).toEqual({ year: 2024, month: 2, day: 29 });
    expect(formatDay('2026-11-26')).toBe('26 November 2026');
  });
  test('reject impossible days', () => {
    expect(() => parseDay('2025-02-29')).toThrow(/February 2025 has 28 days/);
    expect(() => parseDay('2025-7-9')).toThrow(/YYYY-MM-DD/);
  });
});
