import { z } from 'astro/zod';
import { FUZZY_DATE_FORMS, FuzzyDateError, parseDay, parseFuzzyDate } from '../lib/values/fuzzy-date';

/**
 * A date with the source's own precision, e.g. `2025`, `early 2026`, `late 2025-06`,
 * `by end of 2025`, `2025-07-09`. Parsed into a {@link import('../lib/values/fuzzy-date').FuzzyDate}.
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

/** An exact calendar day `YYYY-MM-DD`, e.g. `2026-11-26` (unquoted in YAML is fine). */
export const daySchema = z
  .union([z.string(), z.date()], { error: 'expected a day such as 2026-11-26' })
  .transform((value, ctx) => {
    const text = value instanceof Date ? value.toISOString().slice(0, 10) : value.trim();
    try {
      parseDay(text);
      return text;
    } catch (error) {
      if (!(error instanceof FuzzyDateError)) throw error;
      ctx.addIssue({ code: 'custom', message: `expected a day such as 2026-11-26 (${error.message})` });
      return z.NEVER;
    }
  });

const TIMESTAMP = /^(\d{4}-\d{2}-\d{2})T(\d{2}):(\d{2})(?::(\d{2}))?(Z|[+-]\d{2}:\d{2})$/;

/**
 * A moment with its time zone offset, as a quoted string: `"2025-07-09T19:18+09:00"`.
 * Quoting matters: YAML turns an unquoted timestamp into a date and drops the offset.
 */
export const timestampSchema = z
  .string({
    error: 'expected a quoted timestamp with its time zone offset, such as "2025-07-09T19:18+09:00"',
  })
  .refine(
    (value) => {
      const match = TIMESTAMP.exec(value);
      if (!match) return false;
      try {
        parseDay(match[1]!);
      } catch {
        return false;
      }
      return Number(match[2]) < 24 && Number(match[3]) < 60 && Number(match[4] ?? 0) < 60;
    },
    { error: 'expected a real timestamp with its time zone offset, such as "2025-07-09T19:18+09:00"' },
  );
