import { createHash } from 'node:crypto';
import { mkdirSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { renderAsync } from '@resvg/resvg-js';
import satori from 'satori';
import { OG_HEIGHT, OG_WIDTH, type OgCard } from './og-card';
import { encodePngAsync } from './png';

/**
 * Draws link-preview cards as 1200×630 PNGs: satori lays the card out (text becomes paths, so
 * no font is needed later), resvg rasterises it, and {@link encodePng} writes the PNG. Images
 * are cached on disk by a hash of everything that goes into them, so a rebuild draws only the
 * cards whose content changed.
 */

/** Bump when the card's design changes, so cached images are drawn again. */
const DESIGN_VERSION = 1;

const COLORS = {
  background: '#14171f',
  panel: '#1d2230',
  text: '#f5f7fa',
  muted: '#aab3c2',
  accent: '#8fa8ff',
  rule: '#323a4d',
};

/** An element tree as satori reads it (the shape of a React element, without React). */
export interface CardElement {
  type: string;
  key: null;
  props: { style?: Record<string, string | number>; children?: (CardElement | string)[] | string };
}

function el(
  type: string,
  style: Record<string, string | number>,
  children: (CardElement | string | false | undefined)[] | string,
): CardElement {
  return {
    type,
    key: null,
    props: {
      style,
      children: typeof children === 'string' ? children : children.filter((c): c is CardElement | string => !!c),
    },
  };
}

/** Font size that lets `text` fit the space of a title, by its length. */
export function titleSize(text: string): number {
  const length = text.length;
  if (length <= 30) return 76;
  if (length <= 60) return 64;
  if (length <= 100) return 52;
  return 44;
}

/** Font size for the words of a quote, by their length. */
export function quoteSize(text: string): number {
  const length = text.length;
  if (length <= 80) return 52;
  if (length <= 160) return 42;
  return 34;
}

/** The card as an element tree for satori. Pure: equal cards give equal trees. */
export function cardElement(card: OgCard): CardElement {
  const kicker = card.kicker ? ` · ${card.kicker}` : '';
  const header = el('div', { display: 'flex', fontSize: 26, color: COLORS.muted, letterSpacing: 1 }, [
    el('span', { color: COLORS.accent, fontWeight: 700, textTransform: 'uppercase', letterSpacing: 3 }, card.type),
    kicker && el('span', { marginLeft: 4, whiteSpace: 'nowrap', overflow: 'hidden', textOverflow: 'ellipsis' }, kicker),
  ]);

  const body = card.quote
    ? el('div', { display: 'flex', flexDirection: 'column', marginTop: 36 }, [
        el(
          'div',
          { fontSize: quoteSize(card.quote.text), lineHeight: 1.3, fontWeight: 700, color: COLORS.text, lineClamp: 6 },
          `“${card.quote.text}”`,
        ),
        el('div', { marginTop: 28, fontSize: 28, color: COLORS.muted, lineClamp: 2 }, `— ${card.quote.speaker}`),
      ])
    : el('div', { display: 'flex', flexDirection: 'column', marginTop: 28 }, [
        el(
          'div',
          {
            fontSize: titleSize(card.title),
            lineHeight: 1.15,
            fontWeight: 700,
            color: COLORS.text,
            lineClamp: card.facts.length > 2 ? 2 : 3,
          },
          card.title,
        ),
        card.lede &&
          el('div', { marginTop: 20, fontSize: 28, lineHeight: 1.4, color: COLORS.muted, lineClamp: 2 }, card.lede),
        card.date && el('div', { marginTop: 24, fontSize: 30, color: COLORS.muted }, card.date),
      ]);

  const facts =
    card.facts.length > 0 &&
    el(
      'div',
      { display: 'flex', flexDirection: 'column', marginTop: 'auto', paddingTop: 24 },
      card.facts.map((fact) =>
        el('div', { display: 'flex', fontSize: 26, lineHeight: 1.5 }, [
          el('span', { width: 250, flexShrink: 0, color: COLORS.muted }, fact.label),
          el(
            'span',
            { flexGrow: 1, color: COLORS.text, whiteSpace: 'nowrap', overflow: 'hidden', textOverflow: 'ellipsis' },
            fact.value,
          ),
        ]),
      ),
    );

  const footer = el(
    'div',
    {
      display: 'flex',
      justifyContent: 'space-between',
      marginTop: card.facts.length ? 28 : 'auto',
      paddingTop: 20,
      borderTop: `2px solid ${COLORS.rule}`,
      fontSize: 24,
      color: COLORS.muted,
    },
    [el('span', { fontWeight: 700, color: COLORS.text }, card.site)],
  );

  // A fixed outer box with the accent stripe, and an inner column that stretches into it, so
  // padding stays inside the 1200×630 frame.
  return el(
    'div',
    {
      width: OG_WIDTH,
      height: OG_HEIGHT,
      display: 'flex',
      backgroundColor: COLORS.background,
      fontFamily: 'Inter, Inter Extended',
    },
    [
      el('div', { width: 16, flexShrink: 0, backgroundColor: COLORS.accent }, []),
      el(
        'div',
        {
          display: 'flex',
          flexDirection: 'column',
          flexGrow: 1,
          flexShrink: 1,
          minWidth: 0,
          paddingTop: 56,
          paddingRight: 64,
          paddingBottom: 48,
          paddingLeft: 64,
        },
        [header, body, facts, footer],
      ),
    ],
  );
}

/** A font satori can use (TTF, OTF or WOFF; not WOFF2). */
export interface CardFont {
  name: string;
  data: Buffer;
  weight: 400 | 700;
  style: 'normal';
}

/** Everything a render needs besides the card, and the hash of it all for cache keys. */
export interface CardRenderer {
  fonts: CardFont[];
  /** Changes whenever the fonts, libraries or design change. */
  salt: string;
}

/** Font files of the cards: Inter (from @fontsource/inter), Latin and Latin Extended, regular and bold. */
const FONT_FILES = [
  ['latin', 400],
  ['latin', 700],
  ['latin-ext', 400],
  ['latin-ext', 700],
] as const;

/**
 * Loads the fonts from the project's node_modules (`root` is the project folder) and works out
 * the cache salt from their bytes, the libraries' versions and the design version.
 */
export function loadRenderer(root: string): CardRenderer {
  const require = createRequire(join(root, 'package.json'));
  const fontDir = join(dirname(require.resolve('@fontsource/inter')), 'files');
  const hash = createHash('sha256').update(`design ${DESIGN_VERSION}\n`);
  for (const name of ['satori/package.json', '@resvg/resvg-js/package.json']) {
    hash.update(
      `${name} ${(JSON.parse(readFileSync(require.resolve(name), 'utf8')) as { version: string }).version}\n`,
    );
  }
  const fonts = FONT_FILES.map(([subset, weight]): CardFont => {
    const data = readFileSync(join(fontDir, `inter-${subset}-${weight}-normal.woff`));
    hash.update(data);
    // satori falls back to other families for missing glyphs, not to other files of one family.
    return { name: subset === 'latin' ? 'Inter' : 'Inter Extended', data, weight, style: 'normal' };
  });
  return { fonts, salt: hash.digest('hex') };
}

/**
 * Draws a card as a PNG. Layout (satori) runs on the main thread; rasterising (resvg) and
 * compressing (zlib) run on libuv's thread pool, so several cards can be drawn at once.
 */
export async function renderCard(card: OgCard, renderer: CardRenderer): Promise<Buffer> {
  const svg = await satori(cardElement(card) as unknown as Parameters<typeof satori>[0], {
    width: OG_WIDTH,
    height: OG_HEIGHT,
    fonts: renderer.fonts,
  });
  // Text is already paths; loading system fonts would cost more than drawing the card.
  const image = await renderAsync(svg, { font: { loadSystemFonts: false } });
  return encodePngAsync(image.width, image.height, image.pixels);
}

/** The cache key of a card: a hash of the card and the renderer's salt. */
export function cardKey(card: OgCard, salt: string): string {
  return createHash('sha256').update(salt).update(JSON.stringify(card)).digest('hex').slice(0, 32);
}

/** How one image was obtained. */
export interface CardImage {
  png: Buffer;
  key: string;
  /** True when the image came from the cache. */
  hit: boolean;
  /** Milliseconds spent drawing it (0 for a cache hit). */
  ms: number;
}

/** Cache of card images: one PNG per key in `dir`. */
export class CardCache {
  constructor(
    readonly dir: string,
    readonly renderer: CardRenderer,
  ) {}

  /** The card's image, from the cache or drawn and then stored. */
  async image(card: OgCard): Promise<CardImage> {
    const key = cardKey(card, this.renderer.salt);
    const file = join(this.dir, `${key}.png`);
    try {
      return { png: readFileSync(file), key, hit: true, ms: 0 };
    } catch {
      // Not cached yet.
    }
    const started = performance.now();
    const png = await renderCard(card, this.renderer);
    const ms = performance.now() - started;
    mkdirSync(this.dir, { recursive: true });
    // Write then rename, so a concurrent build never reads half a file.
    const partial = `${file}.${process.pid}.tmp`;
    writeFileSync(partial, png);
    renameSync(partial, file);
    return { png, key, hit: false, ms };
  }

  /** Deletes cached images whose key is not in `keep` (images of content that changed or went). */
  prune(keep: Set<string>): number {
    let removed = 0;
    let names: string[] = [];
    try {
      names = readdirSync(this.dir);
    } catch {
      return 0;
    }
    for (const name of names) {
      if (name.endsWith('.png') && !keep.has(name.slice(0, -4))) {
        rmSync(join(this.dir, name), { force: true });
        removed++;
      }
    }
    return removed;
  }
}

/**
 * The cards of a build, drawn a few ahead of the one asked for: the build asks for images one at
 * a time, in order, so while it writes one, the next ones are being laid out, rasterised and
 * compressed (the latter two off the main thread), which keeps both cores busy. Results are
 * handed out once and then dropped, so memory stays bounded.
 */
export class CardPipeline {
  readonly #started = new Map<number, Promise<CardImage>>();

  constructor(
    private readonly cache: CardCache,
    private readonly cards: readonly OgCard[],
    /** How many cards to draw ahead of the one asked for. */
    private readonly ahead = 3,
  ) {}

  /** The image of card `index`, starting the next few as well. */
  image(index: number): Promise<CardImage> {
    const end = Math.min(this.cards.length, index + 1 + this.ahead);
    for (let i = index; i < end; i++) {
      if (this.#started.has(i)) continue;
      const started = this.cache.image(this.cards[i]!);
      // A card drawn ahead may fail before anyone asks for it; its asker gets the error.
      started.catch(() => undefined);
      this.#started.set(i, started);
    }
    const image = this.#started.get(index) ?? this.cache.image(this.cards[index]!);
    this.#started.delete(index);
    return image;
  }
}
