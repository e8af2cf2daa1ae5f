import { describe, expect, test } from 'vitest';
import { fixtureVocabulary, problemsOf, schemasFor } from '../../support/content';

const { sources: schema } = schemasFor(fixtureVocabulary);

const valid = {
  title: 'A report',
  publisher: 'test-gazette',
  author: 'A. Writer',
  published: '2025-07-09T19:18+09:00',
  updated: '2025-07-09T19:22:00+09:00',
  url: 'https://example.com/report',
  language: 'en',
  translatedFrom: { language: 'ko', publication: 'test-gazette' },
};

describe('sourceSchema', () => {
  test('accepts timestamps with offsets and a translation', () => {
    expect(schema.parse(valid)).toMatchObject({
      published: '2025-07-09T19:18+09:00',
      translatedFrom: { language: 'ko' },
    });
  });

  test.each([
    [
      'a timestamp without a time zone',
      { ...valid, published: '2025-07-09T19:18' },
      'entry.yaml: published: expected a real timestamp with its time zone offset, such as "2025-07-09T19:18+09:00", found "2025-07-09T19:18".',
    ],
    [
      'an unquoted timestamp (YAML made it a date)',
      { ...valid, published: new Date('2025-07-09T10:18:00Z') },
      'entry.yaml: published: expected a quoted timestamp with its time zone offset, such as "2025-07-09T19:18+09:00", found the date 2025-07-09 (YAML read it as a date).',
    ],
    [
      'an impossible timestamp',
      { ...valid, published: '2025-07-09T25:00+09:00' },
      'entry.yaml: published: expected a real timestamp with its time zone offset, such as "2025-07-09T19:18+09:00", found "2025-07-09T25:00+09:00".',
    ],
    [
      'a URL that is not one',
      { ...valid, url: 'joongang daily' },
      'entry.yaml: url: expected a full URL starting with https://, found "joongang daily".',
    ],
    [
      'a language that is not a code',
      { ...valid, language: 'English' },
      'entry.yaml: language: expected a BCP 47 language code such as "en" or "ko", found "English".',
    ],
  ])('rejects %s', (_case, data, line) => {
    expect(problemsOf(schema, data)).toEqual([line]);
  });
});
