import rss from '@astrojs/rss';
import type { APIRoute, GetStaticPaths } from 'astro';
import type { companyRssFeed } from '../../../lib/publishing/feeds';
import { besidePages, companyFeedPaths } from '../../../publishing';

// A feed per company of what is new about it; a renamed company's old feed address keeps serving
// its feed. A build writes these files itself (besidePages); this route serves them in `astro dev`.
export const getStaticPaths = (() => besidePages(companyFeedPaths)) satisfies GetStaticPaths;

export const GET: APIRoute<{ feed: ReturnType<typeof companyRssFeed> }> = ({ props }) => rss(props.feed);
