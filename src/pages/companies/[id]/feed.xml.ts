import rss from '@astrojs/rss';
import type { APIRoute, GetStaticPaths } from 'astro';
import { getGraph, getSite, getToday } from '../../../data';
import {
  companyFeedChannel,
  companyFeedItems,
  rssChannelExtras,
  rssItem,
  RSS_NAMESPACES,
} from '../../../lib/publishing/feeds';
import { absoluteUrl, companyFeedUrl, entityUrl } from '../../../lib/routes';
import type { Ref } from '../../../schemas/common';
import { siteUrl } from '../../../publishing';

// A feed per company of what is new about it. A renamed company's old feed address keeps
// serving its feed, since feed readers do not follow HTML redirects.
export const getStaticPaths = (async () => {
  const graph = await getGraph();
  const live = graph.all('companies').map((node) => ({ params: { id: node.ref.id }, props: { company: node.ref } }));
  const moved = graph
    .redirects()
    .filter((r) => r.to.collection === 'companies')
    .map((r) => ({ params: { id: r.from.id }, props: { company: r.to as Ref<'companies'> } }));
  return [...live, ...moved];
}) satisfies GetStaticPaths;

export const GET: APIRoute<{ company: Ref<'companies'> }> = async ({ props }) => {
  const graph = await getGraph();
  const url = siteUrl();
  const { company } = props;
  return rss({
    ...companyFeedChannel(graph, company, getSite()),
    site: absoluteUrl(entityUrl(company), url),
    items: companyFeedItems(graph, company, url, getToday()).map(rssItem),
    xmlns: RSS_NAMESPACES,
    customData: rssChannelExtras(absoluteUrl(companyFeedUrl(company), url), getSite().lang),
  });
};
