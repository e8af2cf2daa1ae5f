import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { cacheDir, root } from 'astro:config/server';
import { getEntry } from 'astro:content';
import { getGraph, getSite, siteUrl } from './data';
import { emailBriefing, emailLinks, type EmailBriefing } from './lib/publishing/email';
import type { OgCard } from './lib/publishing/og-card';
import { CardCache, CardPipeline, loadRenderer, type CardImage } from './lib/publishing/og-image';
import type { Ref } from './schemas/common';

// Astro glue for what the site publishes for use elsewhere (preview images, feeds, email
// snippets): the image cache in Astro's cacheDir, campaign parameters.

export { siteUrl };

/** Environment variable with campaign parameters for links in email snippets. */
export const CAMPAIGN_ENV = 'BRIEFING_UTM';

/** Campaign parameters appended to site links in email snippets, e.g. `utm_source=newsletter`. */
export function campaign(env: Record<string, string | undefined> = process.env): string {
  return env[CAMPAIGN_ENV]?.trim() ?? '';
}

let cache: CardCache | undefined;

/** The preview-image cache of this build: `<cacheDir>/og/<hash>.png`. */
export function cardCache(): CardCache {
  cache ??= new CardCache(join(fileURLToPath(cacheDir), 'og'), loadRenderer(fileURLToPath(root)));
  return cache;
}

/** What happened to the preview images of this build, logged once the last one is done. */
const stats = { expected: 0, done: 0, drawn: 0, drawMs: 0, started: 0, keys: new Set<string>() };
let pipeline: CardPipeline | undefined;

/** Plans the build's preview images (from the image route's static paths), in the order they come. */
export function planImages(cards: readonly OgCard[]): void {
  stats.expected = cards.length;
  pipeline = new CardPipeline(cardCache(), cards);
}

/** The image of card `index` of the plan (or of `card`, should there be no plan). */
export function cardImage(index: number, card: OgCard): Promise<CardImage> {
  stats.started ||= performance.now();
  return pipeline ? pipeline.image(index) : cardCache().image(card);
}

/**
 * Counts one finished image; after the last one, prints a summary (images drawn, time per image,
 * cache hits) and removes cached images this build no longer uses.
 */
export function recordImage(image: CardImage): void {
  stats.done++;
  stats.keys.add(image.key);
  if (!image.hit) {
    stats.drawn++;
    stats.drawMs += image.ms;
  }
  if (stats.done !== stats.expected) return;
  const pruned = cardCache().prune(stats.keys);
  const wall = (performance.now() - stats.started) / 1000;
  const perImage = stats.drawn ? (stats.drawMs / stats.drawn).toFixed(1) : '0';
  console.info(
    `\n[og] ${stats.done} preview images in ${wall.toFixed(2)} s: ${stats.drawn} drawn (${perImage} ms each, ` +
      `several at a time), ${stats.done - stats.drawn} from cache; ${pruned} stale cached images removed.`,
  );
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
