import { describe, expect, test } from 'vitest';
import {
  compareFuzzyDates,
  formatDay,
  formatFuzzyDate,
  fuzzyDateTimeAttribute,
  MAX_YEAR,
  MIN_YEAR,
  parseDay,
  parseFuzzyDate,
  parseTimestamp,
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

  test('accepts the first and last years of the range', () => {
    expect([MIN_YEAR, MAX_YEAR]).toEqual([1800, 2200]);
    expect(parseFuzzyDate('1800-01-01').start).toBe('1800-01-01');
    expect(parseFuzzyDate('late 2200').end).toBe('2200-12-31');
    expect(parseFuzzyDate(new Date('2200-12-31T00:00:00Z')).text).toBe('2200-12-31');
  });

  test.each([
    ['9999-12-31', 'the year 9999 is outside the years 1800–2200'],
    ['0000-01-01', 'the year 0 is outside the years 1800–2200'],
    ['1799', 'the year 1799 is outside the years 1800–2200'],
    ['early 2201-H1', 'the year 2201 is outside the years 1800–2200'],
    ['2025 before 9999-01-01', 'the year 9999 is outside the years 1800–2200'],
  ])('rejects %j, outside the accepted years', (input, message) => {
    expect(() => parseFuzzyDate(input)).toThrow(message);
  });

  test('applies the range to what YAML gives for unquoted dates and years', () => {
    expect(() => parseFuzzyDate(new Date('9999-12-31T00:00:00Z'))).toThrow(
      'the year 9999 is outside the years 1800–2200',
    );
    expect(() => parseFuzzyDate(new Date(Date.UTC(12000, 0, 1)))).toThrow(
      'the year 12000 is outside the years 1800–2200',
    );
    expect(() => parseFuzzyDate(99999)).toThrow('the year 99999 is outside the years 1800–2200');
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
    expect(() => parseDay('9999-12-31')).toThrow('the year 9999 is outside the years 1800–2200');
  });
});

describe('parseTimestamp', () => {
  test('reads day, time and offset', () => {
    expect(parseTimestamp('2025-07-09T19:18+09:00')).toEqual({
      day: '2025-07-09',
      hour: 19,
      minute: 18,
      second: 0,
      offsetMinutes: 540,
    });
    expect(parseTimestamp('2025-07-09T19:18:30-03:30')?.offsetMinutes).toBe(-210);
    expect(parseTimestamp('2025-07-09T19:18Z')?.offsetMinutes).toBe(0);
    expect(parseTimestamp('2025-07-09T19:18+14:00')?.offsetMinutes).toBe(840);
  });

  test('gives nothing for text of another form', () => {
    expect(parseTimestamp('2025-07-09T19:18')).toBeUndefined();
    expect(parseTimestamp('2025-07-09 19:18+09:00')).toBeUndefined();
  });

  test.each([
    ['2025-07-09T24:00+09:00', 'there is no hour 24'],
    ['2025-07-09T19:60+09:00', 'there is no minute 60'],
    ['2025-07-09T19:18:60+09:00', 'there is no second 60'],
    ['2025-07-09T19:18+14:01', 'the offset +14:01 is beyond ±14:00, the largest in use'],
    ['2025-07-09T19:18-23:00', 'the offset -23:00 is beyond ±14:00, the largest in use'],
    ['2025-07-09T19:18+05:75', 'the offset +05:75 has no minute 75'],
    ['2025-02-30T19:18+09:00', 'not a real day: February 2025 has 28 days'],
    ['9999-12-31T19:18+09:00', 'the year 9999 is outside the years 1800–2200'],
  ])('rejects %j: %s', (input, message) => {
    expect(() => parseTimestamp(input)).toThrow(message);
  });
});
