import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { buildGraph } from '../../../src/lib/graph/graph';
import { loadSiteConfig } from '../../../src/lib/content/site-config';
import { briefingFooter, entityPage } from '../../../src/lib/pages/entity-page';
import { DEFAULT_PAGE_SIZES } from '../../../src/schemas/site';
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
      ['supply-network', 'Suppliers and customers', undefined],
      ['deals-over-time', 'Deals over time', undefined],
      ['counterparties', 'Counterparties', 1],
      ['people', 'People', 1],
      ['quotes-by', 'Quotes by it or its people', 1],
      ['events', 'Events', 1],
      ['timeline', 'Timeline', 3],
      ['briefings', 'In briefings', 1],
      ['sources', 'Sources', 1],
    ]);
    expect(view.sections[3]!.body).toEqual({
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

  test('a deal: its facts as a section to share, with a citation and no link to the page itself', () => {
    const view = entityPage(ctx, { collection: 'deals', id: 'acme-globex-widgets' });
    const facts = view.sections[0]!;
    expect(facts).toMatchObject({ id: 'facts', title: 'Deal facts', body: { kind: 'facts', label: 'Deal facts' } });
    expect(facts.share).toMatchObject({
      path: '/deals/acme-globex-widgets/#facts',
      subject: 'the deal “Acme to supply widgets to Globex”',
    });
    expect(facts.share?.citation).toMatch(/^Acme to supply widgets to Globex\. .*\nSource: /s);
    // The link goes on when it is copied, on the address the reader has open.
    expect(facts.share?.citation).not.toContain('https://');
    expect(facts.share?.page).toBeUndefined();
  });

  test('a company: a "Follow" block with its own feed', () => {
    const view = entityPage(ctx, { collection: 'companies', id: 'acme-widgets' });
    expect(view.follow).toEqual({
      title: 'Follow {name}',
      intro: 'New deals, events and briefings that involve {name}, in your feed reader:',
      name: 'Acme Widgets',
      feeds: [{ text: 'RSS', href: '/companies/acme-widgets/feed.xml', type: 'application/rss+xml' }],
    });
    expect(entityPage(ctx, { collection: 'people', id: 'jane-doe' }).follow).toBeUndefined();
  });

  test('an event: status as of its source, past due beside it (never instead), and no status in the kicker', () => {
    // The fixture's event: planned "by end of 2024", reported 2 January 2024; the context's today is 2026.
    const view = entityPage(ctx, { collection: 'events', id: 'acme-plant-opening' });
    expect(view.kicker).toEqual(['Event', 'Plant opening', 'by the end of 2024']);
    const status = view.facts!.facts.find((f) => f.label === 'Status')!;
    expect(status.value).toEqual([
      {
        status: {
          status: 'planned',
          label: 'Planned',
          asOf: '2024-01-02',
          pastDue: { due: expect.objectContaining({ text: 'by end of 2024' }), kind: 'event' },
        },
      },
    ]);
    const before = entityPage(pageContextFor(ctx.graph, site, undefined, '2024-12-31'), {
      collection: 'events',
      id: 'acme-plant-opening',
    });
    expect(before.facts!.facts.find((f) => f.label === 'Status')!.value).toEqual([
      { status: { status: 'planned', label: 'Planned', asOf: '2024-01-02' } },
    ]);
  });

  test('a company lists its events with their status as of their source', () => {
    const view = entityPage(ctx, { collection: 'companies', id: 'acme-widgets' });
    const events = view.sections.find((s) => s.id === 'events')!;
    expect(events.body.kind === 'links' && events.body.items[0]!.meta).toEqual([
      { date: expect.objectContaining({ text: 'by end of 2024' }) },
      { text: ' · ' },
      { status: expect.objectContaining({ label: 'Planned', asOf: '2024-01-02', pastDue: expect.anything() }) },
    ]);
    const deals = view.sections.find((s) => s.id === 'deals')!;
    expect(deals.body.kind === 'table' && deals.body.table.rows[0]!.cells[3]).toEqual([
      { status: { status: 'signed', label: 'Signed', asOf: '2024-01-02' } },
    ]);
  });

  test('a quote: the quote itself, large, anchored at #quote', () => {
    const view = entityPage(ctx, { collection: 'quotes', id: 'jane-doe-widgets' });
    expect(view.title).toBe('Jane Doe: “Widgets are the future”');
    expect(view.quote).toMatchObject({
      anchor: 'quote',
      text: 'Widgets are the future',
      href: '/quotes/jane-doe-widgets/',
      share: { path: '/quotes/jane-doe-widgets/', subject: 'this quote' },
    });
    // No page links to itself: the quote's Share control offers no "Quote page" here.
    expect(view.quote?.share.page).toBeUndefined();
  });

  test('a source: what cites it, by collection', () => {
    const view = entityPage(ctx, { collection: 'sources', id: 'test-gazette-2024-01-02' });
    expect(outline(view).map(([id]) => id)).toEqual(
      expect.arrayContaining(['briefings', 'cited-by-companies', 'cited-by-deals']),
    );
    expect(view.sections.find((s) => s.id === 'briefings')?.title).toBe('Cited in briefings');
  });

  test.each([
    ['the default', DEFAULT_PAGE_SIZES.section],
    ["site.yaml's pageSizes.section", 3],
  ])('a long list shows the first items (%s) and links to its full list, which holds them all', (_, shown) => {
    const input = minimalInput();
    const deal = input.deals[0]!;
    for (let i = 1; i <= shown + 5; i++) {
      input.deals.push({ ...structuredClone(deal), id: `deal-${i}`, filePath: `deals/deal-${i}.yaml` });
    }
    const sized = { ...site, pageSizes: { ...site.pageSizes, section: shown } };
    const view = entityPage(pageContextFor(buildGraph(input, fixtureVocabulary), sized), {
      collection: 'companies',
      id: 'globex',
    });
    const deals = view.sections.find((s) => s.id === 'deals')!;
    expect(deals.count).toBe(shown + 6);
    expect(deals.more).toBe('/companies/globex/deals/');
    expect(deals.list).toHaveLength(shown + 6);
    expect(deals.body.kind === 'table' && deals.body.table.rows).toHaveLength(shown);
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
