import { fill, linksUi } from '../../i18n/links';
import type { Ref } from '../../schemas/common';
import type { SiteConfig } from '../../schemas/site';
import type { SharedCard, SitePage } from '../pages/page-list';
import { OG_HEIGHT, OG_WIDTH, ogImageAlt, type OgCard } from './og-card';
import { absoluteUrl, companyFeedUrl, jsonFeedUrl, ogImageUrl, rssFeedUrl, sharedOgImageUrl } from '../routes';
import { clip } from '../values/text';
import { META_TITLE_MAX, metaDescription } from './meta-text';

/**
 * The `<head>` tags a page needs for link previews and feed discovery, on top of what Starlight
 * already writes (title, description, canonical link, og:title, og:type, og:url, og:locale,
 * og:description, og:site_name and twitter:card), which are not repeated here.
 */

/** One element of the head. */
export interface HeadTag {
  tag: 'meta' | 'link';
  attrs: Record<string, string>;
}

/** A feed to advertise with `<link rel="alternate">`. */
export interface FeedLink {
  type: 'application/rss+xml' | 'application/feed+json';
  title: string;
  /** Root-relative path from routes.ts. */
  href: string;
}

export interface PageHead {
  /** The configured site, for absolute URLs. */
  site: URL | string;
  title: string;
  description: string;
  /** The page's preview image, when it has one. */
  image?: { href: string; alt: string } | undefined;
  feeds: FeedLink[];
}

/** Open Graph image tags, Twitter tags and feed links for one page; long texts are clipped. */
export function pageHeadTags({ site, title: fullTitle, description: full, image, feeds }: PageHead): HeadTag[] {
  const title = clip(fullTitle, META_TITLE_MAX);
  const description = metaDescription(full);
  const tags: HeadTag[] = [];
  const meta = (key: 'property' | 'name', name: string, content: string) =>
    tags.push({ tag: 'meta', attrs: { [key]: name, content } });
  if (image) {
    const href = absoluteUrl(image.href, site);
    meta('property', 'og:image', href);
    meta('property', 'og:image:type', 'image/png');
    meta('property', 'og:image:width', String(OG_WIDTH));
    meta('property', 'og:image:height', String(OG_HEIGHT));
    meta('property', 'og:image:alt', clip(image.alt, META_TITLE_MAX));
  }
  meta('name', 'twitter:title', title);
  meta('name', 'twitter:description', description);
  if (image) {
    meta('name', 'twitter:image', absoluteUrl(image.href, site));
    meta('name', 'twitter:image:alt', clip(image.alt, META_TITLE_MAX));
  }
  for (const feed of feeds) {
    tags.push({
      tag: 'link',
      attrs: { rel: 'alternate', type: feed.type, title: feed.title, href: absoluteUrl(feed.href, site) },
    });
  }
  return tags;
}

/** Feeds a page advertises: the briefings feeds everywhere, and a company's own feed on its page. */
export function pageFeeds(site: SiteConfig, page: SitePage | undefined): FeedLink[] {
  const feeds: FeedLink[] = [
    { type: 'application/rss+xml', title: fill(linksUi.feeds.briefingsRss, { site: site.title }), href: rssFeedUrl() },
    {
      type: 'application/feed+json',
      title: fill(linksUi.feeds.briefingsJson, { site: site.title }),
      href: jsonFeedUrl(),
    },
  ];
  if (page?.route === 'entity' && page.view.ref.collection === 'companies') {
    feeds.push({
      type: 'application/rss+xml',
      title: fill(linksUi.feeds.companyRss, { company: page.view.title }),
      href: companyFeedUrl(page.view.ref as Ref<'companies'>),
    });
  }
  return feeds;
}

/** The preview image of a page: its own card, or the one its page type shares. */
export function pageImage(page: SitePage | undefined, shared: Record<SharedCard, OgCard>): PageHead['image'] {
  if (!page) return undefined;
  if ('own' in page.card) return { href: ogImageUrl(page.path), alt: ogImageAlt(page.card.own) };
  return { href: sharedOgImageUrl(page.card.shared), alt: ogImageAlt(shared[page.card.shared]) };
}
