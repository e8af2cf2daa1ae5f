import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, test } from 'vitest';
import { buildSite, OUTPUT_ROOT } from '../support/build';

const work = mkdtempSync(join(OUTPUT_ROOT, 'og-cache-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));
const content = join(work, 'content');
cpSync(join(import.meta.dirname, '../fixtures/minimal'), content, { recursive: true });

/** Builds the fixture into the same folder each time, so every build finds the last one's cache. */
async function build() {
  const result = await buildSite({ contentRoot: content, outDir: join(work, 'dist') });
  expect(result.ok, result.output.slice(-3000)).toBe(true);
  const line =
    /\[og\] (\d+) preview images in [\d.]+ s: (\d+) drawn \(([\d.]+) ms each.*?\), (\d+) from cache; (\d+) stale/.exec(
      result.output,
    );
  expect(line, 'the build reports its preview images').not.toBeNull();
  const [, total, drawn, , cached, pruned] = line!.map(Number);
  // Read now: the next build replaces the files.
  const images = Object.fromEntries(
    ['companies/globex', 'companies/acme-widgets', 'people/jane-doe'].map((page) => [
      page,
      readFileSync(join(work, 'dist/og', `${page}.png`)),
    ]),
  );
  return { total: total!, drawn: drawn!, cached: cached!, pruned: pruned!, images };
}

describe('preview images are cached by content', () => {
  test('a cold build draws every image; a rebuild without changes draws none; a change redraws only its cards', async () => {
    const cold = await build();
    expect(cold.drawn).toBe(cold.total);
    expect(cold.total).toBeGreaterThan(15);

    const warm = await build();
    expect(warm).toMatchObject({ total: cold.total, drawn: 0, cached: cold.total, pruned: 0 });
    expect(warm.images['companies/globex']).toEqual(cold.images['companies/globex']);

    const file = join(content, 'companies/globex.yaml');
    writeFileSync(file, readFileSync(file, 'utf8').replace('name: Globex', 'name: Globex Holdings'));
    const changed = await build();
    // Cards that show the name: Globex's own, its parent's (a subsidiary fact) and the deal's (a party).
    expect(changed.drawn).toBe(3);
    expect(changed.pruned).toBe(3);
    expect(changed.images['companies/globex']).not.toEqual(cold.images['companies/globex']);
    expect(changed.images['companies/acme-widgets']).not.toEqual(cold.images['companies/acme-widgets']);
    expect(changed.images['people/jane-doe']).toEqual(cold.images['people/jane-doe']);
  });
});
