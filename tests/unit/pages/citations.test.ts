import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { dealCitation, eventCitation, quoteCitation, sourceCitation } from '../../../src/lib/pages/citations';
import { citationWithLink } from '../../../src/lib/routes';
import { loadContentRoot } from '../../support/content';

const { graph } = loadContentRoot(join(import.meta.dirname, '../../../src/content'));
const TODAY = '2026-11-26';
const source = 'joongang-daily-2025-07-09-chinese-battery-firms-reach-out-to-korea';

describe('citations', () => {
  test('a source names publisher, author, title and day', () => {
    expect(sourceCitation(graph, { collection: 'sources', id: source })).toBe(
      'Korea JoongAng Daily, Choi Sun-eul, “Chinese battery firms reach out to Korea in global expansion push”, 9 July 2025',
    );
  });

  test('a quote carries its exact words, speaker, role, organisation, source and, once copied, its link', () => {
    expect(
      citationWithLink(
        quoteCitation(graph, { collection: 'quotes', id: 'choi-jae-hee-chery-deal-signal' }),
        'https://site.test/quotes/q/',
      ),
    ).toMatchInlineSnapshot(`
      "“Chery’s deal sends a signal that even Chinese state-owned firms are open to working with Korea”
      — Choi Jae-hee, Senior researcher, Korea Institute for International Economic Policy.
      Source: Korea JoongAng Daily, Choi Sun-eul, “Chinese battery firms reach out to Korea in global expansion push”, 9 July 2025.
      https://site.test/quotes/q/"
    `);
  });

  test('an unnamed speaker is cited as the source describes them', () => {
    expect(quoteCitation(graph, { collection: 'quotes', id: 'industry-insider-home-turf' }).split('\n')[1]).toBe(
      '— an industry insider.',
    );
  });

  test('a deal carries parties and roles, value as reported, announcement, status as of its source (past due on the day given), source and, once copied, its link', () => {
    expect(
      citationWithLink(
        dealCitation(graph, { collection: 'deals', id: 'lg-energy-solution-chery-ev-46-series-cells' }, TODAY),
        'https://site.test/deals/d/',
      ),
    ).toMatchInlineSnapshot(`
      "LG Energy Solution to supply Chery EV with 46-series cylindrical cells. LG Energy Solution (supplier), Chery EV (customer).
      more than ₩1 trillion KRW ($726 million USD as reported), estimated; announced 9 July 2025.
      Status: Signed (as of 9 July 2025). Term start due in early 2026 — no report since 9 July 2025.
      Source: Korea JoongAng Daily, Choi Sun-eul, “Chinese battery firms reach out to Korea in global expansion push”, 9 July 2025.
      https://site.test/deals/d/"
    `);
  });

  test('an event carries what and when as the source gives them, its status as of its source (past due on the day given), and its source', () => {
    expect(eventCitation(graph, { collection: 'events', id: 'catl-hungary-plant-100-gwh' }, TODAY))
      .toMatchInlineSnapshot(`
      "CATL aims to run a 100 GWh plant in Hungary, by the end of 2025.
      Status: Planned (as of 9 July 2025). Due by the end of 2025 — no report since 9 July 2025.
      Source: Korea JoongAng Daily, Choi Sun-eul, “Chinese battery firms reach out to Korea in global expansion push”, 9 July 2025."
    `);
  });

  test('a citation on a page carries no address: the link is added where it is copied', () => {
    for (const citation of [
      quoteCitation(graph, { collection: 'quotes', id: 'choi-jae-hee-chery-deal-signal' }),
      dealCitation(graph, { collection: 'deals', id: 'lg-energy-solution-chery-ev-46-series-cells' }, TODAY),
      eventCitation(graph, { collection: 'events', id: 'catl-hungary-plant-100-gwh' }, TODAY),
    ])
      expect(citation).not.toMatch(/https?:\/\//);
    expect(citationWithLink('Line one.\nSource: X.', 'http://localhost:4321/q/')).toBe(
      'Line one.\nSource: X.\nhttp://localhost:4321/q/',
    );
  });
});
