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
      'a publication day in the year 9999',
      { ...valid, published: '9999-12-31' },
      'entry.yaml: published: expected a day such as 2026-11-26 (the year 9999 is outside the years 1800–2200), found "9999-12-31".',
    ],
    [
      'an unquoted update day in the year 0',
      { ...valid, updated: new Date('0000-01-01T00:00:00Z') },
      'entry.yaml: updated: expected a day such as 2026-11-26 (the year 0 is outside the years 1800–2200), found the date 0000-01-01 (YAML read it as a date).',
    ],
    [
      'an invalid date object',
      { ...valid, published: new Date('nope') },
      'entry.yaml: published: expected a day such as 2026-11-26, found an invalid date.',
    ],
    [
      'a title with a first-strong isolate',
      { ...valid, title: '\u2068Widgets weekly' },
      'entry.yaml: title: expected a title without invisible or direction-changing characters, found "\\u2068Widgets weekly" (U+2068 FIRST STRONG ISOLATE at position 1).',
    ],
    [
      'a title longer than two lines of a card',
      { ...valid, title: 'Widgets '.repeat(30) },
      'entry.yaml: title: expected at most 200 characters, found 239 characters.',
    ],
    [
      'more than 20 topics',
      { ...valid, topics: Array.from({ length: 21 }, (_, i) => `topic ${i}`) },
      'entry.yaml: topics: expected at most 20 items, found a list of 21.',
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
