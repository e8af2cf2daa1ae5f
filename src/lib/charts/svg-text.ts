import { clip, isolate } from '../values/text';

/**
 * Text inside a chart's SVG: SVG does not wrap text, so the chart models measure and break it
 * themselves, from an estimate of each character's width (no font files are read at build time).
 */

/** Wide characters (CJK, Hangul, full-width forms) take about one em; others about 0.6 em. */
const WIDE = /[\u1100-\u115f\u2e80-\ua4cf\uac00-\ud7a3\uf900-\ufaff\ufe30-\ufe4f\uff00-\uff60\uffe0-\uffe6]/u;

/** Estimated width of `text` set at `size` px, in px. */
export function textWidth(text: string, size: number): number {
  let em = 0;
  for (const char of text) em += WIDE.test(char) ? 1 : /[\u2068\u2069]/.test(char) ? 0 : 0.6;
  return em * size;
}

/** How many 0.6 em characters fit in `width` px at `size` px. */
function charsIn(width: number, size: number): number {
  return Math.max(4, Math.floor(width / (size * 0.6)));
}

/** `text` shortened with "…" until its estimated width fits `width` px at `size` px. */
export function fitText(text: string, width: number, size: number): string {
  let max = charsIn(width, size);
  let fitted = clip(text, max);
  while (textWidth(fitted, size) > width && max > 4) fitted = clip(text, --max);
  return fitted;
}

/**
 * `text` broken at spaces into at most `lines` lines that each fit `width` px at `size` px; the
 * last line ends in "…" when the text is longer. Each line is isolated (U+2068…U+2069), the
 * plain-text `<bdi>`, so a right-to-left name cannot reorder the text around it.
 */
export function wrapText(text: string, width: number, size: number, lines = 2): string[] {
  const words = text.replace(/\s+/g, ' ').trim().split(' ');
  const out: string[] = [];
  let line = '';
  let i = 0;
  for (; i < words.length && out.length < lines; i++) {
    const next = line ? `${line} ${words[i]}` : words[i]!;
    if (!line || textWidth(next, size) <= width) {
      line = next;
      continue;
    }
    out.push(line);
    line = words[i]!;
  }
  if (out.length < lines && line) {
    out.push(line);
    line = '';
  }
  const rest = [line, ...words.slice(i)].filter(Boolean).join(' ');
  if (rest) out[out.length - 1] = `${out[out.length - 1]} ${rest}`;
  return out.map((l, n) => isolate(n === out.length - 1 || textWidth(l, size) > width ? fitText(l, width, size) : l));
}

/** A number rounded to one decimal, so coordinates stay short in the SVG. */
export function round(n: number): number {
  return Math.round(n * 10) / 10;
}
