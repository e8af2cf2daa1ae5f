import { describe, expect, test } from 'vitest';
import * as cheerio from 'cheerio';
import { headContentHtml, headHtml } from '../../../src/lib/pages/head-entries';

// Starlight writes each head entry as <Tag {...attrs} set:html={content} />; this is that, in small.
function head(entries: { tag: string; content?: string }[]): string {
  return entries.map(({ tag, content }) => `<${tag}>${headContentHtml(tag, content) ?? ''}</${tag}>`).join('');
}

describe('headContentHtml', () => {
  const name =
    'CATL </title><h1>x</h1><meta http-equiv="refresh" content="0;url=https://evil.example/"><script>alert(1)</script>';

  test('a title that tries to leave <title> stays one title whose text is the literal name', () => {
    const $ = cheerio.load(
      `<html><head>${head([{ tag: 'title', content: `${name} | R&D Weekly` }])}</head><body></body></html>`,
    );
    expect($('title')).toHaveLength(1);
    expect($('title').text()).toBe(`${name} | R&D Weekly`);
    expect($('head *').length).toBe(1);
    expect($('h1, script, meta')).toHaveLength(0);
  });

  test('escapes text exactly once (an entity in a name stays an entity, shown as written)', () => {
    expect(headContentHtml('title', 'Fish &amp; chips <b>')).toBe('Fish &#38;amp; chips &#60;b&#62;');
  });

  test('leaves scripts and styles, which only the site configuration adds, as they are', () => {
    expect(headContentHtml('script', 'if (a < b) go()')).toBe('if (a < b) go()');
    expect(headContentHtml('STYLE', 'a > b {}')).toBe('a > b {}');
    expect(headContentHtml('meta', undefined)).toBeUndefined();
  });
});

describe('headHtml', () => {
  test('writes each element as Astro writes <Tag {...attrs} set:html={content} />, in order', () => {
    expect(
      headHtml([
        { tag: 'meta', attrs: { charset: 'utf-8' } },
        { tag: 'title', content: 'Fish & chips | R&D' },
        { tag: 'link', attrs: { rel: 'canonical', href: 'https://x.example/?a=1&b=2' } },
        { tag: 'script', attrs: { type: 'module', async: true }, content: 'if (a < b) go()' },
      ]),
    ).toBe(
      '<meta charset="utf-8"/><title>Fish &#38; chips | R&#38;D</title>' +
        '<link rel="canonical" href="https://x.example/?a=1&amp;b=2"/>' +
        '<script type="module" async>if (a < b) go()</script>',
    );
  });

  test('a hostile attribute value or title stays inside its element', () => {
    const name = 'x" onload="alert(1)"><script>alert(2)</script>';
    const $ = cheerio.load(
      `<html><head>${headHtml([
        { tag: 'meta', attrs: { property: 'og:title', content: name } },
        { tag: 'title', content: `${name} </title><script>alert(3)</script>` },
      ])}</head><body></body></html>`,
    );
    expect($('head > *')).toHaveLength(2);
    expect($('meta').attr('content')).toBe(name);
    expect($('meta').attr('onload')).toBeUndefined();
    expect($('title').text()).toBe(`${name} </title><script>alert(3)</script>`);
    expect($('script')).toHaveLength(0);
  });

  test('leaves out attributes without a value and refuses an element name that is not one', () => {
    expect(headHtml([{ tag: 'meta', attrs: { name: 'x', content: undefined } }])).toBe('<meta name="x"/>');
    expect(() => headHtml([{ tag: 'meta onload=alert(1)' }])).toThrow('A head entry names no element');
    expect(() => headHtml([{ tag: '' }])).toThrow('A head entry names no element');
  });
});
