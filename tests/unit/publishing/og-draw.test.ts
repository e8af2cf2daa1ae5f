import { readFileSync } from 'node:fs';
import { inflateSync } from 'node:zlib';
import { createCanvas, GlobalFonts } from '@napi-rs/canvas';
import { describe, expect, test } from 'vitest';
import type { OgCard } from '../../../src/lib/publishing/og-card';
import { CardDrawer } from '../../../src/lib/publishing/og-draw';
import { faceName } from '../../../src/lib/publishing/og-fonts';
import { COLORS, layoutCard, OG_HEIGHT, OG_WIDTH, type TextOp } from '../../../src/lib/publishing/og-layout';
import { pngSize } from '../../../src/lib/publishing/png';
import { PROJECT_ROOT } from '../../../scripts/lib/build-site.ts';

const drawer = new CardDrawer(PROJECT_ROOT);
const deal: OgCard = {
  type: 'Deal',
  kicker: 'Cell supply',
  title: 'LG Energy Solution to supply Chery EV with 46-series cylindrical cells',
  facts: [{ label: 'Value', value: 'more than ₩1 trillion KRW' }],
  site: 'Briefing: EV batteries',
};

/** The RGBA pixels of a box of the canvas's pixels, row by row. */
function crop(pixels: Buffer, x: number, y: number, width: number, height: number): Buffer {
  const rows: Buffer[] = [];
  for (let row = Math.round(y); row < Math.round(y + height); row++) {
    const start = (row * OG_WIDTH + Math.round(x)) * 4;
    rows.push(Buffer.from(pixels.subarray(start, start + Math.round(width) * 4)));
  }
  return Buffer.concat(rows);
}

/** Share of a box's pixels that are not the background. */
function ink(box: Buffer): number {
  const [r, g, b] = [1, 3, 5].map((i) => parseInt(COLORS.background.slice(i, i + 2), 16));
  let drawn = 0;
  for (let i = 0; i < box.length; i += 4) if (box[i] !== r || box[i + 1] !== g || box[i + 2] !== b) drawn++;
  return drawn / (box.length / 4);
}

describe('CardDrawer', () => {
  test('draws a 1200×630 PNG of the card', () => {
    const { png, drawMs, encodeMs } = drawer.png(deal);
    expect(pngSize(png)).toEqual({ width: 1200, height: 630 });
    expect(drawMs).toBeGreaterThanOrEqual(0);
    expect(encodeMs).toBeGreaterThanOrEqual(0);
    // The pixels inside are the card's: the accent stripe on the left, the background beside it.
    // Signature (8 bytes), IHDR chunk (25), then the one IDAT chunk; IEND (12) closes the file.
    const raw = inflateSync(png.subarray(33 + 8, png.length - 12 - 4));
    const pixel = (x: number, y: number) => raw.subarray(y * (OG_WIDTH * 4 + 1) + 1 + x * 4).subarray(0, 3);
    expect(Buffer.from(pixel(4, 300)).toString('hex')).toBe(COLORS.accent.slice(1));
    expect(Buffer.from(pixel(40, 300)).toString('hex')).toBe(COLORS.background.slice(1));
  });

  test('draws the same card to the same pixels every time', () => {
    const first = Buffer.from(drawer.pixels(deal));
    drawer.pixels({ ...deal, title: 'Something else entirely' });
    expect(Buffer.from(drawer.pixels(deal)).equals(first)).toBe(true);
  });

  test('draws 宁德时代 with real glyphs from the bundled Chinese font', () => {
    const card: OgCard = { type: 'Company', title: '宁德时代', facts: [], site: 'S' };
    const ops = layoutCard(card, drawer);
    const title = ops.filter((op): op is TextOp => op.kind === 'text' && op.size >= 44);
    expect(title.every((op) => op.face.family === 'sc')).toBe(true);
    const { x, y, size } = title[0]!;
    const region = { x, y: y - size, width: 4 * size, height: size * 1.25 };
    const pixels = crop(Buffer.from(drawer.paint(ops)), region.x, region.y, region.width, region.height);

    // Four characters, four different shapes, each with ink: not boxes, not blank.
    const glyphs = [0, 1, 2, 3].map((i) => crop(drawer.paint(ops), x + i * size, region.y, size, region.height));
    expect(new Set(glyphs.map((g) => g.toString('base64'))).size).toBe(4);
    for (const glyph of glyphs) expect(ink(glyph)).toBeGreaterThan(0.08);

    // The same pixels as the text drawn straight from Noto Sans SC's font files...
    const reference = createCanvas(OG_WIDTH, OG_HEIGHT);
    const context = reference.getContext('2d');
    context.fillStyle = COLORS.background;
    context.fillRect(0, 0, OG_WIDTH, OG_HEIGHT);
    context.fillStyle = COLORS.text;
    context.lang = 'zh-Hans';
    for (const op of title) {
      const alias = `reference-${faceName(op.face)}`;
      GlobalFonts.register(readFileSync(drawer.fonts.path(op.face)), alias);
      context.font = `700 ${op.size}px "${alias}"`;
      context.fillText(op.text, op.x, op.y);
    }
    expect(crop(reference.data(), region.x, region.y, region.width, region.height).equals(pixels)).toBe(true);

    // ...and not what the same text gives with Inter alone, which has no Chinese (whatever the
    // machine falls back to, or boxes).
    const inter = { family: 'inter', subset: 'latin', weight: 700 } as const;
    const interOnly = ops.map((op) => (title.includes(op as TextOp) ? { ...op, face: inter } : op));
    const fallback = crop(drawer.paint(interOnly), region.x, region.y, region.width, region.height);
    expect(fallback.equals(pixels)).toBe(false);
  });

  test('uses only the font files the cards need', () => {
    const fresh = new CardDrawer(PROJECT_ROOT);
    fresh.png({ type: 'Index', kicker: 'Page 1 of 2', title: 'Companies', facts: [], site: 'S' });
    // Inter's Latin subset, bold and regular: two files.
    expect([...fresh.used.keys()].sort()).toEqual(['og-inter-latin-400', 'og-inter-latin-700']);
    const latin = [...fresh.used.values()].reduce((a, b) => a + b, 0);
    fresh.png({ type: 'Company', title: '宁德时代', facts: [], site: 'S' });
    const added = [...fresh.used.keys()].filter((name) => !name.startsWith('og-inter-'));
    // Four characters from a few of Noto Sans SC's 100 slices, bold, not the whole font (4.7 MB).
    expect(added.length).toBeGreaterThan(0);
    expect(added.every((name) => name.startsWith('og-sc-') && name.endsWith('-700'))).toBe(true);
    const bytes = [...fresh.used.values()].reduce((a, b) => a + b, 0);
    expect(bytes - latin).toBeLessThan(200_000);
  });
});

test('the canvas is the size of a card', () => {
  expect([OG_WIDTH, OG_HEIGHT]).toEqual([1200, 630]);
});
