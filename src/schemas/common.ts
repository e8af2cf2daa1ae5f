import { z } from 'astro/zod';
import { describeValue } from '../lib/content/content-errors';
import { characterCount, findHiddenCharacter } from '../lib/values/unicode';
import { countrySchema } from './country';
import type { Vocabulary } from './site';

/** Names of the entity collections. */
export const ENTITY_COLLECTIONS = ['companies', 'people', 'deals', 'quotes', 'events', 'sources', 'briefings'] as const;
export type EntityCollection = (typeof ENTITY_COLLECTIONS)[number];

/** One entity of each collection, as an identifier and in messages: `companies` → `company`. */
export const COLLECTION_SINGULAR = {
  companies: 'company',
  people: 'person',
  deals: 'deal',
  quotes: 'quote',
  events: 'event',
  sources: 'source',
  briefings: 'briefing',
} as const satisfies Record<EntityCollection, string>;

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

/**
 * Longest text each kind of field takes, in characters. Each comfortably fits the bundled dataset
 * (longest: id 66, name 49, title 73, description or summary 385, note 409, quote 210) and what
 * its place on the page holds: a name a line of a table, a title two lines of a card, prose a
 * paragraph. Beyond them text is a mistake (a paste of a whole article) that every page, card
 * and search record showing the field would copy.
 */
export const TEXT_LIMITS = {
  /** Ids: file names and URL segments. */
  id: 120,
  /** Names, short names, aliases, bylines, speakers, labels, role titles, products, places. */
  name: 150,
  /** Headlines of deals, events, sources and briefings. */
  title: 200,
  /** Summaries, descriptions, a quote's context, a figure's note: two or three sentences. */
  prose: 600,
  /** A source's notes and a quote's words: a paragraph. */
  longProse: 1000,
} as const;

interface TextOptions {
  /** Longest text accepted, in characters. */
  max: number;
  /** Prose may hold newlines, tabs and the invisible marks its script needs; one-line text none. */
  prose?: boolean;
  /** What the field holds, for the message about invisible characters: "a name", "a title", "text". */
  noun?: string;
  /** Message for a value that is not text. */
  typeError?: string;
  /** Message for an empty value. */
  emptyError?: string;
}

/** `expected at most 600 characters, found 1,048,576 characters`: a check of text length. */
function maxLength(max: number) {
  return (value: string, ctx: z.core.$RefinementCtx<string>) => {
    if (value.length <= max) return;
    const count = characterCount(value);
    if (count <= max) return;
    ctx.addIssue({
      code: 'custom',
      message: `expected at most ${max.toLocaleString('en')} characters`,
      params: { found: `${count.toLocaleString('en')} characters` },
    });
  };
}

/** A check that one-line text holds no character a reader cannot see (prose: no control characters). */
function visibleOnly({ prose = false, noun = 'text' }: Pick<TextOptions, 'prose' | 'noun'>) {
  return (value: string, ctx: z.core.$RefinementCtx<string>) => {
    const hidden = findHiddenCharacter(value, { prose });
    if (!hidden) return;
    ctx.addIssue({
      code: 'custom',
      message: prose
        ? `expected ${noun} without control characters (other than line breaks and tabs)`
        : `expected ${noun} without invisible or direction-changing characters`,
      params: { found: `${describeValue(value)} (${hidden.description} at position ${hidden.position})` },
      continue: false,
    });
  };
}

/** Non-empty, trimmed text of at most `max` characters, with no character a reader cannot see. */
export function boundedText({
  max,
  prose = false,
  noun = 'text',
  typeError = 'expected text',
  emptyError = 'expected text, not an empty string',
}: TextOptions) {
  return z
    .string({ error: typeError })
    .superRefine(visibleOnly({ prose, noun }))
    .trim()
    .min(1, { error: emptyError })
    .superRefine(maxLength(max));
}

/** The name of a company or person, a short name, an alias, a byline or a speaker, e.g. "CATL". */
export const nameSchema = boundedText({ max: TEXT_LIMITS.name, noun: 'a name' });
/** A headline, e.g. "LG Energy Solution to supply Chery EV with 46-series cells". */
export const titleSchema = boundedText({ max: TEXT_LIMITS.title, noun: 'a title' });
/** A short phrase on one line: a label, a role title, a product, a place, e.g. "Annual capacity". */
export const labelSchema = boundedText({ max: TEXT_LIMITS.name });
/** Two or three sentences, e.g. a summary or description. */
export const proseSchema = boundedText({ max: TEXT_LIMITS.prose, prose: true });
/** A paragraph, e.g. a source's notes. */
export const longProseSchema = boundedText({ max: TEXT_LIMITS.longProse, prose: true });

const ID_ERROR = 'expected an id such as "lg-energy-solution" (lowercase letters, digits, hyphens)';

/** An entity id (also its file name and permalink): lowercase letters, digits, single hyphens. */
export const idSchema = z
  .string({ error: ID_ERROR })
  .superRefine(visibleOnly({ noun: 'an id' }))
  .regex(ID_PATTERN, { error: ID_ERROR })
  .superRefine(maxLength(TEXT_LIMITS.id));

/** A link to an entry of `collection` by id; the graph checks that the entry exists. */
export function refSchema<C extends EntityCollection>(ctx: SchemaContext, collection: C) {
  const reference = ctx.reference(collection) as unknown as z.ZodType<Ref<C>, string>;
  return idSchema.pipe(reference) as unknown as z.ZodType<Ref<C>, string>;
}

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
  region: labelSchema.optional(),
  /** The site as the source describes it, e.g. "Chery's plant in Europe". */
  site: labelSchema.optional(),
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

/**
 * How many of something: `{ value: 8, unit: GWh }`, optionally per period and bounded ("roughly").
 * Never negative (a fall is a change, not a quantity); zero is a fact a source can report
 * ("no exports in 2024", "0%"), so it is accepted.
 */
export function quantitySchema(ctx: SchemaContext) {
  const units = Object.keys(ctx.vocabulary.units) as [string, ...string[]];
  return z.strictObject({
    /** The number as the source gives it, zero or more, e.g. 30000. */
    value: z.number().min(0),
    /** Unit id from site.yaml `vocabulary.units`, e.g. "GWh". */
    unit: z.enum(units),
    /** Rate period: "year" for an annual capacity. */
    per: z.enum(['year', 'month', 'day']).optional(),
    /** How the source bounds the number, e.g. "about" for "roughly". */
    qualifier: qualifierSchema.optional(),
  });
}
