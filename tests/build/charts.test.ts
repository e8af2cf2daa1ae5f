import { seedSite } from '../support/seed-site';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { supplyPairs } from '../../src/lib/charts/network';
import { entityUrl, indexUrl } from '../../src/lib/routes';
import { loadContentRoot } from '../support/content';
import { loadPage } from '../support/dist';

const dist = await seedSite();
const { graph, site } = loadContentRoot(join(import.meta.dirname, '../../src/content'));

/** Every supply tie of the bundled dataset: `supplier>customer`. */
const ties = [
  ...new Set(graph.all('deals').flatMap((d) => supplyPairs(d.data).map((p) => `${p.supplier.id}>${p.customer.id}`))),
];

/** What a chart on a built page shows and says, read from its HTML. */
function chartsOn(path: string) {
  const $ = loadPage(dist, path);
  return {
    $,
    charts: $('figure.chart')
      .map((_, figure) => {
        const svgs = $(figure).find('svg.chart-svg');
        return {
          html: $.html(figure),
          kinds: svgs.map((_, s) => $(s).attr('data-chart')).get(),
          svgs: svgs
            .map((_, s) => ({
              labelledBy: $(s).attr('aria-labelledby')!,
              describedBy: $(s).attr('aria-describedby')!,
              role: $(s).attr('role'),
              title: $(s).children('title').first(),
            }))
            .get(),
          summary: $(figure).find('figcaption').text().trim(),
          tableRows: $(figure).find('details table tbody tr').length,
          nodes: $(figure)
            .find('[data-node]')
            .map((_, n) => $(n).attr('data-node'))
            .get(),
          edges: $(figure)
            .find('path.edge')
            .map((_, e) => `${$(e).attr('data-from')}>${$(e).attr('data-to')}`)
            .get(),
        };
      })
      .get(),
  };
}

describe('charts drawn at build time', () => {
  test('the home page draws every company and every supply tie of the seed network', () => {
    expect(ties.length).toBeGreaterThan(2);
    const { charts } = chartsOn('/');
    const network = charts.find((c) => c.kinds.includes('network'))!;
    expect(network.edges.sort()).toEqual([...ties].sort());
    const companies = new Set(ties.flatMap((t) => t.split('>')));
    expect(network.nodes.sort()).toEqual([...companies].sort());
    // Every name is drawn, and publishers (no supply deals) are not.
    for (const id of companies)
      expect(network.html).toContain(graph.node({ collection: 'companies', id }).title.split(' ')[0]);
    expect(network.nodes).not.toContain('korea-joongang-daily');
    // The table holds one row per tie and deal, with the same companies linked.
    expect(network.tableRows).toBe(ties.length);
  });

  test('every chart has a title, a summary in words, a data table, and no style attribute', () => {
    for (const path of [
      '/',
      entityUrl({ collection: 'companies', id: 'catl' }),
      entityUrl({ collection: 'companies', id: 'lg-energy-solution' }),
    ]) {
      const { $, charts } = chartsOn(path);
      expect(charts.length, path).toBeGreaterThan(0);
      for (const chart of charts) {
        expect(chart.summary.length, path).toBeGreaterThan(40);
        expect(chart.tableRows, path).toBeGreaterThan(0);
        expect(chart.html).not.toMatch(/\sstyle\s*=/i);
        expect(chart.html).not.toMatch(/<style/i);
        for (const svg of chart.svgs) {
          expect(svg.role).toBe('img');
          expect(svg.title.text().trim().length).toBeGreaterThan(3);
          expect($(`#${svg.labelledBy}`).is(svg.title)).toBe(true);
          expect($(`#${svg.describedBy}`).text().trim()).toBe(chart.summary);
        }
      }
    }
  });

  test("a company page centres the network on the company and draws its deals' dates as ranges", () => {
    const { $, charts } = chartsOn(entityUrl({ collection: 'companies', id: 'catl' }));
    const network = charts.find((c) => c.kinds.includes('network'))!;
    expect(network.nodes).toEqual(expect.arrayContaining(['catl', 'kia', 'solus-advanced-materials']));
    expect(network.edges.sort()).toEqual(['catl>kia', 'solus-advanced-materials>catl']);
    expect($('[data-node="catl"]').hasClass('focus')).toBe(true);
    const overTime = charts.find((c) => c.kinds.includes('ranges'))!;
    // Both deals are dated: "June 2025" and "2025, before 9 July" (January to 8 July: a range).
    expect(overTime.tableRows).toBe(2);
    expect(overTime.html).toContain('Announced: 2025, before 9 July');
    const capacity = charts.find((c) => c.kinds.includes('bars'))!;
    expect(capacity.html).toContain('100 GWh a year');
    expect(capacity.html).toContain('GWh a year');
  });

  test('a deal with a term draws its planned term apart from its announcement, in its own currency', () => {
    const { charts } = chartsOn(entityUrl({ collection: 'companies', id: 'lg-energy-solution' }));
    const overTime = charts.find((c) => c.kinds.includes('ranges'))!;
    expect(overTime.html).toMatch(/class="span happened[^"]*"/);
    expect(overTime.html).toMatch(/class="span planned[^"]*"/);
    expect(overTime.html).toContain('₩1 trillion KRW');
    expect(overTime.html).not.toContain('$726');
  });
});

describe('the companies index, by kind', () => {
  test('one section per kind in the vocabulary, with counts, publishers last; every company once', () => {
    const $ = loadPage(dist, indexUrl('companies'));
    const groups = $('[data-group]')
      .map((_, g) => ({ id: $(g).attr('data-group')!, rows: $(g).find('tbody tr').length }))
      .get();
    const kinds = site.vocabulary.terms.companyKinds;
    expect(groups.at(-1)!.id).toBe('publisher');
    expect(groups.map((g) => g.id).every((id) => id in kinds)).toBe(true);
    for (const group of groups) {
      const companies = graph.all('companies').filter((c) => c.data.kind === group.id);
      expect(group.rows, group.id).toBe(companies.length);
      expect($(`#kind-${group.id}`).text()).toContain(`(${companies.length})`);
    }
    expect(groups.reduce((n, g) => n + g.rows, 0)).toBe(graph.all('companies').length);
    // Sort keys and filter values are in the HTML for the script; the table reads without it.
    expect($('table[data-sortable] th[data-sort-key="country"]').length).toBe(groups.length);
    expect($('tr[data-filter-kind="publisher"]').length).toBe(2);
  });
});
