import { describe, expect, test } from 'vitest';
import {
  campaignUrl,
  companyFeedUrl,
  csvExportName,
  DATAPACKAGE_FILE,
  DATASET_FILE,
  entityJsonUrl,
  exportUrl,
  emailUrl,
  docsPageUrl,
  isStandaloneDocument,
  jsonFeedUrl,
  ogImageParam,
  ogImageUrl,
  rssFeedUrl,
} from '../../../src/lib/routes';

describe('ogImageUrl', () => {
  test.each([
    ['/', '/og/index.png', 'index'],
    ['/companies/catl/', '/og/companies/catl.png', 'companies/catl'],
    ['/companies/page/2/', '/og/companies/page/2.png', 'companies/page/2'],
    ['/timeline/', '/og/timeline.png', 'timeline'],
  ])('%s → %s', (page, url, param) => {
    expect(ogImageUrl(page)).toBe(url);
    expect(ogImageParam(page)).toBe(param);
  });

  test('takes an entity too', () => {
    expect(ogImageUrl({ collection: 'deals', id: 'a-b' })).toBe('/og/deals/a-b.png');
  });
});

describe('feeds and email snippets', () => {
  test('have fixed file URLs', () => {
    expect(rssFeedUrl()).toBe('/rss.xml');
    expect(jsonFeedUrl()).toBe('/feed.json');
    expect(companyFeedUrl({ collection: 'companies', id: 'catl' })).toBe('/companies/catl/feed.xml');
    expect(emailUrl({ collection: 'briefings', id: 'b' }, 'html')).toBe('/briefings/b/email.html');
    expect(emailUrl({ collection: 'briefings', id: 'b' }, 'txt')).toBe('/briefings/b/email.txt');
  });

  test('email snippets are standalone documents; pages and redirect pages are not', () => {
    expect(isStandaloneDocument('/briefings/b/email.html')).toBe(true);
    expect(isStandaloneDocument('/briefings/b/')).toBe(false);
    expect(isStandaloneDocument('/companies/old-id/')).toBe(false);
    expect(isStandaloneDocument('/email.html')).toBe(false);
  });
});

test('docs pages are at their id', () => {
  expect(docsPageUrl('about')).toBe('/about/');
  expect(docsPageUrl('guides/citing')).toBe('/guides/citing/');
});

describe('campaignUrl', () => {
  test('appends campaign parameters, keeping the query and fragment', () => {
    expect(campaignUrl('https://x.test/a/?q=1#top', 'utm_source=newsletter&utm_medium=email')).toBe(
      'https://x.test/a/?q=1&utm_source=newsletter&utm_medium=email#top',
    );
    expect(campaignUrl('https://x.test/a/', '?utm_campaign=weekly 1')).toBe('https://x.test/a/?utm_campaign=weekly+1');
  });

  test('leaves the URL alone without a campaign', () => {
    expect(campaignUrl('https://x.test/a/', '')).toBe('https://x.test/a/');
  });
});

describe('data exports and entity documents', () => {
  test('exports live under /data/, entity documents beside their pages', () => {
    expect(exportUrl(csvExportName('key-figures'))).toBe('/data/key-figures.csv');
    expect(exportUrl(DATASET_FILE)).toBe('/data/dataset.json');
    expect(exportUrl(DATAPACKAGE_FILE)).toBe('/data/datapackage.json');
    expect(entityJsonUrl({ collection: 'companies', id: 'catl' })).toBe('/companies/catl.json');
    expect(entityJsonUrl({ collection: 'briefings', id: 'b-2' })).toBe('/briefings/b-2.json');
  });
});
