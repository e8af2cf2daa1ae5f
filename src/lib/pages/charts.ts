import { fill, plural } from '../../i18n/fill';
import { ui } from '../../i18n/ui';
import type { Ref } from '../../schemas/common';
import type { Deal } from '../../schemas/deal';
import type { Event } from '../../schemas/event';
import type { Money } from '../../schemas/money';
import type { SiteConfig } from '../../schemas/site';
import { layoutBars, type BarInput, type BarSvg } from '../charts/bars';
import {
  companyNetwork,
  layoutNetwork,
  siteNetwork,
  supplyPairs,
  type NetworkData,
  type NetworkEdgeInput,
  type NetworkNodeInput,
  type NetworkSvg,
  type SupplyLink,
} from '../charts/network';
import { addMonths, layoutRanges, type RangeRowInput, type RangeSvg, type SpanKind } from '../charts/ranges';
import { refKey, type Graph, type Node } from '../graph/graph';
import { entityUrl, indexUrl, withAnchor } from '../routes';
import {
  countryName,
  formatAmount,
  formatDuration,
  formatNumber,
  formatQuantity,
  qualifierPrefix,
} from '../values/format';
import { compareFuzzyDates, formatFuzzyDate } from '../values/fuzzy-date';
import type { IndexTable, Inline } from './facts';
import type { LinkView } from './views';

/**
 * Charts as part of a page's view: the SVG geometry (src/lib/charts/), the words around it (a
 * title, a text summary, a legend) and the same data as a table, all plain data, so a page's
 * HTML (and its cache key) follows from its view. Every number drawn is one a source stated.
 */

/** What a chart's legend explains: a mark and its words. */
export interface LegendItem {
  mark: 'arrow' | 'ended' | SpanKind | 'running';
  label: string;
}

interface ChartBase {
  /** Unique on its page; the ids of its title and summary derive from it. */
  id: string;
  title: string;
  /** The chart in words, for every reader (and the SVG's description). */
  summary: string[];
  legend: LegendItem[];
  /** The data drawn, as a table with links. */
  table: { table: IndexTable; label: string };
  /** Where everything the chart leaves out is listed. */
  more?: LinkView;
}

/** A chart, ready to draw. */
export type ChartView =
  | (ChartBase & {
      kind: 'network';
      /** What the layout is made from: all a page's cache key needs of the network (see {@link lazyLayout}). */
      input: NetworkInput;
      /** The laid-out network, made when first read. */
      readonly svg: NetworkSvg;
      /** Wider than a phone (made with the layout). */
      readonly wide: boolean;
    })
  | (ChartBase & { kind: 'ranges'; svg: RangeSvg })
  | (ChartBase & { kind: 'bars'; panels: { id: string; caption: string; svg: BarSvg }[] });

/** Wider than this (px of the viewBox), a chart scrolls sideways on a phone rather than shrink its labels. */
export const PHONE_WIDTH = 480;

/** A link to an entity, or its name alone on its own page (`self`): no page links to itself. */
const link = (node: Node, self?: Ref): Inline =>
  self && refKey(node.ref) === refKey(self) ? { text: node.title } : { text: node.title, href: entityUrl(node.ref) };
const text = (t: string | undefined): Inline[] => [{ text: t ?? ui.lists.none }];

/** Money in a few words for a chart label: "more than ₩1 trillion KRW, estimated" (no conversion). */
function shortMoney(money: Money): string {
  return `${qualifierPrefix(money.qualifier)}${formatAmount(money.amount, money.currency)} ${money.currency}${
    money.estimated ? `, ${ui.charts.dealsOverTime.estimated}` : ''
  }`;
}

function moneyText(money: Money | undefined): string | undefined {
  return money && shortMoney(money);
}

// ---------------------------------------------------------------------------------------------
// Supply network

function networkTable(links: SupplyLink[], site: SiteConfig, self?: Ref): IndexTable {
  return {
    columns: [
      ui.charts.network.supplier,
      ui.charts.network.customer,
      ui.facts.deal,
      ui.facts.product,
      ui.facts.volume,
      ui.facts.status,
    ],
    rows: links.flatMap((l) =>
      l.deals.map((deal) => ({
        ref: deal.ref as Ref,
        cells: [
          [link(l.supplier, self)],
          [link(l.customer, self)],
          [link(deal)],
          text(deal.data.product),
          text(deal.data.volume && formatQuantity(deal.data.volume, site.vocabulary.units)),
          [{ text: ui.dealStatus[deal.data.status] }],
        ],
      })),
    ),
  };
}

/** What a network's layout is made from: its boxes and its ties, with their words. */
export interface NetworkInput {
  nodes: NetworkNodeInput[];
  edges: NetworkEdgeInput[];
}

function networkInput(data: NetworkData, site: SiteConfig): NetworkInput {
  return {
    nodes: data.nodes.map(({ node, focus }) => ({ id: node.ref.id, name: node.title, focus })),
    edges: data.links.map((l) => {
      const only: Deal | undefined = l.deals.length === 1 ? l.deals[0]!.data : undefined;
      const label = only
        ? [only.product, only.volume && formatQuantity(only.volume, site.vocabulary.units)].filter((t): t is string =>
            Boolean(t),
          )
        : [plural(l.deals.length, ui.charts.network.deals)];
      return {
        from: l.supplier.ref.id,
        to: l.customer.ref.id,
        label,
        ended: l.deals.every((d) => d.data.status === 'terminated'),
        title: fill(ui.charts.network.tie, {
          supplier: l.supplier.title,
          customer: l.customer.title,
          what: l.deals.map((d) => d.data.product ?? d.title).join('; '),
        }),
      };
    }),
  };
}

/**
 * Gives a network chart its layout (`svg`, `wide`) as properties made when first read, and left
 * out of the view's JSON: a page's cache key hashes the view, whose `input` is all the layout is
 * made from, so an incremental build lays out only the networks of the pages it renders, and the
 * content check's map of the site (never rendered) none. At 10,000 pages: the page list with its
 * cache keys 6.6–6.9 s → 5.1 s, the content check 2.65 → 2.0–2.1 s.
 */
function lazyLayout<T extends object>(
  view: T,
  input: NetworkInput,
): T & { readonly svg: NetworkSvg; readonly wide: boolean } {
  let svg: NetworkSvg | undefined;
  const layout = () => (svg ??= layoutNetwork(input.nodes, input.edges));
  return Object.defineProperties(view, {
    svg: { get: layout, enumerable: false },
    wide: { get: () => layout().width > PHONE_WIDTH, enumerable: false },
  }) as T & { readonly svg: NetworkSvg; readonly wide: boolean };
}

function networkChart(
  site: SiteConfig,
  id: string,
  title: string,
  data: NetworkData,
  summary: string[],
  more: LinkView,
  self?: Ref<'companies'>,
): ChartView | undefined {
  if (data.links.length === 0) return undefined;
  const input = networkInput(data, site);
  const legend: LegendItem[] = [{ mark: 'arrow', label: ui.charts.network.arrow }];
  if (input.edges.some((e) => e.ended)) legend.push({ mark: 'ended', label: ui.charts.network.ended });
  const view = {
    kind: 'network' as const,
    id,
    title,
    summary: [
      ...summary,
      ...(data.otherDeals
        ? [fill(ui.charts.network.others, { count: plural(data.otherDeals, ui.charts.network.otherDeals) })]
        : []),
    ],
    legend,
    input,
    table: { table: networkTable(data.links, site, self), label: title },
    more,
  };
  return lazyLayout(view, input);
}

/** The home page's network: who supplies whom across the site, cut to the busiest companies. */
export function siteNetworkChart(graph: Graph, site: SiteConfig): ChartView | undefined {
  const n = ui.charts.network;
  const data = siteNetwork(graph);
  const cut = data.nodes.length < data.totals.companies || data.links.length < data.totals.links;
  return networkChart(
    site,
    'supply-network-chart',
    ui.charts.network.siteTitle,
    data,
    [
      fill(n.summary, {
        companies: plural(data.totals.companies, n.companies),
        links: plural(data.totals.links, n.links),
        deals: plural(data.totals.deals, n.deals),
      }),
      ...(cut
        ? [fill(n.shown, { shown: plural(data.nodes.length, n.companies), links: plural(data.links.length, n.links) })]
        : []),
    ],
    { text: fill(ui.charts.network.allDeals, { count: graph.counts().deals }), href: indexUrl('deals') },
  );
}

/** A company's suppliers and customers (one or two hops), on its page. */
export function companyNetworkChart(graph: Graph, site: SiteConfig, ref: Ref<'companies'>): ChartView | undefined {
  const n = ui.charts.network;
  const node = graph.node(ref);
  const data = companyNetwork(graph, ref);
  const dealIds = new Set(graph.incoming(ref, 'party').map((e) => e.from.id));
  const pairs = [...dealIds].flatMap((id) => supplyPairs(graph.node({ collection: 'deals', id }).data));
  const suppliers = new Set(pairs.filter((p) => p.customer.id === ref.id).map((p) => p.supplier.id)).size;
  const customers = new Set(pairs.filter((p) => p.supplier.id === ref.id).map((p) => p.customer.id)).size;
  const dealCount = dealIds.size;
  return networkChart(
    site,
    'supply-network-chart',
    ui.charts.network.companyTitle,
    data,
    [
      fill(n.companySummary, {
        name: node.title,
        suppliers: plural(suppliers, n.suppliers),
        customers: plural(customers, n.customers),
        deals: plural(data.totals.deals, n.supplyDeals),
      }),
      fill(n.companyShown, {
        shown: plural(data.nodes.length, n.companies),
        links: plural(data.links.length, n.links),
      }),
    ],
    {
      text: fill(ui.charts.network.companyDeals, { name: node.title, count: dealCount }),
      href: withAnchor(entityUrl(ref), 'deals'),
    },
    ref,
  );
}

// ---------------------------------------------------------------------------------------------
// Deals over time

/** Most deals a company's deals-over-time chart draws (the most recent ones). */
export const DEALS_OVER_TIME_LIMIT = 20;

/** A deal's term as an interval: from the first day it may start to the last it may end. */
function termSpan(deal: Deal): { start: string; end: string } | undefined {
  const start = deal.term?.start;
  if (!start) return undefined;
  const duration = deal.term?.duration;
  const months = duration ? duration.value * (duration.unit === 'years' ? 12 : 1) : 0;
  return { start: start.start, end: months ? addMonths(start.end, months) : start.end };
}

function termText(deal: Deal): string {
  const start = deal.term?.start;
  const duration = deal.term?.duration && formatDuration(deal.term.duration);
  if (!start) return duration ?? ui.lists.none;
  const from = fill(duration ? ui.facts.termDurationFrom : ui.facts.termFrom, {
    duration: duration ?? '',
    date: formatFuzzyDate(start),
  });
  return from;
}

/** The deals of a company with a date (announced, or a term start), most recent last. */
function datedDeals(graph: Graph, ref: Ref<'companies'>): Node<'deals'>[] {
  const seen = new Set<string>();
  const deals = graph
    .incoming(ref, 'party')
    .filter((e) => !seen.has(e.from.id) && seen.add(e.from.id))
    .map((e) => graph.node(e.from as Ref<'deals'>))
    .filter((d) => d.data.announced || d.data.term?.start);
  const key = (d: Node<'deals'>) => d.data.announced ?? d.data.term!.start!;
  return deals.sort((a, b) => compareFuzzyDates(key(a), key(b)) || a.ref.id.localeCompare(b.ref.id));
}

/** When a company's deals were announced and when they run, on its page. */
export function dealsOverTimeChart(graph: Graph, site: SiteConfig, ref: Ref<'companies'>): ChartView | undefined {
  const node = graph.node(ref);
  const all = datedDeals(graph, ref);
  if (all.length === 0) return undefined;
  const deals = all.slice(-DEALS_OVER_TIME_LIMIT);
  const t = ui.charts.dealsOverTime;
  const others = (d: Node<'deals'>) =>
    d.data.parties.filter((p) => p.company.id !== ref.id).map((p) => graph.node(p.company));
  const rows: RangeRowInput[] = deals.map((d) => {
    const spans: RangeRowInput['spans'] = [];
    if (d.data.announced) {
      spans.push({
        start: d.data.announced.start,
        end: d.data.announced.end,
        kind: 'happened',
        title: fill(t.announced, { date: formatFuzzyDate(d.data.announced) }),
      });
    }
    const term = termSpan(d.data);
    if (term && d.data.status !== 'terminated') {
      const running = d.data.status === 'in-effect' || d.data.status === 'completed';
      spans.push({ ...term, kind: running ? 'happened' : 'planned', title: fill(t.term, { term: termText(d.data) }) });
    }
    const names = others(d)
      .map((c) => c.title)
      .join(', ');
    const figures = [
      d.data.volume && formatQuantity(d.data.volume, site.vocabulary.units),
      moneyText(d.data.value),
    ].filter(Boolean);
    return {
      label: [fill(t.with, { names }), d.data.product].filter(Boolean).join(' · '),
      note: figures.length ? figures.join(' · ') : undefined,
      spans,
    };
  });
  const svg = layoutRanges(rows);
  const legend: LegendItem[] = [{ mark: 'happened', label: t.happened }];
  if (svg.rows.some((r) => r.spans.some((s) => s.kind === 'planned')))
    legend.push({ mark: 'planned', label: t.planned });
  return {
    kind: 'ranges',
    id: 'deals-over-time-chart',
    title: t.title,
    summary: [
      fill(t.summary, { count: plural(all.length, t.datedDeals), name: node.title }),
      ...(deals.length < all.length ? [fill(t.shown, { shown: deals.length, total: all.length })] : []),
    ],
    legend,
    svg,
    table: {
      label: fill(ui.lists.relationTitle, { name: node.title, list: t.title }),
      table: {
        columns: [ui.facts.deal, ui.facts.with, ui.facts.announced, ui.facts.term, ui.facts.volume, ui.facts.value],
        rows: [...deals].reverse().map((d) => ({
          ref: d.ref as Ref,
          cells: [
            [link(d)],
            others(d).flatMap((c, i) => [...(i ? [{ text: ', ' }] : []), link(c)]),
            d.data.announced ? [{ date: d.data.announced }] : text(undefined),
            text(d.data.term ? termText(d.data) : undefined),
            text(d.data.volume && formatQuantity(d.data.volume, site.vocabulary.units)),
            text(moneyText(d.data.value)),
          ],
        })),
      },
    },
    more: {
      text: fill(ui.charts.network.companyDeals, {
        name: node.title,
        count: new Set(graph.incoming(ref, 'party').map((e) => e.from.id)).size,
      }),
      href: withAnchor(entityUrl(ref), 'deals'),
    },
  };
}

// ---------------------------------------------------------------------------------------------
// Capacity by place

/** Most bars per unit, and most units, a capacity chart draws. */
export const CAPACITY_LIMITS = { bars: 12, units: 3 } as const;

/** A capacity a source stated: a rate (a figure `per` year, month or day) of an event with a place. */
interface Capacity {
  event: Node<'events'>;
  place: string;
  label: string;
  quantity: Event['figures'][number]['quantity'];
  kind: SpanKind;
}

function placeOf(event: Event): string | undefined {
  const where = event.location;
  if (!where) return undefined;
  return where.country ? countryName(where.country) : (where.region ?? where.site);
}

/**
 * Capacities stated by events: each figure measured per period (an annual capacity or output)
 * of an event with a location. Cancelled events state no capacity; postponed ones are planned.
 */
export function capacitiesOf(events: Node<'events'>[]): Capacity[] {
  const out: Capacity[] = [];
  for (const event of events) {
    const e = event.data;
    const place = placeOf(e);
    if (!place || e.status === 'cancelled') continue;
    for (const figure of e.figures) {
      if (!figure.quantity.per) continue;
      out.push({
        event,
        place,
        label: figure.label,
        quantity: figure.quantity,
        kind: e.status === 'happened' ? 'happened' : 'planned',
      });
    }
  }
  return out;
}

function capacityChart(
  graph: Graph,
  site: SiteConfig,
  events: Node<'events'>[],
  more: LinkView,
  self?: Ref<'companies'>,
): ChartView | undefined {
  const all = capacitiesOf(events);
  if (all.length === 0) return undefined;
  const t = ui.charts.capacity;
  const units = site.vocabulary.units;
  const groups = new Map<string, Capacity[]>();
  for (const c of all) {
    const key = `${c.quantity.unit} ${c.quantity.per}`;
    groups.set(key, [...(groups.get(key) ?? []), c]);
  }
  const chosen = [...groups.entries()]
    .sort(([a, x], [b, y]) => y.length - x.length || a.localeCompare(b))
    .slice(0, CAPACITY_LIMITS.units);
  const names = (c: Capacity) => c.event.data.companies.map((r) => graph.node(r).title).join(', ');
  let cut = chosen.length < groups.size;
  const drawn: Capacity[] = [];
  const panels = chosen.map(([key, list], i) => {
    const top = [...list]
      .sort((a, b) => b.quantity.value - a.quantity.value || a.event.ref.id.localeCompare(b.event.ref.id))
      .slice(0, CAPACITY_LIMITS.bars)
      .sort((a, b) => a.place.localeCompare(b.place, 'en') || b.quantity.value - a.quantity.value);
    if (top.length < list.length) cut = true;
    drawn.push(...top);
    const first = top[0]!.quantity;
    const unit = units[first.unit]?.label ?? first.unit;
    const caption = fill(t.perUnit, { unit, per: first.per! });
    const bars: BarInput[] = top.map((c) => ({
      label: `${c.place} · ${names(c)}`,
      note: `${c.label}: ${formatQuantity(c.quantity, units)} · ${formatFuzzyDate(c.event.data.date)}`,
      value: c.quantity.value,
      text: formatQuantity(c.quantity, units),
      kind: c.kind,
    }));
    return { id: `capacity-chart-${i + 1}`, caption, svg: layoutBars(bars, caption, (n) => formatNumber(n)), key };
  });
  const legend: LegendItem[] = [];
  if (drawn.some((c) => c.kind === 'happened')) legend.push({ mark: 'happened', label: t.happened });
  if (drawn.some((c) => c.kind === 'planned')) legend.push({ mark: 'planned', label: t.planned });
  return {
    kind: 'bars',
    id: 'capacity-chart',
    title: t.title,
    summary: [
      fill(t.summary, {
        count: plural(all.length, t.capacities),
        events: plural(new Set(all.map((c) => c.event.ref.id)).size, t.events),
      }),
      ...(cut ? [fill(t.shown, { shown: drawn.length, total: all.length })] : []),
    ],
    legend,
    panels: panels.map(({ id, caption, svg }) => ({ id, caption, svg })),
    table: {
      label: t.title,
      table: {
        columns: [
          t.place,
          ui.facts.companies,
          t.figure,
          ui.facts.value,
          ui.facts.date,
          ui.facts.status,
          ui.facts.event,
        ],
        rows: drawn.map((c) => ({
          ref: c.event.ref as Ref,
          cells: [
            [{ text: c.place }],
            c.event.data.companies.flatMap((r, i) => [...(i ? [{ text: ', ' }] : []), link(graph.node(r), self)]),
            [{ text: c.label }],
            [{ text: formatQuantity(c.quantity, units) }],
            [{ date: c.event.data.date }],
            [{ text: ui.eventStatus[c.event.data.status] }],
            [link(c.event)],
          ],
        })),
      },
    },
    more,
  };
}

/** Stated capacities across the site, for the home page. */
export function siteCapacityChart(graph: Graph, site: SiteConfig): ChartView | undefined {
  return capacityChart(graph, site, graph.all('events'), {
    text: fill(ui.charts.capacity.allEvents, { count: graph.counts().events }),
    href: indexUrl('events'),
  });
}

/** Stated capacities of a company's events, for its page. */
export function companyCapacityChart(graph: Graph, site: SiteConfig, ref: Ref<'companies'>): ChartView | undefined {
  const seen = new Set<string>();
  const events = graph
    .incoming(ref, 'involves')
    .filter((e) => !seen.has(e.from.id) && seen.add(e.from.id))
    .map((e) => graph.node(e.from as Ref<'events'>));
  return capacityChart(
    graph,
    site,
    events,
    {
      text: fill(ui.lists.relationTitle, { name: graph.node(ref).title, list: ui.sections.events }),
      href: withAnchor(entityUrl(ref), 'events'),
    },
    ref,
  );
}
