import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { loadSiteConfig } from '../../../src/lib/content/site-config';

function siteIn(text: string | undefined) {
  const dir = mkdtempSync(join(tmpdir(), 'site-'));
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
});
