import { z } from 'astro/zod';
import {
  dayOfDate,
  FUZZY_DATE_FORMS,
  FuzzyDateError,
  parseDay,
  parseFuzzyDate,
  parseTimestamp,
} from '../lib/values/fuzzy-date';

/**
 * A date with the source's own precision, e.g. `2025`, `early 2026`, `late 2025-06`,
 * `by end of 2025`, `2025-07-09`, in the years 1800–2200 (see `MIN_YEAR`). Parsed into a {@link import('../lib/values/fuzzy-date').FuzzyDate}.
 */
export const fuzzyDateSchema = z
  .union([z.string(), z.number(), z.date()], { error: `expected a date such as ${FUZZY_DATE_FORMS}` })
  .transform((value, ctx) => {
    try {
      return parseFuzzyDate(value);
    } catch (error) {
      if (!(error instanceof FuzzyDateError)) throw error;
      ctx.addIssue({ code: 'custom', message: `expected a date such as ${FUZZY_DATE_FORMS} (${error.message})` });
      return z.NEVER;
    }
  });

/** An exact calendar day `YYYY-MM-DD` in the years 1800–2200, e.g. `2026-11-26` (unquoted in YAML is fine). */
export const daySchema = z
  .union([z.string(), z.date()], { error: 'expected a day such as 2026-11-26' })
  .transform((value, ctx) => {
    try {
      const text = value instanceof Date ? dayOfDate(value) : value.trim();
      parseDay(text);
      return text;
    } catch (error) {
      if (!(error instanceof FuzzyDateError)) throw error;
      ctx.addIssue({ code: 'custom', message: `expected a day such as 2026-11-26 (${error.message})` });
      return z.NEVER;
    }
  });

const TIMESTAMP_EXPECTED = 'expected a real timestamp with its time zone offset, such as "2025-07-09T19:18+09:00"';

/**
 * A moment with its time zone offset, as a quoted string: `"2025-07-09T19:18+09:00"`, in the years
 * 1800–2200 with an offset within ±14:00. Quoting matters: YAML turns an unquoted timestamp into a
 * date and drops the offset.
 */
export const timestampSchema = z
  .string({
    error: 'expected a quoted timestamp with its time zone offset, such as "2025-07-09T19:18+09:00"',
  })
  .superRefine((value, ctx) => {
    try {
      if (!parseTimestamp(value)) ctx.addIssue({ code: 'custom', message: TIMESTAMP_EXPECTED });
    } catch (error) {
      if (!(error instanceof FuzzyDateError)) throw error;
      ctx.addIssue({ code: 'custom', message: `${TIMESTAMP_EXPECTED} (${error.message})` });
    }
  });
