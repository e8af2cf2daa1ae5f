import { seedSite } from '../support/seed-site';
import { describe, expect, test } from 'vitest';
import { htmlPages, loadPage, pagesWithDuplicateIds } from '../support/dist';

const dist = await seedSite();

describe('the site built from the bundled dataset', () => {
  test('puts no id on two elements of any page (anchors, headings and the contents stay unambiguous)', () => {
    expect(htmlPages(dist).length).toBeGreaterThan(30);
    expect(pagesWithDuplicateIds(dist)).toEqual({});
  });

  test('links every entry of a briefing’s contents to an element of the page', () => {
    const $ = loadPage(dist, '/briefings/chinese-battery-firms-turn-to-korean-partners/');
    const targets = $('starlight-toc a')
      .map((_, a) => $(a).attr('href')!.slice(1))
      .get();
    expect(targets.length).toBeGreaterThan(4);
    for (const id of targets) expect($(`[id="${id}"]`), id).toHaveLength(1);
  });
});
