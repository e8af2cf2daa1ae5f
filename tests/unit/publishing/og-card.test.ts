import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { buildGraph } from '../../../src/lib/graph/graph';
import { entityCard, ogImageAlt, pagePreviews, previewFor } from '../../../src/lib/publishing/og-card';
import { loadSiteConfig } from '../../../src/lib/content/site-config';
import { minimalInput } from '../../support/content';

const site = loadSiteConfig(join(import.meta.dirname, '../../fixtures/minimal'));
const graph = buildGraph(minimalInput());
const card = (collection: Parameters<typeof graph.node>[0]['collection'], id: string) =>
  entityCard(graph, graph.node({ collection, id }), site);

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
    const company = buildGraph(input).node({ collection: 'companies', id: 'acme-widgets' });
    expect(entityCard(buildGraph(input), company, site).facts[0]).toEqual({
      label: 'Also known as',
      value: 'Acme, LG에너지솔루션, 宁德时代, トヨタ自動車, Ącme Łtd',
    });
  });
});

describe('pagePreviews', () => {
  const previews = pagePreviews(graph, site);

  test('covers home, timeline (and its pages), search, every index and every entity page, once each', () => {
    const paths = previews.map((p) => p.path);
    expect(new Set(paths).size).toBe(paths.length);
    expect(paths).toEqual(
      expect.arrayContaining([
        '/',
        '/timeline/',
        '/timeline/page/1/',
        '/search/',
        '/briefings/',
        '/companies/',
        '/companies/globex/',
      ]),
    );
    const entities = Object.values(graph.counts()).reduce((a, b) => a + b, 0);
    // home, timeline, search, 7 indexes, 1 page of the full timeline, and every entity
    expect(paths).toHaveLength(entities + 3 + 7 + 1);
  });

  test('other pages (Starlight docs pages) get a card with their title', () => {
    const about = pagePreviews(graph, site, [{ path: '/about/', title: 'About this site' }]).at(-1);
    expect(about).toEqual({
      path: '/about/',
      card: { type: 'Page', title: 'About this site', facts: [], site: 'Fixture: widgets' },
    });
  });

  test('the home card has the site title and tagline; index cards the collection', () => {
    expect(previewFor(graph, site, '/')?.card).toMatchObject({ type: 'Home', title: 'Fixture: widgets' });
    expect(previewFor(graph, site, '/people/')?.card).toMatchObject({ type: 'Index', title: 'People' });
    expect(previewFor(graph, site, '/no-such-page/')).toBeUndefined();
  });
});

test('ogImageAlt names the card', () => {
  expect(ogImageAlt(card('companies', 'globex'))).toBe('Link preview: Company card for Globex');
});
