import { describe, expect, test } from 'vitest';
import { fixtureVocabulary, problemsOf, schemasFor } from '../../support/content';

const { briefings: schema } = schemasFor(fixtureVocabulary);

const valid = {
  title: 'Widgets weekly',
  description: 'About widgets.',
  published: new Date('2024-01-03'),
  summary: 'Widgets.',
  topics: ['widgets'],
  about: { companies: ['acme-widgets'] },
  sources: ['gazette'],
};

describe('briefingSchema', () => {
  test('accepts frontmatter with an unquoted day and about references', () => {
    const briefing = schema.parse(valid);
    expect(briefing.published).toBe('2024-01-03');
    expect(briefing.about.companies).toEqual([{ collection: 'companies', id: 'acme-widgets' }]);
  });

  test.each([
    [
      'an update before publication',
      { ...valid, updated: '2024-01-01' },
      'entry.yaml: updated: expected "updated" on or after "published", found "2024-01-01".',
    ],
    [
      'an impossible day',
      { ...valid, published: '2024-02-31' },
      'entry.yaml: published: expected a day such as 2026-11-26 (not a real day: February 2024 has 29 days), found "2024-02-31".',
    ],
    [
      'a fuzzy publication day',
      { ...valid, published: '2024' },
      'entry.yaml: published: expected a day such as 2026-11-26 (not a day in the form YYYY-MM-DD), found "2024".',
    ],
    [
      'a missing summary',
      { ...valid, summary: undefined },
      'entry.yaml: summary: expected text, found nothing (the field is missing).',
    ],
  ])('rejects %s', (_case, data, line) => {
    expect(problemsOf(schema, data)).toEqual([line]);
  });
});
