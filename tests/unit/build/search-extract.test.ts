import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, test } from 'vitest';
import { scanPage } from '../../../src/lib/build/link-check';
import { scanAndExtract, searchExtract } from '../../../src/lib/build/search-extract';
import { folderSnapshot } from '../../support/dist';
import { indexWithPagefind } from '../../support/pagefind-index';

// What the search step gives Pagefind instead of each built page (src/lib/build/search-pages.ts).

const work = mkdtempSync(join(tmpdir(), 'search-extract-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

const head =
  '<head><meta charset="utf-8"><title>Acme &amp; Sons | Briefing</title>' +
  '<meta property="og:title" content="Acme"><style>main{color:red}</style><script>var x = "</div>";</script></head>';
const header = '<header><nav><a href="/">Home</a><input type="search"><svg><path d="M0 0"/></svg></nav></header>';

/** Pages as the site writes them: a marked body with ignored parts, filters and metadata in and out of them. */
const PAGES: Record<string, string> = {
  'index.html': `<!DOCTYPE html><html lang="en" dir="ltr">${head}<body>${header}<main><h1>Home</h1><p>Not indexed: no body mark.</p></main></body></html>`,
  'companies/acme/index.html':
    `<!DOCTYPE html><html lang="en" dir="ltr" data-theme="dark">${head}<body>${header}` +
    '<main data-pagefind-body lang="en"><h1 id="_top" data-pagefind-weight="10">Acme &amp; Sons</h1>' +
    '<div hidden data-pagefind-ignore><span data-pagefind-filter="type">company</span>' +
    '<span data-pagefind-meta="type">Company</span><span data-pagefind-sort="date">2025-06-16</span>' +
    '<b><span data-pagefind-filter="country">KR</span></b></div>' +
    '<p class="sr-only" data-pagefind-weight="10">Acme · 애크미 · 艾克米</p>' +
    '<p>Makes <em>widgets</em> &lt;script&gt; and more.<img src="/w.png" alt="A widget" data-pagefind-ignore>Then text.</p>' +
    '<svg data-pagefind-ignore><path d="M1 1"/></svg><svg><title>An icon</title><path d="M2 2"/></svg>' +
    '<section data-pagefind-ignore><h2 id="deals">Deals</h2><ol><li><a href="/deals/x/">Deal X</a>' +
    '<div data-pagefind-ignore><span data-pagefind-filter="year">2024</span></div></li></ol></section>' +
    '<h2 id="about">About</h2><p>Founded early next year.<script>var y = "<p>";</script></p>' +
    '<div><p data-pagefind-ignore>An ignored paragraph closed by its parent</div><p>After it.</p>' +
    '</main><footer><span data-pagefind-meta="summary">A summary outside the body</span><p>Footer text</p></footer>' +
    '<script type="module" src="/_astro/x.js"></script></body></html>',
  'quotes/q/index.html':
    `<!DOCTYPE html><html lang="en">${head}<body>${header}` +
    '<main data-pagefind-body><h1 id="_top">A quote</h1><blockquote><p>“We are <strong>not</strong> done.”</p></blockquote>' +
    '<h3 id="context">Context</h3><p>Said in June.</p></main></body></html>',
};

/** Writes `pages` under `dir`, each through `transform`. */
function writePages(dir: string, pages: Record<string, string>, transform = (html: string) => html): string {
  for (const [path, html] of Object.entries(pages)) {
    mkdirSync(join(dir, path, '..'), { recursive: true });
    writeFileSync(join(dir, path), transform(html));
  }
  return dir;
}

/** Pagefind's index of the pages in `dir`: every file it writes, by path, as a hash of its bytes. */
async function indexOf(dir: string): Promise<Record<string, string>> {
  const out = `${dir}-index`;
  await indexWithPagefind(dir, out);
  return folderSnapshot(out);
}

describe('searchExtract', () => {
  const page = PAGES['companies/acme/index.html']!;
  const extract = searchExtract(page);

  test('keeps the page’s language, its title and its body as written, and leaves out the rest', () => {
    expect(
      extract.startsWith(
        '<!DOCTYPE html><html lang="en" dir="ltr" data-theme="dark"><title>Acme &amp; Sons | Briefing</title><body>',
      ),
    ).toBe(true);
    expect(extract.endsWith('</body></html>')).toBe(true);
    expect(extract).toContain('<h1 id="_top" data-pagefind-weight="10">Acme &amp; Sons</h1>');
    expect(extract).toContain('<p>Makes <em>widgets</em> &lt;script&gt; and more.');
    expect(extract).toContain('<script>var y = "<p>";</script>');
    expect(extract).toContain('<svg><title>An icon</title><path d="M2 2"/></svg>');
    for (const gone of ['og:title', 'main{color:red}', 'Home</a>', 'type="search"', 'Footer text', '/_astro/x.js'])
      expect(extract).not.toContain(gone);
  });

  test('keeps an ignored element’s own tags and, of its insides, only filters, metadata and sort keys', () => {
    expect(extract).toContain(
      '<div hidden data-pagefind-ignore><span data-pagefind-filter="type">company</span><span data-pagefind-meta="type">Company</span>' +
        '<span data-pagefind-sort="date">2025-06-16</span><span data-pagefind-filter="country">KR</span></div>',
    );
    expect(extract).toContain(
      '<section data-pagefind-ignore><span data-pagefind-filter="year">2024</span></section><h2 id="about">About</h2>',
    );
    expect(extract).not.toContain('Deal X');
    // A void or self-closing ignored element, and one its parent closes.
    expect(extract).toContain('<img src="/w.png" alt="A widget" data-pagefind-ignore>Then text.</p>');
    expect(extract).toContain('<svg data-pagefind-ignore></svg>');
    expect(extract).toContain('<div><p data-pagefind-ignore></div><p>After it.</p>');
    // Metadata outside the body is kept too.
    expect(extract).toContain('<span data-pagefind-meta="summary">A summary outside the body</span>');
  });

  test('a page without a marked body keeps only its shell', () => {
    expect(searchExtract(PAGES['index.html']!)).toBe(
      '<!DOCTYPE html><html lang="en" dir="ltr"><title>Acme &amp; Sons | Briefing</title><body></body></html>',
    );
  });

  test('Pagefind writes the same index from the extracts as from the pages, byte for byte', async () => {
    const pages = await indexOf(writePages(join(work, 'pages'), PAGES));
    const extracts = await indexOf(writePages(join(work, 'extracts'), PAGES, searchExtract));
    expect(Object.keys(pages).length).toBeGreaterThan(5);
    expect(extracts).toEqual(pages);
    // The comparison sees a lost filter: an extract without the ignored part's filters differs.
    const lossy = (html: string) => searchExtract(html).replace('<span data-pagefind-filter="year">2024</span>', '');
    expect(await indexOf(writePages(join(work, 'lossy'), PAGES, lossy))).not.toEqual(pages);
  });
});

describe('scanAndExtract', () => {
  // The prescan reads each page once for both; it must give exactly what each reading gives alone.
  const tricky =
    '<!DOCTYPE html><html lang="en"><body><main data-pagefind-body><h1 id="a&amp;b">T</h1>' +
    '<a href="/a/?q=1&amp;type=deal" name="old">x</a><!-- <a href="/comment/"> --><area href="/y/">' +
    '<script>var s = \'<a href="/fake/" id="fake">\';</script>' +
    '<div data-pagefind-ignore id="ignored"><a href="/inside/">i</a><span data-pagefind-filter="k">v</span>' +
    '<p>unclosed</div><p>after &lt;b&gt; &amp; more</p><br><img src="/x.png" id=bare></main>' +
    '<p data-pagefind-meta="m">outside</p></body></html>';

  test.each([...Object.entries(PAGES), ['tricky', tricky]])(
    'on %s, the links and the extract of the two readings',
    (_, html) => {
      const { links, extract } = scanAndExtract(html);
      expect(extract).toBe(searchExtract(html));
      expect(links).toEqual(scanPage(html));
    },
  );

  test('decodes entities in the links but leaves the extract as written', () => {
    const { links, extract } = scanAndExtract(tricky);
    expect(links.anchors).toEqual(new Set(['a&b', 'old', 'ignored', 'bare']));
    expect(links.links).toEqual(['/a/?q=1&type=deal', '/y/', '/inside/']);
    expect(extract).toContain('<h1 id="a&amp;b">T</h1>');
    expect(extract).toContain('<p>after &lt;b&gt; &amp; more</p>');
    expect(extract).toContain('<span data-pagefind-filter="k">v</span>');
    expect(extract).not.toContain('/inside/');
  });
});
