import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { cacheDir, root as astroRoot, site as configuredSite, srcDir } from 'astro:config/server';
import { getCollection } from 'astro:content';
import { ContentError } from './lib/content/content-errors';
import { toAstroError } from './loaders/astro-error';
import { buildGraph, type Graph, type GraphInput } from './lib/graph/graph';
import { displayPath, lineOf } from './lib/content/paths';
import { contentRoot, projectDir } from './lib/content/locations';
import { loadSiteConfig } from './lib/content/site-config';
import { sidebarInput, type SidebarInput } from './lib/pages/navigation';
import {
  buildPageList,
  PageUnits,
  pagesOf,
  sharedCards,
  type DocsPage,
  type PageRoute,
  type SharedCard,
  type SitePage,
} from './lib/pages/page-list';
import type { OgCard } from './lib/publishing/og-card';
import type { PageContext } from './lib/pages/views';
import { Digests, type UnitInputs } from './lib/pages/dependencies';
import { codeDigest, readUnits, writeUnits } from './lib/pages/unit-cache';
import { ENTITY_COLLECTIONS, type Ref } from './schemas/common';
import type { SiteConfig } from './schemas/site';
import { buildTimeline, indexTimeline, type TimelineIndex, type TimelineItem } from './lib/timeline/timeline';
import { todayFrom } from './lib/values/fuzzy-date';

// The only Astro glue for content: load every collection once per build, build the graph, and
// from it everything pages read (the timeline, the page list). Each is built once and shared.
let graph: Promise<Graph> | undefined;
let site: SiteConfig | undefined;
let timeline: Promise<TimelineItem[]> | undefined;
let timelineIndex: Promise<TimelineIndex> | undefined;
let context: Promise<PageContext> | undefined;
let pages: Promise<SitePage[]> | undefined;
let docs: Promise<DocsPage[]> | undefined;
let sidebar: Promise<SidebarInput> | undefined;
const bodies = new Map<string, string>();

async function load(): Promise<Graph> {
  const lists = await Promise.all(
    ENTITY_COLLECTIONS.map(async (collection) => {
      const entries = await getCollection(collection);
      return [
        collection,
        entries.map((entry) => {
          // Astro gives the path from its root, which may be a folder of its own (ASTRO_ROOT_ENV).
          const file = resolve(fileURLToPath(astroRoot), entry.filePath ?? `${collection}/${entry.id}`);
          const filePath = displayPath(projectDir(srcDir), file);
          const body = 'body' in entry && typeof entry.body === 'string' ? entry.body : undefined;
          if (body !== undefined) bodies.set(entry.id, body);
          return {
            id: entry.id,
            filePath,
            data: entry.data,
            // Line numbers in messages count from the top of the file, frontmatter included.
            ...(body === undefined ? {} : { body, bodyLine: lineOf(readFileSync(file, 'utf8'), body) }),
          };
        }),
      ] as const;
    }),
  );
  try {
    return buildGraph(Object.fromEntries(lists) as unknown as GraphInput, getSite().vocabulary);
  } catch (error) {
    if (error instanceof ContentError) throw toAstroError(error);
    throw error;
  }
}

/**
 * Forgets a memo that failed, so that in `astro dev` a content mistake, once fixed, is read
 * again instead of served from the failed first try until a restart.
 */
function unlessFailed<T>(promise: Promise<T>, forget: () => void): Promise<T> {
  return promise.catch((error: unknown) => {
    forget();
    throw error;
  });
}

/** The knowledge graph of this build, built on first use and shared by every page. */
export function getGraph(): Promise<Graph> {
  graph ??= unlessFailed(load(), () => {
    graph = timeline = timelineIndex = context = pages = sidebar = byPath = shared = digests = unitInputs = undefined;
  });
  return graph;
}

/** The validated site.yaml of the content root. */
export function getSite(): SiteConfig {
  site ??= loadSiteConfig(contentRoot(process.cwd()));
  return site;
}

/** The configured site (BRIEFING_SITE_URL), for absolute URLs. */
export function siteUrl(): URL {
  if (!configuredSite) throw new Error('Set `site` in astro.config.mjs: feeds and previews need absolute URLs.');
  return new URL(configuredSite);
}

/** Every dated item of the graph in timeline order, built once per build. */
export function getTimeline(): Promise<TimelineItem[]> {
  timeline ??= getGraph().then((graph) => buildTimeline(graph, getSite().vocabulary, getToday()));
  return timeline;
}

/** The timeline indexed by company and by page, built once per build (see indexTimeline). */
export function getTimelineIndex(): Promise<TimelineIndex> {
  timelineIndex ??= getTimeline().then(indexTimeline);
  return timelineIndex;
}

/** What every view builder reads (src/lib/pages/views.ts). */
export function getPageContext(): Promise<PageContext> {
  context ??= Promise.all([getGraph(), getTimelineIndex()]).then(([graph, timeline]) => ({
    graph,
    site: getSite(),
    timeline,
    siteUrl: siteUrl(),
    today: getToday(),
  }));
  return context;
}

/** The sidebar every page shows, apart from which link is current. */
export function getSidebar(): Promise<SidebarInput> {
  sidebar ??= getGraph().then(sidebarInput);
  return sidebar;
}

/** The pages of Starlight's `docs` collection (such as /about/). */
export function getDocsPages(): Promise<DocsPage[]> {
  docs ??= getCollection('docs').then((entries) =>
    entries
      .filter((entry) => entry.id !== '404' && entry.id !== 'index')
      .map((entry) => ({ id: entry.id, title: entry.data.title })),
  );
  return docs;
}

let records: { dir: string; salt: string } | undefined;
let unitInputs: Promise<UnitInputs> | undefined;

/**
 * Where a build keeps what each entity's pages and texts were built from, and the digest of the
 * code that built them (src/lib/pages/unit-cache.ts); none in the dev server, which builds
 * everything it serves.
 */
export function unitRecords(): { dir: string; salt: string } | undefined {
  if (import.meta.env.DEV) return undefined;
  records ??= {
    dir: fileURLToPath(cacheDir),
    salt: codeDigest({
      srcDir: fileURLToPath(srcDir),
      exclude: [contentRoot(process.cwd())],
      lockfile: resolve(projectDir(srcDir), 'package-lock.json'),
    }),
  };
  return records;
}

/** What a view or a text beside the pages is made from: the page context and each briefing's MDX source. */
export function getUnitInputs(): Promise<UnitInputs> {
  unitInputs ??= getPageContext().then((ctx) => ({
    ...ctx,
    body: (ref: Ref<'briefings'>) => bodies.get(ref.id) ?? '',
  }));
  return unitInputs;
}

let digests: Digests | undefined;

/**
 * The digests of this build's recorded reads the page list computed (src/lib/pages/dependencies.ts),
 * for the texts beside the pages to share; once the page list is built.
 */
export async function getDigests(): Promise<Digests | undefined> {
  await getPages();
  return digests;
}

/** Every page of the site (src/lib/pages/page-list.ts), built once per build. */
export function getPages(): Promise<SitePage[]> {
  pages ??= (async () => {
    const [inputs, items, docsPages, sidebar] = await Promise.all([
      getUnitInputs(),
      getTimeline(),
      getDocsPages(),
      getSidebar(),
    ]);
    // A build keeps what each entity's pages were built from, and reuses the pages of those
    // whose reads are unchanged (src/lib/pages/dependencies.ts); the dev server builds every page.
    const cache = unitRecords();
    const units = cache ? new PageUnits(readUnits(cache.dir, cache.salt)) : undefined;
    const started = performance.now();
    const { body, ...ctx } = inputs;
    const list = buildPageList(ctx, {
      timeline: items,
      docs: docsPages,
      siteWide: { site: ctx.site, sidebar, siteUrl: ctx.siteUrl.href },
      body,
      units,
      digests: (digests = new Digests(inputs)),
    });
    if (cache && units) {
      writeUnits(cache.dir, units.next, cache.salt);
      console.info(
        `\n[pages] ${list.length} pages listed in ${((performance.now() - started) / 1000).toFixed(2)} s: ` +
          `the pages of ${units.reused} entities unchanged, of ${units.built} built.`,
      );
    }
    return list;
  })();
  return pages;
}

/** "Today" for this build (see `todayFrom`): the build day, or BRIEFING_TODAY. */
export function getToday(): string {
  return todayFrom(process.env);
}

/**
 * The static paths of a route from the page list: `params` maps each of the route's pages to its
 * URL parameters (undefined leaves a page to another route), the page itself is the props, and
 * its cache key lets an incremental build reuse its previous output while it is unchanged.
 */
export async function staticPaths<R extends PageRoute>(
  route: R,
  params: (page: Extract<SitePage, { route: R }>) => Record<string, string | undefined> | undefined,
) {
  return pagesOf(await getPages(), route).flatMap((page) => {
    const values = params(page);
    return values ? [{ params: values, props: { page }, cacheKey: page.cacheKey }] : [];
  });
}

let shared: Promise<Record<SharedCard, OgCard>> | undefined;

/** The preview cards navigation pages share, one per page type. */
export function getSharedCards(): Promise<Record<SharedCard, OgCard>> {
  shared ??= getPageContext().then(sharedCards);
  return shared;
}

let byPath: Promise<Map<string, SitePage>> | undefined;

/** The page at a URL path, if the site publishes one there. */
export async function pageAt(path: string): Promise<SitePage | undefined> {
  byPath ??= getPages().then((all) => new Map(all.map((page) => [page.path, page])));
  return (await byPath).get(path);
}
