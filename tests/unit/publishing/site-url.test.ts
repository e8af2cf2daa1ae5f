import { describe, expect, test } from 'vitest';
import { DEFAULT_SITE_URL, siteUrlFrom, siteUrlWarning } from '../../../src/lib/publishing/site-url';

describe('siteUrlFrom', () => {
  test('takes BRIEFING_SITE_URL when it is set', () => {
    expect(siteUrlFrom({ BRIEFING_SITE_URL: ' https://briefing.acme.test ' })).toEqual({
      url: 'https://briefing.acme.test',
      configured: true,
    });
  });
  test('falls back to the placeholder, and says it did, when it is unset or blank', () => {
    expect(siteUrlFrom({})).toEqual({ url: DEFAULT_SITE_URL, configured: false });
    expect(siteUrlFrom({ BRIEFING_SITE_URL: '  ' })).toEqual({ url: DEFAULT_SITE_URL, configured: false });
  });
});

describe('siteUrlWarning', () => {
  test('names the variable, what it affects and the placeholder, and that copy buttons are unaffected', () => {
    const warning = siteUrlWarning();
    expect(warning).toContain('BRIEFING_SITE_URL is not set');
    for (const affected of ['canonical links', 'link previews', 'feeds', 'email snippets', DEFAULT_SITE_URL])
      expect(warning).toContain(affected);
    expect(warning).toMatch(/copy buttons use the address the page is opened at/);
  });
});
