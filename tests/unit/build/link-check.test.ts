import { describe, expect, test } from 'vitest';
import { getHeapStatistics, setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { findBrokenLinks, linkTarget, scanPage } from '../../../src/lib/build/link-check';

describe('scanPage', () => {
  test('collects ids and link targets, ignoring markup inside scripts', () => {
    const page = scanPage(
      `<h2 id="deals">D</h2><a href="/x/#deals">x</a><a name="old"></a><script>'<a href="/fake/">'</script><area href="/y/">`,
    );
    expect(page.anchors).toEqual(new Set(['deals', 'old']));
    expect(page.links).toEqual(['/x/#deals', '/y/']);
  });

  test('decodes entities in attributes', () => {
    expect(scanPage('<a href="/a/?q=1&amp;type=deal">x</a>').links).toEqual(['/a/?q=1&type=deal']);
  });
});

describe('findBrokenLinks', () => {
  const pages = new Map([
    [
      '/',
      scanPage(
        '<a href="/companies/catl/#deals">ok</a><a href="companies/catl/">relative ok</a><a href="https://example.org/">external</a>',
      ),
    ],
    ['/companies/catl/', scanPage('<h2 id="deals">Deals</h2><a href="/rss.xml">feed</a><a href="#top">top</a>')],
  ]);
  const options = { origin: 'https://site.test', fileExists: (path: string) => path === '/rss.xml' };

  test('accepts links to pages, anchors, files and other hosts', () => {
    expect(findBrokenLinks(pages, options)).toEqual([]);
  });

  test('reports a missing page, a missing anchor and a missing file', () => {
    const broken = new Map([
      ...pages,
      [
        '/people/',
        scanPage(
          '<a href="/companies/nope/">a</a><a href="/companies/catl/#people">b</a><a href="/feed.json">c</a><a href="https://site.test/gone/">d</a>',
        ),
      ],
    ]);
    expect(findBrokenLinks(broken, options)).toEqual([
      '/people/ → /companies/nope/: no page at /companies/nope/',
      '/people/ → /companies/catl/#people: no element with id "people" on /companies/catl/',
      '/people/ → /feed.json: no page at /feed.json',
      '/people/ → https://site.test/gone/: no page at /gone/',
    ]);
  });

  test('a link written on many pages is reported on each; a relative link is read from its own page', () => {
    const site = new Map([
      ['/a/', scanPage('<h2 id="x">A</h2><a href="/gone/">1</a><a href="#x">2</a><a href="b/">3</a>')],
      ['/b/', scanPage('<a href="/gone/">1</a><a href="#x">2</a><a href="b/">3</a>')],
      ['/a/b/', scanPage('<a href="/gone/">1</a>')],
    ]);
    expect(findBrokenLinks(site, options)).toEqual([
      '/a/ → /gone/: no page at /gone/',
      '/b/ → /gone/: no page at /gone/',
      '/b/ → #x: no element with id "x" on /b/',
      '/b/ → b/: no page at /b/b/',
      '/a/b/ → /gone/: no page at /gone/',
    ]);
  });
});

describe('linkTarget', () => {
  const origin = 'https://briefing.example.com';
  /** The target as a URL reads it: what every link's target must equal. */
  const byUrl = (page: string, href: string) => {
    if (/^(mailto|tel|data|javascript):/i.test(href)) return 'external';
    let url: URL;
    try {
      url = new URL(href, new URL(page, origin));
    } catch {
      return 'invalid';
    }
    if (url.origin !== origin) return 'external';
    try {
      return { path: decodeURIComponent(url.pathname), fragment: decodeURIComponent(url.hash.slice(1)) };
    } catch {
      return 'invalid';
    }
  };

  test('reads every kind of link as a URL does, plain root-relative links without parsing one', () => {
    const hrefs = [
      '/companies/acme/',
      '/companies/acme/#deals',
      '/companies/acme',
      '/',
      '/#top',
      '/companies/acme/#',
      '/companies/acme/#caf%C3%A9',
      '/companies/acme/#bad%E0%A4%A',
      '/companies/acme/#a b',
      '/companies/acme/#a"b',
      '/companies/./acme/',
      '/companies/../about/',
      '/companies/acme/..',
      '/companies/acme/.',
      '/companies/%2e%2e/about/',
      '/companies/%E0%A4%A/',
      '/companies/caf%C3%A9/',
      '/companies/café/',
      '/companies/a b/',
      '/companies/acme/?page=2#x',
      '/companies\\acme/',
      '/companies/acme/\t',
      '//other.example/x',
      '//briefing.example.com/companies/acme/',
      'https://briefing.example.com/companies/acme/#deals',
      'HTTPS://BRIEFING.EXAMPLE.COM/companies/acme/',
      'https://other.example/companies/acme/',
      'http://[bad',
      '#deals',
      '#',
      '#caf%C3%A9',
      '#bad%E0%A4%A',
      '#a b',
      '#a#b',
      '#top?x=1',
      '',
      'acme/',
      '../people/jane/#quotes',
      'mailto:desk@example.com',
      'JavaScript:alert(1)',
      '/companies/acme_1~x/(a)!$&*+,;=:@/',
    ];
    for (const page of ['/companies/globex/', '/briefings/weekly/', '/companies/caf%C3%A9/', '/a b/', '/x/../y/']) {
      for (const href of hrefs) expect(linkTarget(page, href, origin), `${page} → ${href}`).toEqual(byUrl(page, href));
    }
  });
});

describe('scanPage with hostile attribute values', () => {
  test('an attribute holding "<script>" does not hide the rest of the page', () => {
    const page = scanPage(
      `<a id="a" title="<script>x()</script>" href="/one/">1</a><h2 id="b">B</h2><!-- <a href="/commented/"> -->`,
    );
    expect(page.anchors).toEqual(new Set(['a', 'b']));
    expect(page.links).toEqual(['/one/']);
  });
});

describe('scanPage and memory', () => {
  test('what it returns does not keep the page alive', () => {
    // A build keeps every page's links until the check ends (12,350 pages at 10,000 entities). If
    // they were slices of the page, every page's whole HTML would stay in memory with them.
    setFlagsFromString('--expose-gc');
    const gc = runInNewContext('gc') as () => void;
    const filler = `<p>${'x'.repeat(1_000_000)}</p>`;
    gc();
    const before = getHeapStatistics().used_heap_size;
    const kept = Array.from({ length: 40 }, (_, i) =>
      scanPage(`<h2 id="section-number-${i}">S</h2>${filler}<a href="/companies/some-company-${i}/#deals">x</a>${i}`),
    );
    gc();
    const grown = getHeapStatistics().used_heap_size - before;
    expect(kept.map((page) => page.links[0])).toContain('/companies/some-company-7/#deals');
    expect([...kept[3]!.anchors]).toEqual(['section-number-3']);
    // 40 pages of 1 MB each: kept alive, they would be 40 MB.
    expect(grown).toBeLessThan(4_000_000);
  });
});
