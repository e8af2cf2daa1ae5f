import { z } from 'astro/zod';
import { fuzzyDateSchema } from './fuzzy-date';
import {
  boundedText,
  labelSchema,
  nameSchema,
  previousIdsSchema,
  proseSchema,
  refSchema,
  TEXT_LIMITS,
  type SchemaContext,
} from './common';

/** What a quote or briefing is about: ids per collection. */
export function aboutSchema(ctx: SchemaContext) {
  return z
    .strictObject({
      /** Company ids, e.g. `[chery-automobile]`. */
      companies: z.array(refSchema(ctx, 'companies')).default([]),
      /** Person ids. */
      people: z.array(refSchema(ctx, 'people')).default([]),
      /** Deal ids. */
      deals: z.array(refSchema(ctx, 'deals')).default([]),
      /** Event ids. */
      events: z.array(refSchema(ctx, 'events')).default([]),
      /** Quote ids. */
      quotes: z.array(refSchema(ctx, 'quotes')).default([]),
    })
    .default({ companies: [], people: [], deals: [], events: [], quotes: [] });
}

/** Words someone said, verbatim: one YAML file in `quotes/`, named after its id. */
export function quoteSchema(ctx: SchemaContext) {
  return z.strictObject({
    /** The words exactly as the source prints them, without the surrounding quotation marks. */
    text: boundedText({
      max: TEXT_LIMITS.longProse,
      prose: true,
      noun: 'the quoted words',
      typeError: 'expected the quoted words as text',
      emptyError: 'expected the quoted words, not an empty string',
    }),
    /**
     * Who said it: a person (`person`), an organisation speaking as itself (`organisation` alone),
     * or an unnamed speaker as the source describes them (`description`, e.g. "an industry insider").
     */
    speaker: z
      .strictObject({
        /** Person id, when the speaker is named. */
        person: refSchema(ctx, 'people').optional(),
        /** Organisation id: the speaker's organisation, or the organisation speaking as itself. */
        organisation: refSchema(ctx, 'companies').optional(),
        /** How the source describes an unnamed speaker, e.g. "an industry insider". */
        description: nameSchema.optional(),
      })
      .refine((s) => s.person ?? s.organisation ?? s.description, {
        error: 'expected a speaker: "person", "organisation" or "description"',
      })
      .refine((s) => !(s.person && s.description), {
        error: 'expected either a named "person" or an unnamed "description", not both',
      }),
    /** The speaker's role when speaking, e.g. "Senior researcher". */
    role: labelSchema.optional(),
    /** When it was said, if the source says; otherwise readers see the source's date. */
    date: fuzzyDateSchema.optional(),
    /** One sentence in our own words on what prompted the remark. */
    context: proseSchema,
    /** What the quote is about. */
    about: aboutSchema(ctx),
    /** The source that prints the quote. */
    source: refSchema(ctx, 'sources'),
    /** Ids this quote was published under before (each becomes a redirect). */
    previousIds: previousIdsSchema,
  });
}

export type Quote = z.output<ReturnType<typeof quoteSchema>>;
