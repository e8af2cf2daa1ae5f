import { createHash } from 'node:crypto';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { cacheDir, srcDir } from 'astro:config/server';
import { briefingBody, getGraph, getPageContext, getSite, getToday, siteUrl } from './data';
import { CARD_CACHE_FOLDER, projectDir } from './lib/content/locations';
import { entityJsonFiles, type EntityJsonFile } from './lib/publishing/entity-json';
import { exportFiles, exportTables, type ExportFile } from './lib/publishing/exports';
import { companyRssFeed } from './lib/publishing/feeds';
import { emailBriefing, emailLinks, type EmailBriefing } from './lib/publishing/email';
import type { OgCard } from './lib/publishing/og-card';
import { CardCache, cardSalt, CardImages, type CardImage } from './lib/publishing/og-image';
import { CardPool } from './lib/publishing/og-pool';
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

let images: CardImages | undefined;
let pool: CardPool | undefined;

/**
 * The preview images of this build: cached in `<cacheDir>/og/<hash>.png` (CARD_CACHE_FOLDER),
 * drawn by a pool of worker threads (one per core) that starts with the first card to draw.
 */
export function cardImages(): CardImages {
  if (!images) {
    const project = projectDir(srcDir);
    const workers = new CardPool({ root: project });
    pool = workers;
    images = new CardImages(
      new CardCache(join(fileURLToPath(cacheDir), CARD_CACHE_FOLDER), cardSalt(project)),
      (card) => workers.draw(card),
    );
  }
  return images;
}

/**
 * Plans the build's preview images (from the image route's static paths), knowing every card of
 * the build: cached images no card uses any more are removed, and the cards that are not cached
 * start drawing on the worker pool now, while Astro renders pages. Once they are drawn, the build
 * log says how many were drawn and how many came from the cache, and the workers end. (An
 * incremental build does not ask for unchanged images at all: Astro copies them.) The dev server
 * draws each card only when it is asked for.
 */
export function planImages(cards: readonly OgCard[]): void {
  if (import.meta.env.DEV) return;
  const started = performance.now();
  const images = cardImages();
  const keys = new Set(cards.map((card) => images.cache.key(card)));
  const pruned = images.cache.prune(keys);
  const drawing = images.plan(cards);
  void Promise.allSettled(drawing).then((results) => {
    const ms = results.reduce((sum, r) => sum + (r.status === 'fulfilled' ? r.value : 0), 0);
    const drawn = results.length;
    const wall = (performance.now() - started) / 1000;
    const perImage = drawn ? (ms / drawn).toFixed(1) : '0';
    const fonts = pool?.fonts() ?? { files: 0, bytes: 0 };
    console.info(
      `\n[og] ${keys.size} preview images in ${wall.toFixed(2)} s: ${drawn} drawn (${perImage} ms each, ` +
        `CPU time on ${pool?.size ?? 0} worker threads), ${keys.size - drawn} from cache; ${pruned} stale cached images removed; ` +
        `${fonts.files} font files loaded (${Math.round(fonts.bytes / 1024)} KB).`,
    );
    void pool?.close();
  });
}

/** The image of a card: from the cache, drawn by the plan, or drawn now. */
export function cardImage(card: OgCard): Promise<CardImage> {
  return cardImages().image(card);
}

let emails: Promise<{ ref: Ref<'briefings'>; email: EmailBriefing; cacheKey: string }[]> | undefined;

/**
 * The email model of every briefing (links made absolute and tagged with the campaign), built once
 * per build, each with a cache key that is a hash of the whole model: an incremental build renders
 * a briefing's email files again only when what they show has changed.
 */
function getEmails() {
  emails ??= getGraph().then((graph) =>
    Promise.all(
      graph.all('briefings').map(async (node) => {
        const email = emailBriefing(
          graph,
          getSite(),
          node,
          await briefingBody(node.ref),
          emailLinks(siteUrl(), campaign()),
          getToday(),
        );
        return { ref: node.ref, email, cacheKey: dataKey(email) };
      }),
    ),
  );
  return emails;
}

/** Static paths of the routes with one email file per briefing: the email model is the props. */
export async function briefingEmailPaths() {
  return (await getEmails()).map(({ ref, email, cacheKey }) => ({
    params: { id: ref.id },
    props: { email },
    cacheKey,
  }));
}

/**
 * Static paths of the company feeds: one per company, and one at each old id of a renamed company
 * (feed readers do not follow HTML redirects), which serves the same feed. The feed, as data, is
 * the props, and its hash the cache key.
 */
export async function companyFeedPaths() {
  const graph = await getGraph();
  const feeds = new Map(
    graph.all('companies').map((node) => {
      const feed = companyRssFeed(graph, node.ref, getSite(), siteUrl(), getToday());
      return [node.ref.id, { feed, cacheKey: dataKey(feed) }] as const;
    }),
  );
  const path = (id: string, company: Ref) => {
    const { feed, cacheKey } = feeds.get(company.id)!;
    return { params: { id }, props: { feed }, cacheKey };
  };
  return [
    ...graph.all('companies').map((node) => path(node.ref.id, node.ref)),
    ...graph
      .redirects()
      .filter((r) => r.to.collection === 'companies')
      .map((r) => path(r.from.id, r.to)),
  ];
}

let exported: Promise<{ files: ExportFile[]; entities: EntityJsonFile[] }> | undefined;

/**
 * The data exports of this build (one CSV per table, dataset.json, datapackage.json) and the JSON
 * document of every entity, built once from the same tables.
 */
export function getExports(): Promise<{ files: ExportFile[]; entities: EntityJsonFile[] }> {
  exported ??= getPageContext().then((ctx) => {
    const tables = exportTables(ctx);
    return { files: exportFiles(ctx, tables), entities: entityJsonFiles(ctx, tables) };
  });
  return exported;
}

/** A cache key for a published file: a hash of everything it contains. */
export function contentKey(text: string): string {
  return createHash('sha256').update(text).digest('base64url');
}

/** A cache key for a file made from `data` alone (a card, a feed, an email model): a hash of the data. */
export function dataKey(data: unknown): string {
  return contentKey(JSON.stringify(data));
}
