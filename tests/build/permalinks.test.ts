import { seedSite } from '../support/seed-site';
import { describe, expect, test } from 'vitest';
import { htmlPages, loadPage } from '../support/dist';

const dist = await seedSite();
const SITE = 'https://briefing.example.com';

describe('precise links', () => {
  test('every quote on every page has an anchor, a permalink and a citation to copy', () => {
    let quotes = 0;
    for (const path of htmlPages(dist)) {
      const $ = loadPage(dist, path);
      $('figure.quote').each((_, figure) => {
        quotes++;
        const share = $(figure).find('share-actions');
        expect($(figure).attr('id'), path).toMatch(/^(quote|quotes-)/);
        expect(share.find('a.permalink').attr('href'), path).toMatch(/^\/quotes\/[a-z0-9-]+\/$/);
        expect(share.attr('data-url'), path).toMatch(new RegExp(`^${SITE}/quotes/`));
        expect(share.attr('data-citation'), path).toMatch(/^“.+”\n— .+\nSource: .+\nhttps:\/\//s);
      });
    }
    expect(quotes).toBeGreaterThan(10);
  });

  test('every deal fact box links to the deal page facts and offers a citation', () => {
    const $ = loadPage(dist, '/briefings/chinese-battery-firms-turn-to-korean-partners/');
    const cards = $('section.card').filter((_, c) => $(c).find('.kicker').text() === 'Deal');
    expect(cards.length).toBe(2);
    cards.each((_, card) => {
      const share = $(card).find('share-actions');
      expect(share.find('a.permalink').attr('href')).toMatch(/^\/deals\/[a-z0-9-]+\/#facts$/);
      expect(share.attr('data-citation')).toContain('Source: Korea JoongAng Daily');
    });
    const deal = loadPage(dist, '/deals/lg-energy-solution-chery-ev-46-series-cells/');
    expect(deal('#facts').length).toBe(1);
    expect(deal('#facts').closest('section').find('share-actions').attr('data-citation')).toContain(
      'more than ₩1 trillion KRW',
    );
  });

  test('every section heading of briefings and entity pages has a permalink to itself', () => {
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
        const link = $(h).parent().find('share-actions a.permalink').attr('href');
        expect(link, `${path} #${id}`).toBe(`${path}#${id}`);
      });
    }
  });
});
