import { describe, expect, test } from 'vitest';
import { fixtureVocabulary, problemsOf, schemasFor } from '../../support/content';

const { deals: schema } = schemasFor(fixtureVocabulary);

const valid = {
  title: 'Acme to supply widgets to Globex',
  kind: 'widget-supply',
  parties: [
    { company: 'acme-widgets', role: 'supplier' },
    { company: 'globex', role: 'customer' },
  ],
  product: 'Widgets',
  volume: { value: 8, unit: 'widgets' },
  value: {
    amount: 1e12,
    currency: 'KRW',
    qualifier: 'more-than',
    estimated: true,
    converted: { amount: 726e6, currency: 'USD' },
  },
  term: { start: 'early 2026', duration: { value: 6, unit: 'years' } },
  places: [{ role: 'use', region: 'Europe', site: "Globex's plant in Europe" }],
  status: 'signed',
  announced: new Date('2025-07-09'),
  summary: 'A deal.',
  sources: ['gazette'],
};

describe('dealSchema', () => {
  test('accepts a complete deal with money, volume, term and places', () => {
    const deal = schema.parse(valid);
    expect(deal.parties[1]).toEqual({ company: { collection: 'companies', id: 'globex' }, role: 'customer' });
    expect(deal.term?.start?.text).toBe('early 2026');
    expect(deal.announced?.text).toBe('2025-07-09');
    expect(deal.value).toMatchObject({ currency: 'KRW', converted: { currency: 'USD' } });
  });

  test('accepts a zero volume (a reported zero is a fact) and prose over several lines', () => {
    expect(
      problemsOf(schema, { ...valid, volume: { value: 0, unit: 'widgets' }, summary: 'One.\nTwo.\tThree.' }),
    ).toEqual([]);
  });

  test('leaves a company listed twice among the parties to the graph, which checks every list (graph.test.ts)', () => {
    expect(problemsOf(schema, { ...valid, parties: [valid.parties[0], valid.parties[0]] })).toEqual([]);
  });

  test.each([
    [
      'money without currency',
      { ...valid, value: { amount: 5 } },
      'entry.yaml: value.currency: expected a three-letter ISO 4217 currency code such as "KRW" or "USD", found nothing (the field is missing).',
    ],
    [
      'an unknown currency',
      { ...valid, value: { amount: 5, currency: 'WON' } },
      'entry.yaml: value.currency: expected a three-letter ISO 4217 currency code such as "KRW" or "USD", found "WON".',
    ],
    [
      'a conversion into the same currency',
      { ...valid, value: { amount: 5, currency: 'USD', converted: { amount: 5, currency: 'USD' } } },
      'entry.yaml: value.converted.currency: expected "converted" in a different currency from "currency", found "USD".',
    ],
    [
      'a negative amount',
      { ...valid, value: { amount: -5, currency: 'USD' } },
      'entry.yaml: value.amount: expected a number greater than 0, found the number -5.',
    ],
    [
      'an unknown status',
      { ...valid, status: 'done' },
      'entry.yaml: status: expected one of reported, announced, signed, in-effect, completed, terminated, found "done".',
    ],
    [
      'an unknown party role',
      { ...valid, parties: [valid.parties[0], { company: 'globex', role: 'buyer' }] },
      expect.stringMatching(
        /^entry\.yaml: parties\[1\]\.role: expected one of supplier, customer, .*, found "buyer"\.$/,
      ),
    ],
    [
      'a single party',
      { ...valid, parties: [valid.parties[0]] },
      'entry.yaml: parties: expected at least two parties, found a list of 1.',
    ],
    [
      'a negative volume',
      { ...valid, volume: { value: -8, unit: 'widgets' } },
      'entry.yaml: volume.value: expected a number of at least 0, found the number -8.',
    ],
    [
      'an announcement in the year 9999 (unquoted, so YAML made it a date)',
      { ...valid, announced: new Date('9999-12-31') },
      expect.stringMatching(
        /^entry\.yaml: announced: expected a date such as 2025, .* \(the year 9999 is outside the years 1800–2200\), found the date 9999-12-31 \(YAML read it as a date\)\.$/,
      ),
    ],
    [
      'a term start in the year 0',
      { ...valid, term: { start: '0000-01-01' } },
      expect.stringMatching(
        /^entry\.yaml: term\.start: expected a date such as 2025, .* \(the year 0 is outside the years 1800–2200\), found "0000-01-01"\.$/,
      ),
    ],
    [
      'a summary of a megabyte',
      { ...valid, summary: 'x'.repeat(1_048_576) },
      'entry.yaml: summary: expected at most 600 characters, found 1,048,576 characters.',
    ],
    [
      'a summary with a control character',
      { ...valid, summary: 'A deal.\u0007' },
      'entry.yaml: summary: expected text without control characters (other than line breaks and tabs), found "A deal.\\u0007" (U+0007 BELL at position 8).',
    ],
    [
      'an impossible announcement date',
      { ...valid, announced: '2025-02-30' },
      expect.stringMatching(
        /^entry\.yaml: announced: expected a date such as .* \(not a real day: February 2025 has 28 days\), found "2025-02-30"\.$/,
      ),
    ],
    [
      'a malformed term start',
      { ...valid, term: { start: 'next spring' } },
      expect.stringMatching(/^entry\.yaml: term\.start: expected a date such as 2025, .*, found "next spring"\.$/),
    ],
    [
      'a place with nothing in it',
      { ...valid, places: [{ role: 'use' }] },
      'entry.yaml: places[0]: expected at least one of "country", "region" or "site", found a mapping with "role".',
    ],
    [
      'a fractional duration',
      { ...valid, term: { duration: { value: 1.5, unit: 'years' } } },
      'entry.yaml: term.duration.value: expected a whole number, found the number 1.5.',
    ],
  ])('rejects %s', (_case, data, line) => {
    expect(problemsOf(schema, data)).toEqual([line]);
  });
});
