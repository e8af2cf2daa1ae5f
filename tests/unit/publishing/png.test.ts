import { inflateSync } from 'node:zlib';
import { describe, expect, test } from 'vitest';
import { encodePng, pngSize } from '../../../src/lib/publishing/png';

/** The pixels of a PNG written by encodePng (RGBA, filter type 0 on every row). */
function decode(png: Buffer): { width: number; height: number; rgba: Buffer } {
  const { width, height } = pngSize(png)!;
  const idat: Buffer[] = [];
  for (let at = 8; at < png.length;) {
    const length = png.readUInt32BE(at);
    const type = png.toString('latin1', at + 4, at + 8);
    if (type === 'IDAT') idat.push(png.subarray(at + 8, at + 8 + length));
    at += 12 + length;
  }
  const raw = inflateSync(Buffer.concat(idat));
  const rows: Buffer[] = [];
  for (let y = 0; y < height; y++) {
    expect(raw[y * (width * 4 + 1)], `filter of row ${y}`).toBe(0);
    rows.push(raw.subarray(y * (width * 4 + 1) + 1, (y + 1) * (width * 4 + 1)));
  }
  return { width, height, rgba: Buffer.concat(rows) };
}

describe('encodePng', () => {
  test('writes the pixels it is given, row by row, in a valid PNG', () => {
    const width = 3;
    const height = 2;
    const rgba = Uint8Array.from({ length: width * height * 4 }, (_, i) => (i * 37) % 256);
    const png = encodePng(width, height, rgba);
    expect(png.subarray(0, 8)).toEqual(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]));
    expect(png.toString('latin1', png.length - 8, png.length - 4)).toBe('IEND');
    expect(png[24]).toBe(8); // bit depth
    expect(png[25]).toBe(6); // RGBA
    expect(decode(png)).toEqual({ width, height, rgba: Buffer.from(rgba) });
  });

  test('images encoded one after another each keep their own pixels (the row buffer is reused)', () => {
    const a = Uint8Array.from({ length: 4 * 4 * 4 }, (_, i) => i);
    const b = Uint8Array.from({ length: 2 * 2 * 4 }, (_, i) => 255 - i);
    const first = encodePng(4, 4, a);
    const second = encodePng(2, 2, b);
    expect(decode(first).rgba).toEqual(Buffer.from(a));
    expect(decode(second).rgba).toEqual(Buffer.from(b));
    expect(decode(encodePng(4, 4, a)).rgba).toEqual(Buffer.from(a));
  });

  test('refuses pixels that do not match the size', () => {
    expect(() => encodePng(2, 2, new Uint8Array(15))).toThrow('Expected 16 bytes of RGBA for 2×2, found 15.');
  });
});

describe('pngSize', () => {
  test('reads width and height from the header', () => {
    expect(pngSize(encodePng(1200, 1, new Uint8Array(4800)))).toEqual({ width: 1200, height: 1 });
  });

  test('is undefined for anything that is not a PNG', () => {
    expect(pngSize(Buffer.from('GIF89a………………………………………………'))).toBeUndefined();
    expect(pngSize(new Uint8Array(4))).toBeUndefined();
  });
});
