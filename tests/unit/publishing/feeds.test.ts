import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import {
  briefingFeedItems,
  briefingsJsonFeed,
  companyFeedChannel,
  companyFeedItems,
  companyRssFeed,
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
  const TODAY = '2026-11-26';

  test('deals, events and briefings that involve the company, newest first, each dated by one rule', () => {
    const items = companyFeedItems(graph, acme, SITE, TODAY);
    expect(items.map((i) => [i.category, i.url, i.published.toISOString()])).toEqual([
      // A briefing by the day it was published.
      ['Briefing', 'https://news.example.org/briefings/widgets-weekly/', '2024-01-03T00:00:00.000Z'],
      // A deal or an event by the moment its latest source was published ('2024-01-02T09:00+00:00'):
      // never by the start of its fuzzy date ("early 2024-01" is not 1 January), never by a future plan.
      ['Event', 'https://news.example.org/events/acme-plant-opening/', '2024-01-02T09:00:00.000Z'],
      ['Deal', 'https://news.example.org/deals/acme-globex-widgets/', '2024-01-02T09:00:00.000Z'],
    ]);
  });

  test('the item text carries the entry’s own date and its status as of its source, past due where it is', () => {
    const [, event, deal] = companyFeedItems(graph, acme, SITE, TODAY);
    expect(event!.summary).toBe(
      'Date: by the end of 2024. Status: Planned (as of 2 January 2024). Due by the end of 2024 — no report since 2 January 2024. Synthetic event for tests.',
    );
    expect(deal!.summary).toBe(
      'Announced: early January 2024. Status: Signed (as of 2 January 2024). Synthetic deal for tests.',
    );
    // Before its date had passed, the plan was only planned.
    const earlier = companyFeedItems(graph, acme, SITE, '2024-12-31').find((i) => i.category === 'Event')!;
    expect(earlier.summary).toBe(
      'Date: by the end of 2024. Status: Planned (as of 2 January 2024). Synthetic event for tests.',
    );
  });

  test('a later report of an entry dates it by that report', () => {
    const input = minimalInput();
    const first = input.sources[0]!;
    input.sources.push({
      ...structuredClone(first),
      id: 'later',
      filePath: 'sources/later.yaml',
      data: { ...structuredClone(first.data), title: 'Later', published: '2024-03-05T18:30+09:00' },
    });
    input.deals[0]!.data.sources.push({ collection: 'sources', id: 'later' });
    const later = buildGraph(input, fixtureVocabulary);
    const deal = companyFeedItems(later, acme, SITE, TODAY).find((i) => i.category === 'Deal')!;
    expect(deal.published.toISOString()).toBe('2024-03-05T09:30:00.000Z');
    expect(deal.summary).toContain('Status: Signed (as of 5 March 2024).');
  });

  test('keeps only the newest items', () => {
    expect(companyFeedItems(graph, acme, SITE, TODAY, 2).map((i) => i.category)).toEqual(['Briefing', 'Event']);
  });

  test('a company only mentioned in a briefing gets that briefing', () => {
    const items = companyFeedItems(graph, { collection: 'companies', id: 'test-gazette' }, SITE, TODAY);
    expect(items).toEqual([]);
    const globex = companyFeedItems(graph, { collection: 'companies', id: 'globex' }, SITE, TODAY);
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

describe('companyRssFeed', () => {
  const TODAY = '2026-11-26';
  const url = new URL(SITE);

  test('is the whole feed as plain data: channel, absolute links, items and its own address', () => {
    const feed = companyRssFeed(graph, acme, site, url, TODAY);
    expect(feed).toMatchObject({
      ...companyFeedChannel(graph, acme, site),
      site: 'https://news.example.org/companies/acme-widgets/',
      items: companyFeedItems(graph, acme, url, TODAY).map(rssItem),
      customData: rssChannelExtras('https://news.example.org/companies/acme-widgets/feed.xml', site.lang),
    });
  });

  // Its hash is the feed file's cache key: equal data must mean an equal file, and a change to
  // anything the feed shows must change the data.
  test('changes when anything the feed shows changes, and only then', () => {
    const data = (g: typeof graph, today = TODAY, on = url) => JSON.stringify(companyRssFeed(g, acme, site, on, today));
    expect(data(buildGraph(minimalInput(), fixtureVocabulary))).toBe(data(graph));
    const renamed = minimalInput();
    renamed.deals[0]!.data.title = 'Renamed deal';
    expect(data(buildGraph(renamed, fixtureVocabulary))).not.toBe(data(graph));
    // The event's status reads "past due" once its date has passed.
    expect(data(graph, '2024-12-31')).not.toBe(data(graph));
    expect(data(graph, TODAY, new URL('https://other.example'))).not.toBe(data(graph));
  });
});
