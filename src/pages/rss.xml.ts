import rss from '@astrojs/rss';
import type { APIRoute } from 'astro';
import { getGraph, getSite } from '../data';
import { fill, linksUi } from '../i18n/links';
import { briefingFeedItems, rssChannelExtras, rssItem, RSS_NAMESPACES } from '../lib/publishing/feeds';
import { absoluteUrl, rssFeedUrl } from '../lib/routes';
import { siteUrl } from '../publishing';

// RSS 2.0 feed of the briefings, newest first.
export const GET: APIRoute = async () => {
  const site = getSite();
  const url = siteUrl();
  return rss({
    title: fill(linksUi.feeds.briefingsTitle, { site: site.title }),
    description: site.description,
    site: url,
    items: briefingFeedItems(await getGraph(), url).map(rssItem),
    xmlns: RSS_NAMESPACES,
    customData: rssChannelExtras(absoluteUrl(rssFeedUrl(), url), site.lang),
  });
};
