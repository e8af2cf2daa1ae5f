import { z } from 'astro/zod';
import { fuzzyDateSchema } from './fuzzy-date';
import {
  placeSchema,
  previousIdsSchema,
  quantitySchema,
  refSchema,
  sourcesSchema,
  termSchema,
  labelSchema,
  proseSchema,
  titleSchema,
  type SchemaContext,
} from './common';

/** Whether an event has happened or is still ahead. */
export const eventStatusSchema = z.enum(['happened', 'planned', 'expected', 'postponed', 'cancelled']);

/** Something that happened or is planned on a date: one YAML file in `events/`, named after its id. */
export function eventSchema(ctx: SchemaContext) {
  return z.strictObject({
    /** Headline in our own words, e.g. "Lotte Energy Materials starts building its Spanish plant". */
    title: titleSchema,
    /** Kind of event, an id from site.yaml `vocabulary.eventKinds`, e.g. "construction-start". */
    kind: termSchema(ctx, 'eventKinds'),
    /** When, with the source's precision, e.g. `late 2025-06`. */
    date: fuzzyDateSchema,
    /** "happened" or, for what is ahead, "planned" (the company's plan) or "expected" (others' forecast). */
    status: eventStatusSchema,
    /** Companies involved; at least one. */
    companies: z.array(refSchema(ctx, 'companies')).min(1, { error: 'expected at least one company id' }),
    /** Where, e.g. `{ country: ES }`. */
    location: placeSchema().optional(),
    /** Figures the event is about, e.g. an annual capacity of 100 GWh. */
    figures: z
      .array(
        z.strictObject({
          /** What the figure measures, e.g. "Annual capacity". */
          label: labelSchema,
          /** The figure, e.g. `{ value: 100, unit: GWh, per: year }`. */
          quantity: quantitySchema(ctx),
        }),
      )
      .default([]),
    /** Related deals. */
    deals: z.array(refSchema(ctx, 'deals')).default([]),
    /** Two or three sentences in our own words. */
    summary: proseSchema,
    /** Ids this event was published under before (each becomes a redirect). */
    previousIds: previousIdsSchema,
    /** Sources for the facts above. */
    sources: sourcesSchema(ctx),
  });
}

export type Event = z.output<ReturnType<typeof eventSchema>>;
export type EventStatus = z.output<typeof eventStatusSchema>;
