import { linksUi } from '../../i18n/links';
import { ui } from '../../i18n/ui';
import { ENTITY_COLLECTIONS, type EntityCollection, type Ref } from '../../schemas/common';
import { companyFeedUrl, indexUrl, jsonFeedUrl, rssFeedUrl, timelineUrl } from '../routes';
import { todayIndex, type TimelineItem } from '../timeline/timeline';
import { siteCapacityChart, siteNetworkChart, type ChartView } from './charts';
import { briefingItems, companyNames, type BriefingItemView, type PageContext } from './views';

/**
 * The home page described as data: what's new (the latest briefings, deals and events), where
 * to follow the site, and the indexes. Bounded whatever the corpus: a few items of each, found
 * without walking the whole graph more than the timeline already does.
 */

/** How many briefings the home page lists. */
export const HOME_BRIEFINGS = 5;
/** How many of the latest deals and events the home page lists. */
export const HOME_LATEST = 6;

/** A feed a reader can subscribe to: its name, address and media type. */
export interface FeedLinkView {
  text: string;
  href: string;
  type: 'application/rss+xml' | 'application/feed+json';
}

/**
 * A "Follow" block: a title, a line saying what the feeds carry, and the feeds. Title and intro
 * may hold a `{name}` placeholder for `name`, which the block draws isolated (`<bdi>`).
 */
export interface FollowView {
  title: string;
  intro: string;
  name?: string;
  feeds: FeedLinkView[];
}

export interface HomePageView {
  title: string;
  tagline: string;
  description: string;
  briefings: BriefingItemView[];
  /** "All briefings (n)". */
  allBriefings: { text: string; href: string; count: number };
  /** The latest deals and events, newest first, with the company names they show. */
  latest: { items: TimelineItem[]; names: Record<string, string>; more: { text: string; href: string } };
  follow: FollowView;
  /** The site's charts drawn at build time: who supplies whom, capacities by place (those with data). */
  charts: ChartView[];
  explore: { collection: EntityCollection; label: string; count: number; href: string }[];
}

/**
 * The newest deals (by their announcement) and events that are behind us on `today`, newest
 * first, at most `limit` (a deal's planned start is a milestone, not news): the
 * timeline's items before its "today" marker (an item sits at the last day it could fall on, so
 * "by the end of 2025" counts once 2025 is over), read backwards from the marker. Items still
 * ahead are the timeline's to show, not "what's new".
 */
export function latestItems(timeline: readonly TimelineItem[], today: string, limit = HOME_LATEST): TimelineItem[] {
  const latest: TimelineItem[] = [];
  for (let i = todayIndex(timeline as TimelineItem[], today) - 1; i >= 0 && latest.length < limit; i--) {
    const item = timeline[i]!;
    if (item.kind === 'deal-announced' || item.kind === 'event') latest.push(item);
  }
  return latest;
}

/** The site's feeds of briefings, for the home page's "Follow" block. */
export function siteFollow(): FollowView {
  const copy = linksUi.follow;
  return {
    title: copy.title,
    intro: copy.siteIntro,
    feeds: [
      { text: copy.rss, href: rssFeedUrl(), type: 'application/rss+xml' },
      { text: copy.jsonFeed, href: jsonFeedUrl(), type: 'application/feed+json' },
    ],
  };
}

/** A company's feed of what is new about it, for its page's "Follow" block. */
export function companyFollow(company: Ref<'companies'>, name: string): FollowView {
  const copy = linksUi.follow;
  return {
    title: copy.companyTitle,
    intro: copy.companyIntro,
    name,
    feeds: [{ text: copy.rss, href: companyFeedUrl(company), type: 'application/rss+xml' }],
  };
}

/** The home page of a build, on `today` (the build day). */
export function homePage(ctx: PageContext, timeline: readonly TimelineItem[]): HomePageView {
  const { graph, site, today } = ctx;
  const counts = graph.counts();
  const latest = latestItems(timeline, today);
  return {
    title: site.title,
    tagline: site.tagline,
    description: site.description,
    briefings: briefingItems(
      graph,
      graph
        .all('briefings')
        .slice(0, HOME_BRIEFINGS)
        .map((b) => b.ref),
    ),
    allBriefings: { text: ui.home.allBriefings, href: indexUrl('briefings'), count: counts.briefings },
    latest: {
      items: latest,
      names: companyNames(graph, latest),
      more: { text: ui.home.fullTimeline, href: timelineUrl({ type: ['deal', 'event'] }) },
    },
    follow: siteFollow(),
    charts: [siteNetworkChart(graph, site), siteCapacityChart(graph, site)].filter(
      (c): c is ChartView => c !== undefined,
    ),
    explore: ENTITY_COLLECTIONS.filter((c) => c !== 'briefings').map((collection) => ({
      collection,
      label: ui.collections[collection].plural,
      count: counts[collection],
      href: indexUrl(collection),
    })),
  };
}
