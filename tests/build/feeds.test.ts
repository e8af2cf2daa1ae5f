import { seedSite } from '../support/seed-site';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import * as cheerio from 'cheerio';
import { describe, expect, test } from 'vitest';
import { COMPANY_FEED_LIMIT } from '../../src/lib/publishing/feeds';
import { companyFeedUrl, entityUrl } from '../../src/lib/routes';
import { loadContentRoot } from '../support/content';
import { loadPage } from '../support/dist';
import { jsonFeedProblems, rssProblems } from '../support/feed-format';
import { sitemapPaths } from '../../scripts/lib/published.ts';

const dist = await seedSite();
const SITE = 'https://briefing.example.com';
const { graph } = loadContentRoot(join(import.meta.dirname, '../../src/content'));
const companies = graph.all('companies');
const read = (path: string) => readFileSync(join(dist, path), 'utf8');
const xml = (path: string) => cheerio.load(read(path), { xml: true });

describe('the briefings feeds', () => {
  test('/rss.xml is valid RSS 2.0 with every briefing, newest first, at absolute URLs', () => {
    expect(rssProblems(read('rss.xml'))).toEqual([]);
    const $ = xml('rss.xml');
    expect($('channel > link').text()).toBe(`${SITE}/`);
    expect($('channel > atom\\:link').attr('href')).toBe(`${SITE}/rss.xml`);
    expect(
      $('item > link')
        .map((_, l) => $(l).text())
        .get(),
    ).toEqual(graph.all('briefings').map((b) => `${SITE}${entityUrl(b.ref)}`));
  });

  test('/feed.json is valid JSON Feed 1.1 with every briefing', () => {
    const feed = JSON.parse(read('feed.json')) as { items: { id: string; url: string; title: string }[] };
    expect(jsonFeedProblems(feed)).toEqual([]);
    expect(feed.items.map((i) => i.url)).toEqual(graph.all('briefings').map((b) => `${SITE}${entityUrl(b.ref)}`));
    expect(feed.items.map((i) => i.title)).toEqual(graph.all('briefings').map((b) => b.title));
  });
});

describe('the company feeds', () => {
  test.each(companies.map((c) => [c.ref.id, c] as const))(
    '%s: valid RSS 2.0, at most %i items, newest first, each involving the company',
    (_, company) => {
      const path = companyFeedUrl(company.ref);
      expect(rssProblems(read(path))).toEqual([]);
      const $ = xml(path);
      const dates = $('item > pubDate')
        .map((__, d) => Date.parse($(d).text()))
        .get();
      expect(dates.length).toBeLessThanOrEqual(COMPANY_FEED_LIMIT);
      expect(dates).toEqual([...dates].sort((a, b) => b - a));
      expect($('channel > link').text()).toBe(`${SITE}${entityUrl(company.ref)}`);
      // Each item's page links to the company (a party, an involved company, a mention).
      $('item > link').each((__, l) => {
        const page = new URL($(l).text()).pathname;
        expect(loadPage(dist, page)(`main a[href="${entityUrl(company.ref)}"]`).length, page).toBeGreaterThan(0);
      });
    },
  );

  test('CATL has its deals, events and the briefing', () => {
    const $ = xml(companyFeedUrl({ collection: 'companies', id: 'catl' }));
    const categories = $('item')
      .map((_, item) => $(item).children('category').first().text())
      .get();
    expect(categories.sort()).toEqual(['Briefing', 'Deal', 'Deal', 'Event', 'Event']);
  });

  test('there is a feed for every company and no other', () => {
    const feeds = readdirSync(join(dist, 'companies'), { withFileTypes: true })
      .filter((d) => d.isDirectory() && readdirSync(join(dist, 'companies', d.name)).includes('feed.xml'))
      .map((d) => d.name);
    expect(feeds.sort()).toEqual(companies.map((c) => c.ref.id).sort());
  });
});

describe('feed discovery', () => {
  test.each(sitemapPaths(dist))('%s advertises the briefings feeds (and a company page its own)', (path) => {
    const $ = loadPage(dist, path);
    const alternates = $('head link[rel="alternate"]')
      .map((_, l) => `${$(l).attr('type')} ${$(l).attr('href')}`)
      .get();
    const company = companies.find((c) => entityUrl(c.ref) === path);
    expect(alternates).toEqual([
      `application/rss+xml ${SITE}/rss.xml`,
      `application/feed+json ${SITE}/feed.json`,
      ...(company ? [`application/rss+xml ${SITE}${companyFeedUrl(company.ref)}`] : []),
    ]);
    for (const l of $('head link[rel="alternate"]').get()) expect($(l).attr('title')).toBeTruthy();
  });
});
