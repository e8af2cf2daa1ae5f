import { seedSite } from '../support/seed-site';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { anchorUrl, entityUrl, indexUrl } from '../../src/lib/routes';
import { ENTITY_COLLECTIONS } from '../../src/schemas/common';
import { loadContentRoot } from '../support/content';
import { fileFor, htmlPages, loadPage } from '../support/dist';

const dist = await seedSite();
const { graph } = loadContentRoot(join(import.meta.dirname, '../../src/content'));

/** Internal link targets of a built page's main content and sidebar, without the origin. */
function linksOn(urlPath: string): Set<string> {
  const $ = loadPage(dist, urlPath);
  return new Set(
    $('a[href]')
      .map((_, a) => $(a).attr('href')!)
      .get()
      .filter((href) => href.startsWith('/')),
  );
}

const pages = new Map<string, Set<string>>();
function links(urlPath: string) {
  if (!pages.has(urlPath)) pages.set(urlPath, linksOn(urlPath));
  return pages.get(urlPath)!;
}

describe('entity pages', () => {
  test('every entity has a page whose heading is its name', () => {
    for (const collection of ENTITY_COLLECTIONS) {
      for (const node of graph.all(collection)) {
        const url = entityUrl(node.ref);
        expect(existsSync(fileFor(dist, url)), url).toBe(true);
        expect(loadPage(dist, url)('h1').text().trim(), url).toContain(node.title.replace(/…$/, ''));
      }
    }
  });

  test('every collection has an index page listing each of its entities', () => {
    for (const collection of ENTITY_COLLECTIONS) {
      const listed = links(indexUrl(collection));
      for (const node of graph.all(collection))
        expect(listed, `${indexUrl(collection)} → ${node.ref.id}`).toContain(entityUrl(node.ref));
    }
  });

  test('every relation is listed on both sides: each page links to the other', () => {
    for (const collection of ENTITY_COLLECTIONS) {
      for (const node of graph.all(collection)) {
        for (const edge of graph.outgoing(node.ref)) {
          const from = entityUrl(edge.from);
          const to = entityUrl(edge.to);
          expect(links(from), `${edge.kind}: ${from} should link to ${to}`).toContain(to);
          expect(links(to), `${edge.kind}: ${to} should link back to ${from}`).toContain(from);
        }
      }
    }
  });

  test('every mention in a briefing appears on the mentioned page, linked to its anchor', () => {
    for (const briefing of graph.all('briefings')) {
      for (const edge of graph.outgoing(briefing.ref, 'mentions')) {
        const target = anchorUrl(briefing.ref, edge.mention!.anchor);
        expect(links(entityUrl(edge.to)), `${entityUrl(edge.to)} should link to ${target}`).toContain(target);
      }
    }
  });

  test('every internal link on every page resolves to a built page', () => {
    const built = new Set(htmlPages(dist));
    for (const page of built) {
      for (const href of links(page)) {
        const path = href.split('#')[0]!.split('?')[0]!;
        if (path.startsWith('/_astro/') || path.startsWith('/pagefind/') || /\.\w+$/.test(path)) continue;
        expect(built, `${page} links to ${href}`).toContain(path);
      }
    }
  });

  test('a company page shows its deals with roles, counterparties, quotes and events', () => {
    const $ = loadPage(dist, '/companies/catl/');
    const deals = $('#deals').closest('section');
    expect(deals.find('tbody tr')).toHaveLength(2);
    expect(deals.text()).toMatch(/Solus Advanced Materials to supply copper foil to CATL in Europe\s*Customer/);
    expect($('#counterparties').closest('section').text()).toContain('Kia');
    expect($('#events').closest('section').text()).toContain('by the end of 2025');
  });

  test('a subsidiary names its parent and the parent lists its subsidiary', () => {
    expect(loadPage(dist, '/companies/chery-ev/')('dl').text()).toMatch(/Parent:\s*Chery Automobile/);
    expect(loadPage(dist, '/companies/chery-automobile/')('dl').text()).toMatch(/Subsidiaries:\s*Chery EV/);
  });

  test('a deal page shows value in its currency, the reported conversion and the qualifier', () => {
    const text = loadPage(dist, '/deals/lg-energy-solution-chery-ev-46-series-cells/')('dl').text();
    expect(text).toContain('more than ₩1 trillion KRW ($726 million USD as reported), estimated');
    expect(text).toMatch(/Term:\s*6 years from early 2026/);
    expect(text).toMatch(/Volume:\s*8 GWh/);
  });

  test('a quote page shows the verbatim quote with speaker, role and source', () => {
    const $ = loadPage(dist, '/quotes/choi-jae-hee-chery-deal-signal/');
    expect($('blockquote').first().text().trim()).toBe(
      'Chery’s deal sends a signal that even Chinese state-owned firms are open to working with Korea',
    );
    expect($('figcaption').first().text()).toMatch(
      /Choi Jae-hee, Senior researcher, Korea Institute for International Economic Policy/,
    );
  });
});
