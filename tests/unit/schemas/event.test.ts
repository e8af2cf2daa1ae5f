import { describe, expect, test } from 'vitest';
import { fixtureVocabulary, problemsOf, schemasFor } from '../../support/content';

const { events: schema } = schemasFor(fixtureVocabulary);

const valid = {
  title: 'Acme opens a plant',
  kind: 'plant-opening',
  date: 'by end of 2024',
  status: 'planned',
  companies: ['acme-widgets'],
  location: { country: 'DE' },
  figures: [{ label: 'Annual capacity', quantity: { value: 100, unit: 'widgets', per: 'year' } }],
  summary: 'An event.',
  sources: ['gazette'],
};

describe('eventSchema', () => {
  test('accepts an event with a fuzzy date, place and figures', () => {
    const event = schema.parse(valid);
    expect(event.date).toMatchObject({ qualifier: 'by-end', end: '2024-12-31' });
    expect(event.figures[0]!.quantity.per).toBe('year');
  });

  test.each([
    [
      'a malformed date',
      { ...valid, date: 'soon' },
      expect.stringMatching(
        /^entry\.yaml: date: expected a date such as .*\(not in any of these forms\), found "soon"\.$/,
      ),
    ],
    [
      'an unknown kind',
      { ...valid, kind: 'plant-open' },
      'entry.yaml: kind: expected one of plant-opening (did you mean "plant-opening"?), found "plant-open".',
    ],
    [
      'no companies',
      { ...valid, companies: [] },
      'entry.yaml: companies: expected at least one company id, found an empty list.',
    ],
    [
      'an unknown status',
      { ...valid, status: 'rumoured' },
      'entry.yaml: status: expected one of happened, planned, expected, postponed, cancelled, found "rumoured".',
    ],
  ])('rejects %s', (_case, data, line) => {
    expect(problemsOf(schema, data)).toEqual([line]);
  });
});
