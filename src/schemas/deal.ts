import { z } from 'astro/zod';
import { fuzzyDateSchema } from './fuzzy-date';
import { moneySchema } from './money';
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

/** The part a company plays in a deal. */
export const partyRoleSchema = z.enum([
  'supplier',
  'customer',
  'partner',
  'investor',
  'investee',
  'acquirer',
  'target',
  'licensor',
  'licensee',
  'lender',
  'borrower',
]);

/** How far a deal has got, as the source reports it. */
export const dealStatusSchema = z.enum(['reported', 'announced', 'signed', 'in-effect', 'completed', 'terminated']);

/** A deal between organisations: one YAML file in `deals/`, named after its id. */
export function dealSchema(ctx: SchemaContext) {
  return z.strictObject({
    /** Headline in our own words, e.g. "LG Energy Solution to supply Chery EV with 46-series cells". */
    title: titleSchema,
    /** Kind of deal, an id from site.yaml `vocabulary.dealKinds`, e.g. "cell-supply". */
    kind: termSchema(ctx, 'dealKinds'),
    /** The organisations in the deal and their roles; at least two, each company once (the graph checks). */
    parties: z
      .array(
        z.strictObject({
          /** Company id, e.g. "lg-energy-solution". */
          company: refSchema(ctx, 'companies'),
          /** Its role, e.g. "supplier". */
          role: partyRoleSchema,
        }),
      )
      .min(2, { error: 'expected at least two parties' }),
    /** What changes hands, e.g. "46-series cylindrical battery cells". */
    product: labelSchema.optional(),
    /** How much, e.g. `{ value: 8, unit: GWh }`. */
    volume: quantitySchema(ctx).optional(),
    /** What it is worth, in the reported currency, with any conversion only as reported. */
    value: moneySchema.optional(),
    /** When it runs. */
    term: z
      .strictObject({
        /** First delivery or start, e.g. `early 2026`. */
        start: fuzzyDateSchema.optional(),
        /** Length, e.g. `{ value: 6, unit: years }`. */
        duration: z
          .strictObject({
            /** A whole number of units, e.g. 6. */
            value: z.number().int().positive(),
            /** "years" or "months". */
            unit: z.enum(['years', 'months']),
          })
          .optional(),
      })
      .optional(),
    /** Where goods come from, are delivered or used, e.g. `{ role: use, region: Europe, site: … }`. */
    places: z
      .array(
        placeSchema({
          /** What happens at the place: "origin", "delivery", "use" or "production". */
          role: z.enum(['origin', 'delivery', 'use', 'production']),
        }),
      )
      .default([]),
    /** How far the deal has got, e.g. "signed". */
    status: dealStatusSchema,
    /** When the deal was announced or first reported, e.g. `2025-06` for "last month". */
    announced: fuzzyDateSchema.optional(),
    /** Two or three sentences in our own words. */
    summary: proseSchema,
    /** Ids this deal was published under before (each becomes a redirect). */
    previousIds: previousIdsSchema,
    /** Sources for the facts above. */
    sources: sourcesSchema(ctx),
  });
}

export type Deal = z.output<ReturnType<typeof dealSchema>>;
export type PartyRole = z.output<typeof partyRoleSchema>;
export type DealStatus = z.output<typeof dealStatusSchema>;
