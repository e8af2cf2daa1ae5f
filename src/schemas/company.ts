import { z } from 'astro/zod';
import { countrySchema } from './country';
import { fuzzyDateSchema } from './fuzzy-date';
import { moneySchema } from './money';
import {
  previousIdsSchema,
  quantitySchema,
  refSchema,
  sourcesSchema,
  termSchema,
  labelSchema,
  nameSchema,
  proseSchema,
  type SchemaContext,
} from './common';

/** Who owns an organisation, as far as the source says. */
export const ownershipSchema = z.enum(['state-owned', 'listed', 'private', 'government', 'non-profit']);

/** A company, institute or publisher: one YAML file in `companies/`, named after its id. */
export function companySchema(ctx: SchemaContext) {
  return z.strictObject({
    /** Full name as sources give it, e.g. "LG Energy Solution". */
    name: nameSchema,
    /** Short name readers know, e.g. "LGES". */
    shortName: nameSchema.optional(),
    /** Other names, including native-script names where certain, e.g. "LG에너지솔루션"; at most 20. Search finds them. */
    aliases: z.array(nameSchema).max(20).default([]),
    /** Kind of organisation, an id from site.yaml `vocabulary.companyKinds`, e.g. "automaker". */
    kind: termSchema(ctx, 'companyKinds'),
    /** Home country, ISO 3166-1 alpha-2, e.g. "KR". */
    country: countrySchema,
    /** Parent company id, e.g. "chery-automobile" for Chery EV. */
    parent: refSchema(ctx, 'companies').optional(),
    /** Ownership as the source states it, e.g. "state-owned". */
    ownership: ownershipSchema.optional(),
    /** Two or three sentences in our own words on who this is and why it matters here. */
    description: proseSchema,
    /** Figures that describe the organisation over a period, each with its source. */
    keyFigures: z
      .array(
        z
          .strictObject({
            /** What the figure measures, e.g. "Vehicle exports". */
            label: labelSchema,
            /** A count or measure, e.g. `{ value: 1100000, unit: vehicles, qualifier: about }`. */
            quantity: quantitySchema(ctx).optional(),
            /** An amount of money, when the figure is one. */
            money: moneySchema.optional(),
            /** The period the figure describes, e.g. `2024`. */
            period: fuzzyDateSchema,
            /** Short context in our own words, e.g. "About 46% of total sales". */
            note: proseSchema.optional(),
            /** The source that reports the figure. */
            source: refSchema(ctx, 'sources'),
          })
          .refine((figure) => (figure.quantity ? 1 : 0) + (figure.money ? 1 : 0) === 1, {
            error: 'expected exactly one of "quantity" or "money"',
          }),
      )
      .default([]),
    /** Ids this company was published under before (each becomes a redirect). */
    previousIds: previousIdsSchema,
    /** Sources for the facts above. */
    sources: sourcesSchema(ctx),
  });
}

export type CompanyInput = z.input<ReturnType<typeof companySchema>>;
export type Company = z.output<ReturnType<typeof companySchema>>;
