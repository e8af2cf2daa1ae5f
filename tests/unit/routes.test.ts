import { describe, expect, test } from 'vitest';
import { absoluteUrl, anchorUrl, entityUrl, homeUrl, indexUrl } from '../../src/lib/routes';

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
