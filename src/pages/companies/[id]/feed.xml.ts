import rss from '@astrojs/rss';
import type { APIRoute, GetStaticPaths } from 'astro';
import { getGraph, getSite, getToday } from '../../../data';
import { companyRssFeed } from '../../../lib/publishing/feeds';
import type { Ref } from '../../../schemas/common';
import { contentKey, siteUrl } from '../../../publishing';

type Feed = ReturnType<typeof companyRssFeed>;

// A feed per company of what is new about it. A renamed company's old feed address keeps
// serving its feed, since feed readers do not follow HTML redirects. Each feed's cache key is a
// hash of what it holds, so an incremental build writes it again only when that has changed.
export const getStaticPaths = (async () => {
  const graph = await getGraph();
  const feeds = new Map<string, { feed: Feed; cacheKey: string }>();
  const path = (id: string, company: Ref<'companies'>) => {
    let entry = feeds.get(company.id);
    if (!entry) {
      const feed = companyRssFeed(graph, company, getSite(), siteUrl(), getToday());
      entry = { feed, cacheKey: contentKey(JSON.stringify(feed)) };
      feeds.set(company.id, entry);
    }
    return { params: { id }, props: { feed: entry.feed }, cacheKey: entry.cacheKey };
  };
  const live = graph.all('companies').map((node) => path(node.ref.id, node.ref));
  const moved = graph
    .redirects()
    .filter((r) => r.to.collection === 'companies')
    .map((r) => path(r.from.id, r.to as Ref<'companies'>));
  return [...live, ...moved];
}) satisfies GetStaticPaths;

export const GET: APIRoute<{ feed: Feed }> = ({ props }) => rss(props.feed);
