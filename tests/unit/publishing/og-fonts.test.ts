import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import {
  CardFonts,
  cjkOrder,
  faceName,
  MISSING,
  parseUnicodeRange,
  woffCodePoints,
} from '../../../src/lib/publishing/og-fonts';
import { PROJECT_ROOT } from '../../../scripts/lib/build-site.ts';

const fonts = new CardFonts(PROJECT_ROOT);

/** The pieces of a text as [text, family] pairs. */
const runs = (text: string) => fonts.pieces(text, 400).map((p) => [p.text, p.face.family]);

describe('parseUnicodeRange', () => {
  test('reads single code points and ranges', () => {
    expect(parseUnicodeRange('U+0000-00FF,U+0131, U+2000-206F')).toEqual([0, 0xff, 0x131, 0x131, 0x2000, 0x206f]);
  });

  test('refuses what it cannot read', () => {
    expect(() => parseUnicodeRange('U+00ZZ')).toThrow('Unexpected unicode-range "U+00ZZ"');
  });
});

describe('woffCodePoints', () => {
  test('reads the characters a font file has from its cmap', () => {
    const latin = woffCodePoints(readFileSync(fonts.path({ family: 'inter', subset: 'latin', weight: 700 })));
    expect(latin.has('A'.codePointAt(0)!)).toBe(true);
    expect(latin.has('€'.codePointAt(0)!)).toBe(true);
    // Claimed by the subset's unicode range, but not in the font.
    expect(latin.has(0xfffd)).toBe(false);
    const chinese = woffCodePoints(
      readFileSync(fonts.path({ family: 'sc', subset: fonts.subsetOf('sc', 0x5b81)!, weight: 400 })),
    );
    expect(chinese.has(0x5b81)).toBe(true); // 宁
  });

  test('refuses what is not a WOFF file', () => {
    expect(() => woffCodePoints(Buffer.from('OTTO0000'))).toThrow('Not a WOFF font file.');
  });
});

describe('cjkOrder', () => {
  test.each([
    ['宁德时代', 'sc'],
    ['LG에너지솔루션', 'kr'],
    ['トヨタ自動車', 'jp'],
    ['パナソニック エナジー', 'jp'],
  ])('%s: %s first', (text, first) => expect(cjkOrder(text)[0]).toBe(first));
});

describe('CardFonts.pieces', () => {
  test('Latin text is one run of Inter', () => {
    expect(fonts.pieces('Acme Widgets 2025 · €1', 700)).toEqual([
      { text: 'Acme Widgets 2025 · €1', face: { family: 'inter', subset: 'latin', weight: 700 } },
    ]);
  });

  test('a CJK run picks the CJK font of its script; the Latin around it stays Inter', () => {
    const [latin, ...cjk] = fonts.pieces('CATL 宁德时代', 700);
    expect(latin).toEqual({ text: 'CATL ', face: { family: 'inter', subset: 'latin', weight: 700 } });
    expect(cjk.map((p) => p.text).join('')).toBe('宁德时代');
    expect(cjk.every((p) => p.face.family === 'sc' && p.face.weight === 700)).toBe(true);

    const [lg, ...korean] = fonts.pieces('LG에너지솔루션', 400);
    expect(lg).toMatchObject({ text: 'LG', face: { family: 'inter' } });
    expect(korean.every((p) => p.face.family === 'kr')).toBe(true);

    expect(fonts.pieces('トヨタ自動車', 400).every((p) => p.face.family === 'jp')).toBe(true);
  });

  test('each phrase of a list picks its own CJK font', () => {
    const families = fonts.pieces('宁德时代, トヨタ自動車', 400).filter((p) => p.face.family !== 'inter');
    expect(families.filter((p) => /[宁德时代]/u.test(p.text)).every((p) => p.face.family === 'sc')).toBe(true);
    expect(families.filter((p) => /[トヨタ自動車]/u.test(p.text)).every((p) => p.face.family === 'jp')).toBe(true);
  });

  test('Latin Extended, Greek, Cyrillic and Vietnamese come from Inter’s subsets', () => {
    expect(fonts.pieces('Łódź', 400).map((p) => p.face.subset)).toEqual(['latin-ext', 'latin', 'latin-ext']);
    expect(fonts.pieces('Ελλάδα', 400)[0]!.face).toMatchObject({ family: 'inter', subset: 'greek' });
    expect(fonts.pieces('Синтетика', 400)[0]!.face).toMatchObject({ family: 'inter', subset: 'cyrillic' });
    expect(fonts.pieces('ổ', 400)[0]!.face).toMatchObject({ family: 'inter', subset: 'vietnamese' });
  });

  test('a combining mark stays with the character before it', () => {
    expect(fonts.pieces('e\u0301\u0328', 400)).toHaveLength(1);
    expect(fonts.pieces('e\u0301\u0328', 400)[0]!.text).toBe('e\u0301\u0328');
  });

  test('a character no card font has becomes a white square from a card font, never a system font', () => {
    expect(runs('A\u0e01\ue000B')).toEqual([
      ['A', 'inter'],
      [`${MISSING}${MISSING}`, 'sc'],
      ['B', 'inter'],
    ]);
  });

  test('every character goes to a font file that has it, though fontsource’s ranges claim more', () => {
    // Every code point Inter's subsets claim, and some CJK: each piece's font has each character.
    const claimed = Object.values(
      JSON.parse(readFileSync(join(PROJECT_ROOT, 'node_modules/@fontsource/inter/unicode.json'), 'utf8')) as Record<
        string,
        string
      >,
    ).flatMap((list) => {
      const ranges = parseUnicodeRange(list);
      const points: number[] = [];
      for (let i = 0; i < ranges.length; i += 2) for (let cp = ranges[i]!; cp <= ranges[i + 1]!; cp++) points.push(cp);
      return points;
    });
    const text = String.fromCodePoint(...claimed.filter((cp) => cp > 0x20 && !/\p{M}/u.test(String.fromCodePoint(cp))));
    let missing = 0;
    for (const piece of fonts.pieces(`${text}宁德时代LG에너지솔루션トヨタ`, 400)) {
      const cmap = woffCodePoints(readFileSync(fonts.path(piece.face)));
      for (const char of piece.text) {
        if (char === MISSING) missing++;
        // Joiners and variation selectors ride along with the character before them, undrawn.
        if (/[\u200c\u200d\ufe00-\ufe0f]/u.test(char)) continue;
        expect(
          cmap.has(char.codePointAt(0)!),
          `U+${char.codePointAt(0)!.toString(16)} in ${faceName(piece.face)}`,
        ).toBe(true);
      }
    }
    // Inter's ranges claim hundreds of characters it does not have; the CJK fonts have some.
    expect(missing).toBeGreaterThan(0);
  });

  test('every face picked has a font file', () => {
    for (const piece of fonts.pieces('Acme Łódź Ελλάδα 宁德时代 LG에너지솔루션 トヨタ', 700)) {
      expect(existsSync(fonts.path(piece.face)), faceName(piece.face)).toBe(true);
    }
  });
});
