import { seedSite, SHARED_BUILD_FILES, TEST_TODAY } from '../support/seed-site';
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { describe, expect, test } from 'vitest';
import { scanPage } from '../../src/lib/build/link-check';
import { readContent } from '../../src/lib/content/check';
import { DEFAULT_SITE_URL } from '../../src/lib/publishing/site-url';
import { briefingBodies, publishedSite } from '../../src/lib/content/site-links';
import { anchorUrl, entityUrl } from '../../src/lib/routes';
import { PROJECT_ROOT } from '../../scripts/lib/build-site.ts';
import { loadContentRoot } from '../support/content';
import { htmlPages, loadPage } from '../support/dist';

const dist = await seedSite();
const { graph, site } = loadContentRoot(join(import.meta.dirname, '../../src/content'));

const HARNESS_FILES = SHARED_BUILD_FILES.map((file) => `/${file}`);

describe('the site built from the bundled dataset', () => {
  test('has a home page presenting the latest briefings and the entity indexes', () => {
    const $ = loadPage(dist, '/');
    expect($('title').text()).toContain(site.title);
    const briefingLinks = $('main a[href^="/briefings/"]')
      .map((_, a) => $(a).attr('href'))
      .get();
    for (const briefing of graph.all('briefings').slice(0, 5)) expect(briefingLinks).toContain(entityUrl(briefing.ref));
    expect($('main').text()).toMatch(/11\s*Companies/);
  });

  test('the home page shows the latest deals and events with their dates, and feeds to follow', () => {
    const $ = loadPage(dist, '/');
    const latest = $('h2:contains("Latest deals and events") + ul > li');
    expect(latest.length).toBeGreaterThan(0);
    expect(latest.length).toBeLessThanOrEqual(6);
    latest.each((_, li) => {
      expect($(li).find('time[datetime]').text().trim()).not.toBe('');
      expect($(li).find('.what a').attr('href')).toMatch(/^\/(deals|events)\//);
    });
    expect($('.follow a[href="/rss.xml"][type="application/rss+xml"]').length).toBe(1);
    expect($('.follow a[href="/feed.json"][type="application/feed+json"]').length).toBe(1);
  });

  test('every company page offers its own feed in a "Follow" block', () => {
    for (const company of graph.all('companies')) {
      const $ = loadPage(dist, entityUrl(company.ref));
      const follow = $('.follow');
      expect(follow.find('bdi').first().text(), entityUrl(company.ref)).toBe(company.title);
      expect(follow.find(`a[href="/companies/${company.ref.id}/feed.xml"]`).text()).toBe('RSS');
      // The same feed the page advertises to feed readers.
      expect($(`link[rel="alternate"][href$="/companies/${company.ref.id}/feed.xml"]`).length).toBe(1);
    }
  });

  test("is a production build, as readers get it (tests run builds outside Vitest's test mode)", () => {
    const $ = loadPage(dist, '/');
    expect($('body').text()).not.toContain('only available in production');
    expect($('site-search dialog').length).toBe(1);
  });

  test('has a page for every briefing, with its title, summary, covered entities and sources', () => {
    for (const briefing of graph.all('briefings')) {
      const $ = loadPage(dist, entityUrl(briefing.ref));
      expect($('h1').text()).toBe(briefing.title);
      expect($('main').text()).toContain(briefing.data.summary);
      const links = new Set(
        $('main a')
          .map((_, a) => $(a).attr('href'))
          .get(),
      );
      for (const edge of graph.outgoing(briefing.ref)) {
        if (edge.kind === 'about' || edge.kind === 'cites' || edge.kind === 'mentions')
          expect(links).toContain(entityUrl(edge.to));
      }
    }
  });

  test('puts an anchor on every mention the graph records, so backlinks land on it', () => {
    for (const briefing of graph.all('briefings')) {
      const $ = loadPage(dist, entityUrl(briefing.ref));
      for (const edge of graph.outgoing(briefing.ref, 'mentions')) {
        const anchor = edge.mention!.anchor;
        expect($(`[id="${anchor}"]`).length, anchorUrl(briefing.ref, anchor)).toBe(1);
      }
    }
  });

  test('renders quotes verbatim with their speaker', () => {
    const $ = loadPage(dist, '/briefings/chinese-battery-firms-turn-to-korean-partners/');
    const quote = $('#quotes-choi-jae-hee-chery-deal-signal');
    expect(quote.find('blockquote').text().trim()).toBe(
      graph.node({ collection: 'quotes', id: 'choi-jae-hee-chery-deal-signal' }).data.text,
    );
    expect(quote.find('figcaption').text()).toContain('Choi Jae-hee');
  });

  test('publishes exactly the pages, element ids and files the content check derives without rendering', () => {
    // check:content and the dev server find broken briefing links from this derived map; were it
    // to miss an id the build has, they would report a link the build accepts (and vice versa).
    const reading = readContent(join(PROJECT_ROOT, 'src/content'), PROJECT_ROOT);
    const map = publishedSite(graph, site, briefingBodies(reading.input), PROJECT_ROOT, {
      siteUrl: DEFAULT_SITE_URL,
      today: TEST_TODAY,
    });
    const snippets = /\/email\.html$/;
    const built = new Map(
      htmlPages(dist)
        .filter((path) => !snippets.test(path))
        .map((path) => {
          const file = path.endsWith('/') ? `${path}index.html` : path;
          return [path, [...scanPage(readFileSync(join(dist, file), 'utf8')).anchors].sort()];
        }),
    );
    const derived = new Map([...map.pages].map(([path, ids]) => [path, [...ids].sort()]));
    expect(Object.fromEntries(derived)).toEqual(Object.fromEntries(built));
    const files = readdirSync(dist, { recursive: true, withFileTypes: true })
      .filter((entry) => entry.isFile())
      .map((entry) => `/${relative(dist, join(entry.parentPath, entry.name)).split(sep).join('/')}`)
      .filter((path) => (!path.endsWith('.html') || snippets.test(path)) && !/^\/(_astro|pagefind)\//.test(path))
      // What the shared build adds beside the site (tests/support/seed-site.ts), not the build.
      .filter((path) => !HARNESS_FILES.includes(path));
    expect([...map.files].sort()).toEqual(files.sort());
  });
});
