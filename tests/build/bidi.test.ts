import { join } from 'node:path';
import type { Cheerio, CheerioAPI } from 'cheerio';
import type { AnyNode } from 'domhandler';
import { describe, expect, test } from 'vitest';
import { entityUrl, timelineUrl } from '../../src/lib/routes';
import { loadContentRoot } from '../support/content';
import { loadPage } from '../support/dist';
import { seedSite } from '../support/seed-site';

// A name in a right-to-left script (or one that slipped past the schema) must not reorder the
// words around it: components print names inside <bdi>. Checked on the built bundled site,
// because what is proven is the markup the components write, wherever a name meets other text.
const dist = await seedSite();
const { graph } = loadContentRoot(join(import.meta.dirname, '../../src/content'));

/** The links among `links` whose whole text is not inside one <bdi>. */
function unisolated($: CheerioAPI, links: Cheerio<AnyNode>): string[] {
  return links
    .filter((_, a) => {
      const bdi = $(a).children('bdi');
      return !(bdi.length === 1 && bdi.text() === $(a).text().trim());
    })
    .map((_, a) => $.html(a))
    .get();
}

describe('names in built pages', () => {
  const catl = entityUrl({ collection: 'companies', id: 'catl' });

  test('mentions in a briefing isolate the name they print', () => {
    for (const briefing of graph.all('briefings')) {
      const $ = loadPage(dist, entityUrl(briefing.ref));
      const mentions = $('main a.mention');
      expect(mentions.length, entityUrl(briefing.ref)).toBeGreaterThan(0);
      expect(unisolated($, mentions)).toEqual([]);
      // Cards of deals and events standing on their own line.
      expect($('main .card .title a').length).toBeGreaterThan(0);
      expect(unisolated($, $('main .card .title a'))).toEqual([]);
      // A citation reads "[publisher, day]": the publisher's name is the part in <bdi>.
      $('main a.cite').each((_, a) => {
        const name = /^\[(.+), [^,]+\]$/.exec($(a).text().trim())?.[1];
        expect($(a).children('bdi').text()).toBe(name);
      });
      expect($('main a.cite').length).toBeGreaterThan(0);
    }
  });

  test('a company page isolates names in its kicker, facts, tables, lists, timeline and backlinks', () => {
    const $ = loadPage(dist, catl);
    const kicker = $('main .kicker');
    expect(kicker.children('bdi').length).toBe(3);
    expect(kicker.text()).toBe('Company · Battery cell maker · China');
    for (const selector of [
      'main table a',
      'main .link-list a',
      'main .timeline .what a',
      'main .timeline .companies a',
      'main .backlinks .briefing a',
    ]) {
      expect($(selector).length, selector).toBeGreaterThan(0);
      expect(unisolated($, $(selector)), selector).toEqual([]);
    }
    expect($('main .full a bdi').text()).toBe('CATL');
  });

  test('facts isolate linked names and the text from content beside them', () => {
    let $ = loadPage(dist, entityUrl({ collection: 'companies', id: 'chery-ev' }));
    expect($('main .facts a').length).toBeGreaterThan(0);
    expect(unisolated($, $('main .facts a'))).toEqual([]);
    $ = loadPage(dist, catl);
    const aliases = $('main .facts dt')
      // The label's text, without the visually hidden ": " that follows it.
      .filter((_, dt) => $(dt).contents().first().text() === 'Also known as')
      .next('dd');
    expect(aliases.children('bdi').text()).toBe('Contemporary Amperex Technology, 宁德时代');
  });

  test('the timeline company picker isolates names with FSI…PDI (an <option> takes no markup)', () => {
    const $ = loadPage(dist, timelineUrl());
    const option = $('select[name="company"] option[value="catl"]');
    expect(option.children().length).toBe(0);
    expect(option.text().trim()).toMatch(/^\u2068CATL\u2069 \(\d+\)$/);
  });
});
