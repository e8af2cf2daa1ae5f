import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { buildGraph } from '../../../src/lib/graph/graph';
import { loadSiteConfig } from '../../../src/lib/content/site-config';
import { briefingFooter, entityPage, RELATION_LIMIT } from '../../../src/lib/pages/entity-page';
import { fixtureVocabulary, minimalInput, pageContextFor } from '../../support/content';

const site = loadSiteConfig(join(import.meta.dirname, '../../fixtures/minimal'));
const ctx = pageContextFor(buildGraph(minimalInput(), fixtureVocabulary), site);
const outline = (view: ReturnType<typeof entityPage>) => view.sections.map((s) => [s.id, s.title, s.count]);

describe('entityPage', () => {
  test('a company: kicker, lede, facts and its sections in order, with counts', () => {
    const view = entityPage(ctx, { collection: 'companies', id: 'acme-widgets' });
    expect(view).toMatchObject({
      title: 'Acme Widgets',
      kicker: ['Company', 'Widget maker', 'Germany'],
      lede: 'Synthetic widget maker for tests.',
      facts: { label: 'Company facts' },
    });
    expect(outline(view)).toEqual([
      ['deals', 'Deals', 1],
      ['counterparties', 'Counterparties', 1],
      ['people', 'People', 1],
      ['quotes-by', 'Quotes by it or its people', 1],
      ['events', 'Events', 1],
      ['timeline', 'Timeline', 3],
      ['briefings', 'In briefings', 1],
      ['sources', 'Sources', 1],
    ]);
    expect(view.sections[1]!.body).toEqual({
      kind: 'links',
      items: [
        {
          // Entity links carry the address of their JSON document, which the hover preview shows.
          link: { text: 'Globex', href: '/companies/globex/', preview: '/companies/globex.json' },
          meta: [
            { text: 'through ' },
            {
              text: 'Acme to supply widgets to Globex',
              href: '/deals/acme-globex-widgets/',
              preview: '/deals/acme-globex-widgets.json',
            },
          ],
        },
      ],
    });
  });

  test('a deal: its facts as a section with a citation that carries the configured address', () => {
    const view = entityPage(ctx, { collection: 'deals', id: 'acme-globex-widgets' });
    const facts = view.sections[0]!;
    expect(facts).toMatchObject({ id: 'facts', title: 'Deal facts', body: { kind: 'facts', label: 'Deal facts' } });
    expect(facts.citation).toContain('https://briefing.example.com/deals/acme-globex-widgets/');
  });

  test('a quote: the quote itself, large, anchored at #quote', () => {
    const view = entityPage(ctx, { collection: 'quotes', id: 'jane-doe-widgets' });
    expect(view.title).toBe('Jane Doe: “Widgets are the future”');
    expect(view.quote).toMatchObject({
      anchor: 'quote',
      text: 'Widgets are the future',
      href: '/quotes/jane-doe-widgets/',
    });
  });

  test('a source: what cites it, by collection', () => {
    const view = entityPage(ctx, { collection: 'sources', id: 'test-gazette-2024-01-02' });
    expect(outline(view).map(([id]) => id)).toEqual(
      expect.arrayContaining(['briefings', 'cited-by-companies', 'cited-by-deals']),
    );
    expect(view.sections.find((s) => s.id === 'briefings')?.title).toBe('Cited in briefings');
  });

  test('a long list shows the first items and links to its full list, which holds them all', () => {
    const input = minimalInput();
    const deal = input.deals[0]!;
    for (let i = 1; i <= RELATION_LIMIT + 5; i++) {
      input.deals.push({ ...structuredClone(deal), id: `deal-${i}`, filePath: `deals/deal-${i}.yaml` });
    }
    const view = entityPage(pageContextFor(buildGraph(input, fixtureVocabulary), site), {
      collection: 'companies',
      id: 'globex',
    });
    const deals = view.sections.find((s) => s.id === 'deals')!;
    expect(deals.count).toBe(RELATION_LIMIT + 6);
    expect(deals.more).toBe('/companies/globex/deals/');
    expect(deals.list).toHaveLength(RELATION_LIMIT + 6);
    expect(deals.body.kind === 'table' && deals.body.table.rows).toHaveLength(RELATION_LIMIT);
    const people = view.sections.find((s) => s.id === 'counterparties')!;
    expect(people.more).toBeUndefined();
    expect(people.list).toBeUndefined();
  });
});

describe('briefingFooter', () => {
  test('what the briefing covers, by collection, then its sources', () => {
    const [covers, sources] = briefingFooter(ctx, { collection: 'briefings', id: 'widgets-weekly' });
    expect(covers).toMatchObject({ id: 'covers', title: 'What this briefing covers' });
    expect(covers!.body.kind === 'groups' && covers!.body.groups.map((g) => g.title)).toEqual([
      'Companies',
      'People',
      'Deals',
      'Quotes',
      'Events',
    ]);
    expect(sources).toMatchObject({
      id: 'sources',
      body: { kind: 'links', items: [{ link: { text: 'Synthetic report on widgets' } }] },
    });
  });
});
