import { fill } from '../../i18n/fill';
import { ui } from '../../i18n/ui';
import type { EntityCollection, Ref } from '../../schemas/common';
import type { EventStatus } from '../../schemas/event';
import { formatQuantity, formatMoney } from '../values/format';
import { compareFuzzyDates, formatFuzzyDate, MONTHS, parseFuzzyDate, type FuzzyDate } from '../values/fuzzy-date';
import type { Graph } from '../graph/graph';
import { refKey } from '../graph/graph';
import { dealStatusView, eventStatusView, sourceDay, type StatusView } from '../graph/status';
import type { Vocabulary } from '../../schemas/site';

/**
 * The timeline: everything dated in the graph, as one chronological list.
 *
 * Ordering rule (one for the whole site, see {@link compareFuzzyDates}): an item sits at the last
 * day it could fall on, so "June 2025" follows every day in June, and "2025" or "by the end of
 * 2025" follow everything else in 2025. Ties go to the more precise date, then the kind of item,
 * then the title.
 */

/** What kind of dated thing an item is. */
export type TimelineKind = 'deal-announced' | 'deal-start' | 'event' | 'briefing' | 'figure';
/** The entity type a reader filters by. */
export type TimelineType = 'deal' | 'event' | 'briefing' | 'figure';
/** Whether it happened or is still ahead, as the source frames it. */
export type TimelineStatus = EventStatus;
/** What the status filter tests: the status, and "past-due" for an item whose date passed unreported. */
export type TimelineState = TimelineStatus | 'past-due';

export interface TimelineItem {
  /** Stable anchor on the timeline page, e.g. `deal-announced-lg-energy-solution-chery-ev`. */
  id: string;
  kind: TimelineKind;
  type: TimelineType;
  date: FuzzyDate;
  status: TimelineStatus;
  /** What the reader sees, e.g. "LG Energy Solution to supply Chery EV… announced". */
  title: string;
  /** The page the item links to, and an anchor on it when the item is part of a page. */
  target: Ref;
  anchor?: string;
  /** Companies involved, for display and the company filter. */
  companies: Ref<'companies'>[];
  /** Countries involved (ISO codes): the companies' home countries and the place of the event or deal. */
  countries: string[];
  /** A short detail line, e.g. "100 GWh a year" or a figure's value. */
  detail?: string;
  /**
   * The recorded status of what the item is about, as of its latest source: the event's, or the
   * deal's (an announcement item shows it without the past-due note of the deal's term start).
   */
  recorded?: StatusView;
  /** The item's own date passed while it was still planned or expected, with no later report. */
  pastDue?: true;
  /** For a key figure: the day of the source that reports it (ISO day). */
  asOf?: string;
}

const KIND_ORDER: Record<TimelineKind, number> = {
  briefing: 0,
  'deal-announced': 1,
  'deal-start': 2,
  event: 3,
  figure: 4,
};

/** The one comparison the timeline uses: fuzzy date, then kind, then title. */
export function compareTimelineItems(a: TimelineItem, b: TimelineItem): number {
  return (
    compareFuzzyDates(a.date, b.date) ||
    KIND_ORDER[a.kind] - KIND_ORDER[b.kind] ||
    a.title.localeCompare(b.title, 'en') ||
    a.id.localeCompare(b.id)
  );
}

function uniqueSorted(values: Iterable<string>): string[] {
  return [...new Set(values)].sort();
}

/**
 * Every dated item of the graph, in timeline order, with statuses as of their latest sources and
 * what is past due on `today` (the build's day, an ISO day). Built once per build.
 */
export function buildTimeline(graph: Graph, vocabulary: Vocabulary, today: string): TimelineItem[] {
  const items: TimelineItem[] = [];
  const countryOf = (refs: Ref<'companies'>[]) => refs.map((r) => graph.node(r).data.country);

  for (const deal of graph.all('deals')) {
    const d = deal.data;
    const companies = d.parties.map((p) => p.company);
    const countries = uniqueSorted([
      ...countryOf(companies),
      ...d.places.flatMap((p) => (p.country ? [p.country] : [])),
    ]);
    const recorded = dealStatusView(graph, d, today);
    const { pastDue, ...withoutPastDue } = recorded;
    if (d.announced) {
      // The announcement happened; the item shows the deal's status today, as of its source.
      items.push({
        id: `deal-announced-${deal.ref.id}`,
        kind: 'deal-announced',
        type: 'deal',
        date: d.announced,
        status: 'happened',
        title: deal.title,
        target: deal.ref,
        companies,
        countries,
        recorded: withoutPastDue,
      });
    }
    if (d.term?.start) {
      items.push({
        id: `deal-start-${deal.ref.id}`,
        kind: 'deal-start',
        type: 'deal',
        date: d.term.start,
        status: 'planned',
        title: deal.title,
        target: deal.ref,
        companies,
        countries,
        ...(d.volume ? { detail: formatQuantity(d.volume, vocabulary.units) } : {}),
        recorded,
        ...(pastDue ? { pastDue: true as const } : {}),
      });
    }
  }

  for (const event of graph.all('events')) {
    const e = event.data;
    const recorded = eventStatusView(graph, e, today);
    items.push({
      id: `event-${event.ref.id}`,
      kind: 'event',
      type: 'event',
      date: e.date,
      status: e.status,
      title: event.title,
      target: event.ref,
      companies: e.companies,
      countries: uniqueSorted([...countryOf(e.companies), ...(e.location?.country ? [e.location.country] : [])]),
      ...(e.figures.length
        ? { detail: e.figures.map((f) => `${f.label}: ${formatQuantity(f.quantity, vocabulary.units)}`).join('; ') }
        : {}),
      recorded,
      ...(recorded.pastDue ? { pastDue: true as const } : {}),
    });
  }

  for (const briefing of graph.all('briefings')) {
    const companies = uniqueSorted(
      graph
        .outgoing(briefing.ref)
        .filter((e) => (e.kind === 'about' || e.kind === 'mentions') && e.to.collection === 'companies')
        .map((e) => e.to.id),
    ).map((id) => ({ collection: 'companies', id }) as Ref<'companies'>);
    items.push({
      id: `briefing-${briefing.ref.id}`,
      kind: 'briefing',
      type: 'briefing',
      date: parseFuzzyDate(briefing.data.published),
      status: 'happened',
      title: briefing.title,
      target: briefing.ref,
      companies,
      countries: uniqueSorted(countryOf(companies)),
    });
  }

  for (const company of graph.all('companies')) {
    company.data.keyFigures.forEach((figure, index) => {
      items.push({
        id: `figure-${company.ref.id}-${index + 1}`,
        kind: 'figure',
        type: 'figure',
        date: figure.period,
        status: 'happened',
        title: `${company.title}: ${figure.label}`,
        target: company.ref,
        anchor: 'key-figures',
        companies: [company.ref],
        countries: [company.data.country],
        detail: figure.quantity ? formatQuantity(figure.quantity, vocabulary.units) : formatMoney(figure.money!),
        asOf: sourceDay(graph.node(figure.source).data.published),
      });
    });
  }

  return items.sort(compareTimelineItems);
}

/** The states an item matches in the status filter: its status, and "past-due" when it is. */
export function itemStates(item: TimelineItem): TimelineState[] {
  return item.pastDue ? [item.status, 'past-due'] : [item.status];
}

/** What an item is, as its label says: "Deal announced" (or "Deal reported" for a deal only reported), "Event", … */
export function kindLabel(item: TimelineItem): string {
  if (item.kind === 'deal-announced' && item.recorded?.status === 'reported') return ui.timeline.kinds['deal-reported'];
  return ui.timeline.kinds[item.kind];
}

/** Timeline items by what they involve, built once per build so entity pages never scan the whole timeline. */
export interface TimelineIndex {
  byCompany: Map<string, TimelineItem[]>;
  byTarget: Map<string, TimelineItem[]>;
}

/** Indexes ordered items by company and by the page they link to (each list keeps the order). */
export function indexTimeline(items: TimelineItem[]): TimelineIndex {
  const byCompany = new Map<string, TimelineItem[]>();
  const byTarget = new Map<string, TimelineItem[]>();
  const add = (map: Map<string, TimelineItem[]>, key: string, item: TimelineItem) => {
    const list = map.get(key);
    if (list) list.push(item);
    else map.set(key, [item]);
  };
  for (const item of items) {
    for (const company of item.companies) add(byCompany, company.id, item);
    add(byTarget, refKey(item.target), item);
  }
  return { byCompany, byTarget };
}

/** Items of one entity: a company's, a person's (their organisations' and briefings that name them), or those linking to it. */
export function timelineOf(index: TimelineIndex, graph: Graph, ref: Ref): TimelineItem[] {
  if (ref.collection === 'companies') return index.byCompany.get(ref.id) ?? [];
  if (ref.collection === 'people') {
    const organisations = graph.outgoing(ref, 'role').map((e) => e.to.id);
    const briefings = graph
      .incoming(ref)
      .filter((e) => e.from.collection === 'briefings')
      .map((e) => refKey(e.from));
    const chosen = new Set([
      ...organisations.flatMap((id) => index.byCompany.get(id) ?? []),
      ...briefings.flatMap((key) => index.byTarget.get(key) ?? []),
    ]);
    return [...chosen].sort(compareTimelineItems);
  }
  return index.byTarget.get(refKey(ref)) ?? [];
}

/** A run of consecutive items under one heading: a month, or a vaguer period such as "early 2026". */
export interface TimelineGroup {
  /** Anchor of the group, e.g. `2025-06` or `early-2026`. */
  id: string;
  label: string;
  items: TimelineItem[];
}

/** A year of the timeline with its groups. */
export interface TimelineYear {
  year: number;
  groups: TimelineGroup[];
}

/** The heading an item belongs under: its month when it is that precise, else its own vague period. */
export function groupOf(date: FuzzyDate): { id: string; label: string } {
  const sameMonth = date.start.slice(0, 7) === date.end.slice(0, 7) && !date.before;
  if (sameMonth && (date.precision === 'day' || date.precision === 'month')) {
    const month = Number(date.end.slice(5, 7));
    return {
      id: date.end.slice(0, 7),
      label: fill(ui.dates.month, { month: MONTHS[month - 1]!, year: date.end.slice(0, 4) }),
    };
  }
  const label = formatFuzzyDate(date);
  return {
    id: label
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, '-')
      .replace(/^-|-$/g, ''),
    label: label.charAt(0).toUpperCase() + label.slice(1),
  };
}

/**
 * Groups ordered items by the year of their last possible day, then into runs under one
 * heading. Each year's groups keep the items' order, so a vague period sits where the ordering
 * rule puts it.
 */
export function groupTimeline(items: TimelineItem[]): TimelineYear[] {
  const years: TimelineYear[] = [];
  for (const item of items) {
    const year = Number(item.date.end.slice(0, 4));
    let current = years[years.length - 1];
    if (!current || current.year !== year) {
      current = { year, groups: [] };
      years.push(current);
    }
    const { id, label } = groupOf(item.date);
    const last = current.groups[current.groups.length - 1];
    if (last && last.id === id) last.items.push(item);
    else current.groups.push({ id, label, items: [item] });
  }
  return years;
}

/** Index of the first item not entirely in the past: where "today" goes between past and future. */
export function todayIndex(items: TimelineItem[], today: string): number {
  const index = items.findIndex((item) => item.date.end >= today);
  return index === -1 ? items.length : index;
}

/** The facets a reader can filter the timeline by, with how many items each value has. */
export function timelineFacets(items: TimelineItem[], graph: Graph) {
  const count = (values: string[]) => {
    const counts = new Map<string, number>();
    for (const value of values) counts.set(value, (counts.get(value) ?? 0) + 1);
    return counts;
  };
  const companies = count(items.flatMap((i) => i.companies.map((c) => c.id)));
  const years = items.map((i) => Number(i.date.end.slice(0, 4)));
  return {
    companies: [...companies]
      .map(([id, n]) => ({ id, name: graph.node({ collection: 'companies', id }).title, count: n }))
      .sort((a, b) => b.count - a.count || a.name.localeCompare(b.name, 'en')),
    types: [...count(items.map((i) => i.type))].map(([id, n]) => ({ id: id as TimelineType, count: n })),
    countries: [...count(items.flatMap((i) => i.countries))]
      .map(([id, n]) => ({ id, count: n }))
      .sort((a, b) => a.id.localeCompare(b.id)),
    statuses: [...count(items.flatMap(itemStates))]
      // "Past due" last, after the statuses it is derived from.
      .sort(([a], [b]) => Number(a === 'past-due') - Number(b === 'past-due'))
      .map(([id, n]) => ({ id: id as TimelineState, count: n })),
    years: years.length ? { first: Math.min(...years), last: Math.max(...years) } : undefined,
  };
}

/** Collections whose pages show a per-entity timeline. */
export const ENTITY_TIMELINES: EntityCollection[] = ['companies', 'people'];
