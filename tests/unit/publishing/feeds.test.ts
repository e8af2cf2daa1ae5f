import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import {
  briefingFeedItems,
  briefingsJsonFeed,
  companyFeedChannel,
  companyFeedItems,
  rssChannelExtras,
  rssItem,
} from '../../../src/lib/publishing/feeds';
import { buildGraph } from '../../../src/lib/graph/graph';
import { loadSiteConfig } from '../../../src/lib/content/site-config';
import { fixtureVocabulary, minimalInput } from '../../support/content';

const site = loadSiteConfig(join(import.meta.dirname, '../../fixtures/minimal'));
const graph = buildGraph(minimalInput(), fixtureVocabulary);
const SITE = 'https://news.example.org';
const acme = { collection: 'companies', id: 'acme-widgets' } as const;

describe('briefingFeedItems', () => {
  test('one item per briefing with absolute URLs and its publication day', () => {
    expect(briefingFeedItems(graph, SITE)).toEqual([
      {
        id: 'https://news.example.org/briefings/widgets-weekly/',
        url: 'https://news.example.org/briefings/widgets-weekly/',
        title: 'Widgets weekly',
        summary: 'Synthetic briefing for tests.',
        published: new Date('2024-01-03T00:00:00Z'),
        category: 'Briefing',
        tags: [],
      },
    ]);
  });
});

describe('companyFeedItems', () => {
  test('deals, events and briefings that involve the company, newest first', () => {
    const items = companyFeedItems(graph, acme, SITE);
    expect(items.map((i) => [i.category, i.url, i.published.toISOString().slice(0, 10)])).toEqual([
      ['Briefing', 'https://news.example.org/briefings/widgets-weekly/', '2024-01-03'],
      // A planned event is dated by the first report of the plan, never by its future date.
      ['Event', 'https://news.example.org/events/acme-plant-opening/', '2024-01-02'],
      // A deal by its announcement ("early 2024-01" starts on 1 January).
      ['Deal', 'https://news.example.org/deals/acme-globex-widgets/', '2024-01-01'],
    ]);
  });

  test('keeps only the newest items', () => {
    expect(companyFeedItems(graph, acme, SITE, 2).map((i) => i.category)).toEqual(['Briefing', 'Event']);
  });

  test('a company only mentioned in a briefing gets that briefing', () => {
    const items = companyFeedItems(graph, { collection: 'companies', id: 'test-gazette' }, SITE);
    expect(items).toEqual([]);
    const globex = companyFeedItems(graph, { collection: 'companies', id: 'globex' }, SITE);
    expect(globex.map((i) => i.category)).toEqual(['Briefing', 'Deal']);
  });

  test('channel title and description name the company', () => {
    expect(companyFeedChannel(graph, acme, site)).toEqual({
      title: 'Fixture: widgets: Acme Widgets',
      description: 'Deals, events and briefings that involve Acme Widgets, newest first.',
    });
  });
});

describe('briefingsJsonFeed', () => {
  test('is a JSON Feed 1.1 with absolute URLs and text content', () => {
    const feed = briefingsJsonFeed(graph, site, SITE);
    expect(feed).toMatchObject({
      version: 'https://jsonfeed.org/version/1.1',
      title: 'Fixture: widgets: briefings',
      home_page_url: 'https://news.example.org/',
      feed_url: 'https://news.example.org/feed.json',
      language: 'en',
    });
    expect(feed.items).toEqual([
      {
        id: 'https://news.example.org/briefings/widgets-weekly/',
        url: 'https://news.example.org/briefings/widgets-weekly/',
        title: 'Widgets weekly',
        summary: 'Synthetic briefing for tests.',
        content_text: 'Synthetic briefing that mentions every kind of entity.',
        date_published: '2024-01-03T00:00:00.000Z',
      },
    ]);
  });
});

describe('RSS helpers', () => {
  test('channel extras escape the self URL', () => {
    expect(rssChannelExtras('https://x.test/a.xml?b=1&c="2"', 'en')).toBe(
      '<language>en</language><atom:link href="https://x.test/a.xml?b=1&#38;c=&#34;2&#34;" rel="self" type="application/rss+xml"/>',
    );
  });

  test('items carry link, date, description and categories', () => {
    const [item] = briefingFeedItems(graph, SITE);
    expect(rssItem({ ...item!, tags: ['widgets'] })).toEqual({
      title: 'Widgets weekly',
      link: 'https://news.example.org/briefings/widgets-weekly/',
      pubDate: new Date('2024-01-03T00:00:00Z'),
      description: 'Synthetic briefing for tests.',
      categories: ['Briefing', 'widgets'],
    });
  });
});
