import { describe, expect, test } from 'vitest';
import * as cheerio from 'cheerio';
import { headContentHtml } from '../../../src/lib/pages/head-entries';

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
