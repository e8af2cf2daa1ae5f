import { z } from 'astro/zod';
import { timestampSchema } from './fuzzy-date';
import { longProseSchema, nameSchema, previousIdsSchema, refSchema, titleSchema, type SchemaContext } from './common';

const languageSchema = z
  .string({ error: 'expected a BCP 47 language code such as "en" or "ko"' })
  .regex(/^[a-z]{2,3}(?:-[A-Za-z0-9]{2,8})*$/, { error: 'expected a BCP 47 language code such as "en" or "ko"' });

/** A published work that facts come from: one YAML file in `sources/`, named after its id. */
export function sourceSchema(ctx: SchemaContext) {
  return z.strictObject({
    /** Headline exactly as published. */
    title: titleSchema,
    /** Publisher id (a company of a publishing kind), e.g. "korea-joongang-daily". */
    publisher: refSchema(ctx, 'companies'),
    /** Byline as printed, e.g. "Choi Sun-eul". */
    author: nameSchema.optional(),
    /** When it was published, with time zone, e.g. "2025-07-09T19:18+09:00". */
    published: timestampSchema,
    /** When it was last updated, with time zone. */
    updated: timestampSchema.optional(),
    /** Address of the original, where known. */
    url: z.url({ protocol: /^https?$/, error: 'expected a full URL starting with https://' }).optional(),
    /** BCP 47 code of the text we read, e.g. "en". */
    language: languageSchema,
    /** For translations: the language and publication of the original. */
    translatedFrom: z
      .strictObject({
        /** BCP 47 code of the original, e.g. "ko". */
        language: languageSchema,
        /** Publisher id of the original, e.g. "joongang-ilbo". */
        publication: refSchema(ctx, 'companies'),
      })
      .optional(),
    /** What a reader should know about the source, in our own words. */
    notes: longProseSchema.optional(),
    /** Ids this source was published under before (each becomes a redirect). */
    previousIds: previousIdsSchema,
  });
}

export type Source = z.output<ReturnType<typeof sourceSchema>>;
