import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { buildGraph } from '../../../src/lib/graph/graph';
import { entityCard, ogImageAlt } from '../../../src/lib/publishing/og-card';
import { loadSiteConfig } from '../../../src/lib/content/site-config';
import { fixtureVocabulary, minimalInput, UNIT_TODAY } from '../../support/content';

const site = loadSiteConfig(join(import.meta.dirname, '../../fixtures/minimal'));
const graph = buildGraph(minimalInput(), fixtureVocabulary);
const card = (collection: Parameters<typeof graph.node>[0]['collection'], id: string) =>
  entityCard(graph, graph.node({ collection, id }), site, UNIT_TODAY);

describe('entityCard', () => {
  test('a company: name, kind and country, description, key facts', () => {
    expect(card('companies', 'acme-widgets')).toEqual({
      type: 'Company',
      kicker: 'Widget maker · Germany',
      title: 'Acme Widgets',
      lede: 'Synthetic widget maker for tests.',
      facts: [
        { label: 'Also known as', value: 'Acme' },
        { label: 'Subsidiaries', value: 'Globex' },
        { label: 'Deals', value: '1' },
      ],
      site: 'Fixture: widgets',
    });
  });

  test('a deal: title, kind, parties first, then value and volume', () => {
    expect(card('deals', 'acme-globex-widgets')).toMatchObject({
      type: 'Deal',
      kicker: 'Widget supply',
      title: 'Acme to supply widgets to Globex',
      facts: [
        { label: 'Supplier', value: 'Acme Widgets' },
        { label: 'Customer', value: 'Globex' },
        { label: 'Value', value: 'about €1 million EUR' },
        { label: 'Volume', value: '500 widgets' },
      ],
    });
  });

  test('a quote: the words and who said them', () => {
    expect(card('quotes', 'jane-doe-widgets')).toMatchObject({
      type: 'Quote',
      quote: { text: 'Widgets are the future', speaker: 'Jane Doe, Chief widget officer, Acme Widgets' },
      facts: [],
    });
  });

  test('a briefing: title and date', () => {
    expect(card('briefings', 'widgets-weekly')).toMatchObject({
      type: 'Briefing',
      title: 'Widgets weekly',
      date: 'Published 3 January 2024',
    });
  });

  test.each([
    ['people', 'jane-doe', 'Person', 'Jane Doe'],
    ['events', 'acme-plant-opening', 'Event', 'Acme opens a widget plant'],
    ['sources', 'test-gazette-2024-01-02', 'Source', 'Synthetic report on widgets'],
  ] as const)('%s: a generic card with title and type', (collection, id, type, title) => {
    expect(card(collection, id)).toEqual({ type, title, facts: [], site: 'Fixture: widgets' });
  });

  test('shows names in every script the cards draw, Chinese, Korean and Japanese included', () => {
    const input = minimalInput();
    input.companies[0]!.data.aliases = ['LG에너지솔루션', '宁德时代', 'トヨタ自動車', 'Ącme Łtd'];
    const company = buildGraph(input, fixtureVocabulary).node({ collection: 'companies', id: 'acme-widgets' });
    expect(entityCard(buildGraph(input, fixtureVocabulary), company, site, UNIT_TODAY).facts[0]).toEqual({
      label: 'Also known as',
      value: 'Acme, LG에너지솔루션, 宁德时代, トヨタ自動車, Ącme Łtd',
    });
  });
});

describe('entityCard bounds', () => {
  test('clips the title, kicker, lede and fact labels of a card at word boundaries', () => {
    const input = minimalInput();
    const globex = input.companies.find((c) => c.id === 'globex')!.data;
    globex.name = 'Globex '.repeat(21).trim();
    globex.description = 'Buys widgets. '.repeat(40).trim();
    globex.keyFigures = [
      {
        label: 'Widgets bought from every supplier in every year',
        quantity: { value: 5, unit: 'widgets' },
        period: input.events[0]!.data.date,
        source: { collection: 'sources', id: 'test-gazette-2024-01-02' },
      },
    ];
    const g = buildGraph(input, fixtureVocabulary);
    const c = entityCard(g, g.node({ collection: 'companies', id: 'globex' }), site, UNIT_TODAY);
    expect(c.title).toBe(`${'Globex '.repeat(17).trim()}…`);
    expect(c.title.length).toBeLessThanOrEqual(120);
    expect(c.lede).toBe(`${'Buys widgets. '.repeat(11).trim()} Buys…`);
    expect(c.facts.at(-1)!.label).toBe('Widgets bought from every supplier in…');
  });
});

test('ogImageAlt names the card', () => {
  expect(ogImageAlt(card('companies', 'globex'))).toBe('Link preview: Company card for Globex');
});
