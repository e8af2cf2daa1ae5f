import { COLLECTION_SINGULAR, ENTITY_COLLECTIONS, type EntityCollection, type Ref } from '../../schemas/common';
import { partyRoleSchema, dealStatusSchema } from '../../schemas/deal';
import { eventStatusSchema } from '../../schemas/event';
import { fuzzyDateSchema, timestampSchema } from '../../schemas/fuzzy-date';
import { isCountryCode } from '../../schemas/country';
import { ownershipSchema } from '../../schemas/company';
import { publishingKinds, type SiteConfig } from '../../schemas/site';
import type { ContentReading } from '../content/check';
import type { CollectionData, Entry } from '../graph/graph';
import { skeleton } from '../values/confusables';
import { FUZZY_DATE_FORMS } from '../values/fuzzy-date';

/** Date forms, short, for comments (docs/authoring.md has them all). */
const DATE_EXAMPLES = '2025, 2025-Q3, 2025-06, 2025-07-09, early 2026, by end of 2025';
import { idFromName, newIdProblem, nearestId, noTakenIds, type TakenIds } from './new-id';

/**
 * `npm run new`: a new entry's file, valid as written, with every required field filled, the
 * optional ones as comments, and the editor's JSON Schema named on its first line. Facts the
 * scaffolder cannot know are either asked for (`--kind`, `--country`, `--date`, the parties of a
 * deal…) or, for a source to cite, taken from the most recent source with a comment saying so
 * (`--source` chooses another). Prose it cannot write is a `TODO:` placeholder that
 * `npm run check:content` lists until it is replaced. Pure: the script reads and writes files.
 */

/** The types `npm run new` makes, and the collection of each. */
export const SCAFFOLD_TYPES = {
  company: 'companies',
  person: 'people',
  deal: 'deals',
  quote: 'quotes',
  event: 'events',
  source: 'sources',
  briefing: 'briefings',
} as const satisfies Record<string, EntityCollection>;

export type ScaffoldType = keyof typeof SCAFFOLD_TYPES;

/** What marks text the author still has to write; `npm run check:content` lists files that hold it. */
export const PLACEHOLDER = 'TODO:';

/** The folder of a content root where the editor's JSON Schemas are (`npm run schemas`). */
export const SCHEMA_FOLDER = '.schemas';

/** The file name of a collection's JSON Schema in {@link SCHEMA_FOLDER}. */
export function schemaFileName(collection: EntityCollection | 'site'): string {
  return `${collection}.schema.json`;
}

/** What to make: a type, a name (or title, or a quote's words), and the command's options in order. */
export interface ScaffoldRequest {
  type: string;
  name: string;
  /** `--name value` options in the order given; a name may repeat (`--company a --company b`). */
  options: readonly (readonly [string, string])[];
}

/** What the scaffolder knows of the content root. */
export interface ScaffoldContext {
  reading: ContentReading;
  /** Day of a new briefing, `YYYY-MM-DD`. */
  today: string;
}

export type ScaffoldResult =
  | {
      ok: true;
      collection: EntityCollection;
      id: string;
      /** Path inside the content root, e.g. `companies/samsung-sdi.yaml`. */
      file: string;
      text: string;
      /** What the author should know: choices made for them, what to fill in. */
      notes: string[];
    }
  | { ok: false; problems: string[] };

/** Options each type accepts (besides --id), for the message about an unknown one. */
const OPTIONS: Record<ScaffoldType, readonly string[]> = {
  company: ['kind', 'country', 'parent', 'source'],
  person: ['source'],
  deal: ['kind', 'status', 'source', ...partyRoleSchema.options],
  quote: ['person', 'organisation', 'speaker', 'source'],
  event: ['kind', 'date', 'status', 'company', 'source'],
  source: ['publisher', 'published', 'language', 'url'],
  briefing: ['source'],
};

/** A YAML scalar for any text: a JSON string is a valid double-quoted YAML scalar. */
function text(value: string): string {
  return JSON.stringify(value);
}

/** Every id of every collection, with previous ids pointing at their owner. */
function takenIds(reading: ContentReading): TakenIds {
  const taken = noTakenIds();
  for (const collection of ENTITY_COLLECTIONS) {
    for (const entry of reading.input[collection] as Entry<{ previousIds?: string[] }>[]) {
      taken[collection].set(entry.id, entry.id);
      for (const old of entry.data.previousIds ?? []) taken[collection].set(old, entry.id);
    }
  }
  for (const key of reading.invalid) {
    const [collection, id] = key.split('/') as [EntityCollection, string];
    taken[collection]?.set(id, id);
  }
  return taken;
}

function entries<C extends EntityCollection>(reading: ContentReading, collection: C): Entry<CollectionData[C]>[] {
  return reading.input[collection] as Entry<CollectionData[C]>[];
}

/** Terms of a vocabulary list as `id (Label)`, for comments and messages. */
function termList(terms: Record<string, string>): string {
  return Object.entries(terms)
    .map(([id, label]) => `${id} (${label})`)
    .join(', ');
}

/** The sources of a content root, most recent first. */
function sourcesByDate(reading: ContentReading): Entry<CollectionData['sources']>[] {
  return [...entries(reading, 'sources')].sort(
    (a, b) => Date.parse(b.data.published) - Date.parse(a.data.published) || a.id.localeCompare(b.id),
  );
}

/** Reads the options of a request, collecting every problem rather than stopping at the first. */
class Options {
  readonly problems: string[] = [];
  constructor(
    private readonly request: ScaffoldRequest,
    private readonly taken: TakenIds,
  ) {}

  /** The options whose names are in `names`, in the order given. */
  inOrder(names: ReadonlySet<string>): (readonly [string, string])[] {
    return this.request.options.filter(([key]) => names.has(key));
  }

  all(name: string): string[] {
    return this.request.options.filter(([key]) => key === name).map(([, value]) => value);
  }

  one(name: string): string | undefined {
    const values = this.all(name);
    if (values.length > 1) this.problems.push(`--${name}: expected one value, found ${values.length}`);
    return values[0];
  }

  /** An option that must be one of `values`; when absent, the only value, or a problem. */
  choice(name: string, values: readonly string[], labels?: Record<string, string>): string | undefined {
    const value = this.one(name);
    const list = labels ? termList(labels) : values.join(', ');
    if (value === undefined) {
      if (values.length === 1) return values[0];
      this.problems.push(`--${name}: expected one of ${list}, found nothing (say which with --${name} <value>)`);
      return undefined;
    }
    if (!values.includes(value)) {
      this.problems.push(`--${name}: expected one of ${list}, found "${value}"`);
      return undefined;
    }
    return value;
  }

  /** An option naming an existing entry of `collection`. */
  reference(name: string, collection: EntityCollection, value = this.one(name)): string | undefined {
    if (value === undefined) return undefined;
    const owner = this.taken[collection].get(value);
    if (owner === value) return value;
    const hint = owner ?? nearestId(collection, value, this.taken);
    this.problems.push(
      `--${name}: expected the id of an existing ${COLLECTION_SINGULAR[collection]} (a file in ${collection}/), found "${value}"${
        owner ? `, a previous id of "${owner}"; use "${owner}"` : hint ? ` (did you mean "${hint}"?)` : ''
      }`,
    );
    return undefined;
  }
}

/** The source a new entry cites: `--source`, or the most recent one (said in a comment and a note). */
function citedSource(
  options: Options,
  reading: ContentReading,
  notes: string[],
): { id: string; comment: string } | undefined {
  const given = options.all('source');
  if (given.length > 0) {
    const ids = given.map((id) => options.reference('source', 'sources', id));
    return ids.every(Boolean) ? { id: ids.join(', '), comment: '# The sources these facts come from.' } : undefined;
  }
  const latest = sourcesByDate(reading)[0];
  if (!latest) {
    options.problems.push(
      'there is no source to cite yet: add the article first (npm run new -- source "<its headline>" --publisher <company id> --published "<timestamp>"), then this entry with --source <its id>',
    );
    return undefined;
  }
  notes.push(`It cites the most recent source, ${latest.id}; if its facts come from another, change "sources".`);
  return {
    id: latest.id,
    comment: `# The most recent source, filled in by npm run new: replace it with the source these facts come from\n# (one or more ids of files in sources/).`,
  };
}

/** First line of every scaffolded YAML file: where VS Code's YAML extension finds its schema. */
function schemaLine(collection: EntityCollection): string {
  return `# yaml-language-server: $schema=../${SCHEMA_FOLDER}/${schemaFileName(collection)}`;
}

const PREVIOUS_IDS = [
  '# previousIds: []  # after a rename, the old ids (each old URL becomes a redirect here)',
] as const;

/** An example id of a collection for comments: an existing one, or a description. */
function exampleId(reading: ContentReading, collection: EntityCollection): string {
  return reading.input[collection][0]?.id ?? `<${COLLECTION_SINGULAR[collection]} id>`;
}

/** The unit of example quantities: the first unit of the vocabulary. */
function exampleUnit(site: SiteConfig): string {
  return Object.keys(site.vocabulary.units)[0] ?? '<unit>';
}

/** Companies and people may not have names that look alike (the graph checks it too). */
function lookalikeName(reading: ContentReading, collection: 'companies' | 'people', name: string): string | undefined {
  const key = skeleton(name);
  if (!key) return undefined;
  for (const entry of reading.input[collection] as Entry<{
    name: string;
    shortName?: string;
    aliases?: string[];
    nativeName?: string;
  }>[]) {
    const names = [entry.data.name, entry.data.shortName, entry.data.nativeName, ...(entry.data.aliases ?? [])];
    const same = names.find((n) => n !== undefined && skeleton(n) === key);
    if (same !== undefined) {
      return `"${name}" reads like "${same}", a name of ${collection}/${entry.id}: is it the same ${COLLECTION_SINGULAR[collection]}? Edit that file (add an alias), or give the new one a name readers can tell apart`;
    }
  }
  return undefined;
}

/** Makes the file of a new entry, or says why it cannot. */
export function scaffold(request: ScaffoldRequest, { reading, today }: ScaffoldContext): ScaffoldResult {
  const site = reading.site;
  if (!site) return { ok: false, problems: ['site.yaml is not valid: run npm run check:content and fix it first'] };
  if (!Object.hasOwn(SCAFFOLD_TYPES, request.type)) {
    return {
      ok: false,
      problems: [`expected a type, one of ${Object.keys(SCAFFOLD_TYPES).join(', ')}, found "${request.type}"`],
    };
  }
  const type = request.type as ScaffoldType;
  const collection = SCAFFOLD_TYPES[type];
  const name = request.name.trim();
  if (!name) return { ok: false, problems: [`expected the ${type}'s name in quotes after the type, found nothing`] };
  const taken = takenIds(reading);
  const options = new Options(request, taken);
  const allowed = new Set([...OPTIONS[type], 'id']);
  for (const [key] of request.options) {
    if (!allowed.has(key)) {
      options.problems.push(
        `--${key}: not an option of "${type}"; it takes ${[...allowed].map((o) => `--${o}`).join(', ')}`,
      );
    }
  }

  // The id: given, or made from the name (a quote's from its speaker and first words).
  const givenId = options.one('id');
  let id: string | undefined = givenId;
  const speaker = type === 'quote' ? (options.all('person')[0] ?? options.all('organisation')[0]) : undefined;
  if (id === undefined) {
    const basis = type === 'quote' ? `${speaker ?? ''} ${name.split(/\s+/).slice(0, 6).join(' ')}` : name;
    const made = idFromName(basis);
    if (made.ok) id = made.id;
    else options.problems.push(made.problem);
  }
  if (id !== undefined) {
    const problem = newIdProblem(collection, id, taken);
    if (problem) options.problems.push(`${givenId === undefined ? '(id from the name)' : '--id'}: ${problem}`);
  }

  const notes: string[] = [];
  const lines = build(type, name, options, { reading, site, today, notes });
  if (options.problems.length > 0 || lines === undefined || id === undefined) {
    return { ok: false, problems: options.problems };
  }
  const extension = collection === 'briefings' ? 'mdx' : 'yaml';
  return { ok: true, collection, id, file: `${collection}/${id}.${extension}`, text: `${lines.join('\n')}\n`, notes };
}

interface Build {
  reading: ContentReading;
  site: SiteConfig;
  today: string;
  notes: string[];
}

function build(type: ScaffoldType, name: string, options: Options, ctx: Build): string[] | undefined {
  switch (type) {
    case 'company':
      return company(name, options, ctx);
    case 'person':
      return person(name, options, ctx);
    case 'deal':
      return deal(name, options, ctx);
    case 'quote':
      return quote(name, options, ctx);
    case 'event':
      return event(name, options, ctx);
    case 'source':
      return source(name, options, ctx);
    case 'briefing':
      return briefing(name, options, ctx);
  }
}

function company(name: string, options: Options, { reading, site, notes }: Build): string[] | undefined {
  const kinds = site.vocabulary.companyKinds;
  const kind = options.choice('kind', Object.keys(kinds), kinds);
  const country = options.one('country');
  if (country === undefined) {
    options.problems.push('--country: expected the home country as an ISO 3166-1 code such as "KR", found nothing');
  } else if (!isCountryCode(country)) {
    options.problems.push(`--country: expected a two-letter ISO 3166-1 country code such as "KR", found "${country}"`);
  }
  const parent = options.reference('parent', 'companies');
  const lookalike = lookalikeName(reading, 'companies', name);
  if (lookalike) options.problems.push(lookalike);
  const cited = citedSource(options, reading, notes);
  if (!kind || !country || !cited) return undefined;
  notes.push('Write its description in your own words (the TODO: line).');
  return [
    schemaLine('companies'),
    '# A company, institute or publisher; every field is explained in src/schemas/company.ts.',
    `name: ${text(name)}`,
    '# shortName: "…"  # the short name readers know',
    '# aliases: ["…"]  # other names, native-script names only where certain; search finds them',
    `kind: ${kind}  # ${termList(kinds)}`,
    `country: ${country}  # ISO 3166-1 alpha-2`,
    parent ? `parent: ${parent}` : `# parent: ${exampleId(reading, 'companies')}  # the id of its parent company`,
    `# ownership: listed  # ${ownershipSchema.options.join(', ')}, as the source states it`,
    `description: ${text(`${PLACEHOLDER} two or three sentences in your own words on who this is and why it matters here.`)}`,
    '# keyFigures:  # figures that describe it over a period, each with its source',
    '#   - label: "…"',
    `#     quantity: { value: 100, unit: ${exampleUnit(site)}, qualifier: about }  # or money: { amount: 1000000, currency: EUR }`,
    '#     period: 2024  # the period the figure describes',
    `#     source: ${cited.id.split(', ')[0]}`,
    ...PREVIOUS_IDS,
    cited.comment,
    `sources: [${cited.id}]`,
  ];
}

function person(name: string, options: Options, { reading, notes }: Build): string[] | undefined {
  const lookalike = lookalikeName(reading, 'people', name);
  if (lookalike) options.problems.push(lookalike);
  const cited = citedSource(options, reading, notes);
  if (!cited) return undefined;
  notes.push('Add the roles the source gives (the commented "roles" lines).');
  return [
    schemaLine('people'),
    '# A person; every field is explained in src/schemas/person.ts.',
    `name: ${text(name)}  # in the order sources use`,
    '# nativeName: "…"  # in native script, only where certain',
    '# roles:  # positions held, as the source gives them',
    '#   - title: "…"',
    `#     organisation: ${exampleId(reading, 'companies')}`,
    '#     asOf: 2025-07-09  # a day the source shows the role held (or from: / to:)',
    '# description: "…"  # one or two sentences in your own words',
    ...PREVIOUS_IDS,
    cited.comment,
    `sources: [${cited.id}]`,
  ];
}

function deal(name: string, options: Options, { reading, site, notes }: Build): string[] | undefined {
  const kinds = site.vocabulary.dealKinds;
  const kind = options.choice('kind', Object.keys(kinds), kinds);
  const roles = new Set<string>(partyRoleSchema.options);
  const parties: { company: string; role: string }[] = [];
  const named = options.inOrder(roles);
  for (const [role, value] of named) {
    const company = options.reference(role, 'companies', value);
    if (company) parties.push({ company, role });
  }
  if (named.length < 2) {
    options.problems.push(
      `expected at least two parties, each as --<role> <company id> (roles: ${partyRoleSchema.options.join(', ')}), found ${named.length}`,
    );
  }
  const seen = new Map<string, string>();
  for (const party of parties) {
    const earlier = seen.get(party.company);
    if (earlier) {
      options.problems.push(
        `--${party.role}: expected each company once among the parties, found "${party.company}" again (already --${earlier})`,
      );
    }
    seen.set(party.company, party.role);
  }
  const status = options.one('status') ?? 'reported';
  if (!dealStatusSchema.options.includes(status as never)) {
    options.problems.push(`--status: expected one of ${dealStatusSchema.options.join(', ')}, found "${status}"`);
  }
  const cited = citedSource(options, reading, notes);
  if (!kind || !cited || parties.length < 2 || options.problems.length > 0) return undefined;
  if (!options.all('status').length)
    notes.push('Its status is "reported"; say how far the deal has got with --status or in the file.');
  notes.push('Write its summary in your own words (the TODO: line).');
  const unit = exampleUnit(site);
  return [
    schemaLine('deals'),
    '# A deal between organisations; every field is explained in src/schemas/deal.ts.',
    `title: ${text(name)}  # a headline in your own words`,
    `kind: ${kind}  # ${termList(kinds)}`,
    'parties:',
    ...parties.flatMap((p) => [`  - company: ${p.company}`, `    role: ${p.role}`]),
    `# roles: ${partyRoleSchema.options.join(', ')}`,
    '# product: "…"  # what changes hands',
    `# volume: { value: 10, unit: ${unit} }  # units: ${Object.keys(site.vocabulary.units).join(', ')}`,
    '# value: { amount: 1000000, currency: EUR, qualifier: more-than, converted: { amount: 1100000, currency: USD } }',
    '#   # the currency the source gives; "converted" only as the source reports it',
    '# term: { start: early 2026, duration: { value: 6, unit: years } }',
    '# places:',
    '#   - { role: use, region: "…" }  # role: origin, delivery, use or production; country, region or site',
    `status: ${status}  # ${dealStatusSchema.options.join(', ')}: how far it has got, as the source says`,
    `# announced: 2025-07  # when it was announced or first reported: ${DATE_EXAMPLES}`,
    `summary: ${text(`${PLACEHOLDER} two or three sentences in your own words.`)}`,
    ...PREVIOUS_IDS,
    cited.comment,
    `sources: [${cited.id}]`,
  ];
}

function quote(name: string, options: Options, { reading, notes }: Build): string[] | undefined {
  const person = options.reference('person', 'people');
  const organisation = options.reference('organisation', 'companies');
  const description = options.one('speaker');
  if (!options.all('person').length && !options.all('organisation').length && description === undefined) {
    options.problems.push(
      'expected who said it: --person <person id>, --organisation <company id> (its spokesperson, or with --person), or --speaker "<how the source describes them>"',
    );
  }
  if (options.all('person').length && description !== undefined) {
    options.problems.push('expected either a named --person or an unnamed --speaker, not both');
  }
  const cited = citedSource(options, reading, notes);
  if (!cited || options.problems.length > 0) return undefined;
  notes.push('Check the words against the source, character for character, and write the context (the TODO: line).');
  return [
    schemaLine('quotes'),
    '# Words someone said, verbatim; every field is explained in src/schemas/quote.ts.',
    `text: ${text(name)}  # exactly as the source prints them, without the quotation marks`,
    'speaker:',
    ...(person ? [`  person: ${person}`] : []),
    ...(organisation ? [`  organisation: ${organisation}`] : []),
    ...(description !== undefined ? [`  description: ${text(description)}  # as the source describes them`] : []),
    '# role: "…"  # the speaker\'s role when speaking',
    "# date: 2025-07  # when it was said, if the source says; otherwise readers see the source's date",
    `context: ${text(`${PLACEHOLDER} one sentence in your own words on what prompted the remark.`)}`,
    '# about:  # what the quote is about: ids of companies, people, deals, events, quotes',
    `#   companies: [${exampleId(reading, 'companies')}]`,
    '# The source that prints the quote.',
    `source: ${cited.id.split(', ')[0]}`,
    ...PREVIOUS_IDS,
  ];
}

function event(name: string, options: Options, { reading, site, notes }: Build): string[] | undefined {
  const kinds = site.vocabulary.eventKinds;
  const kind = options.choice('kind', Object.keys(kinds), kinds);
  const date = options.one('date');
  if (date === undefined) {
    options.problems.push(
      `--date: expected when, with the source's precision, such as ${FUZZY_DATE_FORMS}, found nothing`,
    );
  } else {
    const parsed = fuzzyDateSchema.safeParse(date);
    if (!parsed.success) options.problems.push(`--date: ${parsed.error.issues[0]?.message}, found "${date}"`);
  }
  const status = options.choice('status', eventStatusSchema.options);
  const given = options.all('company');
  const companies = given.map((c) => options.reference('company', 'companies', c));
  if (given.length === 0)
    options.problems.push('--company: expected at least one company id (repeat --company for more), found nothing');
  const cited = citedSource(options, reading, notes);
  if (!kind || !status || !cited || options.problems.length > 0) return undefined;
  notes.push('Write its summary in your own words (the TODO: line).');
  return [
    schemaLine('events'),
    '# Something that happened or is planned; every field is explained in src/schemas/event.ts.',
    `title: ${text(name)}  # a headline in your own words`,
    `kind: ${kind}  # ${termList(kinds)}`,
    `date: ${text(date!)}  # with the source's precision: ${DATE_EXAMPLES}`,
    `status: ${status}  # ${eventStatusSchema.options.join(', ')}`,
    `companies: [${companies.join(', ')}]`,
    '# location: { country: XX }  # country (ISO code), region or site',
    '# figures:',
    '#   - label: "…"',
    `#     quantity: { value: 100, unit: ${exampleUnit(site)}, per: year }`,
    `# deals: [${exampleId(reading, 'deals')}]  # related deals`,
    `summary: ${text(`${PLACEHOLDER} two or three sentences in your own words.`)}`,
    ...PREVIOUS_IDS,
    cited.comment,
    `sources: [${cited.id}]`,
  ];
}

function source(name: string, options: Options, { reading, site, notes }: Build): string[] | undefined {
  const kinds = publishingKinds(site.vocabulary);
  const publishers = entries(reading, 'companies').filter((c) => kinds.includes(c.data.kind));
  let publisher = options.reference('publisher', 'companies');
  if (publisher && !publishers.some((p) => p.id === publisher)) {
    options.problems.push(
      `--publisher: expected a company of a kind that publishes (${kinds.join(', ') || 'none in site.yaml yet'}), found "${publisher}"`,
    );
    publisher = undefined;
  }
  if (!options.all('publisher').length) {
    const latest = sourcesByDate(reading)[0]?.data.publisher.id;
    if (publishers.length === 1) publisher = publishers[0]!.id;
    else if (latest) publisher = latest;
    if (publisher)
      notes.push(`Its publisher is ${publisher}; if it is another, change "publisher" (or use --publisher).`);
    else {
      options.problems.push(
        publishers.length === 0
          ? `--publisher: expected a publisher, and there is none yet: add it first (npm run new -- company "<name>" --kind ${kinds[0] ?? '<a kind with publishes: true>'} --country <code>)`
          : `--publisher: expected one of ${publishers.map((p) => p.id).join(', ')}, found nothing`,
      );
    }
  }
  const published = options.one('published');
  if (published === undefined) {
    options.problems.push(
      '--published: expected when it was published, with its time zone, such as "2025-07-09T19:18+09:00", found nothing',
    );
  } else {
    const parsed = timestampSchema.safeParse(published);
    if (!parsed.success) options.problems.push(`--published: ${parsed.error.issues[0]?.message}, found "${published}"`);
  }
  const language = options.one('language') ?? site.lang;
  if (!/^[a-z]{2,3}(?:-[A-Za-z0-9]{2,8})*$/.test(language)) {
    options.problems.push(`--language: expected a BCP 47 language code such as "en" or "ko", found "${language}"`);
  }
  const url = options.one('url');
  if (url !== undefined && !/^https?:\/\/[^\s/]+/.test(url)) {
    options.problems.push(`--url: expected a full URL starting with https://, found "${url}"`);
  }
  if (!publisher || options.problems.length > 0) return undefined;
  if (!options.all('language').length)
    notes.push(`Its language is ${language}, the site's; if you read it in another, change "language".`);
  return [
    schemaLine('sources'),
    '# A published work that facts come from; every field is explained in src/schemas/source.ts.',
    `title: ${text(name)}  # the headline exactly as published`,
    `publisher: ${publisher}  # a company of a kind that publishes (${kinds.join(', ')})`,
    '# author: "…"  # the byline as printed',
    `published: ${text(published!)}  # quoted, with its time zone offset`,
    '# updated: "2025-07-09T19:22+09:00"  # when it was last updated, with its time zone',
    url !== undefined ? `url: ${text(url)}` : '# url: https://…  # the address of the original, where known',
    `language: ${language}  # BCP 47 code of the text you read`,
    `# translatedFrom: { language: ko, publication: ${exampleId(reading, 'companies')} }  # for translations`,
    '# notes: "…"  # what a reader should know about the source, in your own words',
    ...PREVIOUS_IDS,
  ];
}

/** Mention examples for a briefing: existing ids (preferring entries that cite the source), else placeholders. */
function mentionExample(
  reading: ContentReading,
  collection: EntityCollection,
  source: string,
): { id: string; placeholder: boolean } {
  const list = reading.input[collection] as Entry<{ sources?: Ref[]; source?: Ref }>[];
  const citing = list.find((e) => e.data.sources?.some((s) => s.id === source) || e.data.source?.id === source);
  const found = citing ?? list[0];
  return found
    ? { id: found.id, placeholder: false }
    : { id: `todo-${COLLECTION_SINGULAR[collection]}-id`, placeholder: true };
}

function briefing(name: string, options: Options, { reading, today, notes }: Build): string[] | undefined {
  const cited = citedSource(options, reading, notes);
  if (!cited) return undefined;
  const source = cited.id.split(', ')[0]!;
  const m = (collection: EntityCollection) => mentionExample(reading, collection, source);
  const examples = {
    company: m('companies'),
    person: m('people'),
    deal: m('deals'),
    event: m('events'),
    quote: m('quotes'),
  };
  const placeholders = Object.entries(examples)
    .filter(([, e]) => e.placeholder)
    .map(([kind]) => kind);
  if (placeholders.length > 0) {
    notes.push(
      `There is no ${placeholders.join(', no ')} yet: the example mentions of them name placeholder ids, which check:content reports until you replace or remove them.`,
    );
  }
  notes.push('Replace the TODO: lines and the example text with your briefing; check:content lists what is left.');
  return [
    '---',
    '# A briefing: this frontmatter is explained in src/schemas/briefing.ts; the text below it is',
    '# Markdown with the components shown (see docs/authoring.md). No imports, {…} or HTML.',
    `title: ${text(name)}`,
    `description: ${text(`${PLACEHOLDER} one sentence for link previews and search results.`)}`,
    `published: ${today}  # the day it is published on this site`,
    '# updated: 2026-12-01  # the day of the last substantive update',
    `summary: ${text(`${PLACEHOLDER} two or three sentences: the briefing's point.`)}`,
    '# topics: ["…"]  # short phrases, at most 20',
    '# about:  # what it is about (mentions in the text are found too)',
    `#   companies: [${examples.company.id}]`,
    `#   deals: [${examples.deal.id}]`,
    ...PREVIOUS_IDS,
    cited.comment,
    `sources: [${cited.id}]`,
    '---',
    '',
    `${PLACEHOLDER} write the briefing here. The paragraphs below show each component once, with ids`,
    'from this content root; keep what you need and delete the rest.',
    '',
    `<Company id="${examples.company.id}" /> names a company inside a sentence, and <Person id="${examples.person.id}" />`,
    `a person; <Company id="${examples.company.id}">other words</Company> link to it too. A citation follows`,
    `the fact it backs <Cite source="${source}" />. Each mention becomes a backlink on the entity's page.`,
    '',
    '## A section heading readers can link to',
    '',
    'On a line of its own, a deal or an event is a card and a quote a block quote:',
    '',
    `<Deal id="${examples.deal.id}" />`,
    '',
    `<Event id="${examples.event.id}" />`,
    '',
    `<Quote id="${examples.quote.id}" />`,
    '',
    `Inside a sentence they are links: <Deal id="${examples.deal.id}">the deal</Deal>, an event's date`,
    `<Event id="${examples.event.id}" />, and <Quote id="${examples.quote.id}">what was said</Quote>.`,
    'Link to any page of the site by its address, such as [the timeline](/timeline/).',
  ];
}

/** Where files of a content root still hold {@link PLACEHOLDER} text: `companies/x.yaml line 9`. */
export function placeholderLines(files: readonly { path: string; text: string }[]): string[] {
  const found: string[] = [];
  for (const { path, text: content } of files) {
    const lines = content.split('\n');
    const at = lines.findIndex((line) => line.includes(PLACEHOLDER) && !/^\s*#/.test(line));
    if (at >= 0) found.push(`${path} line ${at + 1}`);
  }
  return found;
}
