import { describe, expect, test } from 'vitest';
import { buildGraph } from '../../../src/lib/graph/graph';
import { SEARCH_SUMMARY_MAX, searchRecord } from '../../../src/lib/search/search-index';
import { fixtureVocabulary, minimalInput } from '../../support/content';

describe('searchRecord', () => {
  test('shows a summary under a result as it is when short', () => {
    const graph = buildGraph(minimalInput(), fixtureVocabulary);
    const deal = graph.node({ collection: 'deals', id: 'acme-globex-widgets' });
    expect(searchRecord(graph, deal).summary).toBe(deal.data.summary);
  });

  test('clips a long summary at a word boundary, so search metadata stays small', () => {
    const input = minimalInput();
    input.deals[0]!.data.summary = 'Widgets for Globex. '.repeat(30).trim();
    const graph = buildGraph(input, fixtureVocabulary);
    const summary = searchRecord(graph, graph.node({ collection: 'deals', id: 'acme-globex-widgets' })).summary;
    expect(SEARCH_SUMMARY_MAX).toBe(300);
    expect(summary).toBe(`${'Widgets for Globex. '.repeat(14)}Widgets for Globex…`);
    expect(summary.length).toBeLessThanOrEqual(SEARCH_SUMMARY_MAX);
  });
});
