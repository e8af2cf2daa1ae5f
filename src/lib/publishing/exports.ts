import { createHash } from 'node:crypto';
import { slug } from 'github-slugger';
import { dataUi, fill } from '../../i18n/data';
import type { EntityCollection, Ref } from '../../schemas/common';
import { qualifierSchema } from '../../schemas/common';
import type { Company } from '../../schemas/company';
import { dealStatusSchema, partyRoleSchema, type PartyRole } from '../../schemas/deal';
import { eventStatusSchema, type Event } from '../../schemas/event';
import type { Money } from '../../schemas/money';
import type { Person } from '../../schemas/person';
import { ownershipSchema } from '../../schemas/company';
import type { SiteConfig } from '../../schemas/site';
import type { Graph, Node } from '../graph/graph';
import { briefingCoverage } from '../graph/relations';
import {
  absoluteUrl,
  anchorUrl,
  csvExportName,
  DATAPACKAGE_FILE,
  DATASET_FILE,
  entityUrl,
  exportUrl,
  homeUrl,
} from '../routes';
import { countryName, formatTimestamp } from '../values/format';
import type { FuzzyDate } from '../values/fuzzy-date';
import { csvDocument, neutraliseFormula } from './csv';

/**
 * The data of the site as files for spreadsheets and tools: one CSV per table, the whole dataset
 * as one JSON file, and a Frictionless Data Package descriptor (datapackage.json, spec v2) that
 * describes every file, field and type. Each table is described once, as columns with a name,
 * a type, a description and how to read the value from the graph; the CSV, the JSON and the
 * descriptor all come from that one description. Pure functions of the graph.
 *
 * Values are exported as the sources give them: a fuzzy date as its text plus the earliest and
 * latest day it can mean; money as amount, currency, qualifier and estimate flag, with a
 * conversion only as reported; quantities with their unit id and label. Column names are the
 * content's field names in snake_case; kinds are the vocabulary's ids and labels, so any beat
 * exports the same way.
 */

/** Table Schema types the exports use (https://datapackage.org/standard/table-schema/). */
export type FieldType = 'string' | 'number' | 'integer' | 'boolean' | 'date' | 'datetime' | 'list' | 'array';

/** A typed value of a row: lists and arrays are arrays, a missing value is null. */
export type CellValue = string | number | boolean | null | readonly unknown[];

/** One row of a table: field name → typed value, in field order. */
export type ExportRow = Record<string, CellValue>;

/** A field of a table, as datapackage.json describes it. */
export interface ExportField {
  name: string;
  type: FieldType;
  description: string;
  /** `uri` for addresses. */
  format?: 'uri';
  /** For `list` fields: items are strings separated by this. */
  delimiter?: ',';
  itemType?: 'string';
  /** The values the field may take, for closed lists. */
  constraints?: { enum?: string[]; required?: true; unique?: true };
}

/** The tables, in the order of the data package. */
export const EXPORT_TABLES = [
  'companies',
  'key-figures',
  'people',
  'person-roles',
  'deals',
  'quotes',
  'events',
  'event-figures',
  'sources',
  'briefings',
] as const;
export type TableName = (typeof EXPORT_TABLES)[number];

/** The tables of each collection: its own, then those of its parts (an index page offers them). */
export const COLLECTION_TABLES: Record<EntityCollection, TableName[]> = {
  companies: ['companies', 'key-figures'],
  people: ['people', 'person-roles'],
  deals: ['deals'],
  quotes: ['quotes'],
  events: ['events', 'event-figures'],
  sources: ['sources'],
  briefings: ['briefings'],
};

/** The parts of an entity that have tables of their own, by the key they have in its JSON. */
export const PART_TABLES: Partial<Record<EntityCollection, { key: string; table: TableName }>> = {
  companies: { key: 'key_figures', table: 'key-figures' },
  people: { key: 'roles', table: 'person-roles' },
  events: { key: 'figures', table: 'event-figures' },
};

/** What the export builders read. */
export interface ExportContext {
  graph: Graph;
  site: SiteConfig;
  /** The configured site, for absolute addresses. */
  siteUrl: URL;
}

/** A table with its rows, and for each row the entity it belongs to. */
export interface ExportTable {
  name: TableName;
  title: string;
  description: string;
  fields: ExportField[];
  primaryKey?: string[];
  rows: ExportRow[];
  /** The entity each row belongs to (the company of a key figure), parallel to `rows`. */
  owners: Ref[];
}

interface Column<T> extends ExportField {
  get: (item: T) => CellValue | undefined;
}

interface TableSpec<T> {
  name: TableName;
  items: T[];
  owner: (item: T) => Ref;
  primaryKey?: string[];
  columns: Column<T>[];
}

const f = dataUi.fields;
const v = dataUi.values;
const w = dataUi.what;

function column<T>(
  name: string,
  type: FieldType,
  description: string,
  get: Column<T>['get'],
  extra: Partial<ExportField> = {},
): Column<T> {
  return { name, type, description, get, ...extra };
}

/** A comma-separated list of ids (ids hold no comma: lowercase letters, digits, hyphens). */
function ids<T>(name: string, description: string, get: (item: T) => readonly Ref[] | readonly string[]): Column<T> {
  return column(name, 'list', description, (item) => get(item).map((r) => (typeof r === 'string' ? r : r.id)), {
    delimiter: ',',
    itemType: 'string',
  });
}

function closed<T>(name: string, description: string, values: readonly string[], get: Column<T>['get']): Column<T> {
  return column(name, 'string', description, get, { constraints: { enum: [...values] } });
}

/** A fuzzy date as three columns: the text as written, the earliest and the latest day. */
function dateColumns<T>(name: string, what: string, get: (item: T) => FuzzyDate | undefined): Column<T>[] {
  return [
    column(name, 'string', fill(v.dateText, { what }), (item) => get(item)?.text),
    column(`${name}_earliest`, 'date', fill(v.dateEarliest, { what }), (item) => get(item)?.start),
    column(`${name}_latest`, 'date', fill(v.dateLatest, { what }), (item) => get(item)?.end),
  ];
}

/** Money as the source reports it: amount, currency, qualifier, estimate, reported conversion. */
function moneyColumns<T>(name: string, what: string, get: (item: T) => Money | undefined): Column<T>[] {
  return [
    column(`${name}_amount`, 'number', fill(v.amount, { what }), (item) => get(item)?.amount),
    column(`${name}_currency`, 'string', fill(v.currency, { what }), (item) => get(item)?.currency),
    closed(
      `${name}_qualifier`,
      fill(v.moneyQualifier, { what }),
      qualifierSchema.options,
      (item) => get(item)?.qualifier,
    ),
    column(`${name}_estimated`, 'boolean', fill(v.estimated, { what }), (item) => get(item)?.estimated),
    column(
      `${name}_converted_amount`,
      'number',
      fill(v.convertedAmount, { what }),
      (item) => get(item)?.converted?.amount,
    ),
    column(
      `${name}_converted_currency`,
      'string',
      fill(v.convertedCurrency, { what }),
      (item) => get(item)?.converted?.currency,
    ),
  ];
}

type Quantity = NonNullable<Company['keyFigures'][number]['quantity']>;

/** A quantity as the source gives it: value, unit id and label, rate period, qualifier. */
function quantityColumns<T>(
  name: string,
  what: string,
  site: SiteConfig,
  get: (item: T) => Quantity | undefined,
): Column<T>[] {
  const units = site.vocabulary.units;
  return [
    column(`${name}_value`, 'number', fill(v.quantity, { what }), (item) => get(item)?.value),
    closed(`${name}_unit`, fill(v.unit, { what }), Object.keys(units), (item) => get(item)?.unit),
    column(`${name}_unit_label`, 'string', fill(v.unitLabel, { what }), (item) => {
      const q = get(item);
      return q && (units[q.unit]?.label ?? q.unit);
    }),
    closed(`${name}_per`, fill(v.per, { what }), ['year', 'month', 'day'], (item) => get(item)?.per),
    closed(
      `${name}_qualifier`,
      fill(v.quantityQualifier, { what }),
      qualifierSchema.options,
      (item) => get(item)?.qualifier,
    ),
  ];
}

/** A timestamp with its offset in the form Table Schema's `datetime` reads: seconds always written. */
export function isoDateTime(timestamp: string): string {
  return timestamp.replace(/^(\d{4}-\d{2}-\d{2}T\d{2}:\d{2})(Z|[+-])/, '$1:00$2');
}

/**
 * The sources an entity cites, once each in the order first cited: its `sources` (and a key
 * figure's or a quote's `source`), and for a briefing the sources it cites in its text too.
 */
export function citedSourceIds(graph: Graph, ref: Ref): string[] {
  const cited = graph
    .outgoing(ref)
    .filter((e) => e.to.collection === 'sources' && (e.kind === 'cites' || e.kind === 'mentions'));
  return [...new Set(cited.map((e) => e.to.id))];
}

/** A name for the package as Data Package names go (lowercase ASCII, digits, `-._/`). */
export function packageName(title: string): string {
  return (
    slug(title)
      .replace(/[^a-z0-9._-]+/g, '-')
      .replace(/^-+|-+$/g, '') || 'data'
  );
}

/** The tables of the data package, described as columns over the graph. */
function specs(ctx: ExportContext): { [N in TableName]: TableSpec<never> } {
  const { graph, site, siteUrl } = ctx;
  const page = (ref: Ref) => absoluteUrl(entityUrl(ref), siteUrl);
  const title = (ref: Ref | undefined) => (ref ? graph.node(ref).title : undefined);
  const uniqueSources = (node: Node) => citedSourceIds(graph, node.ref);
  const common = <T extends Node>(what: string): Column<T>[] => [
    ids('previous_ids', fill(f.previousIds, { what }), (n) => (n.data as { previousIds: string[] }).previousIds),
    ids('source_ids', fill(f.sourceIds, { what }), uniqueSources),
    column('page_url', 'string', fill(f.pageUrl, { what }), (n) => page(n.ref), { format: 'uri' }),
  ];
  const key = <T extends Node>(what: string): Column<T> =>
    column('id', 'string', fill(f.id, { what }), (n) => n.ref.id, { constraints: { required: true, unique: true } });
  const kinds = (terms: Record<string, string>) => Object.keys(terms);
  const label = (terms: Record<string, string>, id: string) => terms[id] ?? id;

  const companies: TableSpec<Node<'companies'>> = {
    name: 'companies',
    items: graph.all('companies'),
    owner: (n) => n.ref,
    primaryKey: ['id'],
    columns: [
      key(w.company),
      column('name', 'string', fill(f.name, { what: w.company }), (n) => n.data.name),
      column('short_name', 'string', f.shortName, (n) => n.data.shortName),
      column('aliases', 'array', f.aliases, (n) => n.data.aliases),
      closed('kind', fill(f.kind, { what: w.company }), kinds(site.vocabulary.companyKinds), (n) => n.data.kind),
      column('kind_label', 'string', fill(f.kindLabel, { what: w.company }), (n) =>
        label(site.vocabulary.companyKinds, n.data.kind),
      ),
      column('country', 'string', f.country, (n) => n.data.country),
      column('country_name', 'string', f.countryName, (n) => countryName(n.data.country)),
      column('parent_id', 'string', f.parentId, (n) => n.data.parent?.id),
      column('parent_name', 'string', f.parentName, (n) => title(n.data.parent)),
      closed('ownership', f.ownership, ownershipSchema.options, (n) => n.data.ownership),
      column('description', 'string', fill(f.description, { what: w.company }), (n) => n.data.description),
      ...common<Node<'companies'>>(w.company),
    ],
  };

  type Figure = { company: Node<'companies'>; figure: Company['keyFigures'][number] };
  const keyFigures: TableSpec<Figure> = {
    name: 'key-figures',
    items: graph.all('companies').flatMap((company) => company.data.keyFigures.map((figure) => ({ company, figure }))),
    owner: (x) => x.company.ref,
    columns: [
      column('company_id', 'string', f.companyId, (x) => x.company.ref.id, { constraints: { required: true } }),
      column('company_name', 'string', f.companyName, (x) => x.company.title),
      column('label', 'string', f.figureLabel, (x) => x.figure.label),
      ...quantityColumns<Figure>('quantity', w.figureQuantity, site, (x) => x.figure.quantity),
      ...moneyColumns<Figure>('money', w.figureMoney, (x) => x.figure.money),
      ...dateColumns<Figure>('period', w.period, (x) => x.figure.period),
      column('note', 'string', f.note, (x) => x.figure.note),
      ids('source_ids', fill(f.sourceIds, { what: w.figure }), (x) => [x.figure.source]),
      column(
        'page_url',
        'string',
        fill(f.pageUrl, { what: w.figure }),
        (x) => absoluteUrl(anchorUrl(x.company.ref, 'key-figures'), siteUrl),
        { format: 'uri' },
      ),
    ],
  };

  const people: TableSpec<Node<'people'>> = {
    name: 'people',
    items: graph.all('people'),
    owner: (n) => n.ref,
    primaryKey: ['id'],
    columns: [
      key(w.person),
      column('name', 'string', fill(f.name, { what: w.person }), (n) => n.data.name),
      column('native_name', 'string', f.nativeName, (n) => n.data.nativeName),
      column('description', 'string', fill(f.description, { what: w.person }), (n) => n.data.description),
      ids('organisation_ids', f.organisationIds, (n) => [
        ...new Set(n.data.roles.flatMap((r) => (r.organisation ? [r.organisation.id] : []))),
      ]),
      ...common<Node<'people'>>(w.person),
    ],
  };

  type Role = { person: Node<'people'>; role: Person['roles'][number] };
  const personRoles: TableSpec<Role> = {
    name: 'person-roles',
    items: graph.all('people').flatMap((person) => person.data.roles.map((role) => ({ person, role }))),
    owner: (x) => x.person.ref,
    columns: [
      column('person_id', 'string', f.personId, (x) => x.person.ref.id, { constraints: { required: true } }),
      column('person_name', 'string', f.personName, (x) => x.person.title),
      column('title', 'string', f.roleTitle, (x) => x.role.title),
      column('organisation_id', 'string', f.organisationId, (x) => x.role.organisation?.id),
      column('organisation_name', 'string', f.organisationName, (x) => title(x.role.organisation)),
      ...dateColumns<Role>('from', w.roleFrom, (x) => x.role.from),
      ...dateColumns<Role>('to', w.roleTo, (x) => x.role.to),
      ...dateColumns<Role>('as_of', w.roleAsOf, (x) => x.role.asOf),
      ids('source_ids', fill(f.sourceIds, { what: w.person }), (x) => uniqueSources(x.person)),
      column('page_url', 'string', fill(f.pageUrl, { what: w.person }), (x) => page(x.person.ref), { format: 'uri' }),
    ],
  };

  const partyColumns = (role: PartyRole): Column<Node<'deals'>>[] => {
    const of = (n: Node<'deals'>) => n.data.parties.filter((p) => p.role === role).map((p) => p.company);
    return [
      column(
        role,
        'string',
        fill(f.partyNames, { role }),
        (n) =>
          of(n)
            .map((r) => title(r))
            .join('; ') || undefined,
      ),
      ids(`${role}_ids`, fill(f.partyIds, { role }), of),
    ];
  };
  const deals: TableSpec<Node<'deals'>> = {
    name: 'deals',
    items: graph.all('deals'),
    owner: (n) => n.ref,
    primaryKey: ['id'],
    columns: [
      key(w.deal),
      column('title', 'string', fill(f.title, { what: w.deal }), (n) => n.data.title),
      closed('kind', fill(f.kind, { what: w.deal }), kinds(site.vocabulary.dealKinds), (n) => n.data.kind),
      column('kind_label', 'string', fill(f.kindLabel, { what: w.deal }), (n) =>
        label(site.vocabulary.dealKinds, n.data.kind),
      ),
      closed('status', fill(f.status, { what: w.deal }), dealStatusSchema.options, (n) => n.data.status),
      ...partyRoleSchema.options.flatMap(partyColumns),
      column('product', 'string', f.product, (n) => n.data.product),
      ...quantityColumns<Node<'deals'>>('volume', w.dealVolume, site, (n) => n.data.volume),
      ...moneyColumns<Node<'deals'>>('value', w.dealValue, (n) => n.data.value),
      ...dateColumns<Node<'deals'>>('term_start', w.termStart, (n) => n.data.term?.start),
      column('term_duration_value', 'integer', f.durationValue, (n) => n.data.term?.duration?.value),
      closed('term_duration_unit', f.durationUnit, ['years', 'months'], (n) => n.data.term?.duration?.unit),
      column('places', 'array', f.places, (n) => n.data.places.map((p) => ({ ...p }))),
      ...dateColumns<Node<'deals'>>('announced', w.announced, (n) => n.data.announced),
      column('summary', 'string', fill(f.summary, { what: w.deal }), (n) => n.data.summary),
      ...common<Node<'deals'>>(w.deal),
    ],
  };

  const aboutIds = <T extends Node<'quotes'> | Node<'briefings'>>(
    description: string,
    about: (n: T) => Record<'companies' | 'people' | 'deals' | 'events' | 'quotes', readonly Ref[]>,
  ) =>
    (
      [
        ['company_ids', 'companies'],
        ['person_ids', 'people'],
        ['deal_ids', 'deals'],
        ['event_ids', 'events'],
        ['quote_ids', 'quotes'],
      ] as const
    ).map(([name, collection]) =>
      ids<T>(
        name,
        fill(description, { collection: dataUi.tables[collection].title.toLowerCase() }),
        (n) => about(n)[collection],
      ),
    );

  const quotes: TableSpec<Node<'quotes'>> = {
    name: 'quotes',
    items: graph.all('quotes'),
    owner: (n) => n.ref,
    primaryKey: ['id'],
    columns: [
      key(w.quote),
      column('text', 'string', f.text, (n) => n.data.text),
      column('speaker_person_id', 'string', f.speakerPersonId, (n) => n.data.speaker.person?.id),
      column('speaker_person_name', 'string', f.speakerPersonName, (n) => title(n.data.speaker.person)),
      column('speaker_organisation_id', 'string', f.speakerOrganisationId, (n) => n.data.speaker.organisation?.id),
      column('speaker_organisation_name', 'string', f.speakerOrganisationName, (n) =>
        title(n.data.speaker.organisation),
      ),
      column('speaker_description', 'string', f.speakerDescription, (n) => n.data.speaker.description),
      column('role', 'string', f.speakerRole, (n) => n.data.role),
      ...dateColumns<Node<'quotes'>>('date', w.quoteDate, (n) => n.data.date),
      column('context', 'string', f.context, (n) => n.data.context),
      ...aboutIds<Node<'quotes'>>(f.aboutIds, (n) => n.data.about).map((c) => ({
        ...c,
        name: `about_${c.name}`,
      })),
      ...common<Node<'quotes'>>(w.quote),
    ],
  };

  const events: TableSpec<Node<'events'>> = {
    name: 'events',
    items: graph.all('events'),
    owner: (n) => n.ref,
    primaryKey: ['id'],
    columns: [
      key(w.event),
      column('title', 'string', fill(f.title, { what: w.event }), (n) => n.data.title),
      closed('kind', fill(f.kind, { what: w.event }), kinds(site.vocabulary.eventKinds), (n) => n.data.kind),
      column('kind_label', 'string', fill(f.kindLabel, { what: w.event }), (n) =>
        label(site.vocabulary.eventKinds, n.data.kind),
      ),
      ...dateColumns<Node<'events'>>('date', w.eventDate, (n) => n.data.date),
      closed('status', fill(f.status, { what: w.event }), eventStatusSchema.options, (n) => n.data.status),
      ids('company_ids', f.companyIds, (n) => n.data.companies),
      column('company_names', 'string', f.companyNames, (n) => n.data.companies.map((r) => title(r)).join('; ')),
      column('location_country', 'string', f.locationCountry, (n) => n.data.location?.country),
      column('location_region', 'string', f.locationRegion, (n) => n.data.location?.region),
      column('location_site', 'string', f.locationSite, (n) => n.data.location?.site),
      ids('deal_ids', f.dealIds, (n) => n.data.deals),
      column('summary', 'string', fill(f.summary, { what: w.event }), (n) => n.data.summary),
      ...common<Node<'events'>>(w.event),
    ],
  };

  type EventFigure = { event: Node<'events'>; figure: Event['figures'][number] };
  const eventFigures: TableSpec<EventFigure> = {
    name: 'event-figures',
    items: graph.all('events').flatMap((event) => event.data.figures.map((figure) => ({ event, figure }))),
    owner: (x) => x.event.ref,
    columns: [
      column('event_id', 'string', f.eventId, (x) => x.event.ref.id, { constraints: { required: true } }),
      column('event_title', 'string', f.eventTitle, (x) => x.event.title),
      column('label', 'string', f.figureLabel, (x) => x.figure.label),
      ...quantityColumns<EventFigure>('quantity', w.figureQuantity, site, (x) => x.figure.quantity),
      ids('source_ids', fill(f.sourceIds, { what: w.event }), (x) => uniqueSources(x.event)),
      column('page_url', 'string', fill(f.pageUrl, { what: w.event }), (x) => page(x.event.ref), { format: 'uri' }),
    ],
  };

  const sourcesTable: TableSpec<Node<'sources'>> = {
    name: 'sources',
    items: graph.all('sources'),
    owner: (n) => n.ref,
    primaryKey: ['id'],
    columns: [
      key(w.source),
      column('title', 'string', fill(f.title, { what: w.source }), (n) => n.data.title),
      column('publisher_id', 'string', f.publisherId, (n) => n.data.publisher.id),
      column('publisher_name', 'string', f.publisherName, (n) => title(n.data.publisher)),
      column('author', 'string', f.author, (n) => n.data.author),
      column('published', 'datetime', f.published, (n) => isoDateTime(n.data.published)),
      column('updated', 'datetime', f.updated, (n) => n.data.updated && isoDateTime(n.data.updated)),
      column('url', 'string', f.url, (n) => n.data.url, { format: 'uri' }),
      column('language', 'string', f.language, (n) => n.data.language),
      column('translated_from_language', 'string', f.translatedFromLanguage, (n) => n.data.translatedFrom?.language),
      column(
        'translated_from_publication_id',
        'string',
        f.translatedFromId,
        (n) => n.data.translatedFrom?.publication.id,
      ),
      column('translated_from_publication_name', 'string', f.translatedFromName, (n) =>
        title(n.data.translatedFrom?.publication),
      ),
      column('notes', 'string', f.notes, (n) => n.data.notes),
      ids('previous_ids', fill(f.previousIds, { what: w.source }), (n) => n.data.previousIds),
      ids('source_ids', f.sourceSelf, (n) => [n.ref]),
      column('page_url', 'string', fill(f.pageUrl, { what: w.source }), (n) => page(n.ref), { format: 'uri' }),
    ],
  };

  const briefings: TableSpec<Node<'briefings'>> = {
    name: 'briefings',
    items: graph.all('briefings'),
    owner: (n) => n.ref,
    primaryKey: ['id'],
    columns: [
      key(w.briefing),
      column('title', 'string', fill(f.title, { what: w.briefing }), (n) => n.data.title),
      column('description', 'string', f.briefingDescription, (n) => n.data.description),
      column('published', 'date', f.briefingPublished, (n) => n.data.published),
      column('updated', 'date', f.briefingUpdated, (n) => n.data.updated),
      column('summary', 'string', fill(f.summary, { what: w.briefing }), (n) => n.data.summary),
      column('topics', 'array', f.topics, (n) => n.data.topics),
      ...aboutIds<Node<'briefings'>>(f.coversIds, (n) => {
        const { covers } = briefingCoverage(graph, n.ref);
        const of = (c: EntityCollection) => (covers.get(c) ?? []).map((node) => node.ref);
        return {
          companies: of('companies'),
          people: of('people'),
          deals: of('deals'),
          events: of('events'),
          quotes: of('quotes'),
        };
      }),
      ...common<Node<'briefings'>>(w.briefing),
    ],
  };

  return {
    companies,
    'key-figures': keyFigures,
    people,
    'person-roles': personRoles,
    deals,
    quotes,
    events,
    'event-figures': eventFigures,
    sources: sourcesTable,
    briefings,
  } as unknown as { [N in TableName]: TableSpec<never> };
}

function tableOf<T>(spec: TableSpec<T>): ExportTable {
  const fields = spec.columns.map(({ get: _get, ...field }) => field);
  const names = new Set<string>();
  for (const field of fields) {
    if (names.has(field.name)) throw new Error(`Table ${spec.name} has two fields named ${field.name}`);
    names.add(field.name);
  }
  const rows = spec.items.map((item) => {
    const row: ExportRow = {};
    for (const c of spec.columns) {
      const value = c.get(item);
      row[c.name] = value === undefined || value === '' ? (c.type === 'list' ? [] : null) : value;
    }
    return row;
  });
  return {
    name: spec.name,
    ...dataUi.tables[spec.name],
    fields,
    ...(spec.primaryKey ? { primaryKey: spec.primaryKey } : {}),
    rows,
    owners: spec.items.map(spec.owner),
  };
}

/** Every table of the data package, in {@link EXPORT_TABLES} order. */
export function exportTables(ctx: ExportContext): ExportTable[] {
  const all = specs(ctx);
  return EXPORT_TABLES.map((name) => tableOf(all[name] as unknown as TableSpec<unknown>));
}

/** A value as its CSV cell: text neutralised against formulas, lists joined, arrays as JSON. */
export function csvCell(field: ExportField, value: CellValue): string {
  if (value === null) return '';
  switch (field.type) {
    case 'string':
      return neutraliseFormula(String(value));
    case 'list':
      return (value as readonly string[]).join(field.delimiter ?? ',');
    case 'array':
      return JSON.stringify(value);
    default:
      return String(value);
  }
}

/** A table as a CSV file (see csv.ts): header row of field names, one record per row. */
export function tableCsv(table: ExportTable): string {
  return csvDocument(
    table.fields.map((field) => field.name),
    table.rows.map((row) => table.fields.map((field) => csvCell(field, row[field.name] ?? null))),
  );
}

/** The whole dataset as one JSON document: every table's typed rows, by table name. */
export interface Dataset {
  title: string;
  description: string;
  homepage: string;
  datapackage: string;
  tables: Record<TableName, ExportRow[]>;
}

export function datasetJson(ctx: ExportContext, tables: ExportTable[]): Dataset {
  return {
    title: ctx.site.title,
    description: ctx.site.description,
    homepage: absoluteUrl(homeUrl(), ctx.siteUrl),
    datapackage: absoluteUrl(exportUrl(DATAPACKAGE_FILE), ctx.siteUrl),
    tables: Object.fromEntries(tables.map((t) => [t.name, t.rows])) as Record<TableName, ExportRow[]>,
  };
}

/** One file of the exports: its name under /data/, its text and media type. */
export interface ExportFile {
  name: string;
  text: string;
  mediatype: string;
  /** The table a CSV file holds. */
  table?: TableName;
}

/** The CSV dialect every table is written in, as Table Dialect (v2) describes it. */
export const CSV_DIALECT = {
  header: true,
  delimiter: ',',
  lineTerminator: '\r\n',
  quoteChar: '"',
  doubleQuote: true,
} as const;

const sha256 = (text: string) => createHash('sha256').update(text, 'utf8').digest('hex');

/**
 * The Data Package descriptor (v2) of the exports: the package, where its data comes from (every
 * source, with its original address where known), and one resource per file with its path
 * (relative to the descriptor), format, media type, encoding, size, hash and, for tables, the
 * CSV dialect and the Table Schema of every field.
 */
export function dataPackage(ctx: ExportContext, tables: ExportTable[], csv: ExportFile[], dataset: ExportFile) {
  const { graph, site, siteUrl } = ctx;
  const resource = (file: ExportFile) => ({
    path: file.name,
    format: file.name.split('.').pop(),
    mediatype: file.mediatype,
    encoding: 'utf-8',
    bytes: Buffer.byteLength(file.text, 'utf8'),
    hash: `sha256:${sha256(file.text)}`,
  });
  return {
    $schema: 'https://datapackage.org/profiles/2.0/datapackage.json',
    name: packageName(site.title),
    title: site.title,
    description: `${fill(dataUi.package.description, { site: site.description })} ${dataUi.package.formulas}`,
    homepage: absoluteUrl(homeUrl(), siteUrl),
    sources: graph.all('sources').map((source) => ({
      title: `${graph.node(source.data.publisher).title}: ${source.title} (${formatTimestamp(source.data.published, { time: false })})`,
      path: source.data.url ?? absoluteUrl(entityUrl(source.ref), siteUrl),
    })),
    resources: [
      ...tables.map((table, i) => ({
        name: table.name,
        type: 'table',
        title: table.title,
        description: table.description,
        ...resource(csv[i]!),
        dialect: CSV_DIALECT,
        schema: {
          fields: table.fields,
          ...(table.primaryKey ? { primaryKey: table.primaryKey } : {}),
          missingValues: [''],
        },
      })),
      { name: 'dataset', title: dataUi.downloads.dataset, description: dataUi.package.dataset, ...resource(dataset) },
    ],
  };
}

/** Every file of the exports, built together: one CSV per table, dataset.json, datapackage.json. */
export function exportFiles(ctx: ExportContext, tables: ExportTable[] = exportTables(ctx)): ExportFile[] {
  const csv = tables.map((table) => ({
    name: csvExportName(table.name),
    text: tableCsv(table),
    mediatype: 'text/csv',
    table: table.name,
  }));
  const dataset = {
    name: DATASET_FILE,
    text: `${JSON.stringify(datasetJson(ctx, tables), null, 2)}\n`,
    mediatype: 'application/json',
  };
  const descriptor = {
    name: DATAPACKAGE_FILE,
    text: `${JSON.stringify(dataPackage(ctx, tables, csv, dataset), null, 2)}\n`,
    mediatype: 'application/json',
  };
  return [...csv, dataset, descriptor];
}
