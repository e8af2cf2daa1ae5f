import { seedSite } from '../support/seed-site';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, test } from 'vitest';
import { pngSize } from '../../src/lib/publishing/png';
import { loadPage } from '../support/dist';
import { sitemapPaths } from '../../scripts/lib/published.ts';

const dist = await seedSite();
const SITE = 'https://briefing.example.com';
const paths = sitemapPaths(dist);

/** Every `<meta property|name>` of a page's head, with how often it occurs. */
function metaOf(path: string) {
  const $ = loadPage(dist, path);
  const meta = new Map<string, string[]>();
  $('head meta[property], head meta[name]').each((_, m) => {
    const key = $(m).attr('property') ?? $(m).attr('name')!;
    meta.set(key, [...(meta.get(key) ?? []), $(m).attr('content') ?? '']);
  });
  return { $, meta, one: (key: string) => meta.get(key)?.[0] };
}

describe('link previews of every page of the sitemap', () => {
  test.each(paths)('%s: title, description, canonical URL, Open Graph and Twitter tags', (path) => {
    const { $, meta, one } = metaOf(path);
    const canonical = `${SITE}${path}`;
    expect($('head title').text().trim()).not.toBe('');
    expect($('head link[rel="canonical"]').attr('href')).toBe(canonical);
    for (const key of [
      'description',
      'og:title',
      'og:description',
      'og:type',
      'og:url',
      'og:site_name',
      'og:image',
      'og:image:type',
      'og:image:width',
      'og:image:height',
      'og:image:alt',
      'twitter:card',
      'twitter:title',
      'twitter:description',
      'twitter:image',
      'twitter:image:alt',
    ]) {
      expect(meta.get(key), `${key} once`).toHaveLength(1);
      expect(one(key), key).not.toBe('');
    }
    expect(one('og:url')).toBe(canonical);
    expect(one('twitter:card')).toBe('summary_large_image');
    expect(one('twitter:title')).toBe(one('og:title'));
    expect(one('twitter:image')).toBe(one('og:image'));
    expect([one('og:image:type'), one('og:image:width'), one('og:image:height')]).toEqual(['image/png', '1200', '630']);
  });

  test.each(paths)('%s: its image exists and is a 1200×630 PNG on the configured site', (path) => {
    const image = metaOf(path).one('og:image')!;
    expect(image.startsWith(`${SITE}/og/`)).toBe(true);
    const png = readFileSync(join(dist, new URL(image).pathname));
    expect(pngSize(png)).toEqual({ width: 1200, height: 630 });
  });

  test('every page readers share has an image of its own; navigation pages share one per type', () => {
    const images = new Map(paths.map((p) => [p, metaOf(p).one('og:image')!]));
    const shared = (path: string) => !/^\/(?:[a-z]+\/[^/]+\/|about\/)?$/.test(path);
    const own = paths.filter((p) => !shared(p));
    expect(own).toEqual(
      expect.arrayContaining([
        '/',
        '/about/',
        '/companies/catl/',
        '/briefings/chinese-battery-firms-turn-to-korean-partners/',
      ]),
    );
    expect(new Set(own.map((p) => images.get(p))).size).toBe(own.length);
    for (const path of own) expect(images.get(path), path).not.toContain('/og/_shared/');
    for (const path of paths.filter(shared)) expect(images.get(path), path).toMatch(/\/og\/_shared\/[a-z-]+\.png$/);
    expect(images.get('/timeline/')).toBe(images.get('/timeline/page/1/'));
    expect(images.get('/companies/')).not.toBe(images.get('/deals/'));
  });

  test('the 404 page, which is not shared, points at no image', () => {
    expect(metaOf('/404.html').meta.has('og:image')).toBe(false);
  });
});

describe('the images', () => {
  const files: string[] = [];
  const walk = (dir: string) => {
    for (const name of readdirSync(dir)) {
      const path = join(dir, name);
      if (statSync(path).isDirectory()) walk(path);
      else files.push(path);
    }
  };
  walk(join(dist, 'og'));

  test('are all 1200×630 PNGs', () => {
    for (const file of files) {
      expect(file.endsWith('.png'), relative(dist, file)).toBe(true);
      expect(pngSize(readFileSync(file)), relative(dist, file)).toEqual({ width: 1200, height: 630 });
    }
    expect(files.length).toBeGreaterThan(20);
  });
});
