import { ui } from '../../i18n/ui';
import type { NumberQualifier } from '../../schemas/common';
import type { Money } from '../../schemas/money';
import type { Vocabulary } from '../../schemas/site';
import { formatDay } from './fuzzy-date';

/** "more than " for `more-than`; empty for an exact number. */
export function qualifierPrefix(qualifier: NumberQualifier | undefined): string {
  return qualifier ? `${ui.numberQualifiers[qualifier]} ` : '';
}

/**
 * One Intl formatter per locale and options, made on first use: making one costs far more than
 * using it, and a 10,000-page site formats hundreds of thousands of numbers and names.
 */
const formatters = new Map<string, unknown>();
function memo<T>(key: string, make: () => T): T {
  let formatter = formatters.get(key) as T | undefined;
  if (formatter === undefined) {
    formatter = make();
    formatters.set(key, formatter);
  }
  return formatter;
}

/** A number for readers: 1.1 million, 2.4 million, 30,000, 8. */
export function formatNumber(value: number, locale = 'en'): string {
  if (Math.abs(value) >= 1_000_000) {
    return memo(
      `compact ${locale}`,
      () => new Intl.NumberFormat(locale, { notation: 'compact', compactDisplay: 'long', maximumFractionDigits: 2 }),
    ).format(value);
  }
  return memo(`number ${locale}`, () => new Intl.NumberFormat(locale, { maximumFractionDigits: 2 })).format(value);
}

/** An amount in its currency, e.g. "₩1 trillion", "$726 million", "€40,000". */
export function formatAmount(amount: number, currency: string, locale = 'en'): string {
  const parts = memo(`currency ${locale} ${currency}`, () =>
    new Intl.NumberFormat(locale, { style: 'currency', currency, currencyDisplay: 'narrowSymbol' }).formatToParts(0),
  );
  const symbol = parts.find((p) => p.type === 'currency')?.value ?? currency;
  const symbolFirst = parts.findIndex((p) => p.type === 'currency') < parts.findIndex((p) => p.type === 'integer');
  const number = formatNumber(amount, locale);
  return symbolFirst ? `${symbol}${number}` : `${number} ${symbol}`;
}

/**
 * Money as the source reports it: qualifier, amount, currency code, the reported conversion and
 * whether it is an estimate, e.g. "more than ₩1 trillion (KRW), about $726 million as reported; estimated".
 */
export function formatMoney(money: Money, locale = 'en'): string {
  let text = `${qualifierPrefix(money.qualifier)}${formatAmount(money.amount, money.currency, locale)} ${money.currency}`;
  if (money.converted) {
    text += ` (${formatAmount(money.converted.amount, money.converted.currency, locale)} ${money.converted.currency} as reported)`;
  }
  if (money.estimated) text += ', estimated';
  return text;
}

/** A quantity with its unit label from the vocabulary, e.g. "about 1.1 million vehicles", "100 GWh a year". */
export function formatQuantity(
  quantity: {
    value: number;
    unit: string;
    per?: 'year' | 'month' | 'day' | undefined;
    qualifier?: NumberQualifier | undefined;
  },
  units: Vocabulary['units'],
  locale = 'en',
): string {
  const unit = units[quantity.unit];
  const label = quantity.value === 1 && unit?.singular ? unit.singular : (unit?.label ?? quantity.unit);
  const number = formatNumber(quantity.value, locale);
  const joined = label === '%' ? `${number}%` : `${number} ${label}`;
  return `${qualifierPrefix(quantity.qualifier)}${joined}${quantity.per ? ` a ${quantity.per}` : ''}`;
}

/** A country's English name from its ISO code, e.g. "South Korea" for "KR". */
export function countryName(code: string, locale = 'en'): string {
  return memo(`region ${locale}`, () => new Intl.DisplayNames([locale], { type: 'region' })).of(code) ?? code;
}

/** A language's name from its BCP 47 code, e.g. "Korean" for "ko". */
export function languageName(code: string, locale = 'en'): string {
  return memo(`language ${locale}`, () => new Intl.DisplayNames([locale], { type: 'language' })).of(code) ?? code;
}

/** A duration, e.g. "6 years", "1 month". */
export function formatDuration(duration: { value: number; unit: 'years' | 'months' }): string {
  const unit = duration.value === 1 ? duration.unit.slice(0, -1) : duration.unit;
  return `${duration.value} ${unit}`;
}

/**
 * "9 July 2025, 19:18 (UTC+09:00)" for a timestamp with offset; "9 July 2025" with
 * `{ time: false }`. The day is the day at the timestamp's own offset.
 */
export function formatTimestamp(value: string, { time = true } = {}): string {
  const match = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}:\d{2})(?::\d{2})?(Z|[+-]\d{2}:\d{2})$/.exec(value);
  if (!match) return value;
  const [, y, m, d, clock, zone] = match;
  const date = formatDay(`${y}-${m}-${d}`);
  return time ? `${date}, ${clock} (UTC${zone === 'Z' ? '' : zone})` : date;
}
