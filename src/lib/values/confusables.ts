/**
 * Names that look alike. Two names with the same {@link skeleton} read as the same name to a
 * reader, so two entities of one collection may not have them ("CATL" and "САТL" with Cyrillic
 * С, А and Т; "Apple" and "AppIe"; "Modern" and "Modem").
 *
 * The skeleton follows the idea of Unicode's confusable skeletons (UTS #39) with a small, fixed
 * table of the look-alikes that matter for names written in Latin letters.
 */

/** Capital letters of other scripts that look like Latin capitals (their small forms often do not). */
const CAPITALS: Record<string, string> = {
  // Cyrillic
  А: 'A',
  В: 'B',
  Е: 'E',
  З: '3',
  Ѕ: 'S',
  І: 'I',
  Ј: 'J',
  К: 'K',
  М: 'M',
  Н: 'H',
  О: 'O',
  Р: 'P',
  С: 'C',
  Т: 'T',
  У: 'Y',
  Ү: 'Y',
  Х: 'X',
  Ԛ: 'Q',
  Ԝ: 'W',
  Ӏ: 'I',
  // Greek
  Α: 'A',
  Β: 'B',
  Ε: 'E',
  Ζ: 'Z',
  Η: 'H',
  Ι: 'I',
  Κ: 'K',
  Μ: 'M',
  Ν: 'N',
  Ο: 'O',
  Ρ: 'P',
  Τ: 'T',
  Υ: 'Y',
  Χ: 'X',
};

/** Small letters (after lower-casing) that look like Latin ones; digits and strokes that look like letters. */
const SMALL: Record<string, string> = {
  // Cyrillic
  а: 'a',
  е: 'e',
  і: 'l',
  ј: 'j',
  к: 'k',
  о: 'o',
  р: 'p',
  с: 'c',
  у: 'y',
  х: 'x',
  ѕ: 's',
  ԁ: 'd',
  ԛ: 'q',
  ԝ: 'w',
  һ: 'h',
  ӏ: 'l',
  // Greek
  α: 'a',
  γ: 'y',
  ι: 'l',
  κ: 'k',
  ν: 'v',
  ο: 'o',
  ρ: 'p',
  υ: 'u',
  χ: 'x',
  // Armenian
  հ: 'h',
  ո: 'n',
  ս: 'u',
  օ: 'o',
  // Latin letters and other characters that pass for another Latin letter
  ı: 'l',
  ɡ: 'g',
  ǀ: 'l',
  '|': 'l',
  // Capital I and small l are one shape in many typefaces, and 1 is close: all three are "l".
  i: 'l',
  '1': 'l',
  '0': 'o',
};

const map = (text: string, table: Record<string, string>) => Array.from(text, (char) => table[char] ?? char).join('');

/**
 * A key under which names that look alike are equal: compatibility forms unified (NFKC, so "ＣＡＴＬ"
 * is "CATL"), case and accents ignored, look-alike letters of other scripts mapped to Latin,
 * spaces, punctuation, symbols and invisible characters dropped. Empty for a name of punctuation only.
 */
export function skeleton(name: string): string {
  let text = map(name.normalize('NFKC'), CAPITALS).toLowerCase().replace(/ß/g, 'ss').replace(/ς/g, 'σ');
  // Accents of Latin, Greek and Cyrillic letters (other scripts' marks are letters' own parts, kept).
  text = text.normalize('NFD').replace(/[\u0300-\u036f]/g, '');
  text = map(text, SMALL);
  text = text.replace(/[\p{P}\p{S}\p{Z}\p{C}\p{Default_Ignorable_Code_Point}\p{Variation_Selector}]/gu, '');
  return text.replace(/rn/g, 'm').replace(/vv/g, 'w').normalize('NFC');
}
