import { defineCollection, reference } from 'astro:content';
import { docsLoader, i18nLoader } from '@astrojs/starlight/loaders';
import { docsSchema, i18nSchema } from '@astrojs/starlight/schema';
import { validatedGlob } from './loaders/validated-glob';
import { contentRoot } from './lib/content/locations';
import { reusedForStarlightPages } from './lib/content/page-schema';
import { loadSiteConfig } from './lib/content/site-config';
import { createSchemas, type SchemaContext } from './schemas';

// Wiring only: which folder of the content root feeds which collection, checked by which schema.
const root = contentRoot(process.cwd());
const site = loadSiteConfig(root);
const schemas = createSchemas({ reference: reference as SchemaContext['reference'], vocabulary: site.vocabulary });

function collection<S extends (typeof schemas)[keyof typeof schemas]>(folder: string, schema: S, extensions: string[]) {
  return defineCollection({ loader: validatedGlob({ base: `${root}/${folder}`, extensions, schema }), schema });
}

export const collections = {
  // Starlight's own collections: product pages (about, 404) and interface strings. The beat's
  // content is everything below, read from the content root. Every page of the site is a
  // <StarlightPage>, which checks its frontmatter with the docs schema: built once for all of them.
  docs: defineCollection({ loader: docsLoader(), schema: reusedForStarlightPages(docsSchema()) }),
  i18n: defineCollection({ loader: i18nLoader(), schema: i18nSchema() }),
  companies: collection('companies', schemas.companies, ['yaml', 'yml']),
  people: collection('people', schemas.people, ['yaml', 'yml']),
  deals: collection('deals', schemas.deals, ['yaml', 'yml']),
  quotes: collection('quotes', schemas.quotes, ['yaml', 'yml']),
  events: collection('events', schemas.events, ['yaml', 'yml']),
  sources: collection('sources', schemas.sources, ['yaml', 'yml']),
  briefings: collection('briefings', schemas.briefings, ['mdx']),
};
