import { describe, expect, test } from 'vitest';
import { buildGraph } from '../../../src/lib/graph/graph';
import {
  COMPANY_NETWORK_LIMITS,
  companyNetwork,
  layoutNetwork,
  SITE_NETWORK_LIMITS,
  siteNetwork,
  supplyPairs,
} from '../../../src/lib/charts/network';
import { fixtureVocabulary, minimalInput } from '../../support/content';
import { supplyChainInput } from '../../support/supply-chain';

const minimal = buildGraph(minimalInput(), fixtureVocabulary);
const ids = (data: ReturnType<typeof siteNetwork>) => ({
  nodes: data.nodes.map((n) => n.node.ref.id),
  links: data.links.map((l) => [l.supplier.ref.id, l.customer.ref.id, l.deals.map((d) => d.ref.id)]),
});

describe('supplyPairs', () => {
  test('every supplier to every customer; none for a deal without both roles', () => {
    const deal = minimal.node({ collection: 'deals', id: 'acme-globex-widgets' }).data;
    expect(supplyPairs(deal).map((p) => [p.supplier.id, p.customer.id])).toEqual([['acme-widgets', 'globex']]);
    const partnership = {
      ...deal,
      parties: deal.parties.map((p) => ({ ...p, role: 'partner' as const })),
    };
    expect(supplyPairs(partnership)).toEqual([]);
  });
});

describe('siteNetwork', () => {
  test('the minimal fixture: both companies and the one supply tie, publisher left out', () => {
    const data = siteNetwork(minimal);
    expect(ids(data)).toEqual({
      nodes: ['acme-widgets', 'globex'],
      links: [['acme-widgets', 'globex', ['acme-globex-widgets']]],
    });
    expect(data.totals).toEqual({ companies: 2, links: 1, deals: 1 });
    expect(data.otherDeals).toBe(0);
  });

  test('a large network is cut to the busiest companies and links, and says what it left out', () => {
    const graph = buildGraph(supplyChainInput(30), fixtureVocabulary);
    const data = siteNetwork(graph);
    expect(data.nodes.length).toBeLessThanOrEqual(SITE_NETWORK_LIMITS.nodes);
    expect(data.links.length).toBeLessThanOrEqual(SITE_NETWORK_LIMITS.links);
    expect(data.nodes.length).toBeGreaterThan(2);
    // The hub supplies everyone: it has the most supply deals, so it is drawn.
    expect(data.nodes.map((n) => n.node.ref.id)).toContain('maker-01');
    // Every drawn link joins two drawn companies; every drawn company has a link.
    const drawn = new Set(data.nodes.map((n) => n.node.ref.id));
    for (const l of data.links) expect(drawn.has(l.supplier.ref.id) && drawn.has(l.customer.ref.id)).toBe(true);
    for (const id of drawn)
      expect(data.links.some((l) => l.supplier.ref.id === id || l.customer.ref.id === id)).toBe(true);
    // 30 makers and the fixture's two; 29 chain deals, 28 hub deals and the fixture's one.
    expect(data.totals).toMatchObject({ companies: 32, deals: 29 + 28 + 1 });
    expect(data.otherDeals).toBe(1);
  });
});

describe('companyNetwork', () => {
  test('a company: its customer, itself marked as the focus', () => {
    const data = companyNetwork(minimal, { collection: 'companies', id: 'acme-widgets' });
    expect(data.nodes.map((n) => [n.node.ref.id, n.focus])).toEqual([
      ['acme-widgets', true],
      ['globex', false],
    ]);
  });

  test('one hop, then a second along the chain (upstream of suppliers, downstream of customers)', () => {
    const graph = buildGraph(supplyChainInput(6), fixtureVocabulary);
    // maker-03: supplied by maker-02 and the hub maker-01, supplies maker-04.
    const data = companyNetwork(graph, { collection: 'companies', id: 'maker-03' });
    const nodes = data.nodes.map((n) => n.node.ref.id);
    expect(nodes[0]).toBe('maker-03');
    expect(nodes).toEqual(expect.arrayContaining(['maker-01', 'maker-02', 'maker-04']));
    // Second hop downstream: maker-04's customer maker-05.
    expect(nodes).toContain('maker-05');
    expect(data.links.map((l) => `${l.supplier.ref.id}>${l.customer.ref.id}`)).toEqual(
      expect.arrayContaining(['maker-02>maker-03', 'maker-01>maker-03', 'maker-03>maker-04', 'maker-04>maker-05']),
    );
  });

  test('a hub with more partners than room: bounded, the focus and its busiest ties first', () => {
    const graph = buildGraph(supplyChainInput(30), fixtureVocabulary);
    const data = companyNetwork(graph, { collection: 'companies', id: 'maker-01' });
    expect(data.nodes.length).toBeLessThanOrEqual(COMPANY_NETWORK_LIMITS.nodes);
    expect(data.links.length).toBeLessThanOrEqual(COMPANY_NETWORK_LIMITS.links);
    expect(data.nodes[0]).toMatchObject({ focus: true });
    for (const l of data.links) expect([l.supplier.ref.id, l.customer.ref.id]).toContain('maker-01');
    expect(data.totals.companies).toBe(30);
  });
});

describe('layoutNetwork', () => {
  test('layers run from supplier down to customer, every node and edge drawn', () => {
    const svg = layoutNetwork(
      [
        { id: 'a', name: 'Upstream Supplier', focus: false },
        { id: 'b', name: 'Middle', focus: true },
        { id: 'c', name: 'Downstream Customer With A Very Long Name Indeed', focus: false },
      ],
      [
        { from: 'a', to: 'b', label: ['Widgets', '500 widgets'], ended: false, title: 'a supplies b' },
        { from: 'b', to: 'c', label: [], ended: true, title: 'b supplies c' },
      ],
    );
    const y = Object.fromEntries(svg.nodes.map((n) => [n.id, n.y]));
    expect(y.a).toBeLessThan(y.b!);
    expect(y.b).toBeLessThan(y.c!);
    expect(svg.nodes.map((n) => n.id)).toEqual(['a', 'b', 'c']);
    expect(svg.edges.map((e) => [e.from, e.to, e.ended])).toEqual([
      ['a', 'b', false],
      ['b', 'c', true],
    ]);
    for (const e of svg.edges) expect(e.path).toMatch(/^M[\d.]+,[\d.]+/);
    expect(svg.edges[0]!.label!.lines).toEqual(['\u2068Widgets\u2069', '\u2068500 widgets\u2069']);
    expect(svg.edges[1]!.label).toBeUndefined();
    // Long names wrap onto two lines at most, the last shortened with "…"; boxes fit the viewBox.
    const long = svg.nodes.find((n) => n.id === 'c')!;
    expect(long.lines.length).toBe(2);
    expect(long.lines[1]).toMatch(/…\u2069$/);
    for (const n of svg.nodes) {
      expect(n.x).toBeGreaterThanOrEqual(0);
      expect(n.x + n.width).toBeLessThanOrEqual(svg.width);
      expect(n.y + n.height).toBeLessThanOrEqual(svg.height);
    }
  });

  test('a cycle (each supplies the other) still lays out, both arrows drawn', () => {
    const svg = layoutNetwork(
      [
        { id: 'a', name: 'A', focus: false },
        { id: 'b', name: 'B', focus: false },
      ],
      [
        { from: 'a', to: 'b', label: ['x'], ended: false, title: '' },
        { from: 'b', to: 'a', label: ['y'], ended: false, title: '' },
      ],
    );
    expect(svg.edges).toHaveLength(2);
    for (const e of svg.edges) expect(e.path.length).toBeGreaterThan(5);
  });
});
