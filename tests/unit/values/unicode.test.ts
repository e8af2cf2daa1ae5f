import { describe, expect, test } from 'vitest';
import { characterCount, describeCodePoint, escapeHidden, findHiddenCharacter } from '../../../src/lib/values/unicode';

describe('findHiddenCharacter in names', () => {
  test.each([
    ['CATL\u200B', 'U+200B ZERO WIDTH SPACE', 5],
    ['\u202EDLROW', 'U+202E RIGHT-TO-LEFT OVERRIDE', 1],
    ['LG\u202Aes', 'U+202A LEFT-TO-RIGHT EMBEDDING', 3],
    ['a\u202Cb', 'U+202C POP DIRECTIONAL FORMATTING', 2],
    ['a\u2067b', 'U+2067 RIGHT-TO-LEFT ISOLATE', 2],
    ['a\u2069b', 'U+2069 POP DIRECTIONAL ISOLATE', 2],
    ['a\u200Eb', 'U+200E LEFT-TO-RIGHT MARK', 2],
    ['a\u2060b', 'U+2060 WORD JOINER', 2],
    ['a\u00ADb', 'U+00AD SOFT HYPHEN', 2],
    ['a\tb', 'U+0009 CHARACTER TABULATION', 2],
    ['a\u0000b', 'U+0000 NULL', 2],
    ['a\u0090b', 'U+0090 control character', 2],
    ['a\u2029b', 'U+2029 PARAGRAPH SEPARATOR', 2],
    ['a\u{E0041}b', 'U+E0041 invisible formatting character', 2],
    ['😀\u200B', 'U+200B ZERO WIDTH SPACE', 2],
  ])('finds the hidden character in %j: %s at %i', (text, description, position) => {
    expect(findHiddenCharacter(text)).toMatchObject({ description, position });
  });

  test('accepts visible text in any script, emoji variation selectors and CJK ideographic variants', () => {
    for (const text of [
      'CATL',
      'LG에너지솔루션',
      '宁德时代',
      'Škoda',
      'شركة',
      'Ⓒ ☀\uFE0F',
      '葛\u{E0100}飾',
      'A\u00A0B',
    ]) {
      expect(findHiddenCharacter(text)).toBeUndefined();
    }
  });
});

describe('findHiddenCharacter in prose', () => {
  test('allows line breaks, tabs and the joiners and marks a script needs', () => {
    expect(findHiddenCharacter('One.\r\nTwo.\tThree. می\u200Cخواهم \u200Fא', { prose: true })).toBeUndefined();
  });
  test('rejects other control characters', () => {
    expect(findHiddenCharacter('Ring\u0007', { prose: true })).toMatchObject({
      description: 'U+0007 BELL',
      position: 5,
    });
  });
});

describe('describeCodePoint', () => {
  test('names a character by its code point and Unicode name', () => {
    expect(describeCodePoint(0x200b)).toBe('U+200B ZERO WIDTH SPACE');
    expect(describeCodePoint(0x1b)).toBe('U+001B ESCAPE');
  });
});

describe('escapeHidden', () => {
  test('shows invisible characters as escapes and leaves the rest', () => {
    expect(escapeHidden('CATL\u200B and \u202Ex 😀')).toBe('CATL\\u200B and \\u202Ex 😀');
    expect(escapeHidden('\u{E0041}')).toBe('\\u{E0041}');
  });
});

describe('characterCount', () => {
  test('counts characters, not UTF-16 units', () => {
    expect(characterCount('CATL')).toBe(4);
    expect(characterCount('😀😀')).toBe(2);
    expect(characterCount('𠀋a')).toBe(2);
  });
});
