/**
 * Characters a reader cannot see. In a name they hide a second entity that looks like the first
 * ("CATL" followed by a zero-width space) or, being bidi controls, reverse the text after them.
 * Names and titles may contain none of them; prose may contain newlines and tabs and the
 * formatting marks its script needs, but no other control characters.
 */

/** Control, format (bidi controls, zero-width characters), line/paragraph separator, default-ignorable. */
const HIDDEN = /[\p{Cc}\p{Cf}\p{Zl}\p{Zp}\p{Default_Ignorable_Code_Point}]/u;
/** Variation selectors choose a glyph (emoji style, a CJK variant) and are left to names; see confusables.ts. */
const VARIATION_SELECTOR = /\p{Variation_Selector}/u;
/** Control characters prose may contain: tab, line feed, carriage return. */
const PROSE_CONTROLS = new Set([0x09, 0x0a, 0x0d]);

/** Names of the characters most likely to turn up, as the Unicode standard writes them. */
const NAMES: Record<number, string> = {
  0x00: 'NULL',
  0x07: 'BELL',
  0x08: 'BACKSPACE',
  0x09: 'CHARACTER TABULATION',
  0x0a: 'LINE FEED',
  0x0b: 'LINE TABULATION',
  0x0c: 'FORM FEED',
  0x0d: 'CARRIAGE RETURN',
  0x1b: 'ESCAPE',
  0x7f: 'DELETE',
  0x85: 'NEXT LINE',
  0xad: 'SOFT HYPHEN',
  0x034f: 'COMBINING GRAPHEME JOINER',
  0x061c: 'ARABIC LETTER MARK',
  0x115f: 'HANGUL CHOSEONG FILLER',
  0x1160: 'HANGUL JUNGSEONG FILLER',
  0x180e: 'MONGOLIAN VOWEL SEPARATOR',
  0x200b: 'ZERO WIDTH SPACE',
  0x200c: 'ZERO WIDTH NON-JOINER',
  0x200d: 'ZERO WIDTH JOINER',
  0x200e: 'LEFT-TO-RIGHT MARK',
  0x200f: 'RIGHT-TO-LEFT MARK',
  0x2028: 'LINE SEPARATOR',
  0x2029: 'PARAGRAPH SEPARATOR',
  0x202a: 'LEFT-TO-RIGHT EMBEDDING',
  0x202b: 'RIGHT-TO-LEFT EMBEDDING',
  0x202c: 'POP DIRECTIONAL FORMATTING',
  0x202d: 'LEFT-TO-RIGHT OVERRIDE',
  0x202e: 'RIGHT-TO-LEFT OVERRIDE',
  0x2060: 'WORD JOINER',
  0x2061: 'FUNCTION APPLICATION',
  0x2062: 'INVISIBLE TIMES',
  0x2063: 'INVISIBLE SEPARATOR',
  0x2064: 'INVISIBLE PLUS',
  0x2066: 'LEFT-TO-RIGHT ISOLATE',
  0x2067: 'RIGHT-TO-LEFT ISOLATE',
  0x2068: 'FIRST STRONG ISOLATE',
  0x2069: 'POP DIRECTIONAL ISOLATE',
  0x3164: 'HANGUL FILLER',
  0xfeff: 'ZERO WIDTH NO-BREAK SPACE',
  0xffa0: 'HALFWIDTH HANGUL FILLER',
};

/** `U+200B ZERO WIDTH SPACE`; characters without a listed name get what kind they are. */
export function describeCodePoint(codePoint: number): string {
  const hex = codePoint.toString(16).toUpperCase().padStart(4, '0');
  const name =
    NAMES[codePoint] ??
    (/\p{Cc}/u.test(String.fromCodePoint(codePoint)) ? 'control character' : 'invisible formatting character');
  return `U+${hex} ${name}`;
}

/** A character found where it may not be: which one, and where (1-based, counting characters). */
export interface HiddenCharacter {
  codePoint: number;
  /** `U+200B ZERO WIDTH SPACE`. */
  description: string;
  position: number;
}

const HIDDEN_ALL = new RegExp(HIDDEN.source, 'gu');
const CONTROLS_ALL = /\p{Cc}/gu;

function isHidden(char: string, prose: boolean): boolean {
  if (prose) return !PROSE_CONTROLS.has(char.codePointAt(0)!);
  return !VARIATION_SELECTOR.test(char);
}

/**
 * The first character of `text` a reader cannot see, or undefined. For names (`prose` false):
 * control characters, bidi controls, zero-width and other invisible characters. For prose: control
 * characters other than tab and newlines.
 */
export function findHiddenCharacter(text: string, { prose = false } = {}): HiddenCharacter | undefined {
  // One native scan of the whole text; only candidates are looked at one by one.
  for (const match of text.matchAll(prose ? CONTROLS_ALL : HIDDEN_ALL)) {
    if (!isHidden(match[0], prose)) continue;
    const codePoint = match[0].codePointAt(0)!;
    return {
      codePoint,
      description: describeCodePoint(codePoint),
      position: characterCount(text.slice(0, match.index)) + 1,
    };
  }
  return undefined;
}

const ESCAPED = /[\p{Cc}\p{Cf}\p{Zl}\p{Zp}\p{Default_Ignorable_Code_Point}]/gu;

/** `text` with every invisible character written as an escape (`\u200B`), so a message shows it. */
export function escapeHidden(text: string): string {
  return text.replace(ESCAPED, (char) => {
    const codePoint = char.codePointAt(0)!;
    const hex = codePoint.toString(16).toUpperCase();
    return codePoint > 0xffff ? `\\u{${hex}}` : `\\u${hex.padStart(4, '0')}`;
  });
}

/** Number of characters (code points, so an emoji or a rare CJK character counts once). */
export function characterCount(text: string): number {
  let surrogatePairs = 0;
  for (let i = 0; i < text.length; i++) {
    const unit = text.charCodeAt(i);
    if (unit >= 0xd800 && unit <= 0xdbff) {
      const next = text.charCodeAt(i + 1);
      if (next >= 0xdc00 && next <= 0xdfff) {
        surrogatePairs++;
        i++;
      }
    }
  }
  return text.length - surrogatePairs;
}
