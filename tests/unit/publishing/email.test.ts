import { join } from 'node:path';
import * as cheerio from 'cheerio';
import { describe, expect, test } from 'vitest';
import {
  EMAIL_CSP,
  emailBriefing,
  emailHtml,
  emailLinks,
  emailText,
  emailTextFile,
  resolveOnPage,
} from '../../../src/lib/publishing/email';
import { buildGraph } from '../../../src/lib/graph/graph';
import { loadSiteConfig } from '../../../src/lib/content/site-config';
import { fixtureVocabulary, minimalInput, UNIT_TODAY } from '../../support/content';

const site = loadSiteConfig(join(import.meta.dirname, '../../fixtures/minimal'));
const input = minimalInput();
const graph = buildGraph(input, fixtureVocabulary);
const body = input.briefings[0]!.body!;
const briefing = graph.node({ collection: 'briefings', id: 'widgets-weekly' });
const SITE = 'https://news.example.org';
const CAMPAIGN = 'utm_source=newsletter&utm_medium=email';
const email = emailBriefing(graph, site, briefing, body, emailLinks(SITE, CAMPAIGN), UNIT_TODAY);

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

describe('resolveOnPage', () => {
  test.each([
    ['#sources', '/briefings/x/#sources'],
    ['../../companies/acme/', '/companies/acme/'],
    ['deals/', '/briefings/x/deals/'],
    ['/about/?a=1#b', '/about/?a=1#b'],
    ['https://other.example.com/y', 'https://other.example.com/y'],
    ['mailto:desk@example.com', 'mailto:desk@example.com'],
  ])('%s on /briefings/x/ → %s', (href, resolved) => {
    expect(resolveOnPage(href, '/briefings/x/')).toBe(resolved);
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

  test('resolves the body’s relative links against the briefing page, as its readers follow them', () => {
    const links = emailBriefing(
      graph,
      site,
      briefing,
      'See [sources](#sources) and [Acme](../../companies/acme-widgets/).\n',
      emailLinks(SITE, ''),
      UNIT_TODAY,
    );
    const runs = links.blocks[0]!.kind === 'paragraph' ? links.blocks[0]!.runs : [];
    expect(runs.filter((r) => r.href).map((r) => r.href)).toEqual([
      'https://news.example.org/briefings/widgets-weekly/#sources',
      'https://news.example.org/companies/acme-widgets/',
    ]);
  });

  test('never links an unsafe scheme, even if the build let one through', () => {
    const unsafe = emailBriefing(
      graph,
      site,
      briefing,
      '[Click](javascript:alert(1)) [Data](data:text/html,x)\n',
      emailLinks(SITE, ''),
      UNIT_TODAY,
    );
    const runs = unsafe.blocks[0]!.kind === 'paragraph' ? unsafe.blocks[0]!.runs : [];
    expect(runs.map((r) => r.text).join('')).toBe('Click Data');
    expect(runs.some((r) => r.href)).toBe(false);
    expect(emailHtml(unsafe)).not.toMatch(/javascript:|data:text/);
  });
});

describe('what a briefing may hold besides prose', () => {
  // Reference links, a table and an image: each reaches the email, none is dropped in silence.
  const rich = emailBriefing(
    graph,
    site,
    briefing,
    [
      'See [the report][report] and [again][REPORT], or [a gone one][missing].',
      '',
      '![A red chart](./chart.png)',
      '',
      '| Year | Widgets |',
      '| ---- | ------- |',
      '| 2024 | **500** |',
      '| 2025 | 700 & \\<more\\> |',
      '',
      '[report]: https://example.com/report?a=1&b=2',
      '[report]: https://example.com/second-definition',
      '',
    ].join('\n'),
    emailLinks(SITE, CAMPAIGN),
    UNIT_TODAY,
  );

  test('a reference link is linked to its definition (the first of its label), and one without a definition is text', () => {
    const runs = rich.blocks[0]!.kind === 'paragraph' ? rich.blocks[0]!.runs : [];
    expect(runs.map((r) => [r.text, r.href ?? null])).toEqual([
      ['See ', null],
      ['the report', 'https://example.com/report?a=1&b=2'],
      [' and ', null],
      ['again', 'https://example.com/report?a=1&b=2'],
      [', or [a gone one][missing].', null],
    ]);
  });

  test('an image is described and linked to the briefing page, which shows it', () => {
    expect(rich.blocks[1]).toEqual({
      kind: 'paragraph',
      runs: [
        {
          text: '[Image: A red chart]',
          href: 'https://news.example.org/briefings/widgets-weekly/?utm_source=newsletter&utm_medium=email',
        },
      ],
    });
  });

  test('an image without a description still shows that one is there', () => {
    const bare = emailBriefing(graph, site, briefing, '![](./chart.png)\n', emailLinks(SITE, ''), UNIT_TODAY);
    expect(bare.blocks).toEqual([
      { kind: 'paragraph', runs: [{ text: '[Image]', href: 'https://news.example.org/briefings/widgets-weekly/' }] },
    ]);
  });

  test('a table keeps its header and rows: a table in HTML, a line per row in text, content escaped', () => {
    expect(rich.blocks.map((b) => b.kind)).toEqual(['paragraph', 'paragraph', 'table']);
    const $ = cheerio.load(emailHtml(rich));
    const table = $('th').first().closest('table');
    expect(
      table
        .find('th')
        .map((_, th) => $(th).text())
        .get(),
    ).toEqual(['Year', 'Widgets']);
    expect(
      table
        .find('tr')
        .slice(1)
        .map((_, tr) => $(tr).text())
        .get(),
    ).toEqual(['2024500', '2025700 & <more>']);
    expect(table.find('strong').text()).toBe('500');
    expect(table.find('more').length).toBe(0);
    const text = emailText(rich);
    expect(text).toContain('- Year: 2024; Widgets: 500\n- Year: 2025; Widgets: 700 & <more>');
    expect(text).toContain('[Image: A red chart] [');
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

  test('carries a Content-Security-Policy: nothing loads or runs but inline styles and https images', () => {
    expect(EMAIL_CSP).toBe(
      "default-src 'none'; style-src 'unsafe-inline'; img-src https:; base-uri 'none'; form-action 'none'",
    );
    const meta = $('head meta[http-equiv="Content-Security-Policy"]');
    expect(meta).toHaveLength(1);
    expect(meta.attr('content')).toBe(EMAIL_CSP);
    // It governs only what follows it: it comes right after the charset, before anything else.
    expect($('head > *').eq(1).is(meta)).toBe(true);
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

describe('statuses in the email', () => {
  test('cards carry the status as of its source, and a past-due event says so in its marker', () => {
    // The fixture's event is planned "by the end of 2024", reported on 2 January 2024.
    const marker = email.blocks[2]!.kind === 'paragraph' ? email.blocks[2]!.runs.find((r) => r.marker) : undefined;
    expect(marker?.text).toBe('[by the end of 2024; past due]');
    const deal = email.blocks[1]!.kind === 'card' ? email.blocks[1]!.facts : [];
    expect(deal.find((f) => f.label === 'Status')?.value).toBe('Signed (as of 2 January 2024)');
    const before = emailBriefing(graph, site, briefing, body, emailLinks(SITE, ''), '2024-12-31');
    const early = before.blocks[2]!.kind === 'paragraph' ? before.blocks[2]!.runs.find((r) => r.marker) : undefined;
    expect(early?.text).toBe('[by the end of 2024]');
  });

  test('an event card shows the past-due state beside the recorded status', () => {
    const card = emailBriefing(
      graph,
      site,
      briefing,
      '<Event id="acme-plant-opening" />\n',
      emailLinks(SITE, ''),
      UNIT_TODAY,
    );
    const facts = card.blocks[0]!.kind === 'card' ? card.blocks[0]!.facts : [];
    expect(facts.find((f) => f.label === 'Status')?.value).toBe(
      'Planned (as of 2 January 2024). Due by the end of 2024 — no report since 2 January 2024.',
    );
  });
});

describe('emailTextFile', () => {
  test('is the text version after a UTF-8 byte order mark, and nothing else', () => {
    const file = emailTextFile(email);
    expect([...Buffer.from(file, 'utf8').subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    expect(file.slice(1)).toBe(emailText(email));
    // What fetch().text() (the newsletter copy button) hands on: the text, without the mark.
    expect(new TextDecoder().decode(Buffer.from(file, 'utf8'))).toBe(emailText(email));
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
