import { describe, expect, test } from 'vitest';
import { buildGraph } from '../../../src/lib/graph/graph';
import {
  backlinks,
  briefingCoverage,
  companyRelations,
  dealRelations,
  personRelations,
  quoteRelations,
  sourceRelations,
} from '../../../src/lib/graph/relations';
import { fixtureVocabulary, minimalInput } from '../../support/content';

const graph = buildGraph(minimalInput(), fixtureVocabulary);
const acme = { collection: 'companies', id: 'acme-widgets' } as const;
const globex = { collection: 'companies', id: 'globex' } as const;
const ids = (nodes: { ref: { id: string } }[]) => nodes.map((n) => n.ref.id);

describe('companyRelations', () => {
  const r = companyRelations(graph, acme);

  test('lists deals with the company role and the other parties', () => {
    expect(r.deals).toHaveLength(1);
    expect(r.deals[0]!.roles).toEqual(['supplier']);
    expect(r.deals[0]!.others.map((o) => [o.company.ref.id, o.role])).toEqual([['globex', 'customer']]);
    expect(r.counterparties.map((c) => [c.company.ref.id, ids(c.deals)])).toEqual([
      ['globex', ['acme-globex-widgets']],
    ]);
  });

  test('lists subsidiaries, people with titles, quotes by its people, events and sources', () => {
    expect(ids(r.subsidiaries)).toEqual(['globex']);
    expect(r.people.map((p) => [p.person.ref.id, p.titles])).toEqual([['jane-doe', ['Chief widget officer']]]);
    expect(ids(r.quotesBy)).toEqual(['jane-doe-widgets']);
    expect(ids(r.events)).toEqual(['acme-plant-opening']);
    expect(ids(r.sources)).toEqual(['test-gazette-2024-01-02']);
  });

  test('the counterparty sees the same deal from its side, and its parent', () => {
    const g = companyRelations(graph, globex);
    expect(g.parent?.ref.id).toBe('acme-widgets');
    expect(g.deals[0]!.roles).toEqual(['customer']);
    expect(g.counterparties.map((c) => c.company.ref.id)).toEqual(['acme-widgets']);
  });

  test('a publisher lists the sources it published', () => {
    expect(ids(companyRelations(graph, { collection: 'companies', id: 'test-gazette' }).published)).toEqual([
      'test-gazette-2024-01-02',
    ]);
  });
});

describe('backlinks', () => {
  test('groups inline mentions by briefing with anchors and sentences', () => {
    const links = backlinks(graph, acme);
    expect(links).toHaveLength(1);
    expect(links[0]!.briefing.ref.id).toBe('widgets-weekly');
    expect(links[0]!.mentions.map((m) => m.anchor)).toEqual(['companies-acme-widgets']);
  });

  test('a frontmatter-only mention is listed without sentences', () => {
    const input = minimalInput();
    input.briefings[0]!.body = 'No inline mentions.';
    const links = backlinks(buildGraph(input, fixtureVocabulary), acme);
    expect(links.map((l) => [l.briefing.ref.id, l.mentions])).toEqual([['widgets-weekly', []]]);
  });
});

describe('other pages', () => {
  test('a person lists organisations and quotes', () => {
    const r = personRelations(graph, { collection: 'people', id: 'jane-doe' });
    expect(ids(r.organisations)).toEqual(['acme-widgets']);
    expect(ids(r.quotesBy)).toEqual(['jane-doe-widgets']);
  });

  test('a deal lists quotes about it and briefings', () => {
    const r = dealRelations(graph, { collection: 'deals', id: 'acme-globex-widgets' });
    expect(ids(r.quotes)).toEqual(['jane-doe-widgets']);
    expect(r.backlinks.map((b) => b.briefing.ref.id)).toEqual(['widgets-weekly']);
  });

  test('a quote lists what it is about', () => {
    expect(ids(quoteRelations(graph, { collection: 'quotes', id: 'jane-doe-widgets' }).about)).toEqual([
      'acme-globex-widgets',
    ]);
  });

  test('a source lists what cites it by collection, and briefings with their citations', () => {
    const r = sourceRelations(graph, { collection: 'sources', id: 'test-gazette-2024-01-02' });
    expect([...r.citing.keys()]).toEqual(['companies', 'people', 'deals', 'quotes', 'events']);
    expect(r.backlinks[0]!.mentions.map((m) => m.anchor)).toEqual(['sources-test-gazette-2024-01-02']);
  });

  test('a briefing covers each entity once, sources apart', () => {
    const { covers, sources } = briefingCoverage(graph, { collection: 'briefings', id: 'widgets-weekly' });
    expect(Object.fromEntries([...covers].map(([c, nodes]) => [c, ids(nodes)]))).toEqual({
      companies: ['acme-widgets', 'globex'],
      deals: ['acme-globex-widgets'],
      people: ['jane-doe'],
      events: ['acme-plant-opening'],
      quotes: ['jane-doe-widgets'],
    });
    expect(ids(sources)).toEqual(['test-gazette-2024-01-02']);
  });
});
