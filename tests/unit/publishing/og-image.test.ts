import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, test } from 'vitest';
import type { OgCard } from '../../../src/lib/publishing/og-card';
import { CardDrawer } from '../../../src/lib/publishing/og-draw';
import { CardCache, CardImages, cardKey, cardSalt, type DrawCard } from '../../../src/lib/publishing/og-image';
import { pngSize } from '../../../src/lib/publishing/png';
import { PROJECT_ROOT } from '../../../scripts/lib/build-site.ts';

const salt = cardSalt(PROJECT_ROOT);
const card: OgCard = {
  type: 'Deal',
  kicker: 'Cell supply',
  title: 'LG Energy Solution to supply Chery EV with 46-series cylindrical cells',
  facts: [{ label: 'Value', value: 'more than ₩1 trillion KRW' }],
  site: 'Briefing: EV batteries',
};
const work = mkdtempSync(join(tmpdir(), 'og-cache-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

/** A draw function that records which cards it drew (each card's "PNG" is its title). */
function recorder() {
  const drawn: string[] = [];
  const draw: DrawCard = async (c) => {
    drawn.push(c.title);
    return { png: Buffer.from(c.title), drawMs: 2, encodeMs: 1 };
  };
  return { drawn, draw };
}

describe('cardSalt', () => {
  test('is the same for the same project', () => {
    expect(cardSalt(PROJECT_ROOT)).toBe(salt);
    expect(salt).toMatch(/^[0-9a-f]{64}$/);
  });
});

describe('cardKey', () => {
  test('is the same for equal cards and differs when anything drawn or the salt changes', () => {
    expect(cardKey(card, salt)).toBe(cardKey({ ...card }, salt));
    expect(cardKey(card, salt)).not.toBe(cardKey({ ...card, title: 'Other' }, salt));
    expect(cardKey(card, salt)).not.toBe(cardKey(card, `${salt}x`));
  });
});

describe('CardImages', () => {
  test('plans: draws each card that is not cached, once, and hands out its image', async () => {
    const dir = join(work, 'plan');
    const { drawn, draw } = recorder();
    const images = new CardImages(new CardCache(dir, salt), draw);
    const cards = ['a', 'b', 'a', 'c'].map((title) => ({ ...card, title }));
    images.plan(cards);
    // Drawing starts when the plan is made, before any image is asked for.
    expect(drawn).toEqual(['a', 'b', 'c']);
    const first = await images.image(cards[0]!);
    expect(first).toMatchObject({ hit: false, ms: 3 });
    expect(first.png.toString()).toBe('a');
    // An equal card of another page gets the same image, counted as a cache hit.
    expect(await images.image(cards[2]!)).toMatchObject({ key: first.key, hit: true, ms: 0 });
    // Each image handed out is in the cache (written before it is handed out, while others draw).
    await Promise.all(cards.map((c) => images.image(c)));
    expect(readdirSync(dir).sort()).toEqual(
      ['a', 'b', 'c'].map((t) => `${cardKey({ ...card, title: t }, salt)}.png`).sort(),
    );
  });

  test('a rebuild without changes draws nothing; a changed card is drawn again; prune removes the stale', async () => {
    const dir = join(work, 'rebuild');
    const cards = ['a', 'b', 'c'].map((title) => ({ ...card, title }));
    const cold = recorder();
    const first = new CardImages(new CardCache(dir, salt), cold.draw);
    first.plan(cards);
    for (const c of cards) await first.image(c);
    expect(cold.drawn).toEqual(['a', 'b', 'c']);

    const warm = recorder();
    const again = new CardImages(new CardCache(dir, salt), warm.draw);
    again.plan(cards);
    const images = await Promise.all(cards.map((c) => again.image(c)));
    expect(warm.drawn).toEqual([]);
    expect(images.map((i) => [i.hit, i.ms, i.png.toString()])).toEqual([
      [true, 0, 'a'],
      [true, 0, 'b'],
      [true, 0, 'c'],
    ]);

    const changed = recorder();
    const cache = new CardCache(dir, salt);
    const third = new CardImages(cache, changed.draw);
    const next = [cards[0]!, { ...card, title: 'b2' }, cards[2]!];
    third.plan(next);
    const keys = new Set<string>();
    for (const c of next) keys.add((await third.image(c)).key);
    expect(changed.drawn).toEqual(['b2']);
    expect(cache.prune(keys)).toBe(1);
    expect(readdirSync(dir)).toHaveLength(3);
    expect(cache.has(cardKey(cards[1]!, salt))).toBe(false);
  });

  test('a card not in the plan is drawn when asked for', async () => {
    const { drawn, draw } = recorder();
    const images = new CardImages(new CardCache(join(work, 'unplanned'), salt), draw);
    expect(await images.image(card)).toMatchObject({ hit: false, ms: 3 });
    expect(drawn).toEqual([card.title]);
  });

  test('an error drawing a card reaches the one who asks for its image', async () => {
    const images = new CardImages(new CardCache(join(work, 'failing'), salt), async () => {
      throw new Error('no font');
    });
    images.plan([card]);
    await expect(images.image(card)).rejects.toThrow('no font');
  });

  test('draws real cards into the cache, as 1200×630 PNGs', async () => {
    const drawer = new CardDrawer(PROJECT_ROOT);
    const images = new CardImages(new CardCache(join(work, 'real'), salt), async (c) => drawer.png(c));
    const image = await images.image(card);
    expect(pngSize(image.png)).toEqual({ width: 1200, height: 630 });
    expect(image.ms).toBeGreaterThanOrEqual(0);
  });
});
