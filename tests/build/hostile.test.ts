import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import * as cheerio from 'cheerio';
import { beforeAll, describe, expect, test } from 'vitest';
import { EMAIL_CSP } from '../../src/lib/publishing/email';
import { emailUrl, entityUrl, isStandaloneDocument } from '../../src/lib/routes';
import { ENTITY_COLLECTIONS } from '../../src/schemas/common';
import { loadContentRoot } from '../support/content';
import { fileFor, htmlPages, loadPage, pagesWithDuplicateIds } from '../support/dist';
import { buildOutput, hostileSite } from '../support/seed-site';

// The site's, a company's, a deal's and the briefing's names in this fixture try to leave the
// page's <title> and write into the head (a refresh to another host, a <base>, an <h1>, a script);
// see its site.yaml. These tests read
// the raw HTML the build wrote; tests/e2e/hostile.test.ts opens the same pages in Chromium.
const FIXTURE = join(import.meta.dirname, '../fixtures/hostile');
const BREAKOUT = /^<\/title>.*<meta http-equiv="refresh" content="0;url=https:\/\/evil\.example\/">/;
const { graph, site } = loadContentRoot(FIXTURE);

describe('a site whose names and titles try to leave <title>', () => {
  let result: { outDir: string; ok: boolean; output: string };
  let pages: string[] = [];
  beforeAll(async () => {
    const site = await hostileSite();
    result = { outDir: site.dist, ok: true, output: buildOutput(site) };
    pages = htmlPages(result.outDir);
  });

  test('builds', () => {
    expect(result.ok, result.output.slice(-3000)).toBe(true);
    expect(pages.length).toBeGreaterThan(15);
  });

  test('built without BRIEFING_SITE_URL, it says so once, naming the variable and what it affects', () => {
    const warnings = result.output.split('\n').filter((line) => line.includes('BRIEFING_SITE_URL'));
    expect(warnings).toHaveLength(1);
    expect(warnings[0]).toMatch(
      /WARN.*BRIEFING_SITE_URL is not set, so canonical links, .*feeds.* point at https:\/\/briefing\.example\.com/,
    );
  });

  test('every page has exactly one document <title>, and nothing the payload would create is in its head', () => {
    for (const page of pages) {
      const $ = cheerio.load(readFileSync(fileFor(result.outDir, page), 'utf8'));
      // Charts' SVGs carry <title>s of their own, in the body; the document has one, in the head.
      expect($('title').not('svg title'), page).toHaveLength(1);
      expect($('head > title'), page).toHaveLength(1);
      expect($('head meta[http-equiv="refresh"], head base, head h1, head img, head svg'), page).toHaveLength(0);
      expect($('#pwned, meta[http-equiv="refresh"], base'), page).toHaveLength(0);
      const scripts = $('script')
        .map((_, s) => $(s).text())
        .get();
      expect(
        scripts.filter((s) => s.includes('__pwned')),
        page,
      ).toEqual([]);
    }
  });

  test('charts draw hostile names and products as text, never as markup', () => {
    const $ = loadPage(result.outDir, entityUrl({ collection: 'companies', id: 'evil-corp' }));
    const svgs = $('svg.chart-svg');
    expect(svgs.map((_, s) => $(s).attr('data-chart')).get()).toEqual(['network', 'ranges', 'bars']);
    expect(svgs.find('script, img, foreignObject, h1, [onload], [onerror]')).toHaveLength(0);
    expect(svgs.text()).toContain('<script>window.__pwned=1</script>');
  });

  test('an entity page’s <title> and h1 read as the literal name, escaped exactly once', () => {
    for (const collection of ENTITY_COLLECTIONS) {
      for (const node of graph.all(collection)) {
        const $ = loadPage(result.outDir, entityUrl(node.ref));
        const h1 = $('h1#_top').text().trim();
        // A quote's page is titled by its speaker and words; every other page by the name.
        if (collection !== 'quotes') expect(h1, entityUrl(node.ref)).toBe(node.title);
        expect(h1, entityUrl(node.ref)).toContain(node.title);
        expect($('head > title').text(), entityUrl(node.ref)).toBe(`${h1} | ${site.title}`);
        expect($('meta[property="og:title"]').attr('content')).toBe(h1);
      }
    }
    for (const name of [
      graph.node({ collection: 'companies', id: 'evil-corp' }).title,
      graph.node({ collection: 'deals', id: 'evil-deal' }).title,
      graph.all('briefings')[0]!.title,
      site.title,
    ])
      expect(name).toMatch(BREAKOUT);
  });

  test('sidebar labels and the table of contents show the literal text', () => {
    const briefing = graph.all('briefings')[0]!;
    const $ = loadPage(result.outDir, entityUrl(briefing.ref));
    expect(
      $(`#starlight__sidebar a[href="${entityUrl(briefing.ref)}"]`)
        .text()
        .trim(),
    ).toBe(briefing.title);
    expect(
      $('starlight-toc a')
        .map((_, a) => $(a).text().trim())
        .get(),
    ).toContain('</title><script>window.__pwned=1</script> a heading');
  });

  test('email snippets: one <title>, the policy, nothing else in the head', () => {
    const snippets = pages.filter(isStandaloneDocument);
    expect(snippets).toEqual(graph.all('briefings').map((b) => emailUrl(b.ref, 'html')));
    for (const snippet of snippets) {
      const $ = loadPage(result.outDir, snippet);
      expect($('title')).toHaveLength(1);
      expect($('title').text()).toBe(graph.all('briefings')[0]!.title);
      expect($('head meta[http-equiv="Content-Security-Policy"]').attr('content')).toBe(EMAIL_CSP);
      expect($('meta[http-equiv="refresh"], base, script, #pwned')).toHaveLength(0);
    }
  });

  test('no id is on two elements of any page, even where a heading takes a generated id’s name', () => {
    expect(pagesWithDuplicateIds(result.outDir)).toEqual({});
    const $ = loadPage(result.outDir, entityUrl(graph.all('briefings')[0]!.ref));
    expect(
      $('main h2[id]')
        .map((_, h) => $(h).attr('id'))
        .get(),
    ).toEqual(['titlescriptwindow__pwned1script-a-heading', 'sources-2', 'companies-evil-corp-2', 'covers', 'sources']);
  });
});
