import { describe, expect, test } from 'vitest';
import type { OgCard } from '../../../src/lib/publishing/og-card';
import { CardDrawer } from '../../../src/lib/publishing/og-draw';
import { CardFonts, type Face, type Weight } from '../../../src/lib/publishing/og-fonts';
import {
  canBreak,
  ELLIPSIS,
  layoutCard,
  OG_HEIGHT,
  OG_WIDTH,
  quoteSize,
  titleSize,
  wrap,
  type TextEngine,
  type TextOp,
  type TextStyle,
} from '../../../src/lib/publishing/og-layout';
import { benchCards } from '../../../scripts/bench/og-cards';
import { PROJECT_ROOT } from '../../../scripts/lib/build-site.ts';

const fonts = new CardFonts(PROJECT_ROOT);

/** Real font choice, and every character (CJK too) exactly half the size wide: easy to reason about. */
const monospace: TextEngine = {
  pieces: (text: string, weight: Weight) => fonts.pieces(text, weight),
  measure: (text: string, _face: Face, size: number, letterSpacing: number) =>
    [...text].length * (size / 2 + letterSpacing),
};

const style: TextStyle = { size: 20, weight: 400, color: '#fff', lineHeight: 1.2 };
/** Lines of a wrapped text, as strings. */
const lines = (text: string, maxWidth: number, maxLines: number) =>
  wrap(text, style, maxWidth, maxLines, monospace).lines.map((line) => line.runs.map((r) => r.text).join(''));

describe('wrap', () => {
  test('breaks after spaces, keeping every line within the width', () => {
    // 10 px a character: 100 px hold 10 characters.
    expect(lines('the quick brown fox jumps over', 100, 5)).toEqual(['the quick', 'brown fox', 'jumps over']);
    for (const line of wrap('the quick brown fox jumps over', style, 100, 5, monospace).lines) {
      expect(line.width).toBeLessThanOrEqual(100);
    }
  });

  test('collapses whitespace and breaks after hyphens inside words', () => {
    expect(lines('  long-term \n\t deal ', 60, 5)).toEqual(['long-', 'term', 'deal']);
  });

  test('breaks between CJK characters, where there are no spaces', () => {
    expect(lines('宁德时代新能源科技', 40, 5)).toEqual(['宁德时代', '新能源科', '技']);
    // …but not before closing punctuation.
    expect(lines('宁德时代。新能源', 40, 5)).toEqual(['宁德时', '代。新能', '源']);
  });

  test('breaks a word wider than a line between its characters', () => {
    expect(lines('abcdefghijklmnop', 50, 5)).toEqual(['abcde', 'fghij', 'klmno', 'p']);
  });

  test('text that does not fit ends in an ellipsis on the last line, within the width', () => {
    const wrapped = wrap('the quick brown fox jumps over the lazy dog', style, 100, 2, monospace);
    expect(wrapped.truncated).toBe(true);
    const text = wrapped.lines.map((line) => line.runs.map((r) => r.text).join(''));
    expect(text).toEqual(['the quick', `brown fox${ELLIPSIS}`]);
    expect(wrapped.lines.at(-1)!.width).toBeLessThanOrEqual(100);
    // A full last line gives up characters for the ellipsis (and the space before the cut).
    expect(lines('aaaa bbbbb ccccc', 100, 1)).toEqual([`aaaa bbbb${ELLIPSIS}`]);
    expect(lines('aaaa bbbbbbbbbb', 60, 1)).toEqual([`aaaa${ELLIPSIS}`]);
  });

  test('in a space too narrow even for the ellipsis, draws nothing', () => {
    expect(wrap('anything', style, 5, 1, monospace)).toEqual({ lines: [{ runs: [], width: 0 }], truncated: true });
  });

  test('drops control characters', () => {
    expect(lines('a\u0007b\u0000c', 100, 1)).toEqual(['abc']);
  });

  test('text that fits is not marked truncated; empty text has no lines', () => {
    expect(wrap('fits', style, 100, 1, monospace)).toMatchObject({ truncated: false });
    expect(wrap('   ', style, 100, 1, monospace)).toEqual({ lines: [], truncated: false });
  });

  test('runs sit one after another, each in the font file that draws it', () => {
    const [line] = wrap('CATL 宁德时代', style, 1000, 1, monospace).lines;
    expect(line!.runs[0]).toMatchObject({ text: 'CATL ', x: 0, width: 50, face: { family: 'inter' } });
    expect(line!.runs.slice(1).every((r) => r.face.family === 'sc')).toBe(true);
    expect(line!.runs.at(-1)!.x + line!.runs.at(-1)!.width).toBe(line!.width);
    expect(line!.width).toBe(90);
  });
});

describe('canBreak', () => {
  test.each([
    ['a', ' ', false],
    [' ', 'b', true],
    ['a', 'b', false],
    ['宁', '德', true],
    ['a', '宁', true],
    ['代', '。', false],
    ['（', '宁', false],
  ])('between %j and %j: %s', (a, b, expected) => expect(canBreak(a, b)).toBe(expected));
});

test('titles and quotes start smaller the longer they are', () => {
  expect(titleSize('CATL')).toBeGreaterThan(titleSize('x'.repeat(90)));
  expect(quoteSize('short')).toBeGreaterThan(quoteSize('x'.repeat(200)));
});

const drawer = new CardDrawer(PROJECT_ROOT);
const card: OgCard = {
  type: 'Company',
  kicker: 'Cell maker · China',
  title: 'CATL',
  lede: 'World’s largest maker of electric-vehicle batteries.',
  facts: [
    { label: 'Also known as', value: 'Contemporary Amperex Technology, 宁德时代' },
    { label: 'Deals', value: '2' },
  ],
  site: 'Briefing: EV batteries',
};

/** The texts a layout draws, in order (runs of one line joined). */
function texts(ops: ReturnType<typeof layoutCard>): string[] {
  const out: string[] = [];
  let last: TextOp | undefined;
  for (const op of ops) {
    if (op.kind !== 'text') continue;
    if (last && last.y === op.y && last.size === op.size && last.color === op.color) out[out.length - 1] += op.text;
    else out.push(op.text);
    last = op;
  }
  return out;
}

describe('layoutCard', () => {
  test('draws type and kicker, title, lede, facts and the site name, as text', () => {
    expect(texts(layoutCard(card, drawer))).toEqual([
      'COMPANY',
      '· Cell maker · China',
      'Briefing: EV batteries',
      'Also known as',
      'Contemporary Amperex Technology, 宁德时代',
      'Deals',
      '2',
      'CATL',
      'World’s largest maker of electric-vehicle batteries.',
    ]);
    const hostile = layoutCard({ ...card, title: '<script>alert(1)</script>' }, drawer);
    expect(texts(hostile)).toContain('<script>alert(1)</script>');
  });

  test('the CJK name is drawn with Noto Sans SC, the rest with Inter', () => {
    const ops = layoutCard(card, drawer).filter((op): op is TextOp => op.kind === 'text');
    for (const op of ops) expect(op.face.family, op.text).toBe(/[宁德时代]/u.test(op.text) ? 'sc' : 'inter');
  });

  test('a quote is in quotation marks, with its speaker', () => {
    const quote: OgCard = { type: 'Quote', title: 'Hi', quote: { text: 'Hi', speaker: 'Jane' }, facts: [], site: 'S' };
    expect(texts(layoutCard(quote, drawer))).toEqual(['QUOTE', 'S', '“Hi”', '— Jane']);
  });

  test('a long title shrinks before it is cut short', () => {
    // Four facts leave room for two lines at the title's first size (64 px), three at 52 px.
    const facts = [1, 2, 3, 4].map((n) => ({ label: `Fact ${n}`, value: 'Value' }));
    const long = { ...card, facts, title: 'Wide Wombat Woodworks Worldwide to supply cylindrical cells' };
    const sizes = layoutCard(long, drawer).flatMap((op) =>
      op.kind === 'text' && op.face.weight === 700 ? [op.size] : [],
    );
    expect(Math.max(...sizes)).toBeLessThan(titleSize(long.title));
    expect(texts(layoutCard(long, drawer)).join(' ')).not.toContain(ELLIPSIS);
  });

  // Every card of a varied set: all text inside the frame, nothing overlapping the next block.
  test.each(benchCards(150, 7).map((c, i) => [i, c.type, c] as const))(
    'card %i (%s) keeps everything inside the card and clear of the footer',
    (_i, _type, varied) => {
      const ops = layoutCard(varied, drawer);
      const rule = ops.find((op) => op.kind === 'rect' && op.height === 2)!;
      const footer = texts(ops).indexOf(varied.site);
      expect(footer).toBeGreaterThan(-1);
      for (const op of ops) {
        if (op.kind !== 'text') continue;
        const right = op.x + drawer.measure(op.text, op.face, op.size, op.letterSpacing);
        expect(op.x, op.text).toBeGreaterThanOrEqual(80);
        expect(right, op.text).toBeLessThanOrEqual(OG_WIDTH - 64 + 0.01);
        expect(op.y, op.text).toBeLessThanOrEqual(OG_HEIGHT - 48);
        // Everything but the site name sits above the rule, descenders included.
        if (op.text !== varied.site && !varied.site.startsWith(op.text)) {
          expect(op.y + op.size * 0.25, op.text).toBeLessThanOrEqual(rule.y);
        }
      }
      // Ops come as header, footer, then facts (26 px) and body (larger): the body ends above the
      // first fact's ascenders.
      const text = ops.filter((op): op is TextOp => op.kind === 'text');
      const rest = text.slice(text.findIndex((op) => op.size === 24) + 1);
      const facts = rest.filter((op) => op.size === 26);
      const body = rest.filter((op) => op.size !== 26);
      expect(new Set(facts.map((op) => op.y)).size).toBe(varied.facts.length);
      const limit = facts.length ? Math.min(...facts.map((op) => op.y - op.size)) : rule.y;
      for (const op of body) expect(op.y + op.size * 0.25, op.text).toBeLessThanOrEqual(limit);
      expect(body.length).toBeGreaterThan(0);
    },
  );
});
