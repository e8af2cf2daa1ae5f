import { z } from 'astro/zod';
import { countrySchema } from './country';
import type { Vocabulary } from './site';

/** Names of the entity collections. */
export const ENTITY_COLLECTIONS = ['companies', 'people', 'deals', 'quotes', 'events', 'sources', 'briefings'] as const;
export type EntityCollection = (typeof ENTITY_COLLECTIONS)[number];

/** A resolved reference, the shape Astro's `reference()` outputs. */
export interface Ref<C extends EntityCollection = EntityCollection> {
  collection: C;
  id: string;
}

/** Astro's `reference()` (or a stand-in in unit tests): id string → `{ collection, id }`. */
export type ReferenceFn = (collection: EntityCollection) => z.core.$ZodType;

/** What schema factories need from their surroundings. */
export interface SchemaContext {
  reference: ReferenceFn;
  vocabulary: Vocabulary;
}

export const ID_PATTERN = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

/** An entity id (also its file name and permalink): lowercase letters, digits, single hyphens. */
export const idSchema = z
  .string({ error: 'expected an id such as "lg-energy-solution" (lowercase letters, digits, hyphens)' })
  .regex(ID_PATTERN, { error: 'expected an id such as "lg-energy-solution" (lowercase letters, digits, hyphens)' });

/** A link to an entry of `collection` by id; the graph checks that the entry exists. */
export function refSchema<C extends EntityCollection>(ctx: SchemaContext, collection: C) {
  const reference = ctx.reference(collection) as unknown as z.ZodType<Ref<C>, string>;
  return idSchema.pipe(reference) as unknown as z.ZodType<Ref<C>, string>;
}

/** Non-empty prose or a name, trimmed. */
export const textSchema = z
  .string({ error: 'expected text' })
  .trim()
  .min(1, { error: 'expected text, not an empty string' });

/** One of the values listed under `vocabulary.<key>` in site.yaml. */
export function termSchema(ctx: SchemaContext, key: 'companyKinds' | 'dealKinds' | 'eventKinds') {
  return z.enum(Object.keys(ctx.vocabulary[key]) as [string, ...string[]]);
}

/** The sources that back an entry: at least one id from the sources collection. */
export function sourcesSchema(ctx: SchemaContext) {
  return z.array(refSchema(ctx, 'sources')).min(1, { error: 'expected at least one source id' });
}

/** Ids this entry was published under before; each becomes a redirect to the current page. */
export const previousIdsSchema = z.array(idSchema).default([]);

/** Fields of a place: a country, a wider region, and/or a named site. */
export const placeShape = {
  /** ISO 3166-1 alpha-2 code, e.g. "HU". */
  country: countrySchema.optional(),
  /** A region wider than a country when the source names no country, e.g. "Europe". */
  region: textSchema.optional(),
  /** The site as the source describes it, e.g. "Chery's plant in Europe". */
  site: textSchema.optional(),
};

/** A place with at least one of its fields, optionally with extra fields (such as a role). */
export function placeSchema<E extends z.ZodRawShape = Record<never, never>>(extra: E = {} as E) {
  return z.strictObject({ ...placeShape, ...extra }).refine(
    (place) => {
      const { country, region, site } = place as { country?: string; region?: string; site?: string };
      return Boolean(country ?? region ?? site);
    },
    {
      error: 'expected at least one of "country", "region" or "site"',
    },
  );
}

/** How the source bounds a number: "about", "more than", … Absent means exact. */
export const qualifierSchema = z.enum(['about', 'more-than', 'at-least', 'less-than', 'up-to']);
export type NumberQualifier = z.output<typeof qualifierSchema>;

/** How many of something: `{ value: 8, unit: GWh }`, optionally per period and bounded ("roughly"). */
export function quantitySchema(ctx: SchemaContext) {
  const units = Object.keys(ctx.vocabulary.units) as [string, ...string[]];
  return z.strictObject({
    /** The number as the source gives it, e.g. 30000. */
    value: z.number(),
    /** Unit id from site.yaml `vocabulary.units`, e.g. "GWh". */
    unit: z.enum(units),
    /** Rate period: "year" for an annual capacity. */
    per: z.enum(['year', 'month', 'day']).optional(),
    /** How the source bounds the number, e.g. "about" for "roughly". */
    qualifier: qualifierSchema.optional(),
  });
}
