import { escapeMarkup } from '../values/escape';
import { formatFuzzyDate } from '../values/fuzzy-date';
import { fill, linksUi } from '../../i18n/links';
import { ui } from '../../i18n/ui';
import type { Ref } from '../../schemas/common';
import type { SiteConfig } from '../../schemas/site';
import type { Graph, Node } from '../graph/graph';
import { backlinks } from '../graph/relations';
import { dealStatusView, eventStatusView, latestSource, sourceInstant, statusText } from '../graph/status';
import { absoluteUrl, companyFeedUrl, entityUrl, homeUrl, jsonFeedUrl } from '../routes';

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
  /** When the item became news (see {@link feedDate}). */
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

/**
 * The one rule for a feed item's date: when the news reached readers, never a day the item's
 * fuzzy date does not give.
 * - A briefing: the day it was published (at midnight UTC, since a feed date needs a time of day),
 *   and the day it was updated, if it was.
 * - A deal or an event: the moment its latest source was published, from the source's own
 *   timestamp with its offset (`2025-07-09T19:18+09:00`). So "2025, before 9 July" is never
 *   dated 1 January 2025, a plan is never dated in the future, and a later report of the same
 *   entry brings it back up the feed.
 * The item's text carries the entry's own date as the source gives it ("2025, before 9 July").
 */
export function feedDate(graph: Graph, node: Node<'briefings'> | Node<'deals'> | Node<'events'>): Date {
  if (node.ref.collection === 'briefings') return dayDate((node as Node<'briefings'>).data.published);
  const { sources } = (node as Node<'deals'> | Node<'events'>).data;
  return sourceInstant(graph.node(latestSource(graph, sources)).data.published);
}

function briefingItem(graph: Graph, node: Node<'briefings'>, site: URL | string): FeedItem {
  const b = node.data;
  const url = absoluteUrl(entityUrl(node.ref), site);
  return {
    id: url,
    url,
    title: node.title,
    summary: b.description,
    published: feedDate(graph, node),
    ...(b.updated ? { updated: dayDate(b.updated) } : {}),
    category: linksUi.feeds.briefing,
    tags: b.topics,
  };
}

/** Every briefing, newest first. */
export function briefingFeedItems(graph: Graph, site: URL | string): FeedItem[] {
  return graph.all('briefings').map((node) => briefingItem(graph, node, site));
}

/**
 * The opening of a deal's or event's feed text: its own date as the source gives it, and its
 * status as of its latest source, past due on `today` where it is: "Date: by the end of 2025.
 * Status: Planned (as of 9 July 2025). Due by the end of 2025 — no report since 9 July 2025."
 */
export function feedLead(graph: Graph, node: Node<'deals'> | Node<'events'>, today: string): string {
  const parts: string[] = [];
  if (node.ref.collection === 'events') {
    const e = (node as Node<'events'>).data;
    parts.push(fill(linksUi.feeds.date, { label: ui.facts.date, date: formatFuzzyDate(e.date) }));
    parts.push(
      fill(linksUi.feeds.status, { label: ui.facts.status, status: statusText(eventStatusView(graph, e, today)) }),
    );
  } else {
    const d = (node as Node<'deals'>).data;
    if (d.announced)
      parts.push(fill(linksUi.feeds.date, { label: ui.facts.announced, date: formatFuzzyDate(d.announced) }));
    parts.push(
      fill(linksUi.feeds.status, { label: ui.facts.status, status: statusText(dealStatusView(graph, d, today)) }),
    );
  }
  // A status that is past due already ends with its own full stop.
  return parts.map((p) => (p.endsWith('.') ? p : `${p}.`)).join(' ');
}

/**
 * What is new about a company, newest first, at most `limit` items: the deals it is a party to,
 * the events that involve it and the briefings that mention it, each dated by {@link feedDate},
 * deals and events with their own dates and statuses (as of `today`, the build's day) in their
 * text. Ties go by title.
 */
export function companyFeedItems(
  graph: Graph,
  company: Ref<'companies'>,
  site: URL | string,
  today: string,
  limit = COMPANY_FEED_LIMIT,
): FeedItem[] {
  const items: FeedItem[] = [];
  const item = (node: Node<'deals'> | Node<'events'>, summary: string, category: string) => {
    const url = absoluteUrl(entityUrl(node.ref), site);
    items.push({
      id: url,
      url,
      title: node.title,
      summary: fill(linksUi.feeds.itemText, { lead: feedLead(graph, node, today), summary }),
      published: feedDate(graph, node),
      category,
      tags: [],
    });
  };
  const seen = new Set<string>();
  for (const edge of graph.incoming(company, 'party')) {
    if (seen.has(edge.from.id)) continue;
    seen.add(edge.from.id);
    const deal = graph.node(edge.from as Ref<'deals'>);
    item(deal, deal.data.summary, linksUi.feeds.deal);
  }
  for (const edge of graph.incoming(company, 'involves')) {
    const event = graph.node(edge.from as Ref<'events'>);
    item(event, event.data.summary, linksUi.feeds.event);
  }
  for (const { briefing } of backlinks(graph, company)) items.push(briefingItem(graph, briefing, site));
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
      const item = briefingItem(graph, node, siteUrl);
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

/**
 * The RSS feed of a company, in the shape @astrojs/rss takes: its channel and its newest items,
 * with absolute links on `siteUrl`, statuses as of `today`. Plain data: the build writes it as a
 * file beside the company's page (src/publishing.ts), and `astro dev` serves it from its route.
 */
export function companyRssFeed(graph: Graph, company: Ref<'companies'>, site: SiteConfig, siteUrl: URL, today: string) {
  return {
    ...companyFeedChannel(graph, company, site),
    site: absoluteUrl(entityUrl(company), siteUrl),
    items: companyFeedItems(graph, company, siteUrl, today).map(rssItem),
    xmlns: RSS_NAMESPACES,
    customData: rssChannelExtras(absoluteUrl(companyFeedUrl(company), siteUrl), site.lang),
  };
}
