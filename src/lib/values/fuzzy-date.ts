/**
 * Fuzzy dates keep exactly the precision a source gives ("early 2026", "late June 2025",
 * "by the end of 2025") instead of inventing a day.
 *
 * Authors write one string, parsed here:
 *
 *   [qualifier] period [before day]
 *
 *   period     2025 | 2025-H1 | 2025-Q3 | 2025-06 | 2025-07-09
 *   qualifier  early | mid | late | by end of
 *   before     "2025 before 2025-07-09": within 2025 but before 9 July ("earlier this year",
 *              as written on 9 July 2025)
 *
 * Every fuzzy date covers an interval of days [start, end]. Sorting uses one documented rule
 * (see {@link compareFuzzyDates}): an item is placed at the last day it could fall on.
 */

import { fill } from '../../i18n/fill';
import { ui } from '../../i18n/ui';

/** How precise the period is. */
export type Precision = 'year' | 'half' | 'quarter' | 'month' | 'day';
/** A part of the period: its first, middle or last third, or any time up to its end. */
export type Qualifier = 'early' | 'mid' | 'late' | 'by-end';

/** A parsed fuzzy date. All days are ISO `YYYY-MM-DD` strings (UTC calendar days). */
export interface FuzzyDate {
  /** Canonical text, e.g. `late 2025-06`; parsing it again gives the same value. */
  text: string;
  precision: Precision;
  qualifier?: Qualifier;
  year: number;
  /** 1–2 for halves, 1–4 for quarters, 1–12 for months and days. */
  part?: number;
  /** Day of month, for day precision. */
  day?: number;
  /** Upper bound inside the period ("2025 before 2025-07-09"): the day before it is the last possible day. */
  before?: string;
  /** First day the date can fall on. */
  start: string;
  /** Last day the date can fall on. */
  end: string;
}

/** Thrown for a string that is not a fuzzy date; `message` says what is accepted. */
export class FuzzyDateError extends Error {}

/**
 * The years the site accepts, in every date form. Wide enough for any company history or plan a
 * briefing cites; narrow enough that a typo such as `9999-12-31` fails instead of stretching the
 * timeline (and its year filters) over thousands of empty years.
 */
export const MIN_YEAR = 1800;
export const MAX_YEAR = 2200;

/** Throws unless `year` lies within {@link MIN_YEAR}–{@link MAX_YEAR}. */
function checkYear(year: number): void {
  if (!(year >= MIN_YEAR && year <= MAX_YEAR)) {
    throw new FuzzyDateError(`the year ${year} is outside the years ${MIN_YEAR}–${MAX_YEAR}`);
  }
}

/**
 * The calendar day (UTC) of a Date, as YAML gives an unquoted `2025-07-09`: `YYYY-MM-DD`. Throws
 * for an invalid date or a year outside the accepted range (`toISOString` would write `+010000-…`).
 */
export function dayOfDate(date: Date): string {
  if (Number.isNaN(date.getTime())) throw new FuzzyDateError('the date is not a valid calendar date');
  checkYear(date.getUTCFullYear());
  return date.toISOString().slice(0, 10);
}

/** Month names, January first (src/i18n/ui.ts). */
export const MONTHS: readonly string[] = ui.dates.months;

const QUALIFIERS: Record<string, Qualifier> = {
  early: 'early',
  mid: 'mid',
  late: 'late',
  'by end of': 'by-end',
  'by the end of': 'by-end',
};

const QUALIFIER_TEXT: Record<Qualifier, string> = {
  early: 'early',
  mid: 'mid',
  late: 'late',
  'by-end': 'by end of',
};

/** One line that tells an author what a fuzzy date looks like. */
export const FUZZY_DATE_FORMS =
  '2025, 2025-H1, 2025-Q3, 2025-06 or 2025-07-09, optionally prefixed by early/mid/late/"by end of", or "2025 before 2025-07-09"';

const PERIOD = /^(\d{4})(?:-(?:h([12])|q([1-4])|(\d{2})(?:-(\d{2}))?))?$/;

function pad(n: number, width = 2): string {
  return String(n).padStart(width, '0');
}

function isoDay(year: number, month: number, day: number): string {
  return `${pad(year, 4)}-${pad(month)}-${pad(day)}`;
}

function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

function dayNumber(iso: string): number {
  const [y, m, d] = iso.split('-').map(Number) as [number, number, number];
  return Date.UTC(y, m - 1, d) / 86_400_000;
}

function fromDayNumber(n: number): string {
  const date = new Date(n * 86_400_000);
  return isoDay(date.getUTCFullYear(), date.getUTCMonth() + 1, date.getUTCDate());
}

/**
 * Parses an exact calendar day `YYYY-MM-DD`, rejecting impossible days such as 2025-02-30 and
 * years outside {@link MIN_YEAR}–{@link MAX_YEAR}.
 */
export function parseDay(value: string): { year: number; month: number; day: number } {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  if (!match) throw new FuzzyDateError('not a day in the form YYYY-MM-DD');
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  checkYear(year);
  if (month < 1 || month > 12) throw new FuzzyDateError(`there is no month ${match[2]}`);
  if (day < 1 || day > daysInMonth(year, month)) {
    throw new FuzzyDateError(`not a real day: ${MONTHS[month - 1]} ${year} has ${daysInMonth(year, month)} days`);
  }
  return { year, month, day };
}

const TIMESTAMP = /^(\d{4}-\d{2}-\d{2})T(\d{2}):(\d{2})(?::(\d{2}))?(Z|([+-])(\d{2}):(\d{2}))$/;

/** Largest time zone offset in use anywhere (Kiribati, UTC+14:00), in minutes. */
const MAX_OFFSET_MINUTES = 14 * 60;

/** A moment as written in a source's metadata: its day, time and offset from UTC. */
export interface Timestamp {
  day: string;
  hour: number;
  minute: number;
  second: number;
  /** Offset from UTC in minutes, e.g. 540 for `+09:00`. */
  offsetMinutes: number;
}

/**
 * Parses a timestamp with its offset, `YYYY-MM-DDTHH:MM[:SS]` then `Z` or `±HH:MM`. Returns
 * undefined for text of another form; throws a {@link FuzzyDateError} saying why for an impossible
 * one: no such day, hour 24 or later, minute or second 60 or later, an offset beyond ±14:00.
 */
export function parseTimestamp(value: string): Timestamp | undefined {
  const match = TIMESTAMP.exec(value);
  if (!match) return undefined;
  const [, day, h, m, s, zone, sign, oh, om] = match;
  parseDay(day!);
  const [hour, minute, second] = [Number(h), Number(m), Number(s ?? 0)];
  if (hour > 23) throw new FuzzyDateError(`there is no hour ${h}`);
  if (minute > 59) throw new FuzzyDateError(`there is no minute ${m}`);
  if (second > 59) throw new FuzzyDateError(`there is no second ${s}`);
  let offsetMinutes = 0;
  if (zone !== 'Z') {
    if (Number(om) > 59) throw new FuzzyDateError(`the offset ${zone} has no minute ${om}`);
    offsetMinutes = (sign === '-' ? -1 : 1) * (Number(oh) * 60 + Number(om));
    if (Math.abs(offsetMinutes) > MAX_OFFSET_MINUTES) {
      throw new FuzzyDateError(`the offset ${zone} is beyond ±14:00, the largest in use`);
    }
  }
  return { day: day!, hour, minute, second, offsetMinutes };
}

function periodBounds(
  year: number,
  precision: Precision,
  part: number | undefined,
  day: number | undefined,
): [string, string] {
  switch (precision) {
    case 'year':
      return [isoDay(year, 1, 1), isoDay(year, 12, 31)];
    case 'half': {
      const first = (part! - 1) * 6 + 1;
      return [isoDay(year, first, 1), isoDay(year, first + 5, daysInMonth(year, first + 5))];
    }
    case 'quarter': {
      const first = (part! - 1) * 3 + 1;
      return [isoDay(year, first, 1), isoDay(year, first + 2, daysInMonth(year, first + 2))];
    }
    case 'month':
      return [isoDay(year, part!, 1), isoDay(year, part!, daysInMonth(year, part!))];
    case 'day':
      return [isoDay(year, part!, day!), isoDay(year, part!, day!)];
  }
}

/**
 * Narrows a period to its early, mid or late third: whole months for years (Jan–Apr, May–Aug,
 * Sep–Dec), halves and quarters; days 1–10, 11–20 and 21–end for a month.
 */
function third(start: string, end: string, qualifier: 'early' | 'mid' | 'late'): [string, string] {
  const index = { early: 0, mid: 1, late: 2 }[qualifier];
  const [y, m1] = start.split('-').map(Number) as [number, number];
  const m2 = Number(end.slice(5, 7));
  const months = m2 - m1 + 1;
  if (months >= 3) {
    const size = months / 3;
    const first = m1 + index * size;
    const last = first + size - 1;
    return [isoDay(y, first, 1), isoDay(y, last, daysInMonth(y, last))];
  }
  const bounds: Array<[number, number]> = [
    [1, 10],
    [11, 20],
    [21, daysInMonth(y, m1)],
  ];
  const [from, to] = bounds[index]!;
  return [isoDay(y, m1, from), isoDay(y, m1, to)];
}

/**
 * Parses a fuzzy date from what YAML gives: a string, a bare year number, or a Date (YAML reads
 * an unquoted `2025-07-09` as a timestamp).
 */
export function parseFuzzyDate(input: unknown): FuzzyDate {
  let raw: string;
  if (input instanceof Date) {
    raw = dayOfDate(input);
  } else if (typeof input === 'number' && Number.isInteger(input)) {
    checkYear(input);
    raw = String(input);
  } else if (typeof input === 'string') {
    raw = input;
  } else {
    throw new FuzzyDateError(`expected a date such as ${FUZZY_DATE_FORMS}`);
  }
  let rest = raw.trim().replace(/\s+/g, ' ').toLowerCase();

  let qualifier: Qualifier | undefined;
  for (const [word, q] of Object.entries(QUALIFIERS)) {
    if (rest.startsWith(word + ' ')) {
      qualifier = q;
      rest = rest.slice(word.length + 1);
      break;
    }
  }

  let before: string | undefined;
  const beforeAt = rest.indexOf(' before ');
  if (beforeAt !== -1) {
    before = rest.slice(beforeAt + ' before '.length);
    rest = rest.slice(0, beforeAt);
  }

  const match = PERIOD.exec(rest);
  if (!match) throw new FuzzyDateError('not in any of these forms');
  const year = Number(match[1]);
  checkYear(year);
  let precision: Precision = 'year';
  let part: number | undefined;
  let day: number | undefined;
  if (match[2]) [precision, part] = ['half', Number(match[2])];
  else if (match[3]) [precision, part] = ['quarter', Number(match[3])];
  else if (match[5]) {
    const parsed = parseDay(rest);
    [precision, part, day] = ['day', parsed.month, parsed.day];
  } else if (match[4]) {
    part = Number(match[4]);
    if (part < 1 || part > 12) throw new FuzzyDateError(`there is no month ${match[4]}`);
    precision = 'month';
  }

  if (precision === 'day' && qualifier) {
    throw new FuzzyDateError(`"${QUALIFIER_TEXT[qualifier]}" cannot qualify an exact day; drop it or give a month`);
  }

  let [start, end] = periodBounds(year, precision, part, day);
  if (qualifier === 'early' || qualifier === 'mid' || qualifier === 'late') {
    [start, end] = third(start, end, qualifier);
  }
  if (before !== undefined) {
    if (qualifier) throw new FuzzyDateError(`"${QUALIFIER_TEXT[qualifier]}" and "before" cannot be combined; use one`);
    parseDay(before);
    if (before <= start || before > fromDayNumber(dayNumber(end) + 1)) {
      throw new FuzzyDateError(`${before} is not inside ${rest}`);
    }
    end = fromDayNumber(dayNumber(before) - 1);
  }

  const periodText =
    precision === 'year'
      ? pad(year, 4)
      : precision === 'half'
        ? `${pad(year, 4)}-H${part}`
        : precision === 'quarter'
          ? `${pad(year, 4)}-Q${part}`
          : precision === 'month'
            ? `${pad(year, 4)}-${pad(part!)}`
            : isoDay(year, part!, day!);
  const text = [qualifier ? QUALIFIER_TEXT[qualifier] : '', periodText, before ? `before ${before}` : '']
    .filter(Boolean)
    .join(' ');

  const result: FuzzyDate = { text, precision, year, start, end };
  if (qualifier) result.qualifier = qualifier;
  if (part !== undefined) result.part = part;
  if (day !== undefined) result.day = day;
  if (before !== undefined) result.before = before;
  return result;
}

function periodLabel(date: FuzzyDate): string {
  const words = ui.dates;
  switch (date.precision) {
    case 'year':
      return String(date.year);
    case 'half':
      return fill(date.part === 1 ? words.firstHalf : words.secondHalf, { year: date.year });
    case 'quarter':
      return fill(words.quarter, { quarter: date.part!, year: date.year });
    case 'month':
      return fill(words.month, { month: MONTHS[date.part! - 1]!, year: date.year });
    case 'day':
      return fill(words.day, { day: date.day!, month: MONTHS[date.part! - 1]!, year: date.year });
  }
}

/** Formats an exact day as "9 July 2025". */
export function formatDay(iso: string): string {
  const { year, month, day } = parseDay(iso);
  return fill(ui.dates.day, { day, month: MONTHS[month - 1]!, year });
}

/**
 * The date as a reader should see it, faithful to the source's precision:
 * "2025", "early 2026", "late June 2025", "by the end of 2025", "Q3 2025", "9 July 2025",
 * "2025, before 9 July".
 */
export function formatFuzzyDate(date: FuzzyDate): string {
  const words = ui.dates;
  const period = periodLabel(date);
  if (date.before) {
    const b = parseDay(date.before);
    const day =
      b.year === date.year
        ? fill(words.dayInYear, { day: b.day, month: MONTHS[b.month - 1]! })
        : formatDay(date.before);
    return fill(words.before, { period, day });
  }
  switch (date.qualifier) {
    case 'by-end':
      return fill(words.byEnd, { period });
    case 'early':
    case 'mid':
    case 'late':
      // "early the first half of 2025" reads badly; halves take "in".
      return fill((date.precision === 'half' ? words.qualifiedHalf : words.qualified)[date.qualifier], { period });
    default:
      return period;
  }
}

/**
 * A valid HTML `<time datetime>` value: the day, month or year that contains the whole date.
 * Halves, quarters and thirds fall back to the year or month that contains them.
 */
export function fuzzyDateTimeAttribute(date: FuzzyDate): string {
  if (date.precision === 'day') return date.start;
  if (date.start.slice(0, 7) === date.end.slice(0, 7)) return date.start.slice(0, 7);
  return String(date.year).padStart(4, '0');
}

/**
 * The one sort order for fuzzy dates: by the last day the date can fall on, then the later
 * start first (the more precise date first), then the canonical text. So "June 2025" sorts after
 * every day in June, "by the end of 2025" and "2025" after everything dated within 2025, and
 * "early 2026" before "2026-06-01".
 */
export function compareFuzzyDates(a: FuzzyDate, b: FuzzyDate): number {
  if (a.end !== b.end) return a.end < b.end ? -1 : 1;
  if (a.start !== b.start) return a.start > b.start ? -1 : 1;
  return a.text < b.text ? -1 : a.text > b.text ? 1 : 0;
}

/** True when the date's whole interval lies before `day` (an ISO day). */
export function isBefore(date: FuzzyDate, day: string): boolean {
  return date.end < day;
}

/**
 * "Today" for the timeline's marker between past and future and for what is past due: the build
 * day (UTC), or `BRIEFING_TODAY` (YYYY-MM-DD) so tests and reproducible builds get a fixed day.
 */
export function todayFrom(env: Record<string, string | undefined>, now = new Date()): string {
  const fixed = env.BRIEFING_TODAY?.trim();
  if (!fixed) return now.toISOString().slice(0, 10);
  try {
    parseDay(fixed);
  } catch (error) {
    throw new Error(
      `BRIEFING_TODAY: expected a day such as 2026-11-26, found "${fixed}" (${(error as Error).message}).`,
    );
  }
  return fixed;
}
