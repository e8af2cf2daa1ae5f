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

  test('accepts names in any script, with the marks and variation selectors they need', () => {
    const names = {
      name: 'Škoda Auto',
      shortName: '宁德时代',
      aliases: ['葛\u{E0100}飾区', 'LG에너지솔루션', 'Ⓒ Acme ☀\uFE0F'],
    };
    expect(problemsOf(schema, { ...valid, ...names })).toEqual([]);
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
    [
      'a name with a zero-width space',
      { ...valid, name: 'CATL\u200B' },
      'entry.yaml: name: expected a name without invisible or direction-changing characters, found "CATL\\u200B" (U+200B ZERO WIDTH SPACE at position 5).',
    ],
    [
      'a short name with a right-to-left override',
      { ...valid, shortName: 'Ac\u202Eme' },
      'entry.yaml: shortName: expected a name without invisible or direction-changing characters, found "Ac\\u202Eme" (U+202E RIGHT-TO-LEFT OVERRIDE at position 3).',
    ],
    [
      'an alias with a left-to-right isolate',
      { ...valid, aliases: ['アクメ', 'Acme\u2066 Widgets'] },
      'entry.yaml: aliases[1]: expected a name without invisible or direction-changing characters, found "Acme\\u2066 Widgets" (U+2066 LEFT-TO-RIGHT ISOLATE at position 5).',
    ],
    [
      'an alias that is a Hangul filler',
      { ...valid, aliases: ['\u3164'] },
      'entry.yaml: aliases[0]: expected a name without invisible or direction-changing characters, found "\\u3164" (U+3164 HANGUL FILLER at position 1).',
    ],
    [
      'a name with a byte-order mark inside it',
      { ...valid, name: 'Ac\uFEFFme' },
      'entry.yaml: name: expected a name without invisible or direction-changing characters, found "Ac\\uFEFFme" (U+FEFF ZERO WIDTH NO-BREAK SPACE at position 3).',
    ],
    [
      'a name with a C1 control character',
      { ...valid, name: 'Acme\u0085' },
      'entry.yaml: name: expected a name without invisible or direction-changing characters, found "Acme\\u0085" (U+0085 NEXT LINE at position 5).',
    ],
    [
      'a parent id with a zero-width space',
      { ...valid, parent: 'globex\u200B' },
      'entry.yaml: parent: expected an id without invisible or direction-changing characters, found "globex\\u200B" (U+200B ZERO WIDTH SPACE at position 7).',
    ],
    [
      'a previous id longer than a file name should be',
      { ...valid, previousIds: ['a'.repeat(121)] },
      'entry.yaml: previousIds[0]: expected at most 120 characters, found 121 characters.',
    ],
    [
      'a description of a megabyte',
      { ...valid, description: 'Widgets. '.repeat(116_509) },
      'entry.yaml: description: expected at most 600 characters, found 1,048,580 characters.',
    ],
    [
      'more than 20 aliases',
      { ...valid, aliases: Array.from({ length: 21 }, (_, i) => `Acme ${i}`) },
      'entry.yaml: aliases: expected at most 20 items, found a list of 21.',
    ],
    [
      'a negative key figure',
      { ...valid, keyFigures: [{ ...valid.keyFigures[0], quantity: { value: -1, unit: 'widgets' } }] },
      'entry.yaml: keyFigures[0].quantity.value: expected a number of at least 0, found the number -1.',
    ],
  ])('rejects %s with one line naming the field', (_case, data, line) => {
    expect(problemsOf(schema, data)).toEqual([line]);
  });
});
