import { z } from 'astro/zod';
import { createSchemas } from '../../schemas';
import { ENTITY_COLLECTIONS, type EntityCollection } from '../../schemas/common';
import { COUNTRY_CODES, countrySchema } from '../../schemas/country';
import { daySchema, fuzzyDateSchema, timestampSchema } from '../../schemas/fuzzy-date';
import { currencySchema } from '../../schemas/money';
import { siteSchema, type SiteConfig } from '../../schemas/site';
import { idReference } from '../content/check';
import { countryName } from '../values/format';
import { FUZZY_DATE_FORMS } from '../values/fuzzy-date';
import type { FieldDocs } from './schema-docs';
import { schemaFileName } from './scaffold';

/**
 * JSON Schemas of the content files, for editors (VS Code's YAML extension completes, documents
 * and checks each field as it is typed). Made from the same zod schemas the build checks with,
 * for one content root's vocabulary, with each field's JSDoc as its description and each term
 * of site.yaml with its label and description. They catch what a schema of one file can catch
 * (missing and misspelt fields, wrong types, unknown terms); dates, references and everything
 * across files are for `npm run check:content`.
 */

type Json = { [key: string]: unknown };

/** The files `npm run schemas` writes, by name: one per collection, and site.yaml's. */
export type SchemaName = EntityCollection | 'site';

/** Marks what has no JSON Schema form (a date object YAML never gives us), to be dropped. */
const NOTHING = '__briefing_unrepresentable__';

function fillEnum(json: Json, values: readonly string[], describe: (value: string) => string): void {
  json.type = 'string';
  json.enum = [...values];
  json.enumDescriptions = values.map(describe);
  json.markdownEnumDescriptions = values.map((value) => describe(value).replace(/^([^:]+)(:|$)/, '**$1**$2'));
}

/** Terms of the vocabulary by their list of ids, to recognise enums made from them. */
function vocabularyTerms(site: SiteConfig): { ids: string; describe: (id: string) => string }[] {
  const { terms, units } = site.vocabulary;
  const term = (list: Record<string, { label: string; description?: string | undefined }>) => ({
    ids: Object.keys(list).join('\n'),
    describe: (id: string) => {
      const t = list[id]!;
      return t.description ? `${t.label}: ${t.description}` : t.label;
    },
  });
  return [
    term(terms.companyKinds),
    term(terms.dealKinds),
    term(terms.eventKinds),
    {
      ids: Object.keys(units).join('\n'),
      describe: (id: string) => {
        const unit = units[id]!;
        return unit.singular ? `${unit.label} (one: ${unit.singular})` : unit.label;
      },
    },
  ];
}

/** Zod → JSON Schema, with the house's value types written out (see the module comment). */
function convert(schema: z.core.$ZodType, site: SiteConfig | undefined): Json {
  const terms = site ? vocabularyTerms(site) : [];
  const inner = (s: z.core.$ZodType) => (s._zod.def as { in?: z.core.$ZodType }).in;
  return z.toJSONSchema(schema, {
    target: 'draft-07',
    io: 'input',
    unrepresentable: 'any',
    override: ({ zodSchema, jsonSchema }) => {
      const json = jsonSchema as Json;
      const def = zodSchema._zod.def as { type: string; entries?: Record<string, string> };
      if (def.type === 'date') {
        json[NOTHING] = true;
      } else if (zodSchema === fuzzyDateSchema || zodSchema === inner(fuzzyDateSchema)) {
        for (const key of Object.keys(json)) delete json[key];
        Object.assign(json, {
          type: ['string', 'number'],
          description: `A date with the source's precision: ${FUZZY_DATE_FORMS}.`,
          examples: ['2025', '2025-Q3', '2025-06', '2025-07-09', 'early 2026', 'by end of 2025'],
        });
      } else if (zodSchema === daySchema || zodSchema === inner(daySchema)) {
        for (const key of Object.keys(json)) delete json[key];
        Object.assign(json, { type: 'string', pattern: '^\\d{4}-\\d{2}-\\d{2}$', examples: ['2026-11-26'] });
      } else if (zodSchema === timestampSchema) {
        Object.assign(json, {
          pattern: '^\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}(:\\d{2})?(Z|[+-]\\d{2}:\\d{2})$',
          examples: ['2025-07-09T19:18+09:00'],
        });
      } else if (zodSchema === countrySchema) {
        fillEnum(json, COUNTRY_CODES, (code) => countryName(code));
      } else if (zodSchema === currencySchema) {
        fillEnum(json, Intl.supportedValuesOf('currency'), (code) => code);
        delete json.enumDescriptions;
        delete json.markdownEnumDescriptions;
      } else if (def.type === 'enum' && def.entries) {
        const ids = Object.values(def.entries).join('\n');
        const term = terms.find((t) => t.ids === ids);
        if (term) fillEnum(json, Object.values(def.entries), term.describe);
      }
    },
  }) as Json;
}

/** Drops what cannot be represented, and adds the fields' descriptions and non-blank text. */
function finish(json: unknown, docs: FieldDocs): unknown {
  if (Array.isArray(json)) return json.map((item) => finish(item, docs));
  if (json === null || typeof json !== 'object') return json;
  const object = json as Json;
  if (Array.isArray(object.anyOf)) {
    const kept = (object.anyOf as Json[]).filter((option) => !option[NOTHING]);
    if (kept.length === 1) {
      delete object.anyOf;
      Object.assign(object, kept[0]);
    } else object.anyOf = kept;
  }
  // Text fields are trimmed and may not be empty: at least one character that is not a space.
  if (object.type === 'string' && object.minLength === 1 && object.pattern === undefined) object.pattern = '\\S';
  if (object.properties && typeof object.properties === 'object') {
    const properties = object.properties as Record<string, Json>;
    // The field's own words first, then what its value type says (a date's forms).
    for (const [key, description] of docs.describe(Object.keys(properties))) {
      const property = properties[key]!;
      property.description = property.description ? `${description} ${property.description}` : description;
    }
  }
  for (const [key, value] of Object.entries(object)) object[key] = finish(value, docs);
  return object;
}

/** What each file is, for its title. */
const TITLES: Record<SchemaName, string> = {
  companies: 'A company, institute or publisher (companies/<id>.yaml)',
  people: 'A person (people/<id>.yaml)',
  deals: 'A deal between organisations (deals/<id>.yaml)',
  quotes: 'Words someone said, verbatim (quotes/<id>.yaml)',
  events: 'Something that happened or is planned (events/<id>.yaml)',
  sources: 'A published work that facts come from (sources/<id>.yaml)',
  briefings: "A briefing's frontmatter (briefings/<id>.mdx)",
  site: "The beat's title and vocabulary (site.yaml)",
};

/** Every JSON Schema of a content root, by file name (`companies.schema.json`), as the text to write. */
export function jsonSchemas(site: SiteConfig, docs: FieldDocs): Map<string, string> {
  const schemas = createSchemas({ reference: idReference, vocabulary: site.vocabulary });
  const files = new Map<string, string>();
  const write = (name: SchemaName, json: Json) => {
    const { $schema, ...rest } = finish(json, docs) as Json;
    const document = {
      $schema,
      $comment: 'Generated by npm run schemas from src/schemas/ and site.yaml; do not edit.',
      title: TITLES[name],
      ...rest,
    };
    files.set(schemaFileName(name), `${JSON.stringify(document, null, 2)}\n`);
  };
  for (const collection of ENTITY_COLLECTIONS) write(collection, convert(schemas[collection], site));
  write('site', convert(siteSchema, undefined));
  return files;
}
