import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { inflateSync } from 'node:zlib';

/**
 * The fonts of link-preview cards and which one draws each character. All come from @fontsource
 * packages (no network, no system fonts): Inter for Latin, Greek and Cyrillic, and Noto Sans SC,
 * KR and JP for Chinese, Korean and Japanese. Fontsource splits every font into files by unicode
 * range, the way Google Fonts serves them, so a card loads only the few files (each 10–50 KB)
 * that hold the characters it shows, rather than whole CJK fonts of several megabytes.
 *
 * Plain Node runs this file (the card workers load it without a bundler): relative imports name
 * their `.ts` file, and only types come from modules that are not plain-Node-safe.
 */

/** The font families of cards, in the order they are tried for a character. */
export const FONT_FAMILIES = {
  inter: { package: '@fontsource/inter', file: 'inter' },
  sc: { package: '@fontsource/noto-sans-sc', file: 'noto-sans-sc' },
  kr: { package: '@fontsource/noto-sans-kr', file: 'noto-sans-kr' },
  jp: { package: '@fontsource/noto-sans-jp', file: 'noto-sans-jp' },
} as const;

/** One of {@link FONT_FAMILIES}. */
export type FamilyId = keyof typeof FONT_FAMILIES;

/** Weights cards use: regular for running text, bold for titles, labels and the site name. */
export type Weight = 400 | 700;

/** One font file: the glyphs of one family for one unicode range (a fontsource "subset"), at one weight. */
export interface Face {
  family: FamilyId;
  /** The fontsource subset: `latin`, `latin-ext`, or a numbered CJK slice such as `114`. */
  subset: string;
  weight: Weight;
}

/** A run of text that one face draws. */
export interface Piece {
  text: string;
  face: Face;
}

/** The family name a face is registered under with the canvas, unique per file. */
export function faceName(face: Face): string {
  return `og-${face.family}-${face.subset}-${face.weight}`;
}

/** The fontsource file of a face, relative to its package folder. */
export function faceFile(face: Face): string {
  return `files/${FONT_FAMILIES[face.family].file}-${face.subset}-${face.weight}-normal.woff`;
}

/**
 * Drawn in place of a character no card font has: a white square (none of the fonts has the
 * replacement character U+FFFD; the CJK fonts have this), as browsers draw a box.
 */
export const MISSING = '\u25A1';

const KANA = /[\u3040-\u30ff\u31f0-\u31ff\uff66-\uff9f]/u;
const HANGUL = /[\u1100-\u11ff\u3130-\u318f\ua960-\ua97f\uac00-\ud7af\ud7b0-\ud7ff]/u;
/** Where a phrase ends, for choosing its CJK font: "Acme, 宁德时代, トヨタ自動車" has three. */
const PHRASE_END = /[,;:|/()[\]{}<>·•、，；：（）]/u;
/** Marks that belong to the character before them and must be drawn with its font. */
const JOINS_PREVIOUS = /[\p{M}\u200c\u200d\ufe00-\ufe0f]/u;

/**
 * The order in which the CJK families are tried for a phrase: Japanese first when it has kana,
 * Korean first when it has hangul, Chinese otherwise (Han characters look slightly different in
 * each, and a Japanese or Korean name written only in Han characters cannot be told apart).
 */
export function cjkOrder(phrase: string): FamilyId[] {
  if (KANA.test(phrase)) return ['jp', 'sc', 'kr'];
  if (HANGUL.test(phrase)) return ['kr', 'sc', 'jp'];
  return ['sc', 'jp', 'kr'];
}

/** Code point ranges per subset of one family, as fontsource's unicode.json lists them. */
type Coverage = { subset: string; ranges: number[] }[];

/** Parses a CSS unicode-range list: "U+0000-00FF,U+0131" → [0, 0xff, 0x131, 0x131]. */
export function parseUnicodeRange(list: string): number[] {
  const ranges: number[] = [];
  for (const part of list.split(',')) {
    const match = /^\s*U\+([0-9a-f]+)(?:-([0-9a-f]+))?\s*$/i.exec(part);
    if (!match) throw new Error(`Unexpected unicode-range "${part}" in a fontsource unicode.json.`);
    const low = parseInt(match[1]!, 16);
    ranges.push(low, match[2] ? parseInt(match[2], 16) : low);
  }
  return ranges;
}

/**
 * The code points a WOFF (1.0) font file has glyphs for, read from its `cmap` table (the Unicode
 * subtable: format 12, or format 4). Fontsource's unicode ranges say which file to try; this says
 * whether the font really has the character, so no character is left to the machine's fonts.
 */
export function woffCodePoints(woff: Buffer): Set<number> {
  if (woff.toString('latin1', 0, 4) !== 'wOFF') throw new Error('Not a WOFF font file.');
  let cmap: Buffer | undefined;
  for (let i = 0, at = 44; i < woff.readUInt16BE(12); i++, at += 20) {
    if (woff.toString('latin1', at, at + 4) !== 'cmap') continue;
    const [offset, compressed, length] = [
      woff.readUInt32BE(at + 4),
      woff.readUInt32BE(at + 8),
      woff.readUInt32BE(at + 12),
    ];
    const data = woff.subarray(offset, offset + compressed);
    cmap = compressed < length ? inflateSync(data) : data;
  }
  if (!cmap) throw new Error('The font file has no cmap table.');
  const subtables = new Map<string, number>();
  for (let i = 0; i < cmap.readUInt16BE(2); i++) {
    const at = 4 + i * 8;
    subtables.set(`${cmap.readUInt16BE(at)}.${cmap.readUInt16BE(at + 2)}`, cmap.readUInt32BE(at + 4));
  }
  const points = new Set<number>();
  const wide = subtables.get('3.10') ?? subtables.get('0.4') ?? subtables.get('0.6');
  if (wide !== undefined && cmap.readUInt16BE(wide) === 12) {
    for (let g = 0, at = wide + 16; g < cmap.readUInt32BE(wide + 12); g++, at += 12) {
      for (let cp = cmap.readUInt32BE(at); cp <= cmap.readUInt32BE(at + 4); cp++) points.add(cp);
    }
    return points;
  }
  const table = subtables.get('3.1') ?? subtables.get('0.3') ?? subtables.get('0.4');
  if (table === undefined || cmap.readUInt16BE(table) !== 4) throw new Error('The font file has no Unicode cmap.');
  const segments = cmap.readUInt16BE(table + 6) / 2;
  const ends = table + 14;
  const starts = ends + segments * 2 + 2;
  const deltas = starts + segments * 2;
  const offsets = deltas + segments * 2;
  for (let s = 0; s < segments; s++) {
    const [start, end] = [cmap.readUInt16BE(starts + s * 2), cmap.readUInt16BE(ends + s * 2)];
    const [delta, rangeOffset] = [cmap.readUInt16BE(deltas + s * 2), cmap.readUInt16BE(offsets + s * 2)];
    for (let cp = start; cp <= end && cp !== 0xffff; cp++) {
      const glyph = rangeOffset
        ? cmap.readUInt16BE(offsets + s * 2 + rangeOffset + (cp - start) * 2)
        : (cp + delta) & 0xffff;
      if (glyph !== 0) points.add(cp);
    }
  }
  return points;
}

/**
 * The card fonts of a project: where their files are, which characters each file has, and which
 * file draws each run of a text. `root` is the project folder (its node_modules has the fonts).
 */
export class CardFonts {
  readonly #folders = new Map<FamilyId, string>();
  readonly #coverage = new Map<FamilyId, Coverage>();
  /** Code points each font file has, by family and subset (the same at every weight). */
  readonly #cmaps = new Map<string, Set<number>>();
  /** Subset of each family that has a code point (null: none), memoised per code point. */
  readonly #subsets = new Map<FamilyId, Map<number, string | null>>();

  /** The project folder. */
  readonly root: string;

  constructor(root: string) {
    this.root = root;
    const require = createRequire(join(root, 'package.json'));
    for (const [family, { package: name }] of Object.entries(FONT_FAMILIES) as [FamilyId, { package: string }][]) {
      this.#folders.set(family, dirname(require.resolve(`${name}/package.json`)));
    }
  }

  /** The installed version of each family's package, for cache keys. */
  versions(): Record<FamilyId, string> {
    const versions = {} as Record<FamilyId, string>;
    for (const [family, folder] of this.#folders) {
      versions[family] = (
        JSON.parse(readFileSync(join(folder, 'package.json'), 'utf8')) as { version: string }
      ).version;
    }
    return versions;
  }

  /** The absolute path of a face's font file. */
  path(face: Face): string {
    return join(this.#folders.get(face.family)!, faceFile(face));
  }

  #coverageOf(family: FamilyId): Coverage {
    let coverage = this.#coverage.get(family);
    if (!coverage) {
      const json = JSON.parse(readFileSync(join(this.#folders.get(family)!, 'unicode.json'), 'utf8')) as Record<
        string,
        string
      >;
      // Where subsets overlap, the later one wins, as with CSS @font-face rules (Inter's `latin`
      // comes last and has the common combining marks).
      coverage = Object.entries(json)
        .map(([key, list]) => ({ subset: key.replace(/^\[(\d+)\]$/, '$1'), ranges: parseUnicodeRange(list) }))
        .reverse();
      this.#coverage.set(family, coverage);
    }
    return coverage;
  }

  /** The face that draws {@link MISSING}. */
  #missing(weight: Weight): Face {
    for (const family of Object.keys(FONT_FAMILIES) as FamilyId[]) {
      const subset = this.subsetOf(family, MISSING.codePointAt(0)!);
      if (subset) return { family, subset, weight };
    }
    throw new Error(`No card font has ${MISSING}, drawn for characters no font has.`);
  }

  #cmap(family: FamilyId, subset: string): Set<number> {
    const key = `${family} ${subset}`;
    let points = this.#cmaps.get(key);
    if (!points) {
      points = woffCodePoints(readFileSync(this.path({ family, subset, weight: 400 })));
      this.#cmaps.set(key, points);
    }
    return points;
  }

  /** The subset of `family` that has a glyph for code point `cp`, or undefined. */
  subsetOf(family: FamilyId, cp: number): string | undefined {
    let memo = this.#subsets.get(family);
    if (!memo) this.#subsets.set(family, (memo = new Map()));
    let subset = memo.get(cp);
    if (subset === undefined) {
      subset = null;
      for (const { subset: name, ranges } of this.#coverageOf(family)) {
        for (let i = 0; i < ranges.length; i += 2) {
          if (cp >= ranges[i]! && cp <= ranges[i + 1]!) {
            if (this.#cmap(family, name).has(cp)) subset = name;
            break;
          }
        }
        if (subset) break;
      }
      memo.set(cp, subset);
    }
    return subset ?? undefined;
  }

  /**
   * `text` cut into runs that one font file each draws: Inter wherever it has the character, then
   * the CJK family the phrase calls for (see {@link cjkOrder}), then the others. A character no
   * family has (in its font files, not just in fontsource's unicode ranges, which claim more) is
   * drawn as {@link MISSING}, never left to whatever fonts the machine has installed, so a card
   * looks the same on every machine.
   */
  pieces(text: string, weight: Weight): Piece[] {
    const pieces: Piece[] = [];
    let order: FamilyId[] | undefined;
    let phraseStart = 0;
    const chars = [...text];
    for (let i = 0; i < chars.length; i++) {
      let char = chars[i]!;
      if (i === 0 || PHRASE_END.test(chars[i - 1]!)) {
        phraseStart = i;
        order = undefined;
      }
      const last = pieces.at(-1);
      if (last && JOINS_PREVIOUS.test(char)) {
        last.text += char;
        continue;
      }
      const cp = char.codePointAt(0)!;
      let face: Face | undefined;
      const inter = this.subsetOf('inter', cp);
      if (inter) face = { family: 'inter', subset: inter, weight };
      else {
        if (!order) {
          let end = phraseStart;
          while (end < chars.length && !PHRASE_END.test(chars[end]!)) end++;
          order = cjkOrder(chars.slice(phraseStart, end).join(''));
        }
        for (const family of order) {
          const subset = this.subsetOf(family, cp);
          if (subset) {
            face = { family, subset, weight };
            break;
          }
        }
      }
      if (!face) {
        char = MISSING;
        face = this.#missing(weight);
      }
      if (last && sameFace(last.face, face)) last.text += char;
      else pieces.push({ text: char, face });
    }
    return pieces;
  }
}

/** True when two faces are the same font file. */
export function sameFace(a: Face, b: Face): boolean {
  return a.family === b.family && a.subset === b.subset && a.weight === b.weight;
}
