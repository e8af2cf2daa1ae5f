import { describe, expect, test } from 'vitest';
import { skeleton } from '../../../src/lib/values/confusables';

describe('skeleton', () => {
  test.each([
    ['CATL', 'САТL', 'Cyrillic capitals Es, A and Te'],
    ['Kia', 'Кіа', 'Cyrillic Ka, i and a'],
    ['Acme', 'Αcmе', 'a Greek capital Alpha and a Cyrillic e'],
    ['CATL', 'Catl', 'case'],
    ['CATL', 'C.A.T.L.', 'punctuation'],
    ['CATL', 'C A T L', 'spaces'],
    ['CATL', 'ＣＡＴＬ', 'full-width letters (NFKC)'],
    ['CATL', 'CATL\u200B', 'a zero-width space'],
    ['CATL', 'CATL\uFE0F', 'a variation selector'],
    ['Apple', 'AppIe', 'a capital I for a small l'],
    ['Globex 10', 'Globex lO', 'digits for letters'],
    ['Modern', 'Modem', '"rn" for "m"'],
    ['Škoda', 'Skoda', 'accents'],
    ['Straße', 'STRASSE', 'sharp s'],
  ])('%j and %j look alike (%s)', (a, b) => {
    expect(skeleton(a)).toBe(skeleton(b));
  });

  test.each([
    ['CATL', 'BYD'],
    ['Chery', 'Chery EV'],
    ['LG Energy Solution', 'LG에너지솔루션'],
    ['宁德时代', '奇瑞汽车'],
    ['현대자동차', '기아'],
    ['JoongAng Ilbo', 'Korea JoongAng Daily'],
  ])('%j and %j do not', (a, b) => {
    expect(skeleton(a)).not.toBe(skeleton(b));
  });

  test('is empty for a name of punctuation only', () => {
    expect(skeleton('—')).toBe('');
  });
});
