import { fill } from '../../i18n/fill';
import { ui } from '../../i18n/ui';
import type { Company } from '../../schemas/company';
import type { Deal, DealStatus, PartyRole } from '../../schemas/deal';
import type { Event, EventStatus } from '../../schemas/event';
import type { Person } from '../../schemas/person';
import type { Quote } from '../../schemas/quote';
import type { SiteConfig } from '../../schemas/site';
import type { Source } from '../../schemas/source';
import type { EntityCollection, Ref } from '../../schemas/common';
import {
  countryName,
  formatDuration,
  formatMoney,
  formatQuantity,
  formatTimestamp,
  languageName,
} from '../values/format';
import { formatDay, formatFuzzyDate, type FuzzyDate } from '../values/fuzzy-date';
import type { SortColumn } from '../tables/table-sort';
import type { Graph } from '../graph/graph';
import { dealStatusView, eventStatusView, sourceDay, statusText, type StatusView } from '../graph/status';
import { entityJsonUrl, entityUrl } from '../routes';

/**
 * A piece of a fact's value: text, a link (to an entity, with the address of its JSON document
 * for the hover preview), a date, a recorded status with its as-of day (and past-due state), or
 * the as-of day of a figure (ISO day).
 */
export type Inline =
  | { text: string }
  | { text: string; href: string; preview?: string }
  | { date: FuzzyDate }
  | { status: StatusView }
  | { asOf: string };
/** One row of an infobox: a label and its value. */
export interface Fact {
  label: string;
  value: Inline[];
}

function link(graph: Graph, ref: Ref): Inline {
  return { text: graph.node(ref).title, href: entityUrl(ref), preview: entityJsonUrl(ref) };
}

function place(p: { country?: string | undefined; region?: string | undefined; site?: string | undefined }): string {
  const where = p.country ? countryName(p.country) : p.region;
  return [p.site, where && !p.site?.includes(where) ? where : undefined].filter(Boolean).join(', ');
}

/** Joins inlines with a separator text. */
function joined(items: Inline[][], separator = ', '): Inline[] {
  return items.flatMap((item, i) => (i === 0 ? item : [{ text: separator }, ...item]));
}

/** Infobox rows of a company. */
export function companyFacts(graph: Graph, node: { ref: Ref<'companies'>; data: Company }, site: SiteConfig): Fact[] {
  const c = node.data;
  const facts: Fact[] = [];
  const names = [c.shortName, ...c.aliases].filter((n): n is string => Boolean(n));
  if (names.length) facts.push({ label: ui.facts.alsoKnownAs, value: [{ text: names.join(', ') }] });
  facts.push({ label: ui.facts.kind, value: [{ text: site.vocabulary.companyKinds[c.kind] ?? c.kind }] });
  facts.push({ label: ui.facts.country, value: [{ text: countryName(c.country) }] });
  if (c.ownership) facts.push({ label: ui.facts.ownership, value: [{ text: ui.ownership[c.ownership] }] });
  if (c.parent) facts.push({ label: ui.facts.parent, value: [link(graph, c.parent)] });
  const subsidiaries = graph.incoming(node.ref, 'parent').map((e) => [link(graph, e.from)]);
  if (subsidiaries.length) facts.push({ label: ui.facts.subsidiaries, value: joined(subsidiaries) });
  return facts;
}

/** A company's key figures as a table: figure, value (and note, as of its source's day), period, source. */
export function keyFigureTable(
  graph: Graph,
  node: { ref: Ref<'companies'>; data: Company },
  site: SiteConfig,
): IndexTable {
  return {
    columns: [ui.facts.figure, ui.facts.value, ui.facts.period, ui.facts.source],
    rows: node.data.keyFigures.map((f) => ({
      ref: node.ref,
      cells: [
        [{ text: f.label }],
        [
          { text: f.quantity ? formatQuantity(f.quantity, site.vocabulary.units) : formatMoney(f.money!) },
          ...(f.note ? [{ text: ` (${f.note})` }] : []),
          { asOf: sourceDay(graph.node(f.source).data.published) },
        ],
        [{ date: f.period }],
        [link(graph, f.source)],
      ],
    })),
  };
}

/** A company's deals as a table: deal, its role, the other parties, status (as of `today`), announcement. */
export function companyDealTable(
  graph: Graph,
  deals: {
    deal: { ref: Ref<'deals'>; data: Deal };
    roles: PartyRole[];
    others: { company: { ref: Ref<'companies'> }; role: PartyRole }[];
  }[],
  today: string,
): IndexTable {
  return {
    columns: [ui.facts.deal, ui.facts.role, ui.facts.with, ui.facts.status, ui.facts.announced],
    rows: deals.map(({ deal, roles, others }) => ({
      ref: deal.ref,
      cells: [
        [link(graph, deal.ref)],
        [{ text: roles.map((r) => ui.partyRoles[r]).join(', ') }],
        joined(
          others.map(({ company, role }) => [
            link(graph, company.ref),
            { text: ` (${ui.partyRoles[role].toLowerCase()})` },
          ]),
        ),
        [{ status: dealStatusView(graph, deal.data, today) }],
        deal.data.announced ? [{ date: deal.data.announced }] : [{ text: ui.lists.none }],
      ],
    })),
  };
}

/**
 * Infobox rows of a deal: parties, product, volume, value, term, places, status (as of its latest
 * source, and past due on `today` when its term start passed unreported), announcement.
 */
export function dealFacts(graph: Graph, d: Deal, site: SiteConfig, today: string): Fact[] {
  const facts: Fact[] = [];
  facts.push({ label: ui.facts.kind, value: [{ text: site.vocabulary.dealKinds[d.kind] ?? d.kind }] });
  for (const party of d.parties) {
    facts.push({ label: ui.partyRoles[party.role], value: [link(graph, party.company)] });
  }
  if (d.product) facts.push({ label: ui.facts.product, value: [{ text: d.product }] });
  if (d.volume)
    facts.push({ label: ui.facts.volume, value: [{ text: formatQuantity(d.volume, site.vocabulary.units) }] });
  if (d.value) facts.push({ label: ui.facts.value, value: [{ text: formatMoney(d.value) }] });
  if (d.term?.start || d.term?.duration) {
    const value: Inline[] = [];
    const duration = d.term.duration ? formatDuration(d.term.duration) : undefined;
    if (d.term.start) {
      // "6 years from early 2026" / "From early 2026": the date stays a date, the words come from ui.
      const template = duration ? ui.facts.termDurationFrom : ui.facts.termFrom;
      const [before, after] = fill(template, { duration: duration ?? '' }).split('{date}') as [string, string?];
      value.push({ text: before }, { date: d.term.start }, ...(after ? [{ text: after }] : []));
    } else if (duration) {
      value.push({ text: duration });
    }
    facts.push({ label: ui.facts.term, value });
  }
  for (const p of d.places) facts.push({ label: ui.placeRoles[p.role], value: [{ text: place(p) }] });
  facts.push({ label: ui.facts.status, value: [{ status: dealStatusView(graph, d, today) }] });
  if (d.announced) facts.push({ label: ui.facts.announced, value: [{ date: d.announced }] });
  return facts;
}

/**
 * Infobox rows of an event: its status and figures as of its latest source, the status past due
 * on `today` when the event was planned or expected for a date that passed unreported.
 */
export function eventFacts(graph: Graph, e: Event, site: SiteConfig, today: string): Fact[] {
  const status = eventStatusView(graph, e, today);
  const facts: Fact[] = [
    { label: ui.facts.kind, value: [{ text: site.vocabulary.eventKinds[e.kind] ?? e.kind }] },
    { label: ui.facts.date, value: [{ date: e.date }] },
    { label: ui.facts.status, value: [{ status }] },
    {
      label: e.companies.length > 1 ? ui.facts.companies : ui.facts.company,
      value: joined(e.companies.map((c) => [link(graph, c)])),
    },
  ];
  if (e.location) facts.push({ label: ui.facts.where, value: [{ text: place(e.location) }] });
  for (const f of e.figures)
    facts.push({
      label: f.label,
      value: [{ text: formatQuantity(f.quantity, site.vocabulary.units) }, { asOf: status.asOf }],
    });
  if (e.deals.length) facts.push({ label: ui.facts.deals, value: joined(e.deals.map((d) => [link(graph, d)])) });
  return facts;
}

/** Infobox rows of a person: roles over time. */
export function personFacts(graph: Graph, p: Person): Fact[] {
  const facts: Fact[] = [];
  if (p.nativeName) facts.push({ label: ui.facts.nativeName, value: [{ text: p.nativeName }] });
  for (const role of p.roles) {
    const value: Inline[] = [{ text: role.title }];
    if (role.organisation) value.push({ text: ', ' }, link(graph, role.organisation));
    if (role.from) value.push({ text: `, ${ui.facts.roleFrom} ` }, { date: role.from });
    if (role.to) value.push({ text: ` ${ui.facts.roleTo} ` }, { date: role.to });
    if (role.asOf) value.push({ text: ` (${ui.facts.roleAsOf} ` }, { date: role.asOf }, { text: ')' });
    facts.push({ label: ui.facts.role, value });
  }
  return facts;
}

/** Who said a quote, in words: "Choi Jae-hee, Senior researcher, KIEP" or "an industry insider". */
export function speakerInlines(graph: Graph, q: Quote): Inline[] {
  const parts: Inline[][] = [];
  if (q.speaker.person) parts.push([link(graph, q.speaker.person)]);
  if (q.speaker.description) parts.push([{ text: q.speaker.description.replace(/^./, (c) => c.toUpperCase()) }]);
  if (q.role) parts.push([{ text: q.role }]);
  if (q.speaker.organisation) parts.push([link(graph, q.speaker.organisation)]);
  return joined(parts);
}

/** Infobox rows of a source. */
export function sourceFacts(graph: Graph, s: Source): Fact[] {
  const facts: Fact[] = [{ label: ui.facts.publisher, value: [link(graph, s.publisher)] }];
  if (s.author) facts.push({ label: ui.facts.author, value: [{ text: s.author }] });
  facts.push({ label: ui.facts.published, value: [{ text: formatTimestamp(s.published) }] });
  if (s.updated) facts.push({ label: ui.facts.updated, value: [{ text: formatTimestamp(s.updated) }] });
  facts.push({ label: ui.facts.language, value: [{ text: languageName(s.language) }] });
  if (s.translatedFrom) {
    facts.push({
      label: ui.facts.translatedFrom,
      value: [{ text: `${languageName(s.translatedFrom.language)}, ` }, link(graph, s.translatedFrom.publication)],
    });
  }
  if (s.url) facts.push({ label: ui.facts.original, value: [{ text: s.url, href: s.url }] });
  return facts;
}

/** A filter of an index table: its id in URLs (`?kind=…`), its label and the values rows have. */
export interface TableFilter {
  id: string;
  label: string;
  /** Each value the rows of the table hold, with its label and how many rows hold it. */
  options: { value: string; label: string; count: number }[];
}

/** A table of entities for an index page: column headings and one row of cells per entity. */
export interface IndexTable {
  columns: string[];
  rows: {
    ref: Ref;
    cells: Inline[][];
    filters?: Record<string, string>;
    /** Sort keys that the cells do not give (a timestamp written out as words). */
    keys?: Record<string, string>;
  }[];
  /** How each column sorts (same order as `columns`), for tables readers can sort. */
  sort?: SortColumn[];
  /** What readers can filter the table by; each row's values are in its `filters`. */
  filters?: TableFilter[];
}

/** A row's sort key for each sortable column, from its cells: text, a number, or a date's `end start`. */
export function rowKeys(table: Pick<IndexTable, 'sort'>, row: IndexTable['rows'][number]): Record<string, string> {
  const keys: Record<string, string> = {};
  (table.sort ?? []).forEach((column, i) => {
    const cell = row.cells[i] ?? [];
    const given = row.keys?.[column.id];
    if (given !== undefined) {
      keys[column.id] = given;
    } else if (column.type === 'date') {
      const date = cell.find((part): part is { date: FuzzyDate } => 'date' in part);
      keys[column.id] = date ? `${date.date.end} ${date.date.start}` : '';
    } else {
      keys[column.id] = cell
        .map((part) =>
          'date' in part ? part.date.end : 'status' in part ? part.status.label : 'asOf' in part ? '' : part.text,
        )
        .join('');
    }
  });
  return keys;
}

/** The filters of a table from its rows' values: each value once, labelled, counted, in label order. */
function filtersOf(
  rows: IndexTable['rows'],
  specs: { id: string; label: string; valueLabel: (value: string) => string }[],
): TableFilter[] {
  return specs.map(({ id, label, valueLabel }) => {
    const counts = new Map<string, number>();
    for (const row of rows) {
      const value = row.filters?.[id];
      if (value) counts.set(value, (counts.get(value) ?? 0) + 1);
    }
    return {
      id,
      label,
      options: [...counts]
        .map(([value, count]) => ({ value, label: valueLabel(value), count }))
        .sort((a, b) => a.label.localeCompare(b.label, 'en')),
    };
  });
}

/** The index table of a collection's entities (first column: a link to the entity); statuses as of `today`. */
export function indexTable(
  graph: Graph,
  collection: Exclude<EntityCollection, 'briefings'>,
  refs: Ref[],
  site: SiteConfig,
  today: string,
): IndexTable {
  const title = (ref: Ref): Inline[] => [link(graph, ref)];
  switch (collection) {
    case 'companies': {
      const kind = (id: string) => site.vocabulary.companyKinds[id] ?? id;
      const rows = refs.map((ref) => {
        const c = graph.node(ref as Ref<'companies'>).data;
        return {
          ref,
          cells: [
            title(ref),
            [{ text: kind(c.kind) }],
            [{ text: countryName(c.country) }],
            [{ text: String(graph.incoming(ref, 'party').length) }],
          ],
          filters: { kind: c.kind, country: c.country },
        };
      });
      return {
        columns: [ui.facts.name, ui.facts.kind, ui.facts.country, ui.facts.deals],
        rows,
        sort: [
          { id: 'name', type: 'text' },
          { id: 'kind', type: 'text' },
          { id: 'country', type: 'text' },
          { id: 'deals', type: 'number' },
        ],
        filters: filtersOf(rows, [
          { id: 'kind', label: ui.facts.kind, valueLabel: kind },
          { id: 'country', label: ui.facts.country, valueLabel: countryName },
        ]),
      };
    }
    case 'people':
      return {
        columns: [ui.facts.name, ui.facts.role],
        sort: [
          { id: 'name', type: 'text' },
          { id: 'role', type: 'text' },
        ],
        rows: refs.map((ref) => {
          const p = graph.node(ref as Ref<'people'>).data;
          const role = p.roles[0];
          return {
            ref,
            cells: [
              title(ref),
              role
                ? [{ text: role.title }, ...(role.organisation ? [{ text: ', ' }, link(graph, role.organisation)] : [])]
                : [],
            ],
          };
        }),
      };
    case 'deals': {
      const rows = refs.map((ref) => {
        const d = graph.node(ref as Ref<'deals'>).data;
        return {
          ref,
          cells: [
            title(ref),
            joined(d.parties.map((p) => [link(graph, p.company)])),
            [{ status: dealStatusView(graph, d, today) }],
            d.announced ? [{ date: d.announced }] : [{ text: ui.lists.none }],
          ],
          filters: { kind: d.kind, status: d.status },
        };
      });
      return {
        columns: [ui.facts.deal, ui.facts.parties, ui.facts.status, ui.facts.announced],
        rows,
        sort: [
          { id: 'deal', type: 'text' },
          { id: 'parties', type: 'text' },
          { id: 'status', type: 'text' },
          { id: 'announced', type: 'date' },
        ],
        filters: filtersOf(rows, [
          { id: 'kind', label: ui.facts.kind, valueLabel: (id) => site.vocabulary.dealKinds[id] ?? id },
          { id: 'status', label: ui.facts.status, valueLabel: (id) => ui.dealStatus[id as DealStatus] ?? id },
        ]),
      };
    }
    case 'quotes':
      return {
        columns: [ui.facts.quote, ui.facts.speaker, ui.facts.source],
        sort: [
          { id: 'quote', type: 'text' },
          { id: 'speaker', type: 'text' },
          { id: 'source', type: 'text' },
        ],
        rows: refs.map((ref) => {
          const q = graph.node(ref as Ref<'quotes'>).data;
          return { ref, cells: [title(ref), speakerInlines(graph, q), [link(graph, q.source)]] };
        }),
      };
    case 'events': {
      const rows = refs.map((ref) => {
        const e = graph.node(ref as Ref<'events'>).data;
        return {
          ref,
          cells: [
            title(ref),
            [{ date: e.date }],
            [{ status: eventStatusView(graph, e, today) }],
            joined(e.companies.map((c) => [link(graph, c)])),
          ],
          filters: { kind: e.kind, status: e.status },
        };
      });
      return {
        columns: [ui.facts.event, ui.facts.date, ui.facts.status, ui.facts.companies],
        rows,
        sort: [
          { id: 'event', type: 'text' },
          { id: 'date', type: 'date' },
          { id: 'status', type: 'text' },
          { id: 'companies', type: 'text' },
        ],
        filters: filtersOf(rows, [
          { id: 'kind', label: ui.facts.kind, valueLabel: (id) => site.vocabulary.eventKinds[id] ?? id },
          { id: 'status', label: ui.facts.status, valueLabel: (id) => ui.eventStatus[id as EventStatus] ?? id },
        ]),
      };
    }
    case 'sources':
      return {
        columns: [ui.facts.title, ui.facts.publisher, ui.facts.published],
        sort: [
          { id: 'title', type: 'text' },
          { id: 'publisher', type: 'text' },
          { id: 'published', type: 'date' },
        ],
        rows: refs.map((ref) => {
          const s = graph.node(ref as Ref<'sources'>).data;
          return {
            ref,
            cells: [title(ref), [link(graph, s.publisher)], [{ text: formatTimestamp(s.published, { time: false }) }]],
            keys: { published: s.published },
          };
        }),
      };
  }
}

/**
 * A fact's value as plain text: links become their text, dates are written out, a status reads
 * with its as-of day and past-due state (`compact`: in two words, for a preview card).
 */
export function inlineText(parts: Inline[], { compact = false } = {}): string {
  return parts
    .map((part) => {
      if ('date' in part) return formatFuzzyDate(part.date);
      if ('status' in part) return statusText(part.status, { compact });
      if ('asOf' in part) return ` ${fill(ui.status.asOf, { date: formatDay(part.asOf) })}`;
      return part.text;
    })
    .join('');
}
