import { z } from 'astro/zod';
import { daySchema } from './fuzzy-date';
import { labelSchema, previousIdsSchema, proseSchema, sourcesSchema, titleSchema, type SchemaContext } from './common';
import { aboutSchema } from './quote';

/** A written briefing: one MDX file in `briefings/`; this is its frontmatter. */
export function briefingSchema(ctx: SchemaContext) {
  return z
    .strictObject({
      /** Headline, e.g. "Chinese battery firms turn to Korean partners". */
      title: titleSchema,
      /** One sentence for link previews and search results. */
      description: proseSchema,
      /** Day of publication on this site, e.g. 2026-11-26. */
      published: daySchema,
      /** Day of the last substantive update, if any. */
      updated: daySchema.optional(),
      /** Two or three sentences: the briefing's point. */
      summary: proseSchema,
      /** Topics as short phrases, e.g. "supply chains"; at most 20. */
      topics: z.array(labelSchema).max(20).default([]),
      /** Entities the briefing is about (inline mentions are found in the text too). */
      about: aboutSchema(ctx),
      /** Sources the briefing relies on. */
      sources: sourcesSchema(ctx),
      /** Ids this briefing was published under before (each becomes a redirect). */
      previousIds: previousIdsSchema,
    })
    .refine((b) => !b.updated || b.updated >= b.published, {
      error: 'expected "updated" on or after "published"',
      path: ['updated'],
    });
}

export type Briefing = z.output<ReturnType<typeof briefingSchema>>;
