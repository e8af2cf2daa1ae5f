import { briefingSchema } from './briefing';
import type { SchemaContext } from './common';
import { companySchema } from './company';
import { dealSchema } from './deal';
import { eventSchema } from './event';
import { personSchema } from './person';
import { quoteSchema } from './quote';
import { sourceSchema } from './source';

/** Every collection's schema, built for one site's vocabulary and reference function. */
export function createSchemas(ctx: SchemaContext) {
  return {
    companies: companySchema(ctx),
    people: personSchema(ctx),
    deals: dealSchema(ctx),
    quotes: quoteSchema(ctx),
    events: eventSchema(ctx),
    sources: sourceSchema(ctx),
    briefings: briefingSchema(ctx),
  };
}

export type Schemas = ReturnType<typeof createSchemas>;
export type { SchemaContext } from './common';
