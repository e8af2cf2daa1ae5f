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

  test.each([
    [
      'a role without a title',
      { ...valid, roles: [{ organisation: 'acme-widgets' }] },
      'entry.yaml: roles[0].title: expected text, found nothing (the field is missing).',
    ],
    ['roles that are not a list', { ...valid, roles: 'CEO' }, 'entry.yaml: roles: expected a list, found "CEO".'],
  ])('rejects %s', (_case, data, line) => {
    expect(problemsOf(schema, data)).toEqual([line]);
  });
});
