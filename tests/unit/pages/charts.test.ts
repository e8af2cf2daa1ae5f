import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { buildGraph } from '../../../src/lib/graph/graph';
import { loadSiteConfig } from '../../../src/lib/content/site-config';
import {
  capacitiesOf,
  companyCapacityChart,
  companyNetworkChart,
  dealsOverTimeChart,
  PHONE_WIDTH,
  siteCapacityChart,
  siteNetworkChart,
} from '../../../src/lib/pages/charts';
import { inlineText } from '../../../src/lib/pages/facts';
import { loadContentRoot, minimalInput } from '../../support/content';

const site = loadSiteConfig(join(import.meta.dirname, '../../fixtures/minimal'));
const graph = buildGraph(minimalInput(), site.vocabulary);
const acme = { collection: 'companies', id: 'acme-widgets' } as const;
const rows = (table: { rows: { cells: Parameters<typeof inlineText>[0][] }[] }) =>
  table.rows.map((r) => r.cells.map((cell) => inlineText(cell)));

describe('a network chart is laid out when first drawn', () => {
  test('its JSON (what a cache key hashes) holds what the layout is made from, not the layout', () => {
    const chart = siteNetworkChart(graph, site)!;
    if (chart.kind !== 'network') throw new Error('expected a network');
    const json = JSON.parse(JSON.stringify(chart)) as Record<string, unknown>;
    expect(Object.keys(json)).not.toContain('svg');
    expect(Object.keys(json)).not.toContain('wide');
    expect(json['input']).toEqual({
      nodes: [
        { id: 'acme-widgets', name: 'Acme Widgets', focus: false },
        { id: 'globex', name: 'Globex', focus: false },
      ],
      edges: [expect.objectContaining({ from: 'acme-widgets', to: 'globex', label: ['500 widgets'], ended: false })],
    });
    // Read, it is the layout of that input, made once.
    expect(chart.svg).toBe(chart.svg);
    expect(chart.svg.nodes.map((n) => n.id)).toEqual(['acme-widgets', 'globex']);
    expect(chart.wide).toBe(chart.svg.width > PHONE_WIDTH);
    // Another name in the input is another key: the view's JSON changes with what the chart shows.
    const renamed = buildGraph(minimalInput(), site.vocabulary);
    renamed.node({ collection: 'companies', id: 'globex' }).title = 'Globex SA';
    const other = siteNetworkChart(renamed, site)!;
    expect(JSON.stringify(other)).not.toBe(JSON.stringify(chart));
  });
});

describe('siteNetworkChart', () => {
  test('the minimal fixture: the tie drawn, labelled with the volume, and the same data as a table', () => {
    const chart = siteNetworkChart(graph, site)!;
    expect(chart.kind).toBe('network');
    if (chart.kind !== 'network') return;
    expect(chart.svg.nodes.map((n) => n.id)).toEqual(['acme-widgets', 'globex']);
    expect(chart.svg.edges.map((e) => [e.from, e.to, e.label?.lines])).toEqual([
      ['acme-widgets', 'globex', ['\u2068500 widgets\u2069']],
    ]);
    expect(chart.summary[0]).toBe(
      '2 companies tied by 1 supply link in 1 deal. Arrows run from supplier to customer; suppliers sit above their customers.',
    );
    expect(rows(chart.table.table)).toEqual([
      ['Acme Widgets', 'Globex', 'Acme to supply widgets to Globex', '—', '500 widgets', 'Signed'],
    ]);
    expect(chart.table.table.rows[0]!.cells[0]).toEqual([{ text: 'Acme Widgets', href: '/companies/acme-widgets/' }]);
    expect(chart.more).toEqual({ text: 'All deals (1)', href: '/deals/' });
  });

  test('a company without supply deals has no network chart', () => {
    expect(companyNetworkChart(graph, site, { collection: 'companies', id: 'test-gazette' })).toBeUndefined();
  });
});

describe('dealsOverTimeChart', () => {
  test("a vague announcement is drawn over every day it allows, and the table keeps the source's words", () => {
    const chart = dealsOverTimeChart(graph, site, acme)!;
    if (chart.kind !== 'ranges') throw new Error(chart.kind);
    // "early 2024-01": the first third of January 2024.
    const [bar] = chart.svg.rows[0]!.spans;
    expect(bar).toMatchObject({ kind: 'happened', title: 'Announced: early January 2024' });
    expect(bar!.width).toBeGreaterThan(3);
    expect(chart.svg.rows[0]!.label.lines).toEqual(['\u2068with Globex\u2069']);
    // Money in its own currency, never converted.
    expect(chart.svg.rows[0]!.note!.lines).toEqual(['\u2068500 widgets · about €1 million EUR\u2069']);
    expect(rows(chart.table.table)).toEqual([
      ['Acme to supply widgets to Globex', 'Globex', 'early January 2024', '—', '500 widgets', 'about €1 million EUR'],
    ]);
  });
});

describe('capacity charts', () => {
  test('the minimal fixture states no capacity: no chart', () => {
    expect(siteCapacityChart(graph, site)).toBeUndefined();
    expect(companyCapacityChart(graph, site, acme)).toBeUndefined();
  });

  test('the bundled dataset: each stated annual figure with a place, never summed, in its own unit', () => {
    const bundled = loadContentRoot(join(import.meta.dirname, '../../../src/content'));
    const capacities = capacitiesOf(bundled.graph.all('events'));
    expect(capacities.map((c) => [c.event.ref.id, c.place, c.quantity.value, c.quantity.unit, c.kind])).toEqual([
      ['catl-hungary-plant-100-gwh', 'Hungary', 100, 'GWh', 'planned'],
      ['lotte-energy-materials-spain-plant-production', 'Spain', 30000, 't', 'planned'],
    ]);
    const chart = siteCapacityChart(bundled.graph, bundled.site)!;
    if (chart.kind !== 'bars') throw new Error(chart.kind);
    expect(chart.panels.map((p) => p.caption)).toEqual(['GWh a year', 'tons a year']);
  });
});
