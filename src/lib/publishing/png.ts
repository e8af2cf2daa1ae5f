import { constants, crc32, deflateSync } from 'node:zlib';

/**
 * Just enough PNG for link-preview images: encode RGBA pixels, and read a file's size. Plain Node
 * runs this file (card workers load it).
 */

/**
 * zlib settings of preview images, chosen by measurement on a few hundred varied cards (1200×630,
 * flat background, text): compressing takes about 3 ms a card at levels 1 to 3 (3 gives the
 * smallest files, about 60 KB) and twice that from level 4 on. Rows stay unfiltered: computing
 * PNG's Sub or Up filters in JavaScript costs more than it saves zlib, and the Z_RLE and
 * Huffman-only strategies are four times slower on unfiltered rows, for files ten times larger.
 */
export const PNG_LEVEL = 3;
const MEM_LEVEL = 9;

const SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);

function chunk(type: string, data: Buffer): Buffer {
  const head = Buffer.alloc(8);
  head.writeUInt32BE(data.length, 0);
  head.write(type, 4, 'latin1');
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(data, crc32(head.subarray(4, 8))), 0);
  return Buffer.concat([head, data, crc]);
}

/** Scratch space for the filtered rows, kept from image to image (one per thread). */
let scratch: Buffer | undefined;

/** Rows of RGBA pixels, each behind its filter type byte (0: none), and the PNG header. */
function prepare(width: number, height: number, rgba: Uint8Array): { raw: Buffer; header: Buffer } {
  const stride = width * 4;
  if (rgba.length !== stride * height) {
    throw new Error(`Expected ${stride * height} bytes of RGBA for ${width}×${height}, found ${rgba.length}.`);
  }
  const pixels = Buffer.from(rgba.buffer, rgba.byteOffset, rgba.byteLength);
  const size = (stride + 1) * height;
  // A fresh 3 MB buffer per image costs more (zeroing, page faults) than copying into it.
  if (!scratch || scratch.length < size) scratch = Buffer.allocUnsafe(size);
  const raw = scratch.subarray(0, size);
  for (let y = 0; y < height; y++) {
    raw[y * (stride + 1)] = 0;
    pixels.copy(raw, y * (stride + 1) + 1, y * stride, (y + 1) * stride);
  }
  const header = Buffer.alloc(13);
  header.writeUInt32BE(width, 0);
  header.writeUInt32BE(height, 4);
  header[8] = 8; // bit depth
  header[9] = 6; // colour type: RGBA
  return { raw, header };
}

function assemble(header: Buffer, compressed: Buffer): Buffer {
  return Buffer.concat([SIGNATURE, chunk('IHDR', header), chunk('IDAT', compressed), chunk('IEND', Buffer.alloc(0))]);
}

/**
 * A PNG (8-bit RGBA, no filtering) of `width`×`height` pixels given row by row, four bytes each.
 * `level` is the zlib level: 1 is fastest, 9 smallest.
 */
export function encodePng(width: number, height: number, rgba: Uint8Array, level = PNG_LEVEL): Buffer {
  const { raw, header } = prepare(width, height, rgba);
  return assemble(header, deflateSync(raw, { level, memLevel: MEM_LEVEL, strategy: constants.Z_DEFAULT_STRATEGY }));
}

/** Width and height from a PNG's header, or undefined when `bytes` is not a PNG. */
export function pngSize(bytes: Uint8Array): { width: number; height: number } | undefined {
  const buffer = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  if (buffer.length < 24 || !buffer.subarray(0, 8).equals(SIGNATURE) || buffer.toString('latin1', 12, 16) !== 'IHDR') {
    return undefined;
  }
  return { width: buffer.readUInt32BE(16), height: buffer.readUInt32BE(20) };
}
