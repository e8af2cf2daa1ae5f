import { join } from 'node:path';
import * as cheerio from 'cheerio';
import { describe, expect, test } from 'vitest';
import { emailBriefing, emailHtml, emailLinks, emailText } from '../../../src/lib/publishing/email';
import { buildGraph } from '../../../src/lib/graph/graph';
import { loadSiteConfig } from '../../../src/lib/content/site-config';
import { fixtureVocabulary, minimalInput } from '../../support/content';

const site = loadSiteConfig(join(import.meta.dirname, '../../fixtures/minimal'));
const input = minimalInput();
const graph = buildGraph(input, fixtureVocabulary);
const body = input.briefings[0]!.body!;
const briefing = graph.node({ collection: 'briefings', id: 'widgets-weekly' });
const SITE = 'https://news.example.org';
const CAMPAIGN = 'utm_source=newsletter&utm_medium=email';
const email = emailBriefing(graph, site, briefing, body, emailLinks(SITE, CAMPAIGN));

describe('emailLinks', () => {
  const link = emailLinks(SITE, CAMPAIGN);
  test('makes site links absolute and adds the campaign; leaves other sites alone', () => {
    expect(link('/companies/globex/')).toBe(
      'https://news.example.org/companies/globex/?utm_source=newsletter&utm_medium=email',
    );
    expect(link('https://news.example.org/a/#b')).toBe(
      'https://news.example.org/a/?utm_source=newsletter&utm_medium=email#b',
    );
    expect(link('https://other.example.com/x')).toBe('https://other.example.com/x');
    expect(emailLinks(SITE, '')('/a/')).toBe('https://news.example.org/a/');
  });
});

describe('emailBriefing', () => {
  test('turns the body into paragraphs with linked mentions, markers, cards and quotes', () => {
    expect(email.blocks.map((b) => b.kind)).toEqual(['paragraph', 'card', 'paragraph', 'quote']);
    const first = email.blocks[0]!;
    expect(first.kind === 'paragraph' && first.runs.map((r) => r.text).join('')).toBe(
      'Acme Widgets will supply its customer [Test Gazette, 2 January 2024].',
    );
    expect(email.blocks[1]).toMatchObject({ kind: 'card', kicker: 'Deal', title: 'Acme to supply widgets to Globex' });
    expect(email.blocks[3]).toMatchObject({
      kind: 'quote',
      text: 'Widgets are the future',
      speaker: 'Jane Doe, Chief widget officer, Acme Widgets',
    });
    expect(email.dateLine).toBe('Published 3 January 2024');
    expect(email.sources).toHaveLength(1);
  });
});

describe('emailHtml', () => {
  const html = emailHtml(email);
  const $ = cheerio.load(html);

  test('is email-safe: no <style>, no <script>, no classes or ids, a 600 px table layout', () => {
    expect(html).not.toMatch(/<style|<script|<link/i);
    expect($('[class]').length).toBe(0);
    expect($('[id]').length).toBe(0);
    expect($('body > table table[width="600"]').attr('style')).toContain('width: 600px');
    expect($('table').first().attr('role')).toBe('presentation');
  });

  test('uses only system fonts', () => {
    const fonts = new Set([...html.matchAll(/font-family: ([^;"]+)/g)].map((m) => m[1]!.trim()));
    for (const font of fonts) expect(font).toMatch(/^(Arial, Helvetica, sans-serif|Consolas, Menlo, monospace)$/);
  });

  test('every link is absolute, and every site link carries the campaign', () => {
    const hrefs = $('a[href]')
      .map((_, a) => $(a).attr('href')!)
      .get();
    expect(hrefs.length).toBeGreaterThan(8);
    for (const href of hrefs) {
      expect(href).toMatch(/^https:\/\/news\.example\.org\//);
      expect(new URL(href).searchParams.get('utm_medium'), href).toBe('email');
    }
  });

  test('escapes what content says', () => {
    const hostile = emailHtml({ ...email, title: '<img src=x onerror=alert(1)>', summary: 'a & b' });
    expect(hostile).toContain('&#60;img src=x onerror=alert(1)&#62;');
    expect(hostile).not.toContain('<img');
    expect(hostile).toContain('a &#38; b');
  });
});

describe('emailText', () => {
  const text = emailText(email);

  test('wraps at 72 columns; only reference lines hold longer URLs', () => {
    for (const line of text.split('\n'))
      if (line.length > 72) expect(line).toMatch(/^(\[\d+\] |Read this briefing online: )https:/);
  });

  test('numbers each link once and lists it at the end', () => {
    expect(text).toContain('Acme Widgets [1] will supply its customer [2] [3].');
    expect(text).toMatch(
      /^\[1\] https:\/\/news\.example\.org\/companies\/acme-widgets\/\?utm_source=newsletter&utm_medium=email$/m,
    );
    expect(text).toContain('  “Widgets are the future”');
    expect(text).toContain('DEAL: Acme to supply widgets to Globex');
  });
});
