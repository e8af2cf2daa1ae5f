import dagre from '@dagrejs/dagre';
import { curveBasis, line } from 'd3-shape';
import type { Ref } from '../../schemas/common';
import type { Deal } from '../../schemas/deal';
import { refKey, type Graph, type Node } from '../graph/graph';
import { round, textWidth, wrapText } from './svg-text';

/**
 * The supply network: who supplies whom. Companies are nodes; every deal with a `supplier` and a
 * `customer` party is a directed tie from each supplier to each customer (party roles are part of
 * the schema, not of a beat's vocabulary, so this holds for any beat). Deals without both roles
 * (partnerships, investments, licences, loans, acquisitions) are not supply and are left out;
 * the chart says how many. Layered top to bottom with dagre: suppliers above their customers,
 * the way goods flow downstream.
 */

/** One supplier → customer pair and the deals that tie them, newest first. */
export interface SupplyLink {
  supplier: Node<'companies'>;
  customer: Node<'companies'>;
  deals: Node<'deals'>[];
}

/** The part of the network a chart shows, and how much of the whole that is. */
export interface NetworkData {
  /** The companies drawn, the focus first when there is one. */
  nodes: { node: Node<'companies'>; focus: boolean }[];
  links: SupplyLink[];
  /** Everything in scope (the whole site, or the focus company's neighbourhood). */
  totals: { companies: number; links: number; deals: number };
  /** Deals in scope that are not supply deals, so not drawn. */
  otherDeals: number;
}

/** How many companies and ties a network chart draws at most, whatever the corpus. */
export interface NetworkLimits {
  nodes: number;
  links: number;
}

/** The whole-site network on the home page: the busiest companies, the busiest ties among them. */
export const SITE_NETWORK_LIMITS: NetworkLimits = { nodes: 12, links: 20 };
/** A company's network: its suppliers and customers, then theirs, up to these counts. */
export const COMPANY_NETWORK_LIMITS: NetworkLimits = { nodes: 9, links: 14 };

/** The supplier → customer pairs of one deal (none when it has no supplier or no customer). */
export function supplyPairs(deal: Deal): { supplier: Ref<'companies'>; customer: Ref<'companies'> }[] {
  const suppliers = deal.parties.filter((p) => p.role === 'supplier');
  const customers = deal.parties.filter((p) => p.role === 'customer');
  return suppliers.flatMap((s) => customers.map((c) => ({ supplier: s.company, customer: c.company })));
}

/** Collects supply links from deals, one per supplier → customer pair, deals in the graph's order. */
class Links {
  readonly byPair = new Map<string, SupplyLink>();
  readonly deals = new Set<string>();
  readonly others = new Set<string>();

  constructor(private readonly graph: Graph) {}

  add(deal: Node<'deals'>): void {
    const pairs = supplyPairs(deal.data);
    if (pairs.length === 0) {
      this.others.add(deal.ref.id);
      return;
    }
    this.deals.add(deal.ref.id);
    for (const { supplier, customer } of pairs) {
      const key = `${supplier.id}\u0000${customer.id}`;
      const link = this.byPair.get(key) ?? {
        supplier: this.graph.node(supplier),
        customer: this.graph.node(customer),
        deals: [],
      };
      if (!link.deals.includes(deal)) link.deals.push(deal);
      this.byPair.set(key, link);
    }
  }

  all(): SupplyLink[] {
    return [...this.byPair.values()];
  }
}

const byName = (a: Node, b: Node) => a.title.localeCompare(b.title, 'en') || a.ref.id.localeCompare(b.ref.id);

/** The deals a company is a party to, in the graph's order. */
function dealsOf(graph: Graph, company: Ref<'companies'>): Node<'deals'>[] {
  const seen = new Set<string>();
  return graph
    .incoming(company, 'party')
    .filter((e) => !seen.has(e.from.id) && seen.add(e.from.id))
    .map((e) => graph.node(e.from as Ref<'deals'>));
}

/** Companies of `links` (both ends), once each. */
function companiesOf(links: SupplyLink[]): Set<string> {
  return new Set(links.flatMap((l) => [l.supplier.ref.id, l.customer.ref.id]));
}

/**
 * Keeps the links among `chosen` companies, most deals first (links touching `first` before
 * others), at most `limit`; then the companies those links use, in `chosen`'s order.
 */
function keep(
  chosen: Node<'companies'>[],
  links: SupplyLink[],
  limit: number,
  focus?: Node<'companies'>,
): { nodes: { node: Node<'companies'>; focus: boolean }[]; links: SupplyLink[] } {
  const ids = new Set(chosen.map((n) => n.ref.id));
  const touches = (l: SupplyLink) => (focus && (l.supplier === focus || l.customer === focus) ? 1 : 0);
  const kept = links
    .filter((l) => ids.has(l.supplier.ref.id) && ids.has(l.customer.ref.id))
    .sort(
      (a, b) =>
        touches(b) - touches(a) ||
        b.deals.length - a.deals.length ||
        byName(a.supplier, b.supplier) ||
        byName(a.customer, b.customer),
    )
    .slice(0, limit);
  const used = companiesOf(kept);
  return {
    nodes: chosen.filter((n) => n === focus || used.has(n.ref.id)).map((node) => ({ node, focus: node === focus })),
    links: kept,
  };
}

/** The supply network of the whole site, cut to the companies with the most supply deals. */
export function siteNetwork(graph: Graph, limits: NetworkLimits = SITE_NETWORK_LIMITS): NetworkData {
  const links = new Links(graph);
  for (const deal of graph.all('deals')) links.add(deal);
  const all = links.all();
  const dealCount = new Map<string, Set<string>>();
  for (const link of all) {
    for (const end of [link.supplier, link.customer]) {
      const set = dealCount.get(end.ref.id) ?? new Set();
      for (const d of link.deals) set.add(d.ref.id);
      dealCount.set(end.ref.id, set);
    }
  }
  const companies = [...companiesOf(all)].map((id) => graph.node({ collection: 'companies', id }));
  const score = (n: Node) => dealCount.get(n.ref.id)!.size;
  const chosen = companies.sort((a, b) => score(b) - score(a) || byName(a, b)).slice(0, limits.nodes);
  return {
    ...keep(chosen, all, limits.links),
    totals: { companies: companies.length, links: all.length, deals: links.deals.size },
    otherDeals: links.others.size,
  };
}

/**
 * A company's supply network: its direct suppliers and customers (most deals with it first),
 * then, while there is room, their suppliers (upstream) and customers (downstream): one or two
 * hops along the chain, never sideways.
 */
export function companyNetwork(
  graph: Graph,
  company: Ref<'companies'>,
  limits: NetworkLimits = COMPANY_NETWORK_LIMITS,
): NetworkData {
  const focus = graph.node(company);
  const own = new Links(graph);
  for (const deal of dealsOf(graph, company)) own.add(deal);
  const direct = own.all().filter((l) => l.supplier === focus || l.customer === focus);
  const partners = new Map<string, { node: Node<'companies'>; deals: number; up: boolean; down: boolean }>();
  for (const link of direct) {
    const up = link.customer === focus;
    const other = up ? link.supplier : link.customer;
    const entry = partners.get(other.ref.id) ?? { node: other, deals: 0, up: false, down: false };
    entry.deals += link.deals.length;
    if (up) entry.up = true;
    else entry.down = true;
    partners.set(other.ref.id, entry);
  }
  const hop1 = [...partners.values()]
    .sort((a, b) => b.deals - a.deals || byName(a.node, b.node))
    .slice(0, limits.nodes - 1);

  // Second hop: suppliers of the focus's suppliers, customers of its customers.
  const far = new Links(graph);
  const second = new Map<string, { node: Node<'companies'>; deals: number }>();
  const taken = new Set([focus.ref.id, ...hop1.map((p) => p.node.ref.id)]);
  if (hop1.length < limits.nodes - 1) {
    for (const partner of hop1) {
      for (const deal of dealsOf(graph, partner.node.ref)) {
        for (const { supplier, customer } of supplyPairs(deal.data)) {
          const upstream = partner.up && customer.id === partner.node.ref.id ? supplier : undefined;
          const downstream = partner.down && supplier.id === partner.node.ref.id ? customer : undefined;
          const next = upstream ?? downstream;
          if (!next || taken.has(next.id)) continue;
          far.add(deal);
          const entry = second.get(next.id) ?? { node: graph.node(next), deals: 0 };
          entry.deals++;
          second.set(next.id, entry);
        }
      }
    }
  }
  const hop2 = [...second.values()]
    .sort((a, b) => b.deals - a.deals || byName(a.node, b.node))
    .slice(0, limits.nodes - 1 - hop1.length);

  const links = new Links(graph);
  for (const link of [...own.all(), ...far.all()]) for (const deal of link.deals) links.add(deal);
  const chosen = [focus, ...hop1.map((p) => p.node), ...hop2.map((p) => p.node)];
  const scope = [...companiesOf(direct)].filter((id) => id !== focus.ref.id);
  return {
    ...keep(chosen, links.all(), limits.links, focus),
    totals: {
      companies: scope.length + 1,
      links: direct.length,
      deals: own.deals.size,
    },
    otherDeals: own.others.size,
  };
}

// ---------------------------------------------------------------------------------------------
// Layout

/** A company to draw: its id, the name's lines, and whether it is the page's own. */
export interface NetworkNodeInput {
  id: string;
  name: string;
  focus: boolean;
}

/** A tie to draw, supplier → customer, with the words on it. */
export interface NetworkEdgeInput {
  from: string;
  to: string;
  /** What the tie carries: the product (up to two lines), the volume (or "3 deals"). */
  label: string[];
  /** Every deal behind the tie ended (terminated): drawn dashed. */
  ended: boolean;
  /** Spoken and hover text for the tie, e.g. "Solus Advanced Materials supplies CATL: Copper foil". */
  title: string;
}

/** The network as SVG geometry: plain numbers, in px of the SVG's viewBox. */
export interface NetworkSvg {
  width: number;
  height: number;
  nodes: { id: string; x: number; y: number; width: number; height: number; lines: string[]; focus: boolean }[];
  edges: {
    from: string;
    to: string;
    /** SVG path data of the curve, ending at the customer's box (an arrowhead marks the end). */
    path: string;
    ended: boolean;
    title: string;
    label?: { x: number; y: number; lines: string[] };
  }[];
}

/** Font sizes and box sizes of the network, in px. */
export const NETWORK_STYLE = {
  nodeWidth: 128,
  nodeFont: 12,
  lineHeight: 14,
  padding: 8,
  labelFont: 10.5,
  labelWidth: 132,
  margin: 8,
} as const;

const edgeCurve = line<{ x: number; y: number }>()
  .x((p) => p.x)
  .y((p) => p.y)
  .curve(curveBasis)
  .digits(1);

/**
 * Lays the network out in layers, suppliers above customers (dagre, top to bottom), and returns
 * the geometry of every box, curve and label. Deterministic: the same input gives the same SVG.
 */
export function layoutNetwork(nodes: NetworkNodeInput[], edges: NetworkEdgeInput[]): NetworkSvg {
  const s = NETWORK_STYLE;
  const g = new dagre.graphlib.Graph<object, { width: number; height: number; x: number; y: number }>();
  g.setGraph({ rankdir: 'TB', nodesep: 16, edgesep: 12, ranksep: 28, marginx: s.margin, marginy: s.margin });
  const lines = new Map<string, string[]>();
  for (const node of nodes) {
    const text = wrapText(node.name, s.nodeWidth - 2 * s.padding, s.nodeFont, 2);
    lines.set(node.id, text);
    g.setNode(node.id, {
      width: s.nodeWidth,
      height: text.length * s.lineHeight + 2 * s.padding,
      x: 0,
      y: 0,
    });
  }
  const labels = new Map<string, string[]>();
  for (const edge of edges) {
    // The first part (a product) may take two lines; the others (a volume) one each.
    const label = edge.label.flatMap((l, i) => wrapText(l, s.labelWidth, s.labelFont, i === 0 ? 2 : 1));
    labels.set(`${edge.from}\u0000${edge.to}`, label);
    const width = Math.max(0, ...label.map((l) => textWidth(l, s.labelFont))) + 6;
    g.setEdge(edge.from, edge.to, {
      width: label.length ? width : 0,
      height: label.length * (s.labelFont + 2),
      labelpos: 'c',
    } as never);
  }
  dagre.layout(g);
  const graphLabel = g.graph() as { width?: number; height?: number };
  return {
    width: Math.ceil(graphLabel.width ?? 0),
    height: Math.ceil(graphLabel.height ?? 0),
    nodes: nodes.map((node) => {
      const box = g.node(node.id);
      return {
        id: node.id,
        x: round(box.x - box.width / 2),
        y: round(box.y - box.height / 2),
        width: box.width,
        height: box.height,
        lines: lines.get(node.id)!,
        focus: node.focus,
      };
    }),
    edges: edges.map((edge) => {
      const key = `${edge.from}\u0000${edge.to}`;
      const laid = g.edge(edge.from, edge.to) as unknown as {
        points: { x: number; y: number }[];
        x?: number;
        y?: number;
      };
      const label = labels.get(key)!;
      return {
        from: edge.from,
        to: edge.to,
        path: edgeCurve(laid.points) ?? '',
        ended: edge.ended,
        title: edge.title,
        ...(label.length && laid.x !== undefined && laid.y !== undefined
          ? {
              label: {
                x: round(laid.x),
                y: round(laid.y - ((label.length - 1) * (s.labelFont + 2)) / 2),
                lines: label,
              },
            }
          : {}),
      };
    }),
  };
}

/** `companies/<id>` keys of the nodes a network draws, for tests and tables. */
export function networkKeys(data: NetworkData): string[] {
  return data.nodes.map((n) => refKey(n.node.ref));
}
