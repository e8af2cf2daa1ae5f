import { seedSite } from '../support/seed-site';
import { describe, expect, test } from 'vitest';
import { htmlPages, loadPage } from '../support/dist';

const dist = await seedSite();

/** Where `href` leads from the page at `path`, as path and fragment. */
const resolve = (href: string, path: string) => {
  const url = new URL(href, `https://site.test${path}`);
  return url.pathname + url.hash;
};

describe('precise links', () => {
  test('every quote on every page has an anchor and one Share control with its link and citation', () => {
    let quotes = 0;
    for (const path of htmlPages(dist)) {
      const $ = loadPage(dist, path);
      $('figure.quote').each((_, figure) => {
        quotes++;
        const share = $(figure).find('share-actions');
        expect(share, path).toHaveLength(1);
        expect($(figure).attr('id'), path).toMatch(/^(quote|quotes-)/);
        const link = share.attr('data-path')!;
        expect(link, path).toMatch(/^\/quotes\/[a-z0-9-]+\/$/);
        // The citation carries no address: the browser adds the link on the origin it has open.
        expect(share.attr('data-citation'), path).toMatch(/^“.+”\n— .+\nSource: [^\n]+\.$/s);
        expect(share.find('button.toggle').attr('aria-expanded')).toBe('false');
        // A link to the quote's page, except on that page: no page links to itself.
        const page = share.find('a.page').attr('href');
        if (link === path) expect(page, path).toBeUndefined();
        else expect(page, path).toBe(link);
      });
    }
    expect(quotes).toBeGreaterThan(10);
  });

  test('every deal and event card offers its link, its citation and its page in one Share control', () => {
    const $ = loadPage(dist, '/briefings/chinese-battery-firms-turn-to-korean-partners/');
    const deals = $('section.card').filter((_, c) => $(c).find('.kicker').text() === 'Deal');
    expect(deals.length).toBe(2);
    deals.each((_, card) => {
      const share = $(card).find('share-actions');
      expect(share.attr('data-path')).toMatch(/^\/deals\/[a-z0-9-]+\/#facts$/);
      expect(share.find('a.page').attr('href')).toBe(share.attr('data-path'));
      expect(share.attr('data-citation')).toContain('Source: Korea JoongAng Daily');
    });
    const deal = loadPage(dist, '/deals/lg-energy-solution-chery-ev-46-series-cells/');
    expect(deal('#facts').length).toBe(1);
    const facts = deal('#facts').closest('section').find('share-actions');
    expect(facts.attr('data-citation')).toContain('more than ₩1 trillion KRW');
    expect(facts.attr('data-path')).toBe('/deals/lg-energy-solution-chery-ev-46-series-cells/#facts');
    // The deal's own page: no link to itself.
    expect(facts.find('a.page')).toHaveLength(0);
  });

  test('every section heading of briefings and entity pages has a quiet permalink to itself, as Starlight draws them', () => {
    for (const path of [
      '/briefings/chinese-battery-firms-turn-to-korean-partners/',
      '/companies/catl/',
      '/deals/lg-energy-solution-chery-ev-46-series-cells/',
    ]) {
      const $ = loadPage(dist, path);
      const headings = $('main h2[id]').filter((_, h) => $(h).attr('id') !== 'starlight__on-this-page');
      expect(headings.length, path).toBeGreaterThan(2);
      headings.each((_, h) => {
        const id = $(h).attr('id')!;
        const wrapper = $(h).parent('.sl-heading-wrapper');
        const link = wrapper.children('a.sl-anchor-link');
        // The same target as before: the page's path with the heading's id.
        expect(resolve(link.attr('href')!, path), `${path} #${id}`).toBe(`${path}#${id}`);
        expect(link.find('.sr-only').text(), `${path} #${id}`).toBe(`Section titled “${$(h).text().trim()}”`);
      });
      // One quiet control per heading: no copy buttons beside headings.
      expect($('.sl-heading-wrapper share-actions, h2 + share-actions').length, path).toBe(0);
    }
  });

  test('no page links to itself', () => {
    const self: string[] = [];
    for (const path of htmlPages(dist)) {
      const $ = loadPage(dist, path);
      $('main a[href]').each((_, a) => {
        const href = $(a).attr('href')!;
        if (resolve(href, path) === path) self.push(`${path}: “${$(a).text().trim()}”`);
      });
    }
    expect(self).toEqual([]);
  });

  test('a briefing has one control per quote, deal and event and one permalink per heading, no more', () => {
    const $ = loadPage(dist, '/briefings/chinese-battery-firms-turn-to-korean-partners/');
    const main = $('main');
    const cards = main.find('section.card').length;
    const quotes = main.find('figure.quote').length;
    expect(main.find('share-actions').length).toBe(cards + quotes);
    // Every heading of the text and footer has a permalink; a card's title is not a heading of the text.
    expect(main.find('a.sl-anchor-link').length).toBe(main.find('h2[id], h3[id]').not('section.card h3').length);
    expect(main.find('section.card h3 a.sl-anchor-link').length).toBe(0);
    // Before: 28 controls (Link, Copy link, Copy citation, Quote page, Deal facts) in about 960 words.
    expect(main.find('share-actions').length + main.find('a.sl-anchor-link').length).toBeLessThanOrEqual(11);
  });
});
