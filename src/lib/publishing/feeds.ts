import { escapeMarkup } from '../values/escape';
import { fill, linksUi } from '../../i18n/links';
import type { Ref } from '../../schemas/common';
import type { SiteConfig } from '../../schemas/site';
import type { Graph, Node } from '../graph/graph';
import { backlinks } from '../graph/relations';
import { absoluteUrl, entityUrl, homeUrl, jsonFeedUrl } from '../routes';

/**
 * Feeds as data: the briefings (RSS and JSON Feed) and, per company, everything new that
 * involves it. Item links are absolute, on the configured site.
 */

/** One entry of a feed. */
export interface FeedItem {
  /** Stable id: the absolute URL of the item's page. */
  id: string;
  url: string;
  title: string;
  summary: string;
  /** When the item became news (see {@link companyFeedItems}). */
  published: Date;
  updated?: Date;
  /** What the item is: "Deal", "Event", "Briefing". */
  category: string;
  tags: string[];
}

/** How many items a company feed keeps: the newest. */
export const COMPANY_FEED_LIMIT = 50;

/** Midnight UTC of an ISO day (`2025-07-09`). */
export function dayDate(day: string): Date {
  return new Date(`${day}T00:00:00Z`);
}

/** The day a source was published, at its own offset (`2025-07-09T19:18+09:00` → 2025-07-09). */
function sourceDay(timestamp: string): string {
  return timestamp.slice(0, 10);
}

/** The first day any of `sources` was published: when what they report became known. */
function reportedDay(graph: Graph, sources: Ref<'sources'>[]): string | undefined {
  return sources
    .map((ref) => sourceDay(graph.node(ref).data.published))
    .sort()
    .at(0);
}

function briefingItem(node: Node<'briefings'>, site: URL | string): FeedItem {
  const b = node.data;
  const url = absoluteUrl(entityUrl(node.ref), site);
  return {
    id: url,
    url,
    title: node.title,
    summary: b.description,
    published: dayDate(b.published),
    ...(b.updated ? { updated: dayDate(b.updated) } : {}),
    category: linksUi.feeds.briefing,
    tags: b.topics,
  };
}

/** Every briefing, newest first. */
export function briefingFeedItems(graph: Graph, site: URL | string): FeedItem[] {
  return graph.all('briefings').map((node) => briefingItem(node, site));
}

/**
 * What is new about a company, newest first, at most `limit` items: the deals it is a party to
 * (dated by their announcement, else by the first report of them), the events that involve it
 * (dated by the event once it happened, else by the first report of the plan, so a feed never
 * carries future dates) and the briefings that mention it (by publication). Ties go by title.
 */
export function companyFeedItems(
  graph: Graph,
  company: Ref<'companies'>,
  site: URL | string,
  limit = COMPANY_FEED_LIMIT,
): FeedItem[] {
  const items: FeedItem[] = [];
  const item = (node: Node, summary: string, day: string | undefined, category: string) => {
    if (!day) return;
    const url = absoluteUrl(entityUrl(node.ref), site);
    items.push({ id: url, url, title: node.title, summary, published: dayDate(day), category, tags: [] });
  };
  const seen = new Set<string>();
  for (const edge of graph.incoming(company, 'party')) {
    if (seen.has(edge.from.id)) continue;
    seen.add(edge.from.id);
    const deal = graph.node(edge.from as Ref<'deals'>);
    const day = deal.data.announced?.start ?? reportedDay(graph, deal.data.sources);
    item(deal, deal.data.summary, day, linksUi.feeds.deal);
  }
  for (const edge of graph.incoming(company, 'involves')) {
    const event = graph.node(edge.from as Ref<'events'>);
    const e = event.data;
    const day = e.status === 'happened' ? e.date.start : reportedDay(graph, e.sources);
    item(event, e.summary, day, linksUi.feeds.event);
  }
  for (const { briefing } of backlinks(graph, company)) items.push(briefingItem(briefing, site));
  return items
    .sort((a, b) => b.published.getTime() - a.published.getTime() || a.title.localeCompare(b.title, 'en'))
    .slice(0, limit);
}

/** Channel data of the company feed. */
export function companyFeedChannel(graph: Graph, company: Ref<'companies'>, site: SiteConfig) {
  const name = graph.node(company).title;
  return {
    title: fill(linksUi.feeds.companyTitle, { site: site.title, company: name }),
    description: fill(linksUi.feeds.companyDescription, { company: name }),
  };
}

/** A JSON Feed 1.1 document (https://www.jsonfeed.org/version/1.1/). */
export interface JsonFeed {
  version: 'https://jsonfeed.org/version/1.1';
  title: string;
  home_page_url: string;
  feed_url: string;
  description: string;
  language: string;
  items: {
    id: string;
    url: string;
    title: string;
    summary: string;
    content_text: string;
    date_published: string;
    date_modified?: string;
    tags?: string[];
  }[];
}

/** The briefings as a JSON Feed 1.1 document. */
export function briefingsJsonFeed(graph: Graph, site: SiteConfig, siteUrl: URL | string): JsonFeed {
  return {
    version: 'https://jsonfeed.org/version/1.1',
    title: fill(linksUi.feeds.briefingsTitle, { site: site.title }),
    home_page_url: absoluteUrl(homeUrl(), siteUrl),
    feed_url: absoluteUrl(jsonFeedUrl(), siteUrl),
    description: site.description,
    language: site.lang,
    items: graph.all('briefings').map((node) => {
      const item = briefingItem(node, siteUrl);
      return {
        id: item.id,
        url: item.url,
        title: item.title,
        summary: item.summary,
        content_text: node.data.summary,
        date_published: item.published.toISOString(),
        ...(item.updated ? { date_modified: item.updated.toISOString() } : {}),
        ...(item.tags.length ? { tags: item.tags } : {}),
      };
    }),
  };
}

/** Channel elements @astrojs/rss does not write: the language and the feed's own address. */
export function rssChannelExtras(selfUrl: string, language: string): string {
  return (
    `<language>${escapeMarkup(language)}</language>` +
    `<atom:link href="${escapeMarkup(selfUrl)}" rel="self" type="application/rss+xml"/>`
  );
}

/** A feed item in the shape @astrojs/rss takes. */
export function rssItem(item: FeedItem) {
  return {
    title: item.title,
    link: item.url,
    pubDate: item.published,
    description: item.summary,
    categories: [item.category, ...item.tags],
  };
}

/** Namespaces of the RSS documents (for `atom:link rel="self"`). */
export const RSS_NAMESPACES = { atom: 'http://www.w3.org/2005/Atom' };
