import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import * as cheerio from 'cheerio';
import { beforeAll, describe, expect, test } from 'vitest';
import { emailUrl, entityUrl, isStandaloneDocument } from '../../src/lib/routes';
import { loadContentRoot } from '../support/content';
import { htmlPages, loadPage } from '../support/dist';
import { buildOutput, editedSite, seedSite } from '../support/seed-site';
import { sitemapPaths } from '../../scripts/lib/published.ts';

const dist = await seedSite();
const { graph } = loadContentRoot(join(import.meta.dirname, '../../src/content'));
const briefings = graph.all('briefings');

describe.each(briefings.map((b) => [b.ref.id, b] as const))('the email snippets of %s', (_, briefing) => {
  const html = readFileSync(join(dist, emailUrl(briefing.ref, 'html')), 'utf8');
  const text = readFileSync(join(dist, emailUrl(briefing.ref, 'txt')), 'utf8');
  const $ = cheerio.load(html);

  test('HTML: no <style>, <script> or stylesheet, no class attributes, a 600 px table layout', () => {
    expect(html).toMatch(/^<!DOCTYPE html>/);
    expect(html).not.toMatch(/<style|<script|<link\b/i);
    expect($('[class]').length).toBe(0);
    expect($('table[width="600"]').length).toBe(1);
    expect($('h1').text()).toBe(briefing.title);
  });

  test('HTML: every link is absolute, on the site', () => {
    const hrefs = $('a[href]')
      .map((__, a) => $(a).attr('href')!)
      .get();
    expect(hrefs).toContain(`https://briefing.example.com${entityUrl(briefing.ref)}`);
    for (const href of hrefs) expect(href).toMatch(/^https:\/\//);
    expect($('img[src], [src]').length).toBe(0);
  });

  test('text: starts with a UTF-8 byte order mark, so browsers read it as UTF-8 from any host', () => {
    expect([...readFileSync(join(dist, emailUrl(briefing.ref, 'txt'))).subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    expect(text.indexOf('\uFEFF', 1)).toBe(-1);
  });

  test('text: the same briefing, wrapped, with the links listed', () => {
    expect(text).toContain(briefing.title);
    expect(text).toContain(`https://briefing.example.com${entityUrl(briefing.ref)}`);
    for (const line of text.split('\n')) if (line.length > 72) expect(line).toMatch(/https:\/\/\S+$/);
  });
});

describe('email snippets are standalone documents, not site pages', () => {
  test('they are not in the sitemap, and are told apart from site pages', () => {
    const snippet = emailUrl(briefings[0]!.ref, 'html');
    expect(existsSync(join(dist, snippet))).toBe(true);
    expect(sitemapPaths(dist)).not.toContain(snippet);
    expect(htmlPages(dist).filter(isStandaloneDocument)).toEqual(briefings.map((b) => emailUrl(b.ref, 'html')).sort());
  });

  test('search leaves them out: Pagefind indexes only pages with a search body, which they lack', () => {
    const snippet = readFileSync(join(dist, emailUrl(briefings[0]!.ref, 'html')), 'utf8');
    expect(snippet).not.toContain('data-pagefind-body');
    expect(loadPage(dist, entityUrl(briefings[0]!.ref))('[data-pagefind-body]').length).toBe(1);
  });

  test('their inline styles are left alone by the build (site pages have theirs moved out)', () => {
    const html = readFileSync(join(dist, emailUrl(briefings[0]!.ref, 'html')), 'utf8');
    expect(html).toMatch(/<td style="/);
    expect(html).not.toContain('inline-styles');
  });

  test('the briefing page links to both', () => {
    const $ = loadPage(dist, entityUrl(briefings[0]!.ref));
    expect($(`newsletter-copy a[href="${emailUrl(briefings[0]!.ref, 'html')}"]`).length).toBe(1);
    expect($(`newsletter-copy a[href="${emailUrl(briefings[0]!.ref, 'txt')}"]`).length).toBe(1);
  });
});

// The shared "edited" site is built with its own URL and campaign parameters (CONFIGURED).
describe('a site built with its own URL and campaign parameters', () => {
  let result: { outDir: string; output: string };
  beforeAll(async () => {
    const site = await editedSite();
    result = { outDir: site.dist, output: buildOutput(site) };
  });

  test('with its URL configured, the build has no warning about it', () => {
    expect(result.output).not.toContain('BRIEFING_SITE_URL');
  });

  test('email links to the site are on that site and carry the campaign; links elsewhere stay as written', () => {
    const $ = cheerio.load(readFileSync(join(result.outDir, 'briefings/widgets-weekly/email.html'), 'utf8'));
    const hrefs = $('a[href]')
      .map((_, a) => $(a).attr('href')!)
      .get();
    const own = hrefs.filter((href) => href.startsWith('https://news.example.org/'));
    expect(own.length).toBeGreaterThan(5);
    for (const href of own) {
      expect(Object.fromEntries(new URL(href).searchParams)).toMatchObject({
        utm_source: 'newsletter',
        utm_medium: 'email',
      });
    }
    // The briefing also links to another site and to an address: neither gains the campaign.
    expect(hrefs.filter((href) => !own.includes(href)).sort()).toEqual([
      'https://example.com/a?b=1',
      'https://example.com/ref',
      'mailto:desk@example.com',
    ]);
    const text = readFileSync(join(result.outDir, 'briefings/widgets-weekly/email.txt'), 'utf8');
    expect(text).toContain('https://news.example.org/companies/acme-widgets/?utm_source=newsletter&utm_medium=email');
    expect(text).toContain('https://example.com/a?b=1');
    expect(text).not.toMatch(/example\.com\/\S*utm_/);
  });

  test('previews and feeds use that site too, without campaign parameters', () => {
    const $ = loadPage(result.outDir, '/companies/globex-sa/');
    expect($('meta[property="og:image"]').attr('content')).toBe('https://news.example.org/og/companies/globex-sa.png');
    expect($('link[rel="canonical"]').attr('href')).toBe('https://news.example.org/companies/globex-sa/');
    const rss = readFileSync(join(result.outDir, 'rss.xml'), 'utf8');
    expect(rss).toContain('<link>https://news.example.org/briefings/widgets-weekly/</link>');
    expect(rss).not.toContain('utm_');
  });
});
