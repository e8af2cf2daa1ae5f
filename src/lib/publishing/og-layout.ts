import type { OgCard } from './og-card.ts';
import { sameFace, type Face, type Piece, type Weight } from './og-fonts.ts';

/**
 * Where everything on a link-preview card goes: a hand layout of the card's one design (type and
 * kicker line, big title, lede or quote with speaker, up to four facts, date, site name footer),
 * as a list of rectangles and runs of text with their font file and position. Text wraps at word
 * breaks (and between CJK characters); what still does not fit ends in "…", so nothing overflows.
 * Pure: the fonts and their measurements come in through a {@link TextEngine}. Plain Node runs it.
 */

/** Size of preview images, in pixels (the size Open Graph and Twitter cards expect). */
export const OG_WIDTH = 1200;
export const OG_HEIGHT = 630;

/** The card's one palette. */
export const COLORS = {
  background: '#14171f',
  text: '#f5f7fa',
  muted: '#aab3c2',
  accent: '#8fa8ff',
  rule: '#323a4d',
} as const;

/** Ends a line of text cut short. */
export const ELLIPSIS = '…';

/** What the layout needs to know about fonts: which file draws what, and how wide text is. */
export interface TextEngine {
  /** `text` in runs that one font file each draws. */
  pieces(text: string, weight: Weight): Piece[];
  /** Width in pixels of `text` drawn with `face` at `size` px, `letterSpacing` px after each character. */
  measure(text: string, face: Face, size: number, letterSpacing: number): number;
}

/** How a block of text is set. */
export interface TextStyle {
  size: number;
  weight: Weight;
  color: string;
  /** Line height as a multiple of the size. */
  lineHeight: number;
  /** Pixels after each character. */
  letterSpacing?: number;
}

/** A run of text at its place on a line. */
export interface Run extends Piece {
  /** Offset from the line's start, in pixels. */
  x: number;
  width: number;
}

/** One line of wrapped text. */
export interface Line {
  runs: Run[];
  width: number;
}

/** Text as {@link wrap} sets it: its lines, and whether it was cut short (and so ends in "…"). */
export interface Wrapped {
  lines: Line[];
  truncated: boolean;
}

/** A filled rectangle. */
export interface RectOp {
  kind: 'rect';
  x: number;
  y: number;
  width: number;
  height: number;
  color: string;
}

/** A run of text, `y` at its baseline. */
export interface TextOp {
  kind: 'text';
  text: string;
  face: Face;
  size: number;
  letterSpacing: number;
  color: string;
  x: number;
  y: number;
}

/** One thing to draw, in order. */
export type DrawOp = RectOp | TextOp;

// Inter's vertical metrics (hhea ascender 1984, descender −494, 2048 units per em): line boxes
// are set as CSS sets them with Inter as the first font, whatever font draws a run.
const ASCENT = 1984 / 2048;
const DESCENT = 494 / 2048;
/** CSS `line-height: normal` for Inter. */
const NORMAL = ASCENT + DESCENT;

/** A character (with any marks that go with it) and the font file that draws it. */
interface Cluster {
  text: string;
  face: Face;
}

const SPACE = /^\s$/u;
const CJK = /[\u1100-\u11ff\u2e80-\u9fff\ua960-\ua97f\uac00-\ud7ff\uf900-\ufaff\uff00-\uffef\u{20000}-\u{3ffff}]/u;
/** Characters a line must not start with (closing marks), or end with (opening marks). */
const NO_START = /^[)\]}»”’、。，．・：；？！）」』】〕〉》ー々〜…‥,.:;!?%]/u;
const NO_END = /^[([{«“‘（「『【〔〈《]/u;
const HYPHEN = /^[-‐–—/]$/u;
const WORD = /^[\p{L}\p{N}]/u;

/** `pieces` as clusters: each character with the marks after it. */
function clusters(pieces: Piece[]): Cluster[] {
  const out: Cluster[] = [];
  for (const piece of pieces) {
    for (const text of piece.text.match(/\P{M}\p{M}*|\p{M}+/gu) ?? []) out.push({ text, face: piece.face });
  }
  return out;
}

/** True when a line may break between clusters `a` and `b` (Unicode line breaking, simplified). */
export function canBreak(a: string, b: string, beforeA = ''): boolean {
  if (SPACE.test(b) || NO_START.test(b) || NO_END.test(a)) return false;
  if (SPACE.test(a)) return true;
  if (HYPHEN.test(a)) return WORD.test(beforeA) && WORD.test(b);
  return CJK.test(a) || CJK.test(b);
}

/** Consecutive clusters of one font file, as runs placed one after another. */
function runsOf(items: Cluster[], style: TextStyle, engine: TextEngine): Line {
  const runs: Run[] = [];
  let x = 0;
  const flush = (text: string, face: Face) => {
    const width = engine.measure(text, face, style.size, style.letterSpacing ?? 0);
    runs.push({ text, face, x, width });
    x += width;
  };
  let text = '';
  let face: Face | undefined;
  for (const item of items) {
    if (face && item.face !== face && !sameFace(item.face, face)) {
      flush(text, face);
      text = '';
    }
    face = item.face;
    text += item.text;
  }
  if (face && text) flush(text, face);
  return { runs, width: x };
}

function trimEnd(items: Cluster[]): Cluster[] {
  let end = items.length;
  while (end > 0 && SPACE.test(items[end - 1]!.text)) end--;
  return items.slice(0, end);
}

/**
 * `items` (one line's worth or more) cut to fit `maxWidth` with "…" at the end: drops characters
 * from the end, and the spaces before the cut, until the rest and the ellipsis fit.
 */
function ellipsize(items: Cluster[], maxWidth: number, style: TextStyle, engine: TextEngine): Line {
  const [mark] = engine.pieces(ELLIPSIS, style.weight);
  const tail: Cluster = { text: ELLIPSIS, face: mark!.face };
  // Binary search for the longest prefix that fits with the ellipsis (or nothing, when not even
  // the ellipsis fits).
  let low = 0;
  let high = items.length;
  let best: Line = { runs: [], width: 0 };
  const alone = runsOf([tail], style, engine);
  if (alone.width <= maxWidth) best = alone;
  else return best;
  while (low < high) {
    const mid = Math.ceil((low + high) / 2);
    const line = runsOf([...trimEnd(items.slice(0, mid)), tail], style, engine);
    if (line.width <= maxWidth) {
      best = line;
      low = mid;
    } else high = mid - 1;
  }
  return best;
}

/**
 * Sets `text` in lines at most `maxWidth` wide, at most `maxLines` of them: breaks after spaces
 * and hyphens and between CJK characters, breaks a word only when it alone is too wide, and ends
 * the last line with "…" when the text does not fit. Whitespace runs collapse to one space and
 * control characters are dropped.
 */
export function wrap(text: string, style: TextStyle, maxWidth: number, maxLines: number, engine: TextEngine): Wrapped {
  const normalised = text
    .normalize('NFC')
    .replace(/\s+/gu, ' ')
    .replace(/\p{Cc}/gu, '')
    .trim();
  if (!normalised || maxLines < 1) return { lines: [], truncated: normalised.length > 0 };
  const items = clusters(engine.pieces(normalised, style.weight));
  const widths = new Map<string, number>();
  /** Width of a word, measured on its own (cached: words repeat across sizes and lines). */
  const wordWidth = (word: Cluster[]) => {
    const key = word.map((c) => c.text).join('');
    let width = widths.get(key);
    if (width === undefined) widths.set(key, (width = runsOf(word, style, engine).width));
    return width;
  };

  // Words: clusters between break opportunities; trailing spaces belong to the word before them.
  const words: Cluster[][] = [];
  let word: Cluster[] = [];
  for (let i = 0; i < items.length; i++) {
    if (word.length && canBreak(items[i - 1]!.text, items[i]!.text, items[i - 2]?.text)) {
      words.push(word);
      word = [];
    }
    word.push(items[i]!);
  }
  if (word.length) words.push(word);

  const lines: Cluster[][] = [];
  let line: Cluster[] = [];
  let width = 0;
  const push = () => {
    lines.push(line);
    line = [];
    width = 0;
  };
  for (let w = 0; w < words.length; w++) {
    let current = words[w]!;
    const ink = wordWidth(trimEnd(current));
    if (line.length && width + ink > maxWidth) push();
    if (!line.length && ink > maxWidth) {
      // A word wider than a line on its own: break it between characters.
      let start = 0;
      for (let end = 1; end <= current.length; end++) {
        if (runsOf(current.slice(start, end), style, engine).width > maxWidth && end - 1 > start) {
          line = current.slice(start, end - 1);
          push();
          start = end - 1;
        }
      }
      current = current.slice(start);
    }
    line.push(...current);
    width += wordWidth(current);
    if (lines.length > maxLines) break;
  }
  if (line.length) push();

  const truncated = lines.length > maxLines;
  const kept = lines.slice(0, maxLines);
  const result: Line[] = kept.map((items) => runsOf(trimEnd(items), style, engine));
  // Words are measured one by one; measured as whole runs, a line can come out a hair wider.
  const last = result.length - 1;
  if (truncated) result[last] = ellipsize(kept[last]!, maxWidth, style, engine);
  for (let i = 0; i < result.length; i++) {
    if (result[i]!.width > maxWidth) {
      result[i] = ellipsize(kept[i]!, maxWidth, style, engine);
      if (i === last) return { lines: result, truncated: true };
    }
  }
  return { lines: result, truncated };
}

/** Height in pixels of one line of a style. */
export function lineHeight(style: TextStyle): number {
  return style.size * style.lineHeight;
}

/** The ops that draw wrapped lines whose first line box starts at `top`, all starting at `x`. */
function textOps(wrapped: Wrapped, style: TextStyle, x: number, top: number): TextOp[] {
  const height = lineHeight(style);
  const baseline = (height - NORMAL * style.size) / 2 + ASCENT * style.size;
  return wrapped.lines.flatMap((line, i) =>
    line.runs.map((run): TextOp => ({
      kind: 'text',
      text: run.text,
      face: run.face,
      size: style.size,
      letterSpacing: style.letterSpacing ?? 0,
      color: style.color,
      x: x + run.x,
      y: top + i * height + baseline,
    })),
  );
}

/** Font size a title starts at, by its length (it shrinks further when it does not fit). */
export function titleSize(text: string): number {
  const length = [...text].length;
  if (length <= 30) return 76;
  if (length <= 60) return 64;
  if (length <= 100) return 52;
  return 44;
}

/** Font size the words of a quote start at, by their length. */
export function quoteSize(text: string): number {
  const length = [...text].length;
  if (length <= 80) return 52;
  if (length <= 160) return 42;
  return 34;
}

const TITLE_SIZES = [76, 64, 52, 44];
const QUOTE_SIZES = [52, 42, 34];

// The frame: an accent stripe on the left, then a padded column.
const STRIPE = 16;
const LEFT = STRIPE + 64;
const RIGHT = OG_WIDTH - 64;
const WIDTH = RIGHT - LEFT;
const TOP = 56;
const BOTTOM = OG_HEIGHT - 48;

const TYPE: TextStyle = { size: 26, weight: 700, color: COLORS.accent, lineHeight: NORMAL, letterSpacing: 3 };
const KICKER: TextStyle = { size: 26, weight: 400, color: COLORS.muted, lineHeight: NORMAL, letterSpacing: 1 };
const LEDE: TextStyle = { size: 28, weight: 400, color: COLORS.muted, lineHeight: 1.4 };
const DATE: TextStyle = { size: 30, weight: 400, color: COLORS.muted, lineHeight: NORMAL };
const SPEAKER: TextStyle = { size: 28, weight: 400, color: COLORS.muted, lineHeight: NORMAL };
const LABEL: TextStyle = { size: 26, weight: 400, color: COLORS.muted, lineHeight: 1.5 };
const VALUE: TextStyle = { ...LABEL, color: COLORS.text };
const SITE: TextStyle = { size: 24, weight: 700, color: COLORS.text, lineHeight: NORMAL };
const title = (size: number): TextStyle => ({ size, weight: 700, color: COLORS.text, lineHeight: 1.15 });
const quote = (size: number): TextStyle => ({ size, weight: 700, color: COLORS.text, lineHeight: 1.3 });

/** Width of the facts' label column. */
const LABEL_COLUMN = 250;
/** Space kept between the body and what is below it (facts, or the footer's rule). */
const BODY_GAP = 24;

/**
 * Sets `text` at the first of `sizes` (from `start` down) at which it fits in `maxLines` lines
 * and `maxHeight` pixels, or at the smallest, cut short.
 */
function fitSize(
  text: string,
  sizes: number[],
  start: number,
  style: (size: number) => TextStyle,
  maxLines: number,
  maxHeight: number,
  engine: TextEngine,
): { wrapped: Wrapped; style: TextStyle } {
  const candidates = sizes.filter((size) => size <= start);
  let fitted: { wrapped: Wrapped; style: TextStyle } | undefined;
  for (const size of candidates.length ? candidates : sizes.slice(-1)) {
    const s = style(size);
    const lines = Math.max(1, Math.min(maxLines, Math.floor(maxHeight / lineHeight(s))));
    fitted = { wrapped: wrap(text, s, WIDTH, lines, engine), style: s };
    if (!fitted.wrapped.truncated) break;
  }
  return fitted!;
}

/**
 * What to draw for a card, in order. Everything stays inside its box: the header and footer one
 * line each, facts one line per fact, and the body (title, lede, date, or quote and speaker) in
 * the space between, where the title shrinks through a few sizes before it is cut short.
 */
export function layoutCard(card: OgCard, engine: TextEngine): DrawOp[] {
  const ops: DrawOp[] = [
    { kind: 'rect', x: 0, y: 0, width: OG_WIDTH, height: OG_HEIGHT, color: COLORS.background },
    { kind: 'rect', x: 0, y: 0, width: STRIPE, height: OG_HEIGHT, color: COLORS.accent },
  ];

  // Header: the type in capitals, then " · kicker", on one line.
  const type = wrap(card.type.toUpperCase(), TYPE, WIDTH, 1, engine);
  ops.push(...textOps(type, TYPE, LEFT, TOP));
  if (card.kicker) {
    // The type's width ends in its letter spacing; a little more keeps the two apart.
    const start = (type.lines[0]?.width ?? 0) + 4;
    const kicker = wrap(`· ${card.kicker}`, KICKER, WIDTH - start, 1, engine);
    ops.push(...textOps(kicker, KICKER, LEFT + start, TOP));
  }
  const headerBottom = TOP + lineHeight(TYPE);

  // Footer: a rule, then the site's name.
  const siteTop = BOTTOM - lineHeight(SITE);
  const ruleTop = siteTop - 20 - 2;
  ops.push({ kind: 'rect', x: LEFT, y: ruleTop, width: WIDTH, height: 2, color: COLORS.rule });
  ops.push(...textOps(wrap(card.site, SITE, WIDTH, 1, engine), SITE, LEFT, siteTop));

  // Facts, bottom-aligned above the footer: label column, then the value on the rest of the line.
  const facts = card.facts.slice(0, 4);
  const row = lineHeight(LABEL);
  const factsTop = ruleTop - 28 - facts.length * row;
  facts.forEach((fact, i) => {
    const top = factsTop + i * row;
    ops.push(...textOps(wrap(fact.label, LABEL, LABEL_COLUMN - 16, 1, engine), LABEL, LEFT, top));
    ops.push(...textOps(wrap(fact.value, VALUE, WIDTH - LABEL_COLUMN, 1, engine), VALUE, LEFT + LABEL_COLUMN, top));
  });
  const bodyBottom = (facts.length ? factsTop : ruleTop) - BODY_GAP;

  if (card.quote) {
    // The words in quotation marks, as large as fits with the speaker below them.
    let top = headerBottom + 36;
    const speakerRoom = 28 + 2 * lineHeight(SPEAKER);
    const words = fitSize(
      `“${card.quote.text}”`,
      QUOTE_SIZES,
      quoteSize(card.quote.text),
      quote,
      6,
      bodyBottom - top - speakerRoom,
      engine,
    );
    ops.push(...textOps(words.wrapped, words.style, LEFT, top));
    top += words.wrapped.lines.length * lineHeight(words.style) + 28;
    const lines = Math.min(2, Math.floor((bodyBottom - top) / lineHeight(SPEAKER)));
    ops.push(...textOps(wrap(`— ${card.quote.speaker}`, SPEAKER, WIDTH, lines, engine), SPEAKER, LEFT, top));
    return ops;
  }

  // Title, then the lede and the date in whatever room is left.
  let top = headerBottom + 28;
  const heading = fitSize(card.title, TITLE_SIZES, titleSize(card.title), title, 3, bodyBottom - top, engine);
  ops.push(...textOps(heading.wrapped, heading.style, LEFT, top));
  top += heading.wrapped.lines.length * lineHeight(heading.style);
  for (const [text, style, margin, maxLines] of [
    [card.lede, LEDE, 20, 2],
    [card.date, DATE, 24, 1],
  ] as const) {
    if (!text) continue;
    const lines = Math.min(maxLines, Math.floor((bodyBottom - top - margin) / lineHeight(style)));
    if (lines < 1) continue;
    const wrapped = wrap(text, style, WIDTH, lines, engine);
    ops.push(...textOps(wrapped, style, LEFT, top + margin));
    top += margin + wrapped.lines.length * lineHeight(style);
  }
  return ops;
}
