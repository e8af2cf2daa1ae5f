import { ui } from '../../i18n/ui';
import { ENTITY_COLLECTIONS, type EntityCollection, type Ref } from '../../schemas/common';
import type { Inline } from './facts';
import type { Graph, Node } from '../graph/graph';
import {
  companyRelations,
  dealRelations,
  eventRelations,
  personRelations,
  quoteRelations,
  sourceRelations,
} from '../graph/relations';
import { entityUrl, relationListUrl } from '../routes';

/**
 * An entity page shows at most this many items per relation; the rest are on the relation's own
 * paginated list page. A page's HTML therefore stays bounded however busy the entity is.
 */
export const RELATION_LIMIT = 20;
/** Items per page of a full relation list. */
export const RELATION_PAGE_SIZE = 100;

/** One relation of an entity as a plain list: what the full-list pages show. */
export interface RelationList {
  /** Section id on the entity page and path segment of the full list, e.g. "deals". */
  key: string;
  title: string;
  items: { node: Node; meta?: Inline[] }[];
}

const link = (node: Node): Inline => ({ text: node.title, href: entityUrl(node.ref) });

/** Section titles per collection and relation key: one wording for the page and its full lists. */
const TITLES: Partial<Record<EntityCollection, Record<string, string>>> = {
  companies: {
    deals: ui.collections.deals.plural,
    counterparties: 'Counterparties',
    people: ui.collections.people.plural,
    'quotes-by': 'Quotes by it or its people',
    'quotes-about': 'Quotes about it',
    events: ui.collections.events.plural,
    briefings: 'In briefings',
    published: 'Sources it published',
    sources: ui.collections.sources.plural,
  },
  people: {
    organisations: 'Organisations',
    'quotes-by': 'Quotes',
    'quotes-about': 'Quotes about them',
    briefings: 'In briefings',
    sources: ui.collections.sources.plural,
  },
  deals: {
    events: ui.collections.events.plural,
    quotes: ui.collections.quotes.plural,
    briefings: 'In briefings',
    sources: ui.collections.sources.plural,
  },
  events: { quotes: ui.collections.quotes.plural, briefings: 'In briefings', sources: ui.collections.sources.plural },
  quotes: {
    about: 'About',
    'same-speaker': 'More from this speaker',
    briefings: 'In briefings',
    sources: ui.collections.sources.plural,
  },
  sources: { briefings: 'Cited in briefings' },
};

/** The title of a relation section, e.g. "Counterparties" for a company's `counterparties`. */
export function relationTitle(collection: EntityCollection, key: string): string {
  const title = TITLES[collection]?.[key];
  if (title) return title;
  const cited = /^cited-by-(.+)$/.exec(key)?.[1] as EntityCollection | undefined;
  if (cited && cited in ui.collections) return `Cited by ${ui.collections[cited].plural.toLowerCase()}`;
  throw new Error(`No title for the ${key} relation of ${collection}`);
}

/** Every list an entity page shows, complete and in page order (empty lists included). */
export function relationLists(graph: Graph, ref: Ref): RelationList[] {
  const plain = (nodes: Node[]) => nodes.map((node) => ({ node }));
  const list = (key: string, items: RelationList['items']): RelationList => ({
    key,
    title: relationTitle(ref.collection, key),
    items,
  });
  switch (ref.collection) {
    case 'companies': {
      const r = companyRelations(graph, ref as Ref<'companies'>);
      return [
        list(
          'deals',
          r.deals.map(({ deal, roles, others }) => ({
            node: deal,
            meta: [
              { text: `${roles.map((role) => ui.partyRoles[role]).join(', ')} · with ` },
              ...others.flatMap(({ company }, i) => [...(i ? [{ text: ', ' }] : []), link(company)]),
            ],
          })),
        ),
        list(
          'counterparties',
          r.counterparties.map(({ company, deals }) => ({
            node: company,
            meta: deals.flatMap((d, i) => [{ text: i ? ', ' : 'through ' }, link(d)]),
          })),
        ),
        list(
          'people',
          r.people.map(({ person, titles }) => ({ node: person, meta: [{ text: titles.join(', ') }] })),
        ),
        list('quotes-by', plain(r.quotesBy)),
        list('quotes-about', plain(r.quotesAbout)),
        list(
          'events',
          r.events.map((e) => ({ node: e, meta: [{ date: e.data.date }] })),
        ),
        list('briefings', plain(r.backlinks.map((b) => b.briefing))),
        list('published', plain(r.published)),
        list('sources', plain(r.sources)),
      ];
    }
    case 'people': {
      const r = personRelations(graph, ref as Ref<'people'>);
      return [
        list('organisations', plain(r.organisations)),
        list('quotes-by', plain(r.quotesBy)),
        list('quotes-about', plain(r.quotesAbout)),
        list('briefings', plain(r.backlinks.map((b) => b.briefing))),
        list('sources', plain(r.sources)),
      ];
    }
    case 'deals': {
      const r = dealRelations(graph, ref as Ref<'deals'>);
      return [
        list(
          'events',
          r.events.map((e) => ({ node: e, meta: [{ date: e.data.date }] })),
        ),
        list('quotes', plain(r.quotes)),
        list('briefings', plain(r.backlinks.map((b) => b.briefing))),
        list('sources', plain(r.sources)),
      ];
    }
    case 'events': {
      const r = eventRelations(graph, ref as Ref<'events'>);
      return [
        list('quotes', plain(r.quotes)),
        list('briefings', plain(r.backlinks.map((b) => b.briefing))),
        list('sources', plain(r.sources)),
      ];
    }
    case 'quotes': {
      const r = quoteRelations(graph, ref as Ref<'quotes'>);
      return [
        list(
          'about',
          r.about.map((n) => ({ node: n, meta: [{ text: ui.collections[n.ref.collection].singular }] })),
        ),
        list('same-speaker', plain(r.sameSpeaker)),
        list('briefings', plain(r.backlinks.map((b) => b.briefing))),
        list('sources', plain(r.sources)),
      ];
    }
    case 'sources': {
      const r = sourceRelations(graph, ref as Ref<'sources'>);
      return [
        list('briefings', plain(r.backlinks.map((b) => b.briefing))),
        ...ENTITY_COLLECTIONS.filter((c) => c !== 'briefings' && r.citing.has(c)).map((c) =>
          list(`cited-by-${c}`, plain(r.citing.get(c)!)),
        ),
      ];
    }
    default:
      return [];
  }
}

/** The link to a relation's full list, when its section on the entity page is cut short. */
export function moreLink(ref: Ref, section: { id: string; count: number }): string | undefined {
  return section.count > RELATION_LIMIT ? relationListUrl(ref, section.id) : undefined;
}

/** The first {@link RELATION_LIMIT} items, the ones an entity page shows. */
export function firstItems<T>(items: readonly T[]): T[] {
  return items.slice(0, RELATION_LIMIT);
}
