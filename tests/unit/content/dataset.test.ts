import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { ContentError } from '../../../src/lib/content/content-errors';
import { buildGraph } from '../../../src/lib/graph/graph';
import { publishingKinds } from '../../../src/schemas/site';
import { loadContentRoot, readContentRoot } from '../../support/content';

// The bundled dataset, validated and linked the way the build does it. The counts are floors:
// the dataset may grow, but a change that drops entries (or stops them loading) fails here.
const root = join(import.meta.dirname, '../../../src/content');
const { graph, site } = loadContentRoot(root);

describe('the bundled dataset', () => {
  test('models every entity of the source article', () => {
    expect(graph.counts()).toEqual({
      companies: 11,
      people: 1,
      deals: 3,
      quotes: 4,
      events: 4,
      sources: 1,
      briefings: 1,
    });
  });

  test('keeps the facts of the article', () => {
    const lges = graph.node({ collection: 'deals', id: 'lg-energy-solution-chery-ev-46-series-cells' }).data;
    expect(lges.volume).toEqual({ value: 8, unit: 'GWh' });
    expect(lges.value).toMatchObject({
      amount: 1e12,
      currency: 'KRW',
      qualifier: 'more-than',
      converted: { amount: 726e6, currency: 'USD' },
    });
    expect(lges.term?.start?.text).toBe('early 2026');
    expect(lges.term?.duration).toEqual({ value: 6, unit: 'years' });
    const chery = graph.node({ collection: 'companies', id: 'chery-automobile' }).data;
    expect(chery.keyFigures.map((f) => [f.label, f.quantity?.value, f.period.text])).toEqual([
      ['Vehicle exports', 1_100_000, '2024'],
      ['Exports as a share of total sales', 46, '2024'],
      ['Total vehicle sales', 2_400_000, '2024'],
    ]);
    const hungary = graph.node({ collection: 'events', id: 'catl-hungary-plant-100-gwh' }).data;
    expect([hungary.date.text, hungary.status, hungary.figures[0]?.quantity.value]).toEqual([
      'by end of 2025',
      'planned',
      100,
    ]);
  });

  test('quotes every named and unnamed speaker verbatim', () => {
    const texts = graph.all('quotes').map((q) => q.data.text);
    expect(texts).toContain(
      'Chery’s deal sends a signal that even Chinese state-owned firms are open to working with Korea',
    );
    expect(texts).toContain('The deal proves its competitiveness in quality, local supply and response speed');
    const insider = graph.node({ collection: 'quotes', id: 'industry-insider-home-turf' }).data;
    expect(insider.speaker).toEqual({ description: 'an industry insider' });
  });

  test('cites a source for every entity', () => {
    for (const collection of ['companies', 'people', 'deals', 'quotes', 'events', 'briefings'] as const) {
      for (const node of graph.all(collection)) {
        expect(graph.outgoing(node.ref, 'cites').length, `${node.filePath} cites no source`).toBeGreaterThan(0);
      }
    }
  });

  test('passes every rule on values and relations: dates, text, names, cycles, duplicates, publishers', () => {
    // readContentRoot applies the schemas (throwing on the first bad file); buildGraph collects
    // every graph-level problem, which are listed here should there be any.
    const { input } = readContentRoot(root);
    let problems: string[] = [];
    try {
      buildGraph(input, site.vocabulary);
    } catch (error) {
      if (!(error instanceof ContentError)) throw error;
      problems = error.problems;
    }
    expect(problems).toEqual([]);
    expect(publishingKinds(site.vocabulary)).toEqual(['publisher']);
    expect(graph.node({ collection: 'companies', id: 'korea-joongang-daily' }).data.kind).toBe('publisher');
  });
});
