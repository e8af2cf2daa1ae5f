import { describe, expect, test } from 'vitest';
import {
  countryName,
  formatAmount,
  formatDuration,
  formatMoney,
  formatNumber,
  formatQuantity,
  formatTimestamp,
} from '../../../src/lib/values/format';

const units = { GWh: { label: 'GWh' }, t: { label: 'tons', singular: 'ton' }, percent: { label: '%' } };

describe('formatNumber', () => {
  test.each([
    [8, '8'],
    [30000, '30,000'],
    [1_100_000, '1.1 million'],
    [1e12, '1 trillion'],
  ])('%d → %s', (n, text) => expect(formatNumber(n)).toBe(text));
});

describe('formatMoney', () => {
  test('keeps the qualifier, the currency and the conversion only as reported', () => {
    expect(
      formatMoney({
        amount: 1e12,
        currency: 'KRW',
        qualifier: 'more-than',
        estimated: true,
        converted: { amount: 726e6, currency: 'USD' },
      }),
    ).toBe('more than ₩1 trillion KRW ($726 million USD as reported), estimated');
    expect(formatMoney({ amount: 40000, currency: 'EUR', estimated: false })).toBe('€40,000 EUR');
  });
  test('formatAmount places symbols the currency way', () => {
    expect(formatAmount(5, 'CHF')).toBe('CHF5');
  });
});

describe('formatQuantity', () => {
  test.each([
    [{ value: 8, unit: 'GWh' }, '8 GWh'],
    [{ value: 100, unit: 'GWh', per: 'year' as const }, '100 GWh a year'],
    [{ value: 30000, unit: 't', per: 'year' as const }, '30,000 tons a year'],
    [{ value: 1, unit: 't' }, '1 ton'],
    [{ value: 46, unit: 'percent', qualifier: 'about' as const }, 'about 46%'],
  ])('%j → %s', (q, text) => expect(formatQuantity(q, units)).toBe(text));
});

describe('small formatters', () => {
  test('countryName, formatDuration, formatTimestamp', () => {
    expect(countryName('KR')).toBe('South Korea');
    expect(formatDuration({ value: 6, unit: 'years' })).toBe('6 years');
    expect(formatDuration({ value: 1, unit: 'months' })).toBe('1 month');
    expect(formatTimestamp('2025-07-09T19:18+09:00')).toBe('9 July 2025, 19:18 (UTC+09:00)');
    expect(formatTimestamp('2025-07-09T19:18+09:00', { time: false })).toBe('9 July 2025');
  });
});
