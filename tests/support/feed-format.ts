import * as cheerio from 'cheerio';

/**
 * Checks of feed documents against their formats, as lists of problems (empty when valid):
 * RSS 2.0 (https://www.rssboard.org/rss-specification) and JSON Feed 1.1
 * (https://www.jsonfeed.org/version/1.1/). Only what the specifications require, plus absolute
 * URLs, which this site promises.
 */

const RFC_822 =
  /^(Mon|Tue|Wed|Thu|Fri|Sat|Sun), \d{2} (Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec) \d{4} \d{2}:\d{2}:\d{2} (GMT|[+-]\d{4})$/;
const RFC_3339 = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})$/;

function absolute(url: string | undefined): boolean {
  if (!url) return false;
  try {
    return /^https?:$/.test(new URL(url).protocol);
  } catch {
    return false;
  }
}

/** Problems of an RSS 2.0 document. */
export function rssProblems(xml: string): string[] {
  const problems: string[] = [];
  if (!xml.startsWith('<?xml')) problems.push('no XML declaration');
  const $ = cheerio.load(xml, { xml: true });
  const rss = $('rss');
  if (rss.length !== 1 || rss.attr('version') !== '2.0') problems.push('root is not <rss version="2.0">');
  const channel = $('rss > channel');
  if (channel.length !== 1) return [...problems, 'expected one <channel>'];
  for (const name of ['title', 'link', 'description']) {
    if (!channel.children(name).text().trim()) problems.push(`channel: missing <${name}>`);
  }
  if (!absolute(channel.children('link').text())) problems.push('channel: <link> is not absolute');
  const self = channel.children('atom\\:link[rel="self"]');
  if (self.length !== 1 || !absolute(self.attr('href'))) problems.push('channel: no absolute atom:link rel="self"');
  channel.children('item').each((i, element) => {
    const item = $(element);
    const where = `item ${i + 1}`;
    if (!item.children('title').text() && !item.children('description').text())
      problems.push(`${where}: needs a title or a description`);
    if (!absolute(item.children('link').text())) problems.push(`${where}: <link> is not absolute`);
    const guid = item.children('guid');
    if (guid.attr('isPermaLink') !== 'false' && !absolute(guid.text()))
      problems.push(`${where}: permalink guid is not absolute`);
    const date = item.children('pubDate').text();
    if (!RFC_822.test(date) || Number.isNaN(Date.parse(date)))
      problems.push(`${where}: pubDate "${date}" is not RFC 822`);
  });
  return problems;
}

interface JsonFeedLike {
  version?: unknown;
  title?: unknown;
  home_page_url?: unknown;
  feed_url?: unknown;
  items?: unknown;
}

/** Problems of a JSON Feed 1.1 document. */
export function jsonFeedProblems(feed: JsonFeedLike): string[] {
  const problems: string[] = [];
  if (feed.version !== 'https://jsonfeed.org/version/1.1') problems.push(`version is ${JSON.stringify(feed.version)}`);
  if (typeof feed.title !== 'string' || !feed.title) problems.push('missing title');
  for (const key of ['home_page_url', 'feed_url'] as const) {
    if (feed[key] !== undefined && !absolute(feed[key] as string)) problems.push(`${key} is not absolute`);
  }
  if (!Array.isArray(feed.items)) return [...problems, 'items is not an array'];
  const ids = new Set<string>();
  feed.items.forEach((raw, i) => {
    const item = raw as Record<string, unknown>;
    const where = `items[${i}]`;
    if (typeof item.id !== 'string' || !item.id) problems.push(`${where}: missing id`);
    else if (ids.has(item.id)) problems.push(`${where}: repeated id ${item.id}`);
    else ids.add(item.id);
    if (typeof item.content_html !== 'string' && typeof item.content_text !== 'string')
      problems.push(`${where}: needs content_html or content_text`);
    if (item.url !== undefined && !absolute(item.url as string)) problems.push(`${where}: url is not absolute`);
    for (const key of ['date_published', 'date_modified']) {
      if (item[key] !== undefined && !RFC_3339.test(String(item[key])))
        problems.push(`${where}: ${key} is not RFC 3339`);
    }
  });
  return problems;
}
