import { join } from 'node:path';
import { idReference, readContent } from '../../src/lib/content/check';
import { ContentError, formatIssues } from '../../src/lib/content/content-errors';
import { buildGraph, type Graph, type GraphInput } from '../../src/lib/graph/graph';
import type { PageContext } from '../../src/lib/pages/views';
import { buildTimeline, indexTimeline } from '../../src/lib/timeline/timeline';
import { loadSiteConfig } from '../../src/lib/content/site-config';
import { createSchemas } from '../../src/schemas';
import type { SiteConfig, Vocabulary } from '../../src/schemas/site';

/** Stand-in for Astro's `reference()` (a virtual module outside Astro): same output shape. */
export const testReference = idReference;

/** Schemas for a vocabulary, as content.config.ts builds them. */
export function schemasFor(vocabulary: Vocabulary) {
  return createSchemas({ reference: testReference, vocabulary });
}

/** The vocabulary of the minimal fixture. */
/** The minimal fixture's site.yaml. */
export const minimalSite = loadSiteConfig(join(import.meta.dirname, '../fixtures/minimal'));

export const fixtureVocabulary = minimalSite.vocabulary;

/**
 * Reads and validates a whole content root the way the build does (src/lib/content/check.ts);
 * throws a ContentError listing every problem when it is not valid.
 */
export function readContentRoot(root: string): { site: SiteConfig; input: GraphInput } {
  // Messages name files from the content root (`deals/x.yaml`); the bundled root sits in the
  // project, beside Starlight's own folders.
  const bundled = join(import.meta.dirname, '../../src/content');
  const reading = readContent(root, root === bundled ? join(bundled, '../..') : root);
  if (reading.problems.length > 0 || !reading.site) throw new ContentError(reading.problems);
  return { site: reading.site, input: reading.input };
}

/** {@link readContentRoot}, then the graph. */
export function loadContentRoot(root: string) {
  const { site, input } = readContentRoot(root);
  return { site, graph: buildGraph(input, site.vocabulary) };
}

/** A fresh, mutable copy of the minimal fixture's validated entries. */
export function minimalInput(): GraphInput {
  return structuredClone(readContentRoot(join(import.meta.dirname, '../fixtures/minimal')).input);
}

/** The one-line problems a schema reports for `data`, as authors see them, for file `file`. */
export function problemsOf(schema: import('astro/zod').z.ZodType, data: unknown, file = 'entry.yaml'): string[] {
  const result = schema.safeParse(data);
  if (result.success) return [];
  return formatIssues(file, result.error.issues, data, schema);
}

/** The day unit tests take as today unless they say otherwise (the seed build's, see seed-site.ts). */
export const UNIT_TODAY = '2026-11-26';

/** The content of one build in the tests of what a build reuses from the last (pages, texts). */
export interface UnitBuild {
  input: GraphInput;
  site?: SiteConfig;
  today?: string;
  /** Briefing bodies by id (a default body otherwise). */
  bodies?: Record<string, string>;
}

/** What page views read, for a graph (the build's getPageContext(), without Astro). */
export function pageContextFor(
  graph: Graph,
  site: SiteConfig,
  siteUrl = 'https://briefing.example.com',
  today = UNIT_TODAY,
): PageContext {
  return {
    graph,
    site,
    timeline: indexTimeline(buildTimeline(graph, site.vocabulary, today)),
    siteUrl: new URL(siteUrl),
    today,
  };
}
