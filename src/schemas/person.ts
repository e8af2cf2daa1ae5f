import { z } from 'astro/zod';
import { fuzzyDateSchema } from './fuzzy-date';
import {
  labelSchema,
  nameSchema,
  previousIdsSchema,
  proseSchema,
  refSchema,
  sourcesSchema,
  type SchemaContext,
} from './common';

/** A person: one YAML file in `people/`, named after its id. */
export function personSchema(ctx: SchemaContext) {
  return z.strictObject({
    /** Name in the order sources use, e.g. "Choi Jae-hee". */
    name: nameSchema,
    /** Name in native script, only where certain, e.g. "최재희". */
    nativeName: nameSchema.optional(),
    /** Positions held; a source often only says what held on one day (`asOf`). */
    roles: z
      .array(
        z
          .strictObject({
            /** Title as the source gives it, e.g. "Senior researcher". */
            title: labelSchema,
            /** Organisation id, e.g. "kiep". */
            organisation: refSchema(ctx, 'companies').optional(),
            /** When the role began, if known. */
            from: fuzzyDateSchema.optional(),
            /** When the role ended, if known. */
            to: fuzzyDateSchema.optional(),
            /** A day the source shows the role held, e.g. the article's date. */
            asOf: fuzzyDateSchema.optional(),
          })
          // A role cannot end before it begins: "to" must reach at least the first day "from" may be.
          .superRefine((role, issue) => {
            if (role.from && role.to && role.from.start > role.to.end) {
              issue.addIssue({
                code: 'custom',
                path: ['to'],
                message: `expected "to" on or after "from" (${role.from.text})`,
              });
            }
          }),
      )
      .default([]),
    /** One or two sentences in our own words. */
    description: proseSchema.optional(),
    /** Ids this person was published under before (each becomes a redirect). */
    previousIds: previousIdsSchema,
    /** Sources for the facts above. */
    sources: sourcesSchema(ctx),
  });
}

export type Person = z.output<ReturnType<typeof personSchema>>;
