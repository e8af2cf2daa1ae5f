import { seedSite } from '../support/seed-site';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { entityUrl } from '../../src/lib/routes';
import { ENTITY_COLLECTIONS } from '../../src/schemas/common';
import { loadContentRoot } from '../support/content';
import { loadPage } from '../support/dist';
import { indexedPages, type IndexedPage } from '../support/pagefind-index';

const dist = await seedSite();
const { graph } = loadContentRoot(join(import.meta.dirname, '../../src/content'));
const pages = indexedPages(dist);
const page = (url: string): IndexedPage => {
  const found = pages.find((p) => p.url === url);
  if (!found) throw new Error(`${url} is not in the search index`);
  return found;
};
const BRIEFING = '/briefings/chinese-battery-firms-turn-to-korean-partners/';

/** Text of the elements `selector` matches in what Pagefind indexes of a page (not inside an ignored part). */
function indexedTexts(url: string, selector: string): string[] {
  const $ = loadPage(dist, url);
  return $(`[data-pagefind-body] ${selector}`)
    .filter((_, el) => $(el).closest('[data-pagefind-ignore]').length === 0)
    .map((_, el) => $(el).text().trim())
    .get();
}

describe('the search index of the bundled site', () => {
  test('indexes every entity page and briefing, and nothing else', () => {
    const entities = ENTITY_COLLECTIONS.flatMap((c) => graph.all(c).map((node) => entityUrl(node.ref)));
    expect(pages.map((p) => p.url).sort()).toEqual(entities.sort());
  });

  test('reads fact boxes as "Label: value", on entity pages and in briefing cards', () => {
    expect(page('/events/catl-hungary-plant-100-gwh/').content).toContain(
      'Kind: Capacity target. Date: by the end of 2025. Status: Planned (as of 9 July 2025). Past due: Due by the end of 2025 — no report since 9 July 2025. Company: CATL. Where: Hungary.',
    );
    expect(page(BRIEFING).content).toContain(
      'Kind: Materials supply. Supplier: Solus Advanced Materials. Customer: CATL. Product: Copper foil.',
    );
    let labels = 0;
    for (const { url, content } of pages) {
      for (const dt of indexedTexts(url, 'dt')) {
        const label = dt.replace(/:\s*$/, '');
        labels++;
        expect(content, url).toContain(`${label}: `);
        // Never run into its value: "KindMaterials supply", "Delivered toCATL's".
        expect(content, url).not.toMatch(
          new RegExp(`\\b${label.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}[\\p{L}\\p{N}]`, 'u'),
        );
      }
    }
    expect(labels).toBeGreaterThan(50);
  });

  test('gives each date once: no date repeated back to back, no kicker restating the facts', () => {
    for (const { url, content } of pages) {
      expect(content, url).not.toMatch(/\b((?:[A-Za-z]+ )*(?:\d{1,2} )?(?:[A-Z][a-z]+ )?\d{4})[\s.·,]+\1\b/);
    }
    // The event marker after "by the end of 2025" is left out; excerpts drop the space it leaves.
    expect(page(BRIEFING).content).toMatch(/by the end of 2025 ?\. Another Korean copper foil maker/);
    // Summary, date, and the past-due line (what was due, said once, with what it means).
    expect(page('/events/catl-hungary-plant-100-gwh/').content.match(/by the end of 2025/g)).toHaveLength(3);
  });

  test('leaves controls out: no "Link", "Copy for newsletter" or "Quote page" in the text', () => {
    for (const { url, content } of pages) {
      expect(content, url).not.toMatch(/\bLink\.|Copy for newsletter|Quote page|Deal facts\./);
    }
  });

  test('splits a briefing at its own headings only: a card title starts no section', () => {
    const $ = loadPage(dist, BRIEFING);
    const cardTitles = $('section.card h3');
    expect(cardTitles.length).toBeGreaterThan(0);
    expect(cardTitles.filter((_, h) => $(h).attr('id') !== undefined).length).toBe(0);
    const sections = page(BRIEFING)
      .anchors.filter((a) => /^h\d$/.test(a.element) && (a.text.trim() || a.title))
      .map((a) => a.text);
    expect(sections).toEqual([
      'Chinese battery firms turn to Korean partners as they go global',
      'A Korean cell maker inside a Chinese supply chain',
      'Korean materials follow Chinese cell makers into Europe',
      'The push also runs into Korea',
    ]);
  });
});
