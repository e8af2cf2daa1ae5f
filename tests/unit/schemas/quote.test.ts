import { describe, expect, test } from 'vitest';
import { fixtureVocabulary, problemsOf, schemasFor } from '../../support/content';

const { quotes: schema } = schemasFor(fixtureVocabulary);

const valid = {
  text: 'Widgets are the future',
  speaker: { person: 'jane-doe', organisation: 'acme-widgets' },
  role: 'Chief widget officer',
  context: 'On widgets.',
  about: { deals: ['acme-globex-widgets'] },
  source: 'gazette',
};

describe('quoteSchema', () => {
  test('accepts a named, an organisational and an unnamed speaker', () => {
    expect(schema.parse(valid).speaker.person).toEqual({ collection: 'people', id: 'jane-doe' });
    expect(schema.parse({ ...valid, speaker: { organisation: 'acme-widgets' } }).speaker.organisation?.id).toBe(
      'acme-widgets',
    );
    expect(schema.parse({ ...valid, speaker: { description: 'an industry insider' } }).speaker.description).toBe(
      'an industry insider',
    );
  });

  test('keeps the verbatim text and fills empty about lists', () => {
    const quote = schema.parse({ ...valid, about: undefined });
    expect(quote.text).toBe('Widgets are the future');
    expect(quote.about).toEqual({ companies: [], people: [], deals: [], events: [], quotes: [] });
  });

  test.each([
    [
      'empty quote text',
      { ...valid, text: '   ' },
      'entry.yaml: text: expected the quoted words, not an empty string, found an empty string.',
    ],
    [
      'missing text',
      { ...valid, text: undefined },
      'entry.yaml: text: expected the quoted words as text, found nothing (the field is missing).',
    ],
    [
      'an unnamed speaker with a zero-width non-joiner',
      { ...valid, speaker: { description: 'an industry\u200Cinsider' } },
      'entry.yaml: speaker.description: expected a name without invisible or direction-changing characters, found "an industry\\u200Cinsider" (U+200C ZERO WIDTH NON-JOINER at position 12).',
    ],
    [
      'quoted words with an escape character',
      { ...valid, text: 'Widgets\u001b[31m are the future' },
      'entry.yaml: text: expected the quoted words without control characters (other than line breaks and tabs), found "Widgets\\u001b[31m are the future" (U+001B ESCAPE at position 8).',
    ],
    [
      'quoted words longer than a paragraph',
      { ...valid, text: '“'.repeat(1001) },
      'entry.yaml: text: expected at most 1,000 characters, found 1,001 characters.',
    ],
    [
      'no speaker at all',
      { ...valid, speaker: {} },
      'entry.yaml: speaker: expected a speaker: "person", "organisation" or "description", found an empty mapping.',
    ],
    [
      'a named person with a description',
      { ...valid, speaker: { person: 'jane-doe', description: 'a source' } },
      'entry.yaml: speaker: expected either a named "person" or an unnamed "description", not both, found a mapping with "person", "description".',
    ],
    [
      'about an unknown collection',
      { ...valid, about: { widgets: ['x'] } },
      expect.stringMatching(
        /^entry\.yaml: about\.widgets: expected one of the fields companies, people, deals, events, quotes, found an unknown field "widgets"\.$/,
      ),
    ],
  ])('rejects %s', (_case, data, line) => {
    expect(problemsOf(schema, data)).toEqual([line]);
  });
});
