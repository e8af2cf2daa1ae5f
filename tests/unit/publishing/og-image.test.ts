import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, test } from 'vitest';
import type { OgCard } from '../../../src/lib/publishing/og-card';
import {
  CardCache,
  cardElement,
  cardKey,
  CardPipeline,
  loadRenderer,
  quoteSize,
  renderCard,
  titleSize,
} from '../../../src/lib/publishing/og-image';
import { pngSize } from '../../../src/lib/publishing/png';
import { PROJECT_ROOT } from '../../support/build';

const renderer = loadRenderer(PROJECT_ROOT);
const card: OgCard = {
  type: 'Deal',
  kicker: 'Cell supply',
  title: 'LG Energy Solution to supply Chery EV with 46-series cylindrical cells',
  facts: [{ label: 'Value', value: 'more than ₩1 trillion KRW' }],
  site: 'Briefing: EV batteries',
};

/** Every string in an element tree, in order. */
function texts(node: ReturnType<typeof cardElement> | string): string[] {
  if (typeof node === 'string') return [node];
  const children = node.props.children ?? [];
  return typeof children === 'string' ? [children] : children.flatMap(texts);
}

describe('cardElement', () => {
  test('shows type, kicker, title, facts and site, as text (never markup)', () => {
    expect(texts(cardElement(card))).toEqual([
      'Deal',
      ' · Cell supply',
      card.title,
      'Value',
      'more than ₩1 trillion KRW',
      'Briefing: EV batteries',
    ]);
    const hostile = { ...card, title: '<script>alert(1)</script>' };
    expect(texts(cardElement(hostile))).toContain('<script>alert(1)</script>');
  });

  test('shows a quote in quotation marks with its speaker', () => {
    const quote: OgCard = {
      type: 'Quote',
      title: '“Hi”',
      quote: { text: 'Hi', speaker: 'Jane' },
      facts: [],
      site: 'S',
    };
    expect(texts(cardElement(quote))).toEqual(['Quote', '“Hi”', '— Jane', 'S']);
  });

  test('long titles and quotes get smaller type', () => {
    expect(titleSize('CATL')).toBeGreaterThan(titleSize('x'.repeat(90)));
    expect(quoteSize('short')).toBeGreaterThan(quoteSize('x'.repeat(200)));
  });
});

describe('renderCard', () => {
  test('draws a 1200×630 PNG', async () => {
    expect(pngSize(await renderCard(card, renderer))).toEqual({ width: 1200, height: 630 });
  });
});

describe('cardKey', () => {
  test('is the same for equal cards and differs when anything drawn or the renderer changes', () => {
    expect(cardKey(card, renderer.salt)).toBe(cardKey({ ...card }, renderer.salt));
    expect(cardKey(card, renderer.salt)).not.toBe(cardKey({ ...card, title: 'Other' }, renderer.salt));
    expect(cardKey(card, renderer.salt)).not.toBe(cardKey(card, `${renderer.salt}x`));
  });
});

describe('CardCache', () => {
  const dir = mkdtempSync(join(tmpdir(), 'og-cache-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  test('draws a card once, then serves it from disk; prune removes what is no longer used', async () => {
    const cache = new CardCache(dir, renderer);
    const first = await cache.image(card);
    expect(first.hit).toBe(false);
    expect(first.ms).toBeGreaterThan(0);
    const again = await new CardCache(dir, renderer).image(card);
    expect(again).toMatchObject({ hit: true, ms: 0, key: first.key });
    expect(again.png.equals(first.png)).toBe(true);

    const other = await cache.image({ ...card, title: 'Another deal' });
    expect(readdirSync(dir).sort()).toEqual([`${first.key}.png`, `${other.key}.png`].sort());
    expect(cache.prune(new Set([other.key]))).toBe(1);
    expect(readdirSync(dir)).toEqual([`${other.key}.png`]);
  });
});

describe('CardPipeline', () => {
  test('draws the next cards while the first is asked for, and hands each out once', async () => {
    const asked: string[] = [];
    const cache = {
      image: async (c: OgCard) => {
        asked.push(c.title);
        return { png: Buffer.from(c.title), key: c.title, hit: false, ms: 1 };
      },
    } as unknown as CardCache;
    const cards = ['a', 'b', 'c', 'd', 'e'].map((title) => ({ ...card, title }));
    const pipeline = new CardPipeline(cache, cards, 2);
    expect((await pipeline.image(0)).key).toBe('a');
    expect(asked).toEqual(['a', 'b', 'c']);
    expect((await pipeline.image(1)).key).toBe('b');
    expect(asked).toEqual(['a', 'b', 'c', 'd']);
    // Asked again, a card is drawn again (from the cache, in a real build).
    expect((await pipeline.image(0)).key).toBe('a');
    expect((await pipeline.image(4)).key).toBe('e');
  });

  test('an error reaches the one who asks for the card', async () => {
    const cache = { image: async () => Promise.reject(new Error('no font')) } as unknown as CardCache;
    await expect(new CardPipeline(cache, [card, card]).image(0)).rejects.toThrow('no font');
  });
});
