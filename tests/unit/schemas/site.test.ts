import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { loadSiteConfig } from '../../../src/lib/content/site-config';
import { DEFAULT_PAGE_SIZES, publishingKinds } from '../../../src/schemas/site';
import { testFolder } from '../../support/temp-folder';

function siteIn(text: string | undefined) {
  const dir = testFolder('site-');
  if (text !== undefined) writeFileSync(join(dir, 'site.yaml'), text);
  return () => loadSiteConfig(dir, dir);
}

const vocabulary = `vocabulary:
  companyKinds: { maker: Maker }
  dealKinds: { supply: Supply }
  eventKinds: { opening: Opening }
  units: { t: { label: tons } }
`;

describe('loadSiteConfig', () => {
  test('reads title, copy and vocabulary', () => {
    const site = siteIn(`title: T\ntagline: A beat.\ndescription: D.\n${vocabulary}`)();
    expect(site).toMatchObject({ title: 'T', lang: 'en', vocabulary: { units: { t: { label: 'tons' } } } });
  });

  test('names a missing site.yaml', () => {
    expect(siteIn(undefined)).toThrow(
      "site.yaml: (file): expected a site.yaml with the site's title and vocabulary, found no such file.",
    );
  });

  test('names malformed YAML with its position', () => {
    expect(siteIn('title: [unclosed\n')).toThrow(
      /^site\.yaml: line 2, column 1: expected valid YAML, found a syntax error: .+\.$/,
    );
  });

  test('names an empty vocabulary list', () => {
    expect(siteIn(`title: T\ntagline: A.\ndescription: D.\n${vocabulary.replace('{ maker: Maker }', '{}')}`)).toThrow(
      'site.yaml: vocabulary.companyKinds: expected at least one entry, found an empty mapping.',
    );
  });

  test('reads a term as a label or as a label with a description; company kinds may publish', () => {
    const site = siteIn(`title: T
tagline: A beat.
description: D.
vocabulary:
  companyKinds:
    maker: Maker
    press: { label: Press, description: Newspapers and agencies., publishes: true }
    lab: { label: Laboratory }
  dealKinds: { supply: { label: Supply, description: Goods for money. } }
  eventKinds: { opening: Opening }
  units: { t: { label: tons } }
`)();
    // Labels stay where pages read them; the full terms sit beside them.
    expect(site.vocabulary.companyKinds).toEqual({ maker: 'Maker', press: 'Press', lab: 'Laboratory' });
    expect(site.vocabulary.dealKinds).toEqual({ supply: 'Supply' });
    expect(site.vocabulary.terms.companyKinds).toEqual({
      maker: { label: 'Maker', publishes: false },
      press: { label: 'Press', description: 'Newspapers and agencies.', publishes: true },
      lab: { label: 'Laboratory', publishes: false },
    });
    expect(site.vocabulary.terms.dealKinds['supply']).toEqual({ label: 'Supply', description: 'Goods for money.' });
    expect(publishingKinds(site.vocabulary)).toEqual(['press']);
  });

  test('names a misspelt field of a term, with the fields it may have', () => {
    const text = vocabulary.replace('{ maker: Maker }', '{ press: { label: Press, publish: true } }');
    expect(siteIn(`title: T\ntagline: A.\ndescription: D.\n${text}`)).toThrow(
      'site.yaml: vocabulary.companyKinds.press.publish: expected one of the fields label, description, publishes (did you mean "publishes"?), found an unknown field "publish".',
    );
  });

  test('only company kinds publish', () => {
    const text = vocabulary.replace('{ supply: Supply }', '{ supply: { label: Supply, publishes: true } }');
    expect(siteIn(`title: T\ntagline: A.\ndescription: D.\n${text}`)).toThrow(
      'site.yaml: vocabulary.dealKinds.supply.publishes: expected one of the fields label, description, found an unknown field "publishes".',
    );
  });

  test('names a label with a direction-changing character', () => {
    const text = vocabulary.replace('{ maker: Maker }', '{ maker: "Ma\\u202Eker" }');
    expect(siteIn(`title: T\ntagline: A.\ndescription: D.\n${text}`)).toThrow(
      'site.yaml: vocabulary.companyKinds.maker: expected a label without invisible or direction-changing characters, found "Ma\\u202Eker" (U+202E RIGHT-TO-LEFT OVERRIDE at position 3).',
    );
  });

  test('page sizes: the defaults without pageSizes, any key chosen alone', () => {
    const head = `title: T\ntagline: A.\ndescription: D.\n${vocabulary}`;
    expect(siteIn(head)().pageSizes).toEqual(DEFAULT_PAGE_SIZES);
    expect(siteIn(`${head}pageSizes: { index: 25, timelineWindow: 40 }\n`)().pageSizes).toEqual({
      ...DEFAULT_PAGE_SIZES,
      index: 25,
      timelineWindow: 40,
    });
  });

  test('page sizes: names a size that is not a whole number from 1, a misspelt key and a window too large', () => {
    const head = `title: T\ntagline: A.\ndescription: D.\n${vocabulary}`;
    expect(siteIn(`${head}pageSizes: { section: 0 }\n`)).toThrow(
      'site.yaml: pageSizes.section: expected a number of at least 1, found the number 0.',
    );
    expect(siteIn(`${head}pageSizes: { index: 2.5 }\n`)).toThrow(
      'site.yaml: pageSizes.index: expected a whole number, found the number 2.5.',
    );
    expect(siteIn(`${head}pageSizes: { indexes: 20 }\n`)).toThrow(
      /^site\.yaml: pageSizes\.indexes: expected one of the fields index, .* \(did you mean "index"\?\), found an unknown field "indexes"\.$/m,
    );
    expect(siteIn(`${head}pageSizes: { timeline: 50, timelineWindow: 60 }\n`)).toThrow(
      'site.yaml: pageSizes.timelineWindow: expected at most pageSizes.timeline',
    );
  });
});
