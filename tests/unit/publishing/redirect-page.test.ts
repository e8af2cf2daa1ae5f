import { describe, expect, test } from 'vitest';
import { redirectPage, REDIRECT_PAGE_CSP } from '../../../src/lib/publishing/redirect-page';

describe('redirectPage', () => {
  const html = redirectPage({
    to: '/companies/globex-sa/',
    canonical: 'https://s.test/companies/globex-sa/',
    title: 'Globex <SA> & "Co"',
    lang: 'en',
  });

  test('redirects at once, names the canonical URL, and is not indexed', () => {
    expect(html).toContain('<meta http-equiv="refresh" content="0; url=/companies/globex-sa/">');
    expect(html).toContain('<link rel="canonical" href="https://s.test/companies/globex-sa/">');
    expect(html).toContain('<meta name="robots" content="noindex">');
  });

  test('has a visible link, a language, a title, a heading in a main landmark, and escapes the title', () => {
    expect(html).toContain('<html lang="en">');
    expect(html).toContain('<title>Moved: Globex &#60;SA&#62; &#38; &#34;Co&#34;</title>');
    expect(html).toMatch(/<main>\s*<h1>This page has moved<\/h1>/);
    expect(html).toContain('<a href="/companies/globex-sa/">Globex &#60;SA&#62; &#38; &#34;Co&#34;</a>');
  });

  test('carries a policy that allows nothing to load or run', () => {
    expect(html).toContain(`<meta http-equiv="content-security-policy" content="${REDIRECT_PAGE_CSP}">`);
    expect(REDIRECT_PAGE_CSP).toContain("script-src 'none'");
    expect(html).not.toMatch(/<script|<style|style=/);
  });
});
