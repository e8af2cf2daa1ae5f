import { z } from 'astro/zod';
import { qualifierSchema } from './common';

const CURRENCIES = new Set(Intl.supportedValuesOf('currency'));

/** An ISO 4217 currency code, e.g. "KRW". */
export const currencySchema = z
  .string({ error: 'expected a three-letter ISO 4217 currency code such as "KRW" or "USD"' })
  .refine((code) => CURRENCIES.has(code), {
    error: 'expected a three-letter ISO 4217 currency code such as "KRW" or "USD"',
  });

/** An amount of money in one currency, e.g. `{ amount: 1000000000000, currency: KRW, qualifier: more-than }`. */
export const moneySchema = z
  .strictObject({
    /** The amount in `currency` units (not thousands or millions), e.g. 1000000000000. */
    amount: z.number().positive(),
    /** ISO 4217 code of the amount, e.g. "KRW". */
    currency: currencySchema,
    /** How the source bounds the amount, e.g. "more-than" for "exceeds". */
    qualifier: qualifierSchema.optional(),
    /** True when the source calls the amount an estimate. */
    estimated: z.boolean().default(false),
    /**
     * The same amount in another currency, only as the source reports it (never converted by us),
     * e.g. `{ amount: 726000000, currency: USD }` for "($726 million)".
     */
    converted: z
      .strictObject({
        /** The reported converted amount, e.g. 726000000. */
        amount: z.number().positive(),
        /** ISO 4217 code of the converted amount, e.g. "USD". */
        currency: currencySchema,
      })
      .optional(),
  })
  .refine((money) => money.converted?.currency !== money.currency, {
    error: 'expected "converted" in a different currency from "currency"',
    path: ['converted', 'currency'],
  });

export type Money = z.output<typeof moneySchema>;
