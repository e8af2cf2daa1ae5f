import { parse } from 'csv-parse/sync';
import type { Graph, Node } from '../../src/lib/graph/graph';
import type { Ref } from '../../src/schemas/common';
import type { SiteConfig } from '../../src/schemas/site';

/**
 * Reading the data exports back the way a data tool does, independently of the code that writes
 * them: CSV parsed by csv-parse (RFC 4180), cells cast by the Table Schema rules of their field,
 * and what each table should hold, derived from the graph directly.
 */

/** A field as datapackage.json describes it (the parts a reader needs). */
export interface SchemaField {
  name: string;
  type: string;
  description?: string;
  delimiter?: string;
}

/** A CSV file's records (BOM removed, as spreadsheets and csv-parse do). */
export function readCsv(text: string): string[][] {
  return parse(text, { bom: true }) as string[][];
}

/** The characters after which a leading apostrophe is the exports' formula guard, not text. */
const GUARDED = /^'[=+\-@\t\r\uff1d\uff0b\uff0d\uff20]/;

/**
 * A cell cast to its field's type, as Table Schema reads it ("" is missing): numbers, booleans,
 * `list` split on its delimiter, `array` parsed as JSON; text loses the formula guard apostrophe.
 */
export function castCell(field: SchemaField, text: string): unknown {
  if (text === '') return field.type === 'list' ? [] : null;
  switch (field.type) {
    case 'number':
    case 'integer': {
      const value = Number(text);
      if (!Number.isFinite(value) || (field.type === 'integer' && !Number.isInteger(value)))
        throw new Error(`${field.name}: ${text} is not a ${field.type}`);
      return value;
    }
    case 'boolean':
      if (text !== 'true' && text !== 'false') throw new Error(`${field.name}: ${text} is not a boolean`);
      return text === 'true';
    case 'date':
      if (!/^\d{4}-\d{2}-\d{2}$/.test(text)) throw new Error(`${field.name}: ${text} is not a date`);
      return text;
    case 'datetime':
      if (!/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(Z|[+-]\d{2}:\d{2})$/.test(text))
        throw new Error(`${field.name}: ${text} is not an XML Schema dateTime`);
      return text;
    case 'list':
      return text.split(field.delimiter ?? ',');
    case 'array':
      return JSON.parse(text) as unknown;
    default:
      return GUARDED.test(text) ? text.slice(1) : text;
  }
}

/** A CSV table read with its schema: one object per record, typed; throws when the header differs. */
export function readTable(text: string, fields: SchemaField[]): Record<string, unknown>[] {
  const [header, ...records] = readCsv(text);
  const names = fields.map((f) => f.name);
  if (JSON.stringify(header) !== JSON.stringify(names)) {
    throw new Error(`header ${JSON.stringify(header)} is not the schema's ${JSON.stringify(names)}`);
  }
  return records.map((record) => Object.fromEntries(fields.map((f, i) => [f.name, castCell(f, record[i]!)])));
}

const date = (name: string, d: { text: string; start: string; end: string } | undefined) => ({
  [name]: d?.text ?? null,
  [`${name}_earliest`]: d?.start ?? null,
  [`${name}_latest`]: d?.end ?? null,
});

const ids = (refs: readonly Ref[]) => refs.map((r) => r.id);

/**
 * What each table should hold, straight from the graph: per table, one partial row per entity
 * (or part) in the graph's order, with the fields that carry its facts.
 */
export function expectedRows(
  graph: Graph,
  site: SiteConfig,
  siteUrl: string,
): Record<string, Record<string, unknown>[]> {
  const page = (node: Node) => new URL(`${node.ref.collection}/${node.ref.id}/`, siteUrl).href;
  const money = (
    name: string,
    m:
      | {
          amount: number;
          currency: string;
          qualifier?: string | undefined;
          estimated: boolean;
          converted?: { amount: number; currency: string } | undefined;
        }
      | undefined,
  ) => ({
    [`${name}_amount`]: m?.amount ?? null,
    [`${name}_currency`]: m?.currency ?? null,
    [`${name}_qualifier`]: m?.qualifier ?? null,
    [`${name}_estimated`]: m ? m.estimated : null,
    [`${name}_converted_amount`]: m?.converted?.amount ?? null,
    [`${name}_converted_currency`]: m?.converted?.currency ?? null,
  });
  const quantity = (
    name: string,
    q: { value: number; unit: string; per?: string | undefined; qualifier?: string | undefined } | undefined,
  ) => ({
    [`${name}_value`]: q?.value ?? null,
    [`${name}_unit`]: q?.unit ?? null,
    [`${name}_unit_label`]: q ? site.vocabulary.units[q.unit]!.label : null,
    [`${name}_per`]: q?.per ?? null,
    [`${name}_qualifier`]: q?.qualifier ?? null,
  });
  return {
    companies: graph.all('companies').map((n) => ({
      id: n.ref.id,
      name: n.data.name,
      short_name: n.data.shortName ?? null,
      aliases: n.data.aliases,
      kind: n.data.kind,
      kind_label: site.vocabulary.companyKinds[n.data.kind],
      country: n.data.country,
      parent_id: n.data.parent?.id ?? null,
      description: n.data.description,
      page_url: page(n),
    })),
    'key-figures': graph.all('companies').flatMap((n) =>
      n.data.keyFigures.map((f) => ({
        company_id: n.ref.id,
        label: f.label,
        ...quantity('quantity', f.quantity),
        ...money('money', f.money),
        ...date('period', f.period),
        note: f.note ?? null,
        source_ids: [f.source.id],
      })),
    ),
    people: graph.all('people').map((n) => ({
      id: n.ref.id,
      name: n.data.name,
      native_name: n.data.nativeName ?? null,
      page_url: page(n),
    })),
    'person-roles': graph.all('people').flatMap((n) =>
      n.data.roles.map((r) => ({
        person_id: n.ref.id,
        title: r.title,
        organisation_id: r.organisation?.id ?? null,
        ...date('from', r.from),
        ...date('to', r.to),
        ...date('as_of', r.asOf),
      })),
    ),
    deals: graph.all('deals').map((n) => ({
      id: n.ref.id,
      title: n.data.title,
      kind: n.data.kind,
      kind_label: site.vocabulary.dealKinds[n.data.kind],
      status: n.data.status,
      ...Object.fromEntries(
        [...new Set(n.data.parties.map((p) => p.role))].map((role) => [
          `${role}_ids`,
          n.data.parties.filter((p) => p.role === role).map((p) => p.company.id),
        ]),
      ),
      ...quantity('volume', n.data.volume),
      ...money('value', n.data.value),
      ...date('term_start', n.data.term?.start),
      ...date('announced', n.data.announced),
      summary: n.data.summary,
      page_url: page(n),
    })),
    quotes: graph.all('quotes').map((n) => ({
      id: n.ref.id,
      text: n.data.text,
      speaker_person_id: n.data.speaker.person?.id ?? null,
      speaker_organisation_id: n.data.speaker.organisation?.id ?? null,
      speaker_description: n.data.speaker.description ?? null,
      ...date('date', n.data.date),
      about_deal_ids: ids(n.data.about.deals),
      source_ids: [n.data.source.id],
      page_url: page(n),
    })),
    events: graph.all('events').map((n) => ({
      id: n.ref.id,
      title: n.data.title,
      kind_label: site.vocabulary.eventKinds[n.data.kind],
      ...date('date', n.data.date),
      status: n.data.status,
      company_ids: ids(n.data.companies),
      deal_ids: ids(n.data.deals),
      page_url: page(n),
    })),
    'event-figures': graph
      .all('events')
      .flatMap((n) =>
        n.data.figures.map((f) => ({ event_id: n.ref.id, label: f.label, ...quantity('quantity', f.quantity) })),
      ),
    sources: graph.all('sources').map((n) => ({
      id: n.ref.id,
      title: n.data.title,
      publisher_id: n.data.publisher.id,
      url: n.data.url ?? null,
      language: n.data.language,
      source_ids: [n.ref.id],
      page_url: page(n),
    })),
    briefings: graph.all('briefings').map((n) => ({
      id: n.ref.id,
      title: n.data.title,
      published: n.data.published,
      topics: n.data.topics,
      page_url: page(n),
    })),
  };
}

/** The sources every row of an entity must cite: its own `sources` list. */
export function ownSources(node: Node): string[] {
  const data = node.data as { sources?: Ref[]; source?: Ref };
  return data.sources ? ids(data.sources) : data.source ? [data.source.id] : [node.ref.id];
}
