import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { promisify } from 'node:util';
import { afterAll, describe, expect, test } from 'vitest';
import type { OgCard } from '../../../src/lib/publishing/og-card';
import { CardDrawer } from '../../../src/lib/publishing/og-draw';
import { CardPool, cardWorkers, cardWorkersAfterPages, WIDEN_MIN_WAITING } from '../../../src/lib/publishing/og-pool';
import { pngSize } from '../../../src/lib/publishing/png';
import { benchCards } from '../../../scripts/bench/og-cards';
import { PROJECT_ROOT } from '../../../scripts/lib/build-site.ts';

const work = mkdtempSync(join(tmpdir(), 'og-pool-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

const catl: OgCard = {
  type: 'Company',
  kicker: 'Cell maker · China',
  title: 'CATL',
  facts: [{ label: 'Also known as', value: 'Contemporary Amperex Technology, 宁德时代' }],
  site: 'Briefing: EV batteries',
};

/** A worker script (plain JavaScript) in the test's temp folder. */
function script(name: string, source: string): string {
  const file = join(work, name);
  writeFileSync(file, source);
  return file;
}

describe('cardWorkers', () => {
  test('leaves one core to Astro, and draws on one worker at least', () => {
    expect([1, 2, 4, 8].map(cardWorkers)).toEqual([1, 1, 3, 7]);
  });
});

describe('cardWorkersAfterPages', () => {
  test('takes every core once the pages are rendered only when many cards are still waiting', () => {
    expect(cardWorkersAfterPages(2, WIDEN_MIN_WAITING - 1)).toBe(1);
    expect(cardWorkersAfterPages(2, WIDEN_MIN_WAITING)).toBe(2);
    expect(cardWorkersAfterPages(4, 10_000)).toBe(4);
    expect(cardWorkersAfterPages(1, 10_000)).toBe(1);
    expect(cardWorkersAfterPages(8, 0)).toBe(7);
  });
});

describe('CardPool', () => {
  // A worker that answers each card after a few milliseconds with its own thread id for a PNG.
  const slow = () =>
    script(
      'slow.mjs',
      "import { parentPort, threadId } from 'node:worker_threads';\n" +
        "parentPort.on('message', ({ id }) => setTimeout(() => parentPort.postMessage({ id, png: new Uint8Array([threadId]), drawMs: 0, encodeMs: 0, fonts: [] }), 5));",
    );
  const threads = (cards: { png: Buffer }[]) => new Set(cards.map((card) => card.png[0]));

  test('widened, it starts more workers for the cards still waiting', async () => {
    const narrow = new CardPool({ root: PROJECT_ROOT, size: 1, script: slow() });
    try {
      expect(threads(await narrow.drawAll(Array.from({ length: 12 }, () => catl))).size).toBe(1);
    } finally {
      await narrow.close();
    }
    const pool = new CardPool({ root: PROJECT_ROOT, size: 1, script: slow() });
    try {
      const drawing = pool.drawAll(Array.from({ length: 12 }, () => catl));
      // One worker has its first cards; the others wait.
      expect(pool.waiting).toBe(10);
      pool.widen(1);
      expect(pool.size).toBe(1);
      pool.widen(2);
      expect(pool.size).toBe(2);
      expect(pool.waiting).toBe(8);
      expect(threads(await drawing).size).toBe(2);
    } finally {
      await pool.close();
    }
    pool.widen(3);
    expect(pool.size).toBe(2);
  });

  test('cards drawn by the pool are byte-identical to cards drawn in-process', async () => {
    const cards = [catl, ...benchCards(15, 11)];
    const pool = new CardPool({ root: PROJECT_ROOT, size: 2 });
    try {
      const pooled = await pool.drawAll(cards);
      const drawer = new CardDrawer(PROJECT_ROOT);
      for (const [i, card] of cards.entries()) {
        expect(pngSize(pooled[i]!.png), card.title).toEqual({ width: 1200, height: 630 });
        expect(pooled[i]!.png.equals(drawer.png(card).png), card.title).toBe(true);
        expect(pooled[i]!.drawMs + pooled[i]!.encodeMs).toBeGreaterThanOrEqual(0);
      }
      // Inter, and the slices of the CJK fonts the names need: dozens of files, not whole fonts.
      const fonts = pool.fonts();
      expect(fonts.files).toBeGreaterThan(2);
      expect(fonts.bytes).toBeLessThan(5_000_000);
    } finally {
      await pool.close();
    }
  });

  test('an error drawing a card rejects that card with a message that names it; the pool goes on', async () => {
    const pool = new CardPool({ root: PROJECT_ROOT, size: 1 });
    try {
      const broken = { ...catl, title: 42 } as unknown as OgCard;
      await expect(pool.draw(broken)).rejects.toThrow(
        /^Could not draw the link-preview card of "42" \(Company\):\nTypeError: /,
      );
      expect(pngSize((await pool.draw(catl)).png)).toEqual({ width: 1200, height: 630 });
    } finally {
      await pool.close();
    }
  });

  test('a worker that fails fails every card waiting and the pool, and says so', async () => {
    const pool = new CardPool({
      root: PROJECT_ROOT,
      size: 2,
      script: script('throws.mjs', "throw new Error('no fonts in this folder');"),
    });
    const results = await Promise.allSettled([catl, catl, catl, catl].map((card) => pool.draw(card)));
    for (const result of results) {
      expect(result.status).toBe('rejected');
      expect(String((result as PromiseRejectedResult).reason)).toMatch(
        /A link-preview card worker failed: Error: no fonts in this folder/,
      );
    }
    await expect(pool.draw(catl)).rejects.toThrow('no fonts in this folder');
    await pool.close();
  });

  test('a worker that exits while drawing fails the pool with its exit code', async () => {
    const pool = new CardPool({
      root: PROJECT_ROOT,
      size: 1,
      script: script(
        'exits.mjs',
        "import { parentPort } from 'node:worker_threads';\nparentPort.on('message', () => process.exit(3));",
      ),
    });
    await expect(pool.draw(catl)).rejects.toThrow('A link-preview card worker stopped unexpectedly (exit code 3).');
    await pool.close();
  });

  test('after close, drawing fails', async () => {
    const pool = new CardPool({ root: PROJECT_ROOT, size: 1 });
    await pool.draw(catl);
    await pool.close();
    await expect(pool.draw(catl)).rejects.toThrow('The link-preview card pool is closed.');
  });

  test('a pool with nothing left to draw does not keep the process alive, even unclosed', async () => {
    const pool = pathToFileURL(join(PROJECT_ROOT, 'src/lib/publishing/og-pool.ts')).href;
    const program = script(
      'unclosed.mjs',
      `import { CardPool } from ${JSON.stringify(pool)};
const pool = new CardPool({ root: ${JSON.stringify(PROJECT_ROOT)}, size: 2 });
const drawn = await pool.drawAll([${JSON.stringify(catl)}, ${JSON.stringify(catl)}]);
console.log(drawn.map((card) => card.png.length > 0).join(' '));`,
    );
    const started = performance.now();
    const { stdout } = await promisify(execFile)(join(PROJECT_ROOT, 'node_modules/.bin/node'), [program], {
      timeout: 60_000,
    });
    expect(stdout.trim()).toBe('true true');
    expect(performance.now() - started).toBeLessThan(60_000);
  });
});
