import { describe, expect, test } from 'vitest';
import { fixtureVocabulary, problemsOf, schemasFor } from '../../support/content';

const { people: schema } = schemasFor(fixtureVocabulary);

const valid = {
  name: 'Jane Doe',
  roles: [{ title: 'Chief widget officer', organisation: 'acme-widgets', asOf: new Date('2024-01-02') }],
  sources: ['gazette'],
};

describe('personSchema', () => {
  test('accepts roles known only as of a day', () => {
    const person = schema.parse(valid);
    expect(person.roles[0]).toMatchObject({
      title: 'Chief widget officer',
      organisation: { id: 'acme-widgets' },
      asOf: { text: '2024-01-02' },
    });
  });

  test('accepts a role that begins and ends within one period', () => {
    const roles = [{ title: 'Researcher', from: '2024-06', to: 2024 }];
    expect(problemsOf(schema, { ...valid, roles })).toEqual([]);
  });

  test.each([
    [
      'a role without a title',
      { ...valid, roles: [{ organisation: 'acme-widgets' }] },
      'entry.yaml: roles[0].title: expected text, found nothing (the field is missing).',
    ],
    [
      'a role that ends before it begins',
      { ...valid, roles: [{ title: 'Researcher', from: '2026', to: 2024 }] },
      'entry.yaml: roles[0].to: expected "to" on or after "from" (2026), found the number 2024.',
    ],
    [
      'a name with a right-to-left mark',
      { ...valid, name: 'Jane\u200F Doe' },
      'entry.yaml: name: expected a name without invisible or direction-changing characters, found "Jane\\u200F Doe" (U+200F RIGHT-TO-LEFT MARK at position 5).',
    ],
    [
      'a native name with an Arabic letter mark',
      { ...valid, nativeName: '\u061Cجين' },
      'entry.yaml: nativeName: expected a name without invisible or direction-changing characters, found "\\u061Cجين" (U+061C ARABIC LETTER MARK at position 1).',
    ],
    [
      'a name with a line break',
      { ...valid, name: 'Jane\nDoe' },
      'entry.yaml: name: expected a name without invisible or direction-changing characters, found "Jane\\nDoe" (U+000A LINE FEED at position 5).',
    ],
    [
      'a name of 151 characters',
      { ...valid, name: 'J'.repeat(151) },
      'entry.yaml: name: expected at most 150 characters, found 151 characters.',
    ],
    ['roles that are not a list', { ...valid, roles: 'CEO' }, 'entry.yaml: roles: expected a list, found "CEO".'],
  ])('rejects %s', (_case, data, line) => {
    expect(problemsOf(schema, data)).toEqual([line]);
  });
});
