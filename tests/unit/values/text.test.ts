import { describe, expect, test } from 'vitest';
import { parseFuzzyDate } from '../../../src/lib/values/fuzzy-date';
import { inlineText } from '../../../src/lib/pages/facts';
import { clip, isolate, wrap } from '../../../src/lib/values/text';

describe('clip', () => {
  test.each([
    ['short text', 20, 'short text'],
    ['  spaces   collapse ', 20, 'spaces collapse'],
    ['Chinese battery firms turn to Korean partners', 30, 'Chinese battery firms turn to…'],
    ['Supercalifragilisticexpialidocious', 10, 'Supercali…'],
    ['Ends with a comma, here', 19, 'Ends with a comma…'],
  ])('%j to %i characters', (text, max, expected) => {
    expect(clip(text, max)).toBe(expected);
    expect(clip(text, max).length).toBeLessThanOrEqual(max);
  });

  test('never cuts an emoji or a rare CJK character in half', () => {
    expect(clip('😀😀😀😀😀😀', 6)).toBe('😀😀…');
    expect(clip('a😀😀😀😀😀', 6)).toBe('a😀😀…');
  });
});

describe('isolate', () => {
  test('wraps text in FIRST STRONG ISOLATE … POP DIRECTIONAL ISOLATE', () => {
    expect(isolate('شركة')).toBe('\u2068شركة\u2069');
  });
});

describe('inlineText', () => {
  test('keeps the text of links and writes dates out', () => {
    expect(
      inlineText([
        { text: '6 years' },
        { text: ' from ' },
        { date: parseFuzzyDate('early 2026') },
        { text: 'X', href: '/x/' },
      ]),
    ).toBe('6 years from early 2026X');
  });

  test('writes a status with its as-of day and past-due state, a figure with its as-of day', () => {
    const status = {
      status: 'planned',
      label: 'Planned',
      asOf: '2025-07-09',
      pastDue: { due: parseFuzzyDate('by end of 2025'), kind: 'event' },
    } as const;
    expect(inlineText([{ status }])).toBe(
      'Planned (as of 9 July 2025). Due by the end of 2025 — no report since 9 July 2025.',
    );
    expect(inlineText([{ status }], { compact: true })).toBe('Planned (as of 9 July 2025), past due');
    expect(inlineText([{ text: '100 GWh a year' }, { asOf: '2025-07-09' }])).toBe('100 GWh a year (as of 9 July 2025)');
  });
});

describe('wrap', () => {
  test('breaks at spaces within the width and indents continuation lines', () => {
    const text = 'one two three four five six seven eight nine ten';
    expect(wrap(text, 14)).toBe('one two three\nfour five six\nseven eight\nnine ten');
    expect(wrap(text, 14, '  ')).toBe('one two three\n  four five\n  six seven\n  eight nine\n  ten');
  });

  test('gives a word longer than the width (a URL) a line of its own', () => {
    expect(wrap('see https://example.com/a/very/long/path now', 12)).toBe(
      'see\nhttps://example.com/a/very/long/path\nnow',
    );
  });
});
