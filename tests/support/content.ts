import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import yaml from 'js-yaml';
import { z } from 'astro/zod';
import { formatIssues } from '../../src/lib/content/content-errors';
import { buildGraph, type GraphInput } from '../../src/lib/graph/graph';
import { loadSiteConfig } from '../../src/lib/content/site-config';
import { createSchemas, type SchemaContext } from '../../src/schemas';
import { ENTITY_COLLECTIONS, type EntityCollection } from '../../src/schemas/common';
import type { Vocabulary } from '../../src/schemas/site';

/** Stand-in for Astro's `reference()` (a virtual module outside Astro): same output shape. */
export const testReference: SchemaContext['reference'] = (collection: EntityCollection) =>
  z.string().transform((id) => ({ collection, id }));

/** Schemas for a vocabulary, as content.config.ts builds them. */
export function schemasFor(vocabulary: Vocabulary) {
  return createSchemas({ reference: testReference, vocabulary });
}

/** The vocabulary of the minimal fixture. */
export const fixtureVocabulary = loadSiteConfig(join(import.meta.dirname, '../fixtures/minimal')).vocabulary;

/**
 * Reads and validates a whole content root the way the build does (YAML files, MDX frontmatter
 * and body). Throws on the first invalid file.
 */
export function readContentRoot(root: string): { site: ReturnType<typeof loadSiteConfig>; input: GraphInput } {
  const site = loadSiteConfig(root);
  const schemas = schemasFor(site.vocabulary);
  const input = {} as Record<EntityCollection, unknown[]>;
  for (const collection of ENTITY_COLLECTIONS) {
    const dir = join(root, collection);
    input[collection] = readdirSync(dir)
      .filter((f) => /\.(ya?ml|mdx)$/.test(f))
      .sort()
      .map((file) => {
        const text = readFileSync(join(dir, file), 'utf8');
        let raw: unknown = undefined;
        let body: string | undefined;
        if (file.endsWith('.mdx')) {
          const match = /^---\n([\s\S]*?)\n---\n?([\s\S]*)$/.exec(text);
          raw = yaml.load(match?.[1] ?? '');
          body = match?.[2] ?? '';
        } else {
          raw = yaml.load(text);
        }
        const data = schemas[collection].parse(raw);
        return {
          id: file.replace(/\.(ya?ml|mdx)$/, ''),
          filePath: `${collection}/${file}`,
          data,
          ...(body === undefined ? {} : { body }),
        };
      });
  }
  return { site, input: input as GraphInput };
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
