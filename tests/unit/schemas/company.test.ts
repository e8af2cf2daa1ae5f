import { describe, expect, test } from 'vitest';
import { fixtureVocabulary, problemsOf, schemasFor } from '../../support/content';

const { companies: schema } = schemasFor(fixtureVocabulary);

const valid = {
  name: 'Acme Widgets',
  shortName: 'Acme',
  aliases: ['アクメ'],
  kind: 'maker',
  country: 'DE',
  parent: 'globex',
  ownership: 'listed',
  description: 'A widget maker.',
  keyFigures: [
    {
      label: 'Widget exports',
      quantity: { value: 1100000, unit: 'widgets', qualifier: 'about' },
      period: 2024,
      source: 'gazette',
    },
  ],
  sources: ['gazette'],
};

describe('companySchema', () => {
  test('accepts a complete company and resolves its references', () => {
    const company = schema.parse(valid);
    expect(company.parent).toEqual({ collection: 'companies', id: 'globex' });
    expect(company.keyFigures[0]!.period.text).toBe('2024');
    expect(company.sources).toEqual([{ collection: 'sources', id: 'gazette' }]);
  });

  test('fills defaults for optional lists', () => {
    const { aliases, keyFigures, ...minimal } = valid;
    expect(schema.parse(minimal)).toMatchObject({ aliases: [], keyFigures: [], previousIds: [] });
  });

  test.each([
    [
      'a missing required field',
      { ...valid, name: undefined },
      'entry.yaml: name: expected text, found nothing (the field is missing).',
    ],
    [
      'a wrong type',
      { ...valid, country: 49 },
      'entry.yaml: country: expected a two-letter ISO 3166-1 country code such as "KR", found the number 49.',
    ],
    [
      'an unknown country code',
      { ...valid, country: 'UK' },
      'entry.yaml: country: expected a two-letter ISO 3166-1 country code such as "KR", "CN" or "HU", found "UK".',
    ],
    [
      'an unknown kind',
      { ...valid, kind: 'makers' },
      'entry.yaml: kind: expected one of maker, publisher (did you mean "maker"?), found "makers".',
    ],
    [
      'a misspelt field',
      { ...valid, conutry: 'DE' },
      expect.stringMatching(
        /^entry\.yaml: conutry: expected one of the fields name, shortName, .* \(did you mean "country"\?\), found an unknown field "conutry"\.$/,
      ),
    ],
    [
      'an id that is not a slug',
      { ...valid, parent: 'Globex Inc' },
      'entry.yaml: parent: expected an id such as "lg-energy-solution" (lowercase letters, digits, hyphens), found "Globex Inc".',
    ],
    [
      'no sources',
      { ...valid, sources: [] },
      'entry.yaml: sources: expected at least one source id, found an empty list.',
    ],
    [
      'a key figure with both quantity and money',
      { ...valid, keyFigures: [{ ...valid.keyFigures[0], money: { amount: 5, currency: 'EUR' } }] },
      'entry.yaml: keyFigures[0]: expected exactly one of "quantity" or "money", found a mapping with "label", "quantity", "period", "source", "money".',
    ],
    [
      'a key figure with an unknown unit',
      { ...valid, keyFigures: [{ ...valid.keyFigures[0], quantity: { value: 1, unit: 'gizmos' } }] },
      'entry.yaml: keyFigures[0].quantity.unit: expected one of widgets, found "gizmos".',
    ],
  ])('rejects %s with one line naming the field', (_case, data, line) => {
    expect(problemsOf(schema, data)).toEqual([line]);
  });
});
