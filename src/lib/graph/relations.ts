import type { EntityCollection, Ref } from '../../schemas/common';
import type { PartyRole } from '../../schemas/deal';
import type { Edge, Graph, Node } from './graph';
import { refKey } from './graph';
import type { ContextPart } from './mentions';

/**
 * What each entity page lists, derived from the graph's edges. Every list here is one side of an
 * edge whose other side is listed on the other entity's page, so relations are always reciprocal.
 */

/** One place a briefing mentions an entity: where (anchor) and the sentence around it. */
export interface MentionSite {
  anchor: string;
  context: ContextPart[];
}

/** A briefing that is about or mentions an entity, with every inline mention. */
export interface Backlink {
  briefing: Node<'briefings'>;
  /** Inline mentions in document order; empty when only listed in the frontmatter. */
  mentions: MentionSite[];
}

/** Unique nodes of the edges' other ends, in first-seen order. */
function uniqueNodes<C extends EntityCollection>(graph: Graph, refs: Ref[], collection?: C): Node<C>[] {
  const seen = new Set<string>();
  const nodes: Node<C>[] = [];
  for (const ref of refs) {
    if (collection && ref.collection !== collection) continue;
    const key = refKey(ref);
    if (seen.has(key)) continue;
    seen.add(key);
    nodes.push(graph.node(ref) as Node<C>);
  }
  return nodes;
}

/** Keeps the graph's order of a collection (newest briefings first, events by date, …). */
function inGraphOrder<C extends EntityCollection>(graph: Graph, nodes: Node<C>[]): Node<C>[] {
  if (nodes.length < 2) return nodes;
  const order = graph.order(nodes[0]!.ref.collection);
  return [...nodes].sort((a, b) => order.get(a.ref.id)! - order.get(b.ref.id)!);
}

/** Briefings that mention `ref` inline or list it in `about`, newest first, with mention sites. */
export function backlinks(graph: Graph, ref: Ref): Backlink[] {
  const byBriefing = new Map<string, MentionSite[]>();
  for (const edge of graph.incoming(ref)) {
    if (edge.from.collection !== 'briefings') continue;
    if (edge.kind !== 'mentions' && edge.kind !== 'about' && edge.kind !== 'cites') continue;
    const sites = byBriefing.get(edge.from.id) ?? [];
    if (edge.mention) sites.push({ anchor: edge.mention.anchor, context: edge.mention.context });
    byBriefing.set(edge.from.id, sites);
  }
  const briefings = inGraphOrder(
    graph,
    [...byBriefing.keys()].map((id) => graph.node({ collection: 'briefings', id })),
  );
  return briefings.map((briefing) => ({ briefing, mentions: byBriefing.get(briefing.ref.id)! }));
}

/** Sources an entity cites (its `sources`, key figures, quote source), once each. */
export function citedSources(graph: Graph, ref: Ref): Node<'sources'>[] {
  return uniqueNodes(
    graph,
    graph.outgoing(ref, 'cites').map((e) => e.to),
    'sources',
  );
}

/** Quotes spoken by `ref` (a person, or an organisation or its people) and quotes about it. */
export function quotesOf(graph: Graph, ref: Ref): { by: Node<'quotes'>[]; about: Node<'quotes'>[] } {
  const by = uniqueNodes(
    graph,
    graph.incoming(ref, 'speaker').map((e) => e.from),
    'quotes',
  );
  const byKeys = new Set(by.map((q) => q.ref.id));
  const about = uniqueNodes(
    graph,
    graph
      .incoming(ref)
      .filter((e) => e.kind === 'about' && e.from.collection === 'quotes' && !byKeys.has(e.from.id))
      .map((e) => e.from),
    'quotes',
  );
  return { by: inGraphOrder(graph, by), about: inGraphOrder(graph, about) };
}

export interface CompanyDeal {
  deal: Node<'deals'>;
  /** This company's role(s) in the deal. */
  roles: PartyRole[];
  /** The other parties and their roles. */
  others: { company: Node<'companies'>; role: PartyRole }[];
}

export interface CompanyRelations {
  parent: Node<'companies'> | undefined;
  subsidiaries: Node<'companies'>[];
  deals: CompanyDeal[];
  /** Companies on the other side of a deal, with the deals that link them. */
  counterparties: { company: Node<'companies'>; deals: Node<'deals'>[] }[];
  people: { person: Node<'people'>; titles: string[] }[];
  quotesBy: Node<'quotes'>[];
  quotesAbout: Node<'quotes'>[];
  events: Node<'events'>[];
  /** Sources this organisation published or whose original it published. */
  published: Node<'sources'>[];
  backlinks: Backlink[];
  sources: Node<'sources'>[];
}

function partyRoles(graph: Graph, deal: Ref<'deals'>): Edge[] {
  return graph.outgoing(deal, 'party');
}

/** Everything a company page lists. */
export function companyRelations(graph: Graph, ref: Ref<'companies'>): CompanyRelations {
  const parentEdge = graph.outgoing(ref, 'parent')[0];
  const dealIds = uniqueNodes(
    graph,
    graph.incoming(ref, 'party').map((e) => e.from),
    'deals',
  );
  const deals = inGraphOrder(graph, dealIds).map((deal): CompanyDeal => {
    const parties = partyRoles(graph, deal.ref);
    return {
      deal,
      roles: parties.filter((e) => e.to.id === ref.id).map((e) => e.role as PartyRole),
      others: parties
        .filter((e) => e.to.id !== ref.id)
        .map((e) => ({ company: graph.node(e.to as Ref<'companies'>), role: e.role as PartyRole })),
    };
  });
  const counterparties = new Map<string, { company: Node<'companies'>; deals: Node<'deals'>[] }>();
  for (const { deal, others } of deals) {
    for (const { company } of others) {
      const entry = counterparties.get(company.ref.id) ?? { company, deals: [] };
      if (!entry.deals.includes(deal)) entry.deals.push(deal);
      counterparties.set(company.ref.id, entry);
    }
  }
  const people = new Map<string, { person: Node<'people'>; titles: string[] }>();
  for (const edge of graph.incoming(ref, 'role')) {
    if (edge.from.collection !== 'people') continue;
    const entry = people.get(edge.from.id) ?? { person: graph.node(edge.from as Ref<'people'>), titles: [] };
    if (edge.role && !entry.titles.includes(edge.role)) entry.titles.push(edge.role);
    people.set(edge.from.id, entry);
  }
  const quotes = quotesOf(graph, ref);
  // Quotes by the company's people count as quotes by the company too.
  const byPeople = [...people.values()].flatMap(({ person }) => quotesOf(graph, person.ref).by);
  const quotesBy = inGraphOrder(
    graph,
    uniqueNodes(
      graph,
      [...quotes.by, ...byPeople].map((q) => q.ref),
      'quotes',
    ),
  );
  const byKeys = new Set(quotesBy.map((q) => q.ref.id));
  return {
    parent: parentEdge ? graph.node(parentEdge.to as Ref<'companies'>) : undefined,
    subsidiaries: uniqueNodes(
      graph,
      graph.incoming(ref, 'parent').map((e) => e.from),
      'companies',
    ),
    deals,
    counterparties: [...counterparties.values()].sort((a, b) => a.company.title.localeCompare(b.company.title, 'en')),
    people: [...people.values()].sort((a, b) => a.person.title.localeCompare(b.person.title, 'en')),
    quotesBy,
    quotesAbout: quotes.about.filter((q) => !byKeys.has(q.ref.id)),
    events: inGraphOrder(
      graph,
      uniqueNodes(
        graph,
        graph.incoming(ref, 'involves').map((e) => e.from),
        'events',
      ),
    ),
    published: uniqueNodes(
      graph,
      graph
        .incoming(ref)
        .filter((e) => e.kind === 'publisher' || e.kind === 'translated-from')
        .map((e) => e.from),
      'sources',
    ),
    backlinks: backlinks(graph, ref),
    sources: citedSources(graph, ref),
  };
}

/** Everything a person page lists. */
export function personRelations(graph: Graph, ref: Ref<'people'>) {
  const quotes = quotesOf(graph, ref);
  return {
    organisations: uniqueNodes(
      graph,
      graph.outgoing(ref, 'role').map((e) => e.to),
      'companies',
    ),
    quotesBy: quotes.by,
    quotesAbout: quotes.about,
    backlinks: backlinks(graph, ref),
    sources: citedSources(graph, ref),
  };
}

/** Everything a deal page lists besides its own facts. */
export function dealRelations(graph: Graph, ref: Ref<'deals'>) {
  const quotes = quotesOf(graph, ref);
  return {
    events: inGraphOrder(
      graph,
      uniqueNodes(
        graph,
        graph.incoming(ref, 'related').map((e) => e.from),
        'events',
      ),
    ),
    quotes: quotes.about,
    backlinks: backlinks(graph, ref),
    sources: citedSources(graph, ref),
  };
}

/** Everything an event page lists besides its own facts. */
export function eventRelations(graph: Graph, ref: Ref<'events'>) {
  return {
    quotes: quotesOf(graph, ref).about,
    backlinks: backlinks(graph, ref),
    sources: citedSources(graph, ref),
  };
}

/** Everything a quote page lists besides the quote. */
export function quoteRelations(graph: Graph, ref: Ref<'quotes'>) {
  const about = graph.outgoing(ref, 'about').map((e) => graph.node(e.to));
  return {
    about,
    /** Other quotes by the same speaker. */
    sameSpeaker: uniqueNodes(
      graph,
      graph
        .outgoing(ref, 'speaker')
        .flatMap((e) => graph.incoming(e.to, 'speaker'))
        .map((e) => e.from)
        .filter((r) => r.id !== ref.id),
      'quotes',
    ),
    backlinks: backlinks(graph, ref),
    sources: citedSources(graph, ref),
  };
}

/** Everything that cites a source, grouped by collection, and the briefings that cite it in their text. */
export function sourceRelations(graph: Graph, ref: Ref<'sources'>) {
  const citing = new Map<EntityCollection, Node[]>();
  const refs = graph
    .incoming(ref, 'cites')
    .map((e) => e.from)
    .filter((r) => r.collection !== 'briefings');
  for (const node of uniqueNodes(graph, refs)) {
    citing.set(node.ref.collection, [...(citing.get(node.ref.collection) ?? []), node]);
  }
  for (const [collection, nodes] of citing) citing.set(collection, inGraphOrder(graph, nodes));
  return { citing, backlinks: backlinks(graph, ref) };
}

/** What a briefing covers: everything it is about or mentions (not sources), grouped by collection. */
export function briefingCoverage(graph: Graph, ref: Ref<'briefings'>) {
  const refs = graph
    .outgoing(ref)
    .filter((e) => (e.kind === 'about' || e.kind === 'mentions') && e.to.collection !== 'sources')
    .map((e) => e.to);
  const covers = new Map<EntityCollection, Node[]>();
  for (const node of uniqueNodes(graph, refs)) {
    covers.set(node.ref.collection, [...(covers.get(node.ref.collection) ?? []), node]);
  }
  const sources = uniqueNodes(
    graph,
    graph
      .outgoing(ref)
      .filter((e) => e.to.collection === 'sources')
      .map((e) => e.to),
    'sources',
  );
  return { covers, sources };
}
