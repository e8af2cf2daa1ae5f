import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { cacheDir, root, site } from 'astro:config/server';
import { getCollection, getEntry } from 'astro:content';
import { getGraph, getSite } from './data';
import { emailBriefing, emailLinks, type EmailBriefing } from './lib/publishing/email';
import type { OgCard, OtherPage } from './lib/publishing/og-card';
import { CardCache, cardSalt, CardImages, type CardImage } from './lib/publishing/og-image';
import { CardPool } from './lib/publishing/og-pool';
import { docsPageUrl } from './lib/routes';
import type { Ref } from './schemas/common';

// Astro glue for what the site publishes for use elsewhere (preview images, feeds, email
// snippets): the configured site, the image cache in Astro's cacheDir, campaign parameters.

/** Environment variable with campaign parameters for links in email snippets. */
export const CAMPAIGN_ENV = 'BRIEFING_UTM';

/** The configured site (BRIEFING_SITE_URL), for absolute URLs. */
export function siteUrl(): URL {
  if (!site) throw new Error('Set `site` in astro.config.mjs: feeds and previews need absolute URLs.');
  return new URL(site);
}

/** Campaign parameters appended to site links in email snippets, e.g. `utm_source=newsletter`. */
export function campaign(env: Record<string, string | undefined> = process.env): string {
  return env[CAMPAIGN_ENV]?.trim() ?? '';
}

let docs: Promise<OtherPage[]> | undefined;

/** The pages of Starlight's `docs` collection (such as /about/), for their preview cards. */
export function docsPages(): Promise<OtherPage[]> {
  docs ??= getCollection('docs').then((entries) =>
    entries
      .filter((entry) => entry.id !== '404' && entry.id !== 'index')
      .map((entry) => ({ path: docsPageUrl(entry.id), title: entry.data.title })),
  );
  return docs;
}

let images: CardImages | undefined;
let pool: CardPool | undefined;

/**
 * The preview images of this build: cached in `<cacheDir>/og/<hash>.png`, drawn by a pool of
 * worker threads (one per core) that starts with the first card to draw.
 */
export function cardImages(): CardImages {
  if (!images) {
    const project = fileURLToPath(root);
    const workers = new CardPool({ root: project });
    pool = workers;
    images = new CardImages(new CardCache(join(fileURLToPath(cacheDir), 'og'), cardSalt(project)), (card) =>
      workers.draw(card),
    );
  }
  return images;
}

/** What happened to the preview images of this build, logged once the last one is done. */
const stats = { expected: 0, done: 0, drawn: 0, drawMs: 0, started: 0, keys: new Set<string>() };

/**
 * Plans the build's preview images (from the image route's static paths): the cards that are not
 * cached start drawing on the worker pool now, while Astro renders pages. The dev server draws
 * each card only when it is asked for.
 */
export function planImages(cards: readonly OgCard[]): void {
  stats.expected = cards.length;
  stats.started = performance.now();
  if (!import.meta.env.DEV) cardImages().plan(cards);
}

/** The image of a card: from the cache, drawn by the plan, or drawn now. */
export function cardImage(card: OgCard): Promise<CardImage> {
  return cardImages().image(card);
}

/**
 * Counts one finished image; after the last one, prints a summary (images drawn, CPU time per
 * image, cache hits, font files loaded), removes cached images this build no longer uses and ends
 * the workers.
 */
export function recordImage(image: CardImage): void {
  stats.done++;
  stats.keys.add(image.key);
  if (!image.hit) {
    stats.drawn++;
    stats.drawMs += image.ms;
  }
  if (stats.done !== stats.expected) return;
  const pruned = cardImages().cache.prune(stats.keys);
  const wall = (performance.now() - stats.started) / 1000;
  const perImage = stats.drawn ? (stats.drawMs / stats.drawn).toFixed(1) : '0';
  const fonts = pool?.fonts() ?? { files: 0, bytes: 0 };
  console.info(
    `\n[og] ${stats.done} preview images in ${wall.toFixed(2)} s: ${stats.drawn} drawn (${perImage} ms each, ` +
      `CPU time on ${pool?.size ?? 0} worker threads), ${stats.done - stats.drawn} from cache; ${pruned} stale cached images removed; ` +
      `${fonts.files} font files loaded (${Math.round(fonts.bytes / 1024)} KB).`,
  );
  void pool?.close();
}

/** The email model of a briefing, with its links made absolute and tagged with the campaign. */
export async function briefingEmail(ref: Ref<'briefings'>): Promise<EmailBriefing> {
  const graph = await getGraph();
  const entry = await getEntry('briefings', ref.id);
  return emailBriefing(graph, getSite(), graph.node(ref), entry?.body ?? '', emailLinks(siteUrl(), campaign()));
}

/** Static paths of the routes with one file per briefing. */
export async function briefingPaths() {
  return (await getGraph()).all('briefings').map((node) => ({ params: { id: node.ref.id }, props: { ref: node.ref } }));
}
