import { readFileSync } from 'node:fs';
import { getCollection } from 'astro:content';
import { ContentError } from './lib/content/content-errors';
import { toAstroError } from './loaders/astro-error';
import { buildGraph, type Graph, type GraphInput } from './lib/graph/graph';
import { displayPath, lineOf } from './lib/content/paths';
import { contentRoot, loadSiteConfig } from './lib/content/site-config';
import { ENTITY_COLLECTIONS } from './schemas/common';
import type { SiteConfig } from './schemas/site';
import { buildTimeline, indexTimeline, type TimelineIndex, type TimelineItem } from './lib/timeline/timeline';

// The only Astro glue for content: load every collection once per build and build the graph.
let graph: Promise<Graph> | undefined;
let site: SiteConfig | undefined;
let timeline: Promise<TimelineItem[]> | undefined;
let timelineIndex: Promise<TimelineIndex> | undefined;

async function load(): Promise<Graph> {
  const lists = await Promise.all(
    ENTITY_COLLECTIONS.map(async (collection) => {
      const entries = await getCollection(collection);
      return [
        collection,
        entries.map((entry) => {
          const filePath = displayPath(process.cwd(), entry.filePath ?? `${collection}/${entry.id}`);
          const body = 'body' in entry && typeof entry.body === 'string' ? entry.body : undefined;
          return {
            id: entry.id,
            filePath,
            data: entry.data,
            // Line numbers in messages count from the top of the file, frontmatter included.
            ...(body === undefined ? {} : { body, bodyLine: lineOf(readFileSync(filePath, 'utf8'), body) }),
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

/** The knowledge graph of this build, built on first use and shared by every page. */
export function getGraph(): Promise<Graph> {
  graph ??= load();
  return graph;
}

/** The validated site.yaml of the content root. */
export function getSite(): SiteConfig {
  site ??= loadSiteConfig(contentRoot(process.cwd()));
  return site;
}

/** Every dated item of the graph in timeline order, built once per build. */
export function getTimeline(): Promise<TimelineItem[]> {
  timeline ??= getGraph().then((graph) => buildTimeline(graph, getSite().vocabulary));
  return timeline;
}

/** The timeline indexed by company and by page, built once per build (see indexTimeline). */
export function getTimelineIndex(): Promise<TimelineIndex> {
  timelineIndex ??= getTimeline().then(indexTimeline);
  return timelineIndex;
}

/**
 * "Today" for the timeline's marker between past and future: the build day, or BRIEFING_TODAY
 * (YYYY-MM-DD) so tests and reproducible builds get a fixed day.
 */
export function getToday(): string {
  return process.env.BRIEFING_TODAY?.trim() || new Date().toISOString().slice(0, 10);
}
