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
  test('accepts offsets up to ±14:00 and seconds', () => {
    for (const published of ['2025-07-09T19:18+14:00', '2025-07-09T19:18-12:00', '2025-07-09T19:18:59Z']) {
      expect(problemsOf(schema, { ...valid, published })).toEqual([]);
    }
  });

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
      'entry.yaml: published: expected a real timestamp with its time zone offset, such as "2025-07-09T19:18+09:00" (there is no hour 25), found "2025-07-09T25:00+09:00".',
    ],
    [
      'an offset beyond +14:00',
      { ...valid, published: '2025-07-09T19:18+15:00' },
      'entry.yaml: published: expected a real timestamp with its time zone offset, such as "2025-07-09T19:18+09:00" (the offset +15:00 is beyond ±14:00, the largest in use), found "2025-07-09T19:18+15:00".',
    ],
    [
      'an offset beyond -14:00',
      { ...valid, updated: '2025-07-09T19:18-14:30' },
      'entry.yaml: updated: expected a real timestamp with its time zone offset, such as "2025-07-09T19:18+09:00" (the offset -14:30 is beyond ±14:00, the largest in use), found "2025-07-09T19:18-14:30".',
    ],
    [
      'an offset with 60 minutes',
      { ...valid, published: '2025-07-09T19:18+09:60' },
      'entry.yaml: published: expected a real timestamp with its time zone offset, such as "2025-07-09T19:18+09:00" (the offset +09:60 has no minute 60), found "2025-07-09T19:18+09:60".',
    ],
    [
      'a timestamp in the year 9999',
      { ...valid, published: '9999-12-31T23:59+00:00' },
      'entry.yaml: published: expected a real timestamp with its time zone offset, such as "2025-07-09T19:18+09:00" (the year 9999 is outside the years 1800–2200), found "9999-12-31T23:59+00:00".',
    ],
    [
      'a timestamp in the year 0',
      { ...valid, published: '0000-01-01T00:00Z' },
      'entry.yaml: published: expected a real timestamp with its time zone offset, such as "2025-07-09T19:18+09:00" (the year 0 is outside the years 1800–2200), found "0000-01-01T00:00Z".',
    ],
    [
      'a title with a right-to-left override',
      { ...valid, title: 'A report \u202Etroper A' },
      'entry.yaml: title: expected a title without invisible or direction-changing characters, found "A report \\u202Etroper A" (U+202E RIGHT-TO-LEFT OVERRIDE at position 10).',
    ],
    [
      'a byline with a zero-width joiner',
      { ...valid, author: 'A.\u200DWriter' },
      'entry.yaml: author: expected a name without invisible or direction-changing characters, found "A.\\u200DWriter" (U+200D ZERO WIDTH JOINER at position 3).',
    ],
    [
      'notes longer than a paragraph',
      { ...valid, notes: 'word '.repeat(2000) },
      'entry.yaml: notes: expected at most 1,000 characters, found 9,999 characters.',
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
