import rss from '@astrojs/rss';
import type { APIRoute, GetStaticPaths } from 'astro';
import type { companyRssFeed } from '../../../lib/publishing/feeds';
import { companyFeedPaths } from '../../../publishing';

// A feed per company of what is new about it; a renamed company's old feed address keeps serving
// its feed. Each feed's cache key is a hash of what it holds, so an incremental build writes it
// again only when that has changed.
export const getStaticPaths = companyFeedPaths satisfies GetStaticPaths;

export const GET: APIRoute<{ feed: ReturnType<typeof companyRssFeed> }> = ({ props }) => rss(props.feed);
