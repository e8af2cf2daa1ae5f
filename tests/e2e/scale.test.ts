import { beforeAll, describe, expect, test } from 'vitest';
import { ENTITY_TIMELINE_LIMIT, entityPage } from '../../src/lib/pages/entity-page';
import { COMPANY_NETWORK_LIMITS, SITE_NETWORK_LIMITS } from '../../src/lib/charts/network';
import { CAPACITY_LIMITS, DEALS_OVER_TIME_LIMIT } from '../../src/lib/pages/charts';
import { entityUrl, indexUrl, relationListUrl, timelinePageUrl, timelineUrl } from '../../src/lib/routes';
import { buildTimeline, itemStates } from '../../src/lib/timeline/timeline';
import { matchesFilters } from '../../src/lib/timeline/filter';
import { describeInBrowser, servedSite, openPage, waitInPage } from '../support/browser';
import { loadContentRoot, pageContextFor } from '../support/content';
import { htmlPages, loadPage } from '../support/dist';
import { CORPUS_PAGE_SIZES, CORPUS_PAGES, corpusSite, TEST_TODAY } from '../support/seed-site';

// A synthetic corpus big enough, for its page sizes (site.yaml's pageSizes), that relation lists,
// indexes and the timeline must be cut short (the shared corpus build, also read by
// tests/build/synthetic-corpus.test.ts).
const PAGES = CORPUS_PAGES;
const SIZES = CORPUS_PAGE_SIZES;
let dist = '';
let graph: ReturnType<typeof loadContentRoot>['graph'];
let site: ReturnType<typeof loadContentRoot>['site'];

beforeAll(async () => {
  const corpus = await corpusSite();
  dist = corpus.dist;
  ({ graph, site } = loadContentRoot(corpus.contentRoot));
}, 600_000);

describe(`a ${PAGES}-page synthetic corpus`, () => {
  test('every entity page shows at most the first items of each relation, and links to the full list', () => {
    const ctx = pageContextFor(graph, site);
    let cut = 0;
    for (const collection of ['companies', 'people', 'deals', 'quotes', 'events', 'sources'] as const) {
      for (const node of graph.all(collection)) {
        const $ = loadPage(dist, entityUrl(node.ref));
        for (const list of entityPage(ctx, node.ref).sections) {
          if (list.count === undefined) continue;
          const section = $(`[id="${list.id}"]`).closest('section');
          if (list.id === 'timeline') {
            // The newest items, and a link to the whole timeline of the entity.
            expect(section.find('[data-item]').length, entityUrl(node.ref)).toBe(
              Math.min(list.count, ENTITY_TIMELINE_LIMIT),
            );
            continue;
          }
          const shown = section.find('> ul > li, > ol > li, figure.quote, tbody tr, .backlinks > li').length;
          expect(shown, `${entityUrl(node.ref)} #${list.id}`).toBeLessThanOrEqual(SIZES.section);
          if (list.count > SIZES.section) {
            cut++;
            expect(
              section.find(`a[href="${relationListUrl(node.ref, list.id)}"]`).length,
              `${entityUrl(node.ref)} #${list.id}`,
            ).toBe(1);
          }
        }
      }
    }
    expect(cut, 'the corpus should be big enough to cut some lists short').toBeGreaterThan(5);
  });

  test('the full list pages of the busiest company hold every item, pageSizes.fullList per page, and lead back to it', () => {
    const ctx = pageContextFor(graph, site);
    const busiest = graph
      .all('companies')
      .map((node) => ({ node, lists: entityPage(ctx, node.ref).sections }))
      .sort(
        (a, b) => b.lists.reduce((n, l) => n + (l.count ?? 0), 0) - a.lists.reduce((n, l) => n + (l.count ?? 0), 0),
      )[0]!;
    const long = busiest.lists.filter((l) => l.list);
    expect(long.length).toBeGreaterThan(0);
    for (const list of long) {
      const listed: string[] = [];
      for (let page = 1; page <= Math.ceil(list.list!.length / SIZES.fullList); page++) {
        const $ = loadPage(dist, relationListUrl(busiest.node.ref, list.id, page));
        // The way back names the entity and lands on the section.
        const back = $(`main a[href="${entityUrl(busiest.node.ref)}#${list.id}"]`);
        expect(back.text().replace(/\s+/g, ' ').trim()).toBe(`Back to ${busiest.node.title}`);
        listed.push(
          ...$('main .link-list > li > a:first-child')
            .map((_, a) => $(a).attr('href')!)
            .get(),
        );
      }
      expect(listed).toEqual(list.list!.map((i) => i.link.href));
    }
  });

  test('indexes are paginated and the timeline page shows a bounded window, at the sizes site.yaml sets', () => {
    expect(site.pageSizes).toEqual(SIZES);
    const companies = graph.all('companies').length;
    expect(companies).toBeGreaterThan(SIZES.index);
    const last = Math.ceil(companies / SIZES.index);
    expect(loadPage(dist, indexUrl('companies'))('tbody tr').length).toBe(SIZES.index);
    expect(loadPage(dist, indexUrl('companies', last))('tbody tr').length).toBe(companies - (last - 1) * SIZES.index);
    const timeline = loadPage(dist, timelineUrl());
    expect(timeline('[data-timeline]').attr('data-complete')).toBe('false');
    expect(timeline('[data-item]').length).toBe(SIZES.timelineWindow);
    const items = buildTimeline(graph, site.vocabulary, TEST_TODAY);
    const pages = Math.ceil(items.length / SIZES.timelinePage);
    expect(pages).toBeGreaterThan(1);
    expect(loadPage(dist, timelinePageUrl(pages))('[data-item]').length).toBe(
      items.length - (pages - 1) * SIZES.timelinePage,
    );
  });

  test('charts stay bounded: the busiest company and the home page draw at most their limits, in a few KB', () => {
    const busiest = graph
      .all('companies')
      .map((node) => ({ node, deals: graph.incoming(node.ref, 'party').length }))
      .sort((a, b) => b.deals - a.deals)[0]!;
    expect(busiest.deals, 'the corpus should have a company with many deals').toBeGreaterThan(DEALS_OVER_TIME_LIMIT);
    for (const [path, network] of [
      ['/', SITE_NETWORK_LIMITS],
      [entityUrl(busiest.node.ref), COMPANY_NETWORK_LIMITS],
    ] as const) {
      const $ = loadPage(dist, path);
      const svgs = $('svg.chart-svg');
      expect(svgs.length, path).toBeGreaterThan(0);
      const net = $('svg[data-chart="network"]');
      expect(net.find('[data-node]').length, path).toBeLessThanOrEqual(network.nodes);
      expect(net.find('path.edge').length, path).toBeLessThanOrEqual(network.links);
      expect($('svg[data-chart="ranges"] .row').length, path).toBeLessThanOrEqual(DEALS_OVER_TIME_LIMIT);
      expect($('svg[data-chart="bars"]').length, path).toBeLessThanOrEqual(CAPACITY_LIMITS.units);
      $('svg[data-chart="bars"]').each((_, svg) =>
        expect($(svg).find('.row').length, path).toBeLessThanOrEqual(CAPACITY_LIMITS.bars),
      );
      // Each drawing stays small, and so does everything the charts add (tables included).
      svgs.each((_, svg) => expect($.html(svg).length, `${path} ${$(svg).attr('data-chart')}`).toBeLessThan(24_000));
      expect($.html($('figure.chart')).length, path).toBeLessThan(80_000);
    }
  });

  test('the sidebar is the same size on every page, whatever the corpus', () => {
    const sizes = new Set(
      htmlPages(dist)
        .filter((p) => p.endsWith('/') && p !== '/404.html')
        .slice(0, 50)
        .map((p) => loadPage(dist, p)('#starlight__sidebar a').length),
    );
    expect(sizes.size).toBe(1);
    expect([...sizes][0]).toBeLessThan(20);
  });
});

describeInBrowser(`the timeline of a ${PAGES}-page corpus in a browser`, () => {
  const served = servedSite(() => dist);

  test('a filtered link shows exactly the matching items from the whole timeline, not just the window', async () => {
    const items = buildTimeline(graph, site.vocabulary, TEST_TODAY);
    const company = graph.all('companies')[3]!.ref.id;
    const expected = items
      .filter((i) =>
        matchesFilters(
          {
            companies: i.companies.map((c) => c.id),
            type: i.type,
            countries: i.countries,
            statuses: itemStates(i),
            firstYear: Number(i.date.start.slice(0, 4)),
            lastYear: Number(i.date.end.slice(0, 4)),
          },
          { company: [company], type: ['event', 'deal'] },
        ),
      )
      .map((i) => i.id);
    expect(expected.length).toBeGreaterThan(0);
    const { page, close } = await openPage(served.browser);
    const errors: string[] = [];
    page.on('console', (m) => m.type() === 'error' && errors.push(m.text()));
    await page.goto(`${served.server.origin}/timeline/?company=${company}&type=deal,event`);
    await waitInPage(page, () => document.querySelector('timeline-filters')?.getAttribute('data-state') === 'done');
    const shown = await page.$$eval('[data-timeline] [data-item]', (lis) =>
      lis.filter((li) => !(li as HTMLElement).hidden).map((li) => li.id),
    );
    expect(shown).toEqual(expected);
    expect(await page.locator('[data-count]').innerText()).toBe(`Showing ${expected.length} of ${items.length} items`);
    await close();
    expect(errors).toEqual([]);
  });
});
