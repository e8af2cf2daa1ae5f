import { ui } from '../../i18n/ui';
import { COLLECTION_SINGULAR, type Ref } from '../../schemas/common';
import { formatTimestamp } from '../values/format';
import { formatDay, formatFuzzyDate, type FuzzyDate } from '../values/fuzzy-date';
import { clip } from '../values/text';
import type { Graph, Node } from '../graph/graph';

/** What Pagefind learns about an entity page: filters, display metadata, sort key, extra names. */
export interface SearchRecord {
  /** Filter "type": the entity type id, e.g. "company" (URLs read `?type=company`). */
  type: SearchType;
  /** How the type reads in results, e.g. "Company". */
  typeLabel: string;
  /** Filter "company": names of the companies the page is about or involves. */
  companies: string[];
  /** Filter "country": ISO codes (URLs read `?country=KR`; the page shows names). */
  countries: string[];
  /** Filter "year": every year the page's date may fall in. */
  years: string[];
  /** Sort key "date" (ISO day) and how the date reads, e.g. "late June 2025". */
  date?: { sort: string; label: string };
  /** One line shown under the result, e.g. a deal's summary, at most {@link SEARCH_SUMMARY_MAX} characters. */
  summary: string;
  /** The names the page must be found by first (name, short and native-script names), weighted high. */
  names: string[];
}

/** Longest summary in search metadata, in characters: two lines under a result, not the whole text. */
export const SEARCH_SUMMARY_MAX = 300;

type Dated = { sort: string; label: string; from?: string };

function fuzzy(date: FuzzyDate): Dated {
  return { sort: date.end, label: formatFuzzyDate(date), from: date.start };
}

function years(from: string, to: string): string[] {
  const out: string[] = [];
  for (let y = Number(from.slice(0, 4)); y <= Number(to.slice(0, 4)); y++) out.push(String(y));
  return out;
}

function sortedUnique(values: string[]): string[] {
  return [...new Set(values)].sort((a, b) => a.localeCompare(b, 'en'));
}

/** The latest publication day among the sources an entity cites: when it was last reported. */
function reported(graph: Graph, ref: Ref): { sort: string; label: string } | undefined {
  const days = graph
    .outgoing(ref, 'cites')
    .map((e) => graph.node(e.to as Ref<'sources'>).data.published.slice(0, 10))
    .sort();
  const day = days[days.length - 1];
  return day ? { sort: day, label: `reported ${formatDay(day)}` } : undefined;
}

/** Entity types as search filter values, one per collection. */
export const SEARCH_TYPES = COLLECTION_SINGULAR;
export type SearchType = (typeof SEARCH_TYPES)[keyof typeof SEARCH_TYPES];

/** The search record of an entity page, derived from the graph. */
export function searchRecord(graph: Graph, node: Node): SearchRecord {
  const ref = node.ref;
  const companiesOf = (refs: Ref[]) =>
    refs.filter((r) => r.collection === 'companies').map((r) => graph.node(r) as Node<'companies'>);
  const type = SEARCH_TYPES[ref.collection];
  let companies: Node<'companies'>[] = [];
  let extraCountries: string[] = [];
  let date: Dated | undefined;
  let summary = '';
  let names: string[] = [];

  switch (ref.collection) {
    case 'companies': {
      const c = (node as Node<'companies'>).data;
      companies = [node as Node<'companies'>];
      date = reported(graph, ref);
      summary = c.description;
      names = [c.name, c.shortName, ...c.aliases].filter((n): n is string => Boolean(n));
      break;
    }
    case 'people': {
      const p = (node as Node<'people'>).data;
      companies = companiesOf(graph.outgoing(ref, 'role').map((e) => e.to));
      date = reported(graph, ref);
      summary = p.description ?? p.roles.map((r) => r.title).join(', ');
      names = [p.name, ...(p.nativeName ? [p.nativeName] : [])];
      break;
    }
    case 'deals': {
      const d = (node as Node<'deals'>).data;
      companies = companiesOf(d.parties.map((p) => p.company));
      extraCountries = d.places.flatMap((p) => (p.country ? [p.country] : []));
      date = d.announced ? fuzzy(d.announced) : reported(graph, ref);
      summary = d.summary;
      break;
    }
    case 'events': {
      const e = (node as Node<'events'>).data;
      companies = companiesOf(e.companies);
      extraCountries = e.location?.country ? [e.location.country] : [];
      date = fuzzy(e.date);
      summary = e.summary;
      break;
    }
    case 'quotes': {
      const q = (node as Node<'quotes'>).data;
      companies = companiesOf(
        graph
          .outgoing(ref)
          .filter((e) => e.kind === 'speaker' || e.kind === 'about')
          .map((e) => e.to),
      );
      const source = graph.node(q.source).data;
      date = q.date
        ? fuzzy(q.date)
        : {
            sort: source.published.slice(0, 10),
            label: `reported ${formatTimestamp(source.published, { time: false })}`,
          };
      summary = q.context;
      break;
    }
    case 'sources': {
      const s = (node as Node<'sources'>).data;
      companies = companiesOf([s.publisher]);
      date = { sort: s.published.slice(0, 10), label: formatTimestamp(s.published, { time: false }) };
      summary = s.notes ?? '';
      break;
    }
    case 'briefings': {
      const b = (node as Node<'briefings'>).data;
      companies = companiesOf(
        graph
          .outgoing(ref)
          .filter((e) => e.kind === 'about' || e.kind === 'mentions')
          .map((e) => e.to),
      );
      date = { sort: b.published, label: formatDay(b.published) };
      summary = b.summary;
      break;
    }
  }

  return {
    type,
    typeLabel: ui.collections[ref.collection].singular,
    companies: sortedUnique(companies.map((c) => c.title)),
    countries: sortedUnique([...companies.map((c) => c.data.country), ...extraCountries]),
    years: date ? years(date.from ?? date.sort, date.sort) : [],
    ...(date ? { date: { sort: date.sort, label: date.label } } : {}),
    summary: clip(summary, SEARCH_SUMMARY_MAX),
    names,
  };
}

/**
 * Search weight of a page's title, by what the page is. A company's or person's title is the name
 * itself, so it weighs most; deal, event and quote titles are headlines that merely mention
 * names, so they weigh little. That is how an entity's own page outranks pages about it.
 */
export function titleWeight(collection: string | undefined): number {
  switch (collection) {
    case 'companies':
    case 'people':
      return 10;
    case 'briefings':
    case 'sources':
      return 5;
    default:
      return 2;
  }
}
