import { fill } from '../../i18n/fill';
import { ui } from '../../i18n/ui';
import { ENTITY_COLLECTIONS, type EntityCollection, type Ref } from '../../schemas/common';
import type { Node } from '../graph/graph';
import { BRIEFING_SECTION_IDS } from '../graph/heading-ids';
import {
  briefingCoverage,
  companyRelations,
  dealRelations,
  eventRelations,
  personRelations,
  quoteRelations,
  sourceRelations,
  type Backlink,
} from '../graph/relations';
import { entityJsonUrl, entityUrl, relationListUrl, timelineUrl } from '../routes';
import { searchRecord, type SearchRecord } from '../search/search-index';
import { eventStatusView } from '../graph/status';
import { timelineOf } from '../timeline/timeline';
import { countryName, formatTimestamp } from '../values/format';
import { formatFuzzyDate } from '../values/fuzzy-date';
import { companyCapacityChart, companyNetworkChart, dealsOverTimeChart, type ChartView } from './charts';
import { companyFollow, type FollowView } from './home';
import {
  companyDealTable,
  companyFacts,
  dealFacts,
  eventFacts,
  keyFigureTable,
  personFacts,
  sourceFacts,
  type Fact,
  type Inline,
} from './facts';
import {
  backlinkViews,
  companyNames,
  dealShare,
  listItem,
  quoteView,
  sourceItem,
  type ListItemView,
  type PageContext,
  type QuoteView,
  type SectionBody,
  type ShareView,
} from './views';

/**
 * An entity page described once: its head, its lede and facts, and its sections in order. The
 * page (EntityPage.astro, EntitySections.astro), the full lists of long sections, the table of
 * contents and the page's cache key all come from this one description.
 */

/** Most timeline items an entity page shows; the full timeline link shows them all. */
export const ENTITY_TIMELINE_LIMIT = 30;

/** The collections with an entity page drawn from this description (briefings render MDX). */
export type EntityPageCollection = Exclude<EntityCollection, 'briefings'>;

/** One section of an entity page. */
export interface SectionView {
  /** Heading id, the anchor readers link to and the path segment of its full list, e.g. "deals". */
  id: string;
  title: string;
  /** How many items the section has (shown after the title for lists). */
  count?: number;
  /** The section's full list, when the page shows only the first few (site.yaml's `pageSizes.section`). */
  more?: string;
  /** A Share control for what the section shows (a deal's facts: its link and citation). */
  share?: ShareView;
  body: SectionBody;
  /** Every item, for the paginated full list; present only when the page shows a part. */
  list?: ListItemView[];
}

export interface EntityPageView {
  ref: Ref<EntityPageCollection>;
  /** For styling: "company", "person", … */
  type: string;
  title: string;
  /** Meta description and link-preview text. */
  description: string;
  /** One line above the lede, in parts shown joined by " · ", e.g. `["Company", "Automaker", "China"]`. */
  kicker: string[];
  lede?: string;
  /** A quote page's quote, large. */
  quote?: QuoteView;
  facts?: { facts: Fact[]; label: string };
  /** Feeds of what is new about the entity (a company's), shown as a "Follow" block. */
  follow?: FollowView;
  sections: SectionView[];
  /** Filters, metadata and names for the search index. */
  search: SearchRecord;
}

/**
 * A section listing related entities. `items` is the whole list (as list items, for the full
 * list pages); `body` draws the first ones on the entity page (a plain list unless given).
 */
function listSection<T>(
  ctx: PageContext,
  ref: Ref,
  id: string,
  title: string,
  all: readonly T[],
  item: (value: T) => ListItemView,
  body?: (first: T[]) => SectionBody,
): SectionView | undefined {
  if (all.length === 0) return undefined;
  // The first few, as many as site.yaml's `pageSizes.section`; the rest on the full list.
  const first = all.slice(0, ctx.site.pageSizes.section);
  const long = all.length > first.length;
  return {
    id,
    title,
    count: all.length,
    ...(long ? { more: relationListUrl(ref, id), list: all.map(item) } : {}),
    body: body ? body(first) : { kind: 'links', items: first.map(item) },
  };
}

const plain = (node: Node) => listItem(node);

function briefingsSection(ctx: PageContext, ref: Ref, backlinks: Backlink[], title: string = ui.sections.briefings) {
  return listSection(
    ctx,
    ref,
    'briefings',
    title,
    backlinks,
    (b) => plain(b.briefing),
    (first) => ({ kind: 'backlinks', backlinks: backlinkViews(ctx.graph, first, ref) }),
  );
}

function quotesSection(ctx: PageContext, ref: Ref, id: string, title: string, quotes: Node<'quotes'>[]) {
  return listSection(ctx, ref, id, title, quotes, plain, (first) => ({
    kind: 'quotes',
    quotes: first.map((q) => quoteView(ctx, q.ref, undefined, { on: ref })),
  }));
}

function sourcesSection(ctx: PageContext, ref: Ref, sources: Node<'sources'>[]) {
  return listSection(ctx, ref, 'sources', ui.sections.sources, sources, (s) => sourceItem(ctx, s));
}

function eventsSection(ctx: PageContext, ref: Ref, events: Node<'events'>[], status = false) {
  return listSection(ctx, ref, 'events', ui.sections.events, events, (e) =>
    listItem(e, [
      { date: e.data.date },
      ...(status ? [{ text: ' · ' }, { status: eventStatusView(ctx.graph, e.data, ctx.today) }] : []),
    ]),
  );
}

function timelineSection(ctx: PageContext, ref: Ref<'companies'> | Ref<'people'>, name: string, companies: string[]) {
  const all = timelineOf(ctx.timeline, ctx.graph, ref);
  if (all.length === 0) return undefined;
  // The newest items when there are many: the page stays small however busy the entity is.
  const items = all.slice(-ENTITY_TIMELINE_LIMIT);

  const section: SectionView = {
    id: 'timeline',
    title: ui.sections.timeline,
    count: all.length,
    body: {
      kind: 'timeline',
      timeline: {
        items,
        names: companyNames(ctx.graph, items),
        full: {
          name,
          ...(all.length > items.length ? { total: all.length } : {}),
          href: timelineUrl({ company: companies }),
        },
        ...(ref.collection === 'companies' ? { current: ref.id } : {}),
      },
    },
  };
  return section;
}

/** A section showing one chart, when there is something to draw. */
function chartSection(id: string, chart: ChartView | undefined): SectionView | undefined {
  return chart ? { id, title: chart.title, body: { kind: 'chart', chart } } : undefined;
}

function defined(sections: (SectionView | undefined)[]): SectionView[] {
  return sections.filter((s): s is SectionView => s !== undefined);
}

function companyPage(ctx: PageContext, node: Node<'companies'>): EntityPageView {
  const { graph, site } = ctx;
  const ref = node.ref;
  const c = node.data;
  const r = companyRelations(graph, ref);
  const figures = keyFigureTable(graph, node, site);
  const link = (n: Node): Inline => ({ text: n.title, href: entityUrl(n.ref), preview: entityJsonUrl(n.ref) });
  const sections = defined([
    figures.rows.length
      ? {
          id: 'key-figures',
          title: ui.sections.keyFigures,
          count: figures.rows.length,
          body: { kind: 'table', table: figures, label: ui.sections.keyFigures },
        }
      : undefined,
    listSection(
      ctx,
      ref,
      'deals',
      ui.sections.deals,
      r.deals,
      ({ deal, roles, others }) =>
        listItem(deal, [
          { text: `${fill(ui.lists.rolesWith, { roles: roles.map((role) => ui.partyRoles[role]).join(', ') })} ` },
          ...others.flatMap(({ company }, i) => [...(i ? [{ text: ', ' }] : []), link(company)]),
        ]),
      (first) => ({
        kind: 'table',
        table: companyDealTable(graph, first, ctx.today),
        label: fill(ui.lists.relationTitle, { name: node.title, list: ui.sections.deals }),
      }),
    ),
    chartSection('supply-network', companyNetworkChart(graph, site, ref)),
    chartSection('deals-over-time', dealsOverTimeChart(graph, site, ref)),
    listSection(ctx, ref, 'counterparties', ui.sections.counterparties, r.counterparties, ({ company, deals }) =>
      listItem(
        company,
        deals.flatMap((d, i) => [{ text: i ? ', ' : `${ui.lists.through} ` }, link(d)]),
      ),
    ),
    listSection(ctx, ref, 'people', ui.sections.people, r.people, ({ person, titles }) =>
      listItem(person, [{ text: titles.join(', ') }]),
    ),
    quotesSection(ctx, ref, 'quotes-by', ui.sections.quotesByOrganisation, r.quotesBy),
    quotesSection(ctx, ref, 'quotes-about', ui.sections.quotesAboutOrganisation, r.quotesAbout),
    eventsSection(ctx, ref, r.events, true),
    chartSection('capacity', companyCapacityChart(graph, site, ref)),
    timelineSection(ctx, ref, node.title, [ref.id]),
    briefingsSection(ctx, ref, r.backlinks),
    listSection(ctx, ref, 'published', ui.sections.published, r.published, plain),
    sourcesSection(ctx, ref, r.sources),
  ]);
  return {
    ref,
    type: 'company',
    title: node.title,
    description: c.description,
    kicker: [ui.collections.companies.singular, site.vocabulary.companyKinds[c.kind] ?? c.kind, countryName(c.country)],
    lede: c.description,
    facts: { facts: companyFacts(graph, node, site), label: ui.facts.labels.company },
    follow: companyFollow(ref, node.title),
    sections,
    search: searchRecord(graph, node),
  };
}

function personPage(ctx: PageContext, node: Node<'people'>): EntityPageView {
  const { graph } = ctx;
  const ref = node.ref;
  const p = node.data;
  const r = personRelations(graph, ref);
  const role = p.roles[0];
  const description =
    p.description ??
    [p.name, role && `${role.title}${role.organisation ? `, ${graph.node(role.organisation).title}` : ''}`]
      .filter(Boolean)
      .join(': ');
  return {
    ref,
    type: 'person',
    title: node.title,
    description,
    kicker: [ui.collections.people.singular],
    ...(p.description ? { lede: p.description } : {}),
    facts: { facts: personFacts(graph, p), label: ui.facts.labels.person },
    sections: defined([
      listSection(ctx, ref, 'organisations', ui.sections.organisations, r.organisations, plain),
      quotesSection(ctx, ref, 'quotes-by', ui.sections.quotesByPerson, r.quotesBy),
      quotesSection(ctx, ref, 'quotes-about', ui.sections.quotesAboutPerson, r.quotesAbout),
      timelineSection(
        ctx,
        ref,
        node.title,
        r.organisations.map((o) => o.ref.id),
      ),
      briefingsSection(ctx, ref, r.backlinks),
      sourcesSection(ctx, ref, r.sources),
    ]),
    search: searchRecord(graph, node),
  };
}

function dealPage(ctx: PageContext, node: Node<'deals'>): EntityPageView {
  const { graph, site } = ctx;
  const ref = node.ref;
  const d = node.data;
  const r = dealRelations(graph, ref);
  return {
    ref,
    type: 'deal',
    title: node.title,
    description: d.summary,
    // The status is not in the kicker: the facts show it with its as-of day and past-due state.
    kicker: [ui.collections.deals.singular, site.vocabulary.dealKinds[d.kind] ?? d.kind],
    lede: d.summary,
    sections: defined([
      {
        id: 'facts',
        title: ui.sections.dealFacts,
        // The deal's page itself: copy its link and citation, no link to the page being read.
        share: dealShare(ctx, ref, { linkToPage: false }),
        body: { kind: 'facts', facts: dealFacts(graph, d, site, ctx.today), label: ui.facts.labels.deal },
      },
      eventsSection(ctx, ref, r.events),
      quotesSection(ctx, ref, 'quotes', ui.sections.quotes, r.quotes),
      briefingsSection(ctx, ref, r.backlinks),
      sourcesSection(ctx, ref, r.sources),
    ]),
    search: searchRecord(graph, node),
  };
}

function eventPage(ctx: PageContext, node: Node<'events'>): EntityPageView {
  const { graph, site } = ctx;
  const ref = node.ref;
  const e = node.data;
  const r = eventRelations(graph, ref);
  return {
    ref,
    type: 'event',
    title: node.title,
    description: e.summary,
    // The status is not in the kicker: the facts below show it with its as-of day and past-due state.
    kicker: [ui.collections.events.singular, site.vocabulary.eventKinds[e.kind] ?? e.kind, formatFuzzyDate(e.date)],
    lede: e.summary,
    facts: { facts: eventFacts(graph, e, site, ctx.today), label: ui.facts.labels.event },
    sections: defined([
      quotesSection(ctx, ref, 'quotes', ui.sections.quotes, r.quotes),
      briefingsSection(ctx, ref, r.backlinks),
      sourcesSection(ctx, ref, r.sources),
    ]),
    search: searchRecord(graph, node),
  };
}

function quotePage(ctx: PageContext, node: Node<'quotes'>): EntityPageView {
  const { graph } = ctx;
  const ref = node.ref;
  const q = node.data;
  const r = quoteRelations(graph, ref);
  const speaker =
    (q.speaker.person && graph.node(q.speaker.person).title) ??
    q.speaker.description ??
    (q.speaker.organisation && graph.node(q.speaker.organisation).title) ??
    ui.quote.fallbackSpeaker;
  return {
    ref,
    type: 'quote',
    title: fill(ui.quote.pageTitle, { speaker, quote: node.title }),
    description: fill(ui.quote.description, { text: q.text, speaker }),
    kicker: [ui.collections.quotes.singular],
    quote: quoteView(ctx, ref, 'quote', { own: true }),
    sections: defined([
      q.context ? { id: 'context', title: ui.sections.context, body: { kind: 'text', text: q.context } } : undefined,
      listSection(ctx, ref, 'about', ui.sections.about, r.about, (n) =>
        listItem(n, [{ text: ui.collections[n.ref.collection].singular }]),
      ),
      quotesSection(ctx, ref, 'same-speaker', ui.sections.sameSpeaker, r.sameSpeaker),
      briefingsSection(ctx, ref, r.backlinks),
      sourcesSection(ctx, ref, r.sources),
    ]),
    search: searchRecord(graph, node),
  };
}

function sourcePage(ctx: PageContext, node: Node<'sources'>): EntityPageView {
  const { graph } = ctx;
  const ref = node.ref;
  const s = node.data;
  const { citing, backlinks } = sourceRelations(graph, ref);
  const publisher = graph.node(s.publisher).title;
  return {
    ref,
    type: 'source',
    title: node.title,
    description: fill(ui.source.description, { publisher, date: formatTimestamp(s.published, { time: false }) }),
    kicker: [ui.collections.sources.singular, publisher],
    facts: { facts: sourceFacts(graph, s), label: ui.facts.labels.source },
    sections: defined([
      s.notes ? { id: 'notes', title: ui.sections.notes, body: { kind: 'text', text: s.notes } } : undefined,
      briefingsSection(ctx, ref, backlinks, ui.sections.citedInBriefings),
      ...ENTITY_COLLECTIONS.filter((c) => c !== 'briefings' && citing.has(c)).map((c) =>
        listSection(
          ctx,
          ref,
          `cited-by-${c}`,
          fill(ui.sections.citedBy, { collection: ui.collections[c].plural.toLowerCase() }),
          citing.get(c)!,
          plain,
        ),
      ),
    ]),
    search: searchRecord(graph, node),
  };
}

/** The page of an entity (every collection but briefings), described as data. */
export function entityPage(ctx: PageContext, ref: Ref<EntityPageCollection>): EntityPageView {
  const node = ctx.graph.node(ref);
  switch (ref.collection) {
    case 'companies':
      return companyPage(ctx, node as Node<'companies'>);
    case 'people':
      return personPage(ctx, node as Node<'people'>);
    case 'deals':
      return dealPage(ctx, node as Node<'deals'>);
    case 'events':
      return eventPage(ctx, node as Node<'events'>);
    case 'quotes':
      return quotePage(ctx, node as Node<'quotes'>);
    case 'sources':
      return sourcePage(ctx, node as Node<'sources'>);
  }
}

/** The sections a briefing ends with: what it covers, by collection, and its sources. */
export function briefingFooter(ctx: PageContext, ref: Ref<'briefings'>): SectionView[] {
  const { covers, sources } = briefingCoverage(ctx.graph, ref);
  return [
    {
      id: BRIEFING_SECTION_IDS.covers,
      title: ui.briefing.covers,
      body: {
        kind: 'groups',
        groups: ENTITY_COLLECTIONS.filter((c) => covers.has(c)).map((c) => ({
          title: ui.collections[c].plural,
          items: covers.get(c)!.map(plain),
        })),
      },
    },
    {
      id: BRIEFING_SECTION_IDS.sources,
      title: ui.briefing.sources,
      body: { kind: 'links', items: sources.map((s) => sourceItem(ctx, s)) },
    },
  ];
}
