import { createHash, hash as sha256 } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import type { OgCard } from './og-card';
import { CardFonts } from './og-fonts';
import { FileStore, type Stored } from './published-files';

/**
 * Link-preview images of a build: each card's PNG is cached on disk under a hash of everything
 * that goes into it, so a rebuild draws only the cards whose content changed, and the cards that
 * are not cached start drawing (on the worker pool, see og-pool.ts) as soon as the build knows
 * them, while Astro renders the pages. What a card shows is decided in og-card.ts, where things go
 * in og-layout.ts, and og-draw.ts paints it.
 */

/** The files whose code decides a card's pixels: any change to them draws every card again. */
const DRAWING_CODE = ['og-layout.ts', 'og-draw.ts', 'og-fonts.ts', 'png.ts'];

/**
 * The cache salt of a project (`root`): a hash of the drawing code, the canvas library's version
 * and the font packages' versions (a package's font files never change within a version).
 */
export function cardSalt(root: string): string {
  const require = createRequire(join(root, 'package.json'));
  const hash = createHash('sha256');
  for (const file of DRAWING_CODE) hash.update(readFileSync(join(root, 'src/lib/publishing', file)));
  const canvas = JSON.parse(readFileSync(require.resolve('@napi-rs/canvas/package.json'), 'utf8')) as {
    version: string;
  };
  hash.update(`@napi-rs/canvas ${canvas.version}\n`);
  for (const [family, version] of Object.entries(new CardFonts(root).versions())) hash.update(`${family} ${version}\n`);
  return hash.digest('hex');
}

/** The cache key of a card: a hash of the card and the salt. */
export function cardKey(card: OgCard, salt: string): string {
  return sha256('sha256', salt + JSON.stringify(card), 'hex').slice(0, 32);
}

/** A drawn card and the CPU milliseconds it took (drawing, then encoding). */
export interface DrawnPng {
  png: Buffer;
  drawMs: number;
  encodeMs: number;
}

/** How cards are drawn: by the worker pool in a build ({@link CardPool.draw}), or in-process. */
export type DrawCard = (card: OgCard) => Promise<DrawnPng>;

/** How one image was obtained. */
export interface CardImage {
  png: Buffer;
  key: string;
  /** True when the image came from the cache (or was drawn for an equal card of another page). */
  hit: boolean;
  /** CPU milliseconds spent drawing it (0 for a cache hit). */
  ms: number;
}

/** Cache of card images: one PNG per key in `dir`, the key a hash of the card and the salt. */
export class CardCache extends FileStore {
  constructor(
    dir: string,
    readonly salt: string,
  ) {
    super(dir, '.png');
  }

  key(card: OgCard): string {
    return cardKey(card, this.salt);
  }
}

/**
 * The card images of a build. {@link CardImages.plan} starts drawing every card that is not
 * cached, in order, as soon as the build knows its cards; {@link CardImages.image} hands out a
 * card's image when its page is written, waiting for it if it is still being drawn. Drawn images
 * go straight to the cache on disk, so memory stays bounded however many cards are drawn ahead.
 */
export class CardImages {
  /** Cards being drawn (or drawn) in this build: CPU milliseconds, once stored in the cache. */
  readonly #drawn = new Map<string, Promise<number>>();
  /** Keys whose drawing has been reported by {@link image}, so an equal card is not counted twice. */
  readonly #reported = new Set<string>();

  constructor(
    readonly cache: CardCache,
    private readonly draw: DrawCard,
  ) {}

  /**
   * Starts drawing each card of `cards` that is neither cached nor being drawn; returns the
   * drawings it started (each resolves to the CPU milliseconds it took).
   */
  plan(cards: readonly OgCard[]): Promise<number>[] {
    const started: Promise<number>[] = [];
    for (const card of cards) {
      const key = this.cache.key(card);
      if (!this.#drawn.has(key) && !this.cache.has(key)) started.push(this.#start(key, card));
    }
    return started;
  }

  #start(key: string, card: OgCard): Promise<number> {
    const drawn = this.draw(card).then(async ({ png, drawMs, encodeMs }) => {
      await this.cache.write(key, png);
      return drawMs + encodeMs;
    });
    // Whoever asks for the image gets the error; until then it must not count as unhandled.
    drawn.catch(() => undefined);
    this.#drawn.set(key, drawn);
    return drawn;
  }

  /**
   * The card's image file in the cache: cached, or drawn (or being drawn) and then stored. `made`
   * is true for the first caller after this build drew it.
   */
  async stored(card: OgCard): Promise<Stored & { key: string; ms: number }> {
    const key = this.cache.key(card);
    let drawn = this.#drawn.get(key);
    if (!drawn) {
      if (this.cache.has(key)) return { file: this.cache.file(key), made: false, key, ms: 0 };
      drawn = this.#start(key, card);
    }
    const ms = await drawn;
    const first = !this.#reported.has(key);
    this.#reported.add(key);
    return { file: this.cache.file(key), made: first, key, ms: first ? ms : 0 };
  }

  /** The card's image: from the cache, or drawn (or being drawn) and then stored. */
  async image(card: OgCard): Promise<CardImage> {
    const { key, made, ms } = await this.stored(card);
    return { png: this.cache.read(key), key, hit: !made, ms };
  }
}
