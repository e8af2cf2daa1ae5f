import { createHash } from 'node:crypto';
import { availableParallelism } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { cacheDir, srcDir } from 'astro:config/server';
import { getRssString } from '@astrojs/rss';
import { getPages, getPageContext, getSharedCards, getDigests, getUnitInputs, siteUrl, unitRecords } from './data';
import { CARD_CACHE_FOLDER, projectDir } from './lib/content/locations';
import { Units } from './lib/pages/dependencies';
import { readUnits, writeUnits } from './lib/pages/unit-cache';
import {
  besideTexts,
  storedTexts,
  TEXT_UNITS_FILE,
  type BesideText,
  type BesideTextKind,
  type StoredTexts,
} from './lib/publishing/beside-texts';
import { indexExports } from './lib/publishing/entity-json';
import { exportFiles, exportTables, type ExportFile, type ExportTable } from './lib/publishing/exports';
import type { OgCard } from './lib/publishing/og-card';
import { CardCache, cardSalt, CardImages, type CardImage } from './lib/publishing/og-image';
import { CardPool, cardWorkers, cardWorkersAfterPages } from './lib/publishing/og-pool';
import { offerPublishedFiles, whenPagesRendered, type PublishedFile } from './lib/publishing/published-files';
import { ogImageParam, ogImageUrl, sharedOgImageParam, sharedOgImageUrl } from './lib/routes';
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
 * drawn by a pool of worker threads (see {@link cardWorkers}) that starts with the first card to draw.
 */
export function cardImages(): CardImages {
  if (!images) {
    const project = projectDir(srcDir);
    const workers = new CardPool({ root: project, size: cardWorkers(availableParallelism()) });
    pool = workers;
    // Once a build's pages are rendered, many cards still waiting may use Astro's core too.
    if (!import.meta.env.DEV) {
      whenPagesRendered(() => workers.widen(cardWorkersAfterPages(availableParallelism(), workers.waiting)));
    }
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
 * log says how many were drawn and how many came from the cache, and the workers end. The dev
 * server draws each card only when it is asked for.
 */
function planImages(cards: readonly OgCard[]): void {
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
    const workers = pool?.size ?? 0;
    console.info(
      `\n[og] ${keys.size} preview images in ${wall.toFixed(2)} s: ${drawn} drawn (${perImage} ms each, ` +
        `CPU time on ${workers} worker thread${workers === 1 ? '' : 's'}), ${keys.size - drawn} from cache; ${pruned} stale cached images removed; ` +
        `${fonts.files} font files loaded (${Math.round(fonts.bytes / 1024)} KB).`,
    );
    void pool?.close();
  });
}

/** The image of a card: from the cache, drawn by the plan, or drawn now. */
export function cardImage(card: OgCard): Promise<CardImage> {
  return cardImages().image(card);
}

/**
 * Every preview image of the site: one per page with a card of its own, and one per type of
 * navigation page, shared by all pages of that type.
 */
export async function previewImages(): Promise<{ param: string; url: string; card: OgCard }[]> {
  const [pages, shared] = await Promise.all([getPages(), getSharedCards()]);
  return [
    ...pages.flatMap((page) =>
      'own' in page.card ? [{ param: ogImageParam(page.path), url: ogImageUrl(page.path), card: page.card.own }] : [],
    ),
    ...Object.entries(shared).map(([name, card]) => ({
      param: sharedOgImageParam(name),
      url: sharedOgImageUrl(name),
      card,
    })),
  ];
}

/**
 * The texts beside the pages (src/lib/publishing/beside-texts.ts): with `units`, an entity whose
 * reads are unchanged since the last build gets the keys of its texts from that build's records.
 */
async function listBesideTexts(units?: Units<StoredTexts>): Promise<BesideText[]> {
  const [inputs, tables, digests] = await Promise.all([
    getUnitInputs(),
    getExportTables(),
    units ? getDigests() : undefined,
  ]);
  return besideTexts(
    { ...inputs, exports: indexExports(tables) },
    { rss: getRssString, campaign: campaign(), units, digests },
  );
}

let devTexts: Promise<BesideText[]> | undefined;

/**
 * Static paths of a route of texts beside the pages of one kind, in `astro dev` (a build writes
 * them itself, see besidePages): `params` maps the entity id a text is published at to the route's
 * parameters; how to make the text is the props.
 */
export async function besideTextPaths(kind: BesideTextKind, params: (at: Ref) => Record<string, string>) {
  devTexts ??= listBesideTexts();
  return (await devTexts)
    .filter((text) => text.kind === kind)
    .map(({ at, text }) => ({ params: params(at), props: { text } }));
}

let published: Promise<PublishedFile[]> | undefined;

/**
 * Every file this build publishes beside its pages (src/lib/publishing/published-files.ts):
 * preview images, entity JSON documents, company feeds and email snippets, listed once. Listing
 * them plans the preview images, so the cards that are not cached start drawing while Astro
 * renders the pages. The texts of an entity whose reads are unchanged since the last build are
 * not made again: their keys in the text store come from the records that build kept.
 */
function publishedFiles(): Promise<PublishedFile[]> {
  published ??= (async () => {
    const images = await previewImages();
    planImages(images.map((image) => image.card));
    const cards = cardImages();
    const started = performance.now();
    const records = unitRecords();
    const units = records
      ? new Units(readUnits(records.dir, records.salt, { file: TEXT_UNITS_FILE, check: storedTexts }))
      : undefined;
    const texts = await listBesideTexts(units);
    if (records && units) {
      writeUnits(records.dir, units.next, records.salt, TEXT_UNITS_FILE);
      console.info(
        `\n[texts] ${texts.length} texts beside the pages listed in ${((performance.now() - started) / 1000).toFixed(2)} s: ` +
          `the texts of ${units.reused} entities unchanged, of ${units.built} made.`,
      );
    }
    return [
      ...images.map(({ url, card }): PublishedFile => ({ path: url, stored: () => cards.stored(card) })),
      ...texts,
    ];
  })();
  return published;
}

/**
 * The static paths of a route of files published beside the pages. In `astro dev`, `paths()`: the
 * route serves each file on request. In a build, none: Astro's fixed cost per path is most of what
 * such a file costs, so the build writes them itself, after the pages
 * (src/integrations/published-files.ts). Each of these routes offers it the same list, made once;
 * making it starts the preview images drawing.
 */
export async function besidePages<T>(paths: () => Promise<T[]>): Promise<T[]> {
  if (import.meta.env.DEV) return paths();
  offerPublishedFiles(publishedFiles());
  return [];
}

let tables: Promise<ExportTable[]> | undefined;

/** The tables of the data exports, built once per build. */
function getExportTables(): Promise<ExportTable[]> {
  tables ??= getPageContext().then(exportTables);
  return tables;
}

let exported: Promise<ExportFile[]> | undefined;

/** The data exports of this build: one CSV per table, dataset.json, datapackage.json. */
export function getExports(): Promise<ExportFile[]> {
  exported ??= Promise.all([getPageContext(), getExportTables()]).then(([ctx, tables]) => exportFiles(ctx, tables));
  return exported;
}

/** A cache key for a published file: a hash of everything it contains. */
export function contentKey(text: string): string {
  return createHash('sha256').update(text).digest('base64url');
}
