import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { buildGraph } from '../../../src/lib/graph/graph';
import { buildPageList, sharedCards } from '../../../src/lib/pages/page-list';
import { pageFeeds, pageHeadTags, pageImage } from '../../../src/lib/publishing/head-tags';
import { metaDescription } from '../../../src/lib/publishing/meta-text';
import { buildTimeline } from '../../../src/lib/timeline/timeline';
import { loadSiteConfig } from '../../../src/lib/content/site-config';
import { fixtureVocabulary, minimalInput, pageContextFor } from '../../support/content';

const site = loadSiteConfig(join(import.meta.dirname, '../../fixtures/minimal'));
const graph = buildGraph(minimalInput(), fixtureVocabulary);

describe('pageHeadTags', () => {
  test('adds the image, Twitter and feed tags Starlight does not write, with absolute URLs', () => {
    const tags = pageHeadTags({
      site: 'https://news.example.org',
      title: 'Globex',
      description: 'A buyer of widgets.',
      image: { href: '/og/companies/globex.png', alt: 'Link preview: Company card for Globex' },
      feeds: [{ type: 'application/rss+xml', title: 'Briefings', href: '/rss.xml' }],
    });
    expect(tags).toEqual([
      { tag: 'meta', attrs: { property: 'og:image', content: 'https://news.example.org/og/companies/globex.png' } },
      { tag: 'meta', attrs: { property: 'og:image:type', content: 'image/png' } },
      { tag: 'meta', attrs: { property: 'og:image:width', content: '1200' } },
      { tag: 'meta', attrs: { property: 'og:image:height', content: '630' } },
      { tag: 'meta', attrs: { property: 'og:image:alt', content: 'Link preview: Company card for Globex' } },
      { tag: 'meta', attrs: { name: 'twitter:title', content: 'Globex' } },
      { tag: 'meta', attrs: { name: 'twitter:description', content: 'A buyer of widgets.' } },
      { tag: 'meta', attrs: { name: 'twitter:image', content: 'https://news.example.org/og/companies/globex.png' } },
      { tag: 'meta', attrs: { name: 'twitter:image:alt', content: 'Link preview: Company card for Globex' } },
      {
        tag: 'link',
        attrs: {
          rel: 'alternate',
          type: 'application/rss+xml',
          title: 'Briefings',
          href: 'https://news.example.org/rss.xml',
        },
      },
    ]);
  });

  test('without an image: no image tags at all', () => {
    const tags = pageHeadTags({ site: 'https://x.test', title: 'T', description: 'D', image: undefined, feeds: [] });
    expect(tags.map((t) => t.attrs.property ?? t.attrs.name)).toEqual(['twitter:title', 'twitter:description']);
  });
});

describe('pageHeadTags bounds', () => {
  test('clips a long description and title at a word boundary with "…"', () => {
    const tags = pageHeadTags({
      site: 'https://x.test',
      title: 'Title '.repeat(50),
      description: 'Widgets everywhere. '.repeat(52_429),
      image: { href: '/og/x.png', alt: `Link preview: Company card for ${'Name '.repeat(50)}` },
      feeds: [],
    });
    const content = (name: string) =>
      tags.find((t) => t.attrs.name === name || t.attrs.property === name)!.attrs.content!;
    expect(content('twitter:description')).toBe(`${'Widgets everywhere. '.repeat(14)}Widgets everywhere…`);
    expect(content('twitter:description').length).toBeLessThanOrEqual(300);
    expect(content('twitter:title')).toBe(`${'Title '.repeat(33).trim()}…`);
    expect(content('og:image:alt').length).toBeLessThanOrEqual(200);
    expect(content('og:image:alt')).toMatch(/^Link preview: Company card for (Name )+Name…$/);
  });
});

describe('metaDescription', () => {
  test('leaves a short description as it is and clips a long one to 300 characters', () => {
    expect(metaDescription('A buyer of widgets.')).toBe('A buyer of widgets.');
    expect(metaDescription('word '.repeat(1000))).toBe(`${'word '.repeat(59).trim()} word…`);
  });
});

describe('pageFeeds', () => {
  const pages = pageList();
  const at = (path: string) => pages.find((p) => p.path === path);

  test('every page advertises the briefings feeds', () => {
    expect(pageFeeds(site, at('/deals/'))).toEqual([
      { type: 'application/rss+xml', title: 'Fixture: widgets: briefings (RSS)', href: '/rss.xml' },
      { type: 'application/feed+json', title: 'Fixture: widgets: briefings (JSON Feed)', href: '/feed.json' },
    ]);
  });

  test('a company page also advertises its own feed; the companies index does not', () => {
    expect(pageFeeds(site, at('/companies/globex/'))[2]).toEqual({
      type: 'application/rss+xml',
      title: 'Globex: what’s new (RSS)',
      href: '/companies/globex/feed.xml',
    });
    expect(pageFeeds(site, at('/companies/'))).toHaveLength(2);
  });
});

describe('pageImage', () => {
  const pages = pageList();
  const shared = sharedCards(pageContextFor(graph, site));
  const at = (path: string) => pages.find((p) => p.path === path);

  test('a page with a card of its own points at its own image', () => {
    expect(pageImage(at('/companies/globex/'), shared)).toEqual({
      href: '/og/companies/globex.png',
      alt: 'Link preview: Company card for Globex',
    });
    expect(pageImage(at('/'), shared)?.href).toBe('/og/index.png');
  });

  test('navigation pages point at the one image their type shares', () => {
    expect(pageImage(at('/companies/'), shared)).toEqual({
      href: '/og/_shared/index-companies.png',
      alt: 'Link preview: Index card for Companies',
    });
    expect(pageImage(at('/timeline/page/1/'), shared)?.href).toBe('/og/_shared/timeline.png');
  });

  test('pages the site does not list (such as 404) get no image', () => {
    expect(pageImage(undefined, shared)).toBeUndefined();
  });
});

function pageList() {
  const ctx = pageContextFor(graph, site);
  return buildPageList(ctx, {
    timeline: buildTimeline(graph, site.vocabulary),
    docs: [],
    siteWide: {},
    body: () => '',
    today: '2026-11-26',
  });
}
