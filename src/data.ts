import { getCollection } from 'astro:content';
import { AstroError } from 'astro/errors';
import { ContentError } from './lib/content-errors';
import { buildGraph, type Graph, type GraphInput } from './lib/graph';
import { contentRoot, loadSiteConfig } from './lib/site-config';
import { ENTITY_COLLECTIONS } from './schemas/common';
import type { SiteConfig } from './schemas/site';

// The only Astro glue for content: load every collection once per build and build the graph.
let graph: Promise<Graph> | undefined;
let site: SiteConfig | undefined;

async function load(): Promise<Graph> {
  const lists = await Promise.all(
    ENTITY_COLLECTIONS.map(async (collection) => {
      const entries = await getCollection(collection);
      return [
        collection,
        entries.map((entry) => ({
          id: entry.id,
          filePath: entry.filePath ?? `${collection}/${entry.id}`,
          data: entry.data,
          ...('body' in entry && typeof entry.body === 'string' ? { body: entry.body } : {}),
        })),
      ] as const;
    }),
  );
  try {
    return buildGraph(Object.fromEntries(lists) as unknown as GraphInput);
  } catch (error) {
    if (error instanceof ContentError) throw new AstroError(error.message, error.hint);
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
