import { readFileSync, statSync } from 'node:fs';
import { createCanvas, GlobalFonts, type SKRSContext2D } from '@napi-rs/canvas';
import type { OgCard } from './og-card.ts';
import { CardFonts, faceName, type Face, type FamilyId, type Piece, type Weight } from './og-fonts.ts';
import { layoutCard, OG_HEIGHT, OG_WIDTH, type DrawOp, type TextEngine } from './og-layout.ts';
import { encodePng } from './png.ts';

/**
 * Draws link-preview cards with Skia (@napi-rs/canvas): {@link layoutCard} places everything,
 * measuring text with the canvas's own `measureText`, then the ops are painted onto one reused
 * 1200×630 canvas and its pixels are compressed by {@link encodePng}. A drawer registers each
 * font file the first time a card needs it. Plain Node runs this file (card workers load it).
 */

/** Language of each family's text, so the font's language-specific forms are used. */
const LANG: Record<FamilyId, string> = { inter: 'en', sc: 'zh-Hans', kr: 'ko', jp: 'ja' };

/** Font size at which text is measured; widths at other sizes are scaled from it. */
const REFERENCE_SIZE = 100;
/** Widths remembered per drawer before the memo starts afresh (about 100 bytes each). */
const MAX_WIDTHS = 50_000;

/** A drawn card and the CPU time it took, in milliseconds of this thread. */
export interface DrawnCard {
  png: Buffer;
  /** Laying out and painting, including reading the pixels back. */
  drawMs: number;
  /** Compressing the pixels into a PNG. */
  encodeMs: number;
}

/** CPU time of this thread so far, in milliseconds. */
function cpuMs(): number {
  const { user, system } = process.threadCpuUsage();
  return (user + system) / 1000;
}

/** Draws cards one at a time; one per thread (its canvas is reused from card to card). */
export class CardDrawer implements TextEngine {
  readonly fonts: CardFonts;
  /** Font files this drawer has used, by registered name, with their size in bytes. */
  readonly used = new Map<string, number>();
  readonly #canvas = createCanvas(OG_WIDTH, OG_HEIGHT);
  readonly #context: SKRSContext2D;
  readonly #widths = new Map<string, number>();
  #font = '';
  #lang = '';
  #spacing = 0;

  /** `root` is the project folder, whose node_modules has the font packages. */
  constructor(root: string) {
    this.fonts = new CardFonts(root);
    this.#context = this.#canvas.getContext('2d');
  }

  /**
   * Registers the face's file with Skia under its own name, once per process (fonts registered
   * by one thread serve them all), and returns the name.
   */
  #register(face: Face): string {
    const name = faceName(face);
    if (this.used.has(name)) return name;
    const path = this.fonts.path(face);
    if (GlobalFonts.has(name)) this.used.set(name, statSync(path).size);
    else {
      const bytes = readFileSync(path);
      if (!GlobalFonts.register(bytes, name)) throw new Error(`Could not load the font file ${path}.`);
      this.used.set(name, bytes.length);
    }
    return name;
  }

  #use(face: Face, size: number, letterSpacing: number): void {
    const font = `${face.weight} ${size}px "${this.#register(face)}"`;
    const context = this.#context;
    if (font !== this.#font) context.font = this.#font = font;
    if (LANG[face.family] !== this.#lang) context.lang = this.#lang = LANG[face.family];
    if (letterSpacing !== this.#spacing) {
      context.letterSpacing = `${letterSpacing}px`;
      this.#spacing = letterSpacing;
    }
  }

  pieces(text: string, weight: Weight): Piece[] {
    return this.fonts.pieces(text, weight);
  }

  /**
   * Widths scale exactly with the size (Skia lays text out unhinted), so each text is measured
   * once per face, at {@link REFERENCE_SIZE}, and remembered: words, labels and the site's name
   * recur from card to card, and a title is measured at several sizes.
   */
  measure(text: string, face: Face, size: number, letterSpacing: number): number {
    const key = `${faceName(face)}\u0000${text}`;
    let width = this.#widths.get(key);
    if (width === undefined) {
      if (this.#widths.size >= MAX_WIDTHS) this.#widths.clear();
      this.#use(face, REFERENCE_SIZE, 0);
      width = this.#context.measureText(text).width;
      this.#widths.set(key, width);
    }
    const spacing = letterSpacing ? letterSpacing * (text.match(/\P{M}/gu)?.length ?? 0) : 0;
    return (width * size) / REFERENCE_SIZE + spacing;
  }

  /**
   * Paints `ops` onto the canvas and returns its pixels: 1200×630 RGBA, opaque. The buffer is
   * Skia's; it is freed once it is garbage, so a loop drawing many cards must let the event loop
   * turn between them (a worker does, one message per card) or native memory grows by 3 MB a card.
   */
  paint(ops: DrawOp[]): Buffer {
    const context = this.#context;
    for (const op of ops) {
      context.fillStyle = op.color;
      if (op.kind === 'rect') context.fillRect(op.x, op.y, op.width, op.height);
      else {
        this.#use(op.face, op.size, op.letterSpacing);
        context.fillText(op.text, op.x, op.y);
      }
    }
    return this.#canvas.data();
  }

  /** The card's pixels (see {@link paint}). */
  pixels(card: OgCard): Buffer {
    return this.paint(layoutCard(card, this));
  }

  /** The card as a PNG, with the CPU time spent drawing and encoding it. */
  png(card: OgCard): DrawnCard {
    const start = cpuMs();
    const pixels = this.pixels(card);
    const drawn = cpuMs();
    const png = encodePng(OG_WIDTH, OG_HEIGHT, pixels);
    return { png, drawMs: drawn - start, encodeMs: cpuMs() - drawn };
  }
}
