import { describe, expect, test } from 'vitest';
import { absoluteUrl, anchorUrl, entityUrl, homeUrl, indexUrl, rebaseUrls, urlOnOrigin } from '../../src/lib/routes';

describe('routes', () => {
  test('build every page URL with a trailing slash', () => {
    expect(homeUrl()).toBe('/');
    expect(indexUrl('people')).toBe('/people/');
    expect(entityUrl({ collection: 'companies', id: 'catl' })).toBe('/companies/catl/');
  });
  test('anchors point into a page', () => {
    expect(anchorUrl({ collection: 'briefings', id: 'b' }, 'companies-catl-2')).toBe('/briefings/b/#companies-catl-2');
  });
  test('absolute URLs use the configured site', () => {
    expect(absoluteUrl('/companies/catl/', 'https://briefing.example.com')).toBe(
      'https://briefing.example.com/companies/catl/',
    );
  });
});

describe('urlOnOrigin', () => {
  test('a copied link is on the origin the reader has open, not the configured site', () => {
    expect(urlOnOrigin('/quotes/q/', 'http://localhost:4321')).toBe('http://localhost:4321/quotes/q/');
    expect(urlOnOrigin('/briefings/b/#a-heading', 'https://staging.test', 'https://briefing.example.com')).toBe(
      'https://staging.test/briefings/b/#a-heading',
    );
  });
  test('a page opened from a file falls back to the published site, else stays a path', () => {
    expect(urlOnOrigin('/quotes/q/', 'null', 'https://briefing.example.com/')).toBe(
      'https://briefing.example.com/quotes/q/',
    );
    expect(urlOnOrigin('/quotes/q/', 'null')).toBe('/quotes/q/');
  });
});

describe('rebaseUrls', () => {
  const from = 'https://briefing.example.com';
  test('moves every link on the configured site to the reader’s origin, keeping path, query and fragment', () => {
    const html =
      '<a href="https://briefing.example.com/companies/catl/?utm_source=newsletter&amp;utm_medium=email#deals">CATL</a> ' +
      '<a href="https://briefing.example.com">home</a>';
    expect(rebaseUrls(html, from, 'http://localhost:4321')).toBe(
      '<a href="http://localhost:4321/companies/catl/?utm_source=newsletter&amp;utm_medium=email#deals">CATL</a> ' +
        '<a href="http://localhost:4321">home</a>',
    );
    expect(
      rebaseUrls(
        'Read online: https://briefing.example.com/briefings/b/\n[1] https://briefing.example.com/x/',
        from,
        'http://127.0.0.1:9',
      ),
    ).toBe('Read online: http://127.0.0.1:9/briefings/b/\n[1] http://127.0.0.1:9/x/');
  });
  test('leaves other hosts alone, even ones that begin the same way or add a port', () => {
    const text =
      'https://briefing.example.com.evil.test/x https://briefing.example.com:8443/y https://news.test/briefing.example.com/z';
    expect(rebaseUrls(text, from, 'http://localhost:4321')).toBe(text);
  });
  test('changes nothing when the reader is on the configured site, or not on the web at all', () => {
    const text = 'https://briefing.example.com/a/';
    expect(rebaseUrls(text, from, 'https://briefing.example.com')).toBe(text);
    expect(rebaseUrls(text, from, 'null')).toBe(text);
  });
});
