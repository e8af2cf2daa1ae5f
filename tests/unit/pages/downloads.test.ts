import { describe, expect, test } from 'vitest';
import { ABOUT_DATA_SECTION, downloadsView } from '../../../src/lib/pages/downloads';
import { EXPORT_TABLES } from '../../../src/lib/publishing/exports';
import { ENTITY_COLLECTIONS } from '../../../src/schemas/common';

describe('downloadsView', () => {
  test('an index page offers its collection’s tables, the whole dataset and where the files are explained', () => {
    const view = downloadsView('companies');
    expect(view.links.map((l) => [l.text, l.href, l.type])).toEqual([
      ['Companies (CSV)', '/data/companies.csv', 'text/csv'],
      ['Key figures (CSV)', '/data/key-figures.csv', 'text/csv'],
      ['All data (JSON)', '/data/dataset.json', 'application/json'],
      ['Data package (datapackage.json)', '/data/datapackage.json', 'application/json'],
    ]);
    expect(view.heading).toBe('Download the data');
    expect(view.lead).toBeUndefined();
    expect(view.help).toEqual({ text: 'About the data files', href: `/about/#${ABOUT_DATA_SECTION}` });
  });

  test('every collection offers at least its own table', () => {
    for (const collection of ENTITY_COLLECTIONS) {
      expect(downloadsView(collection).links[0]!.href).toBe(`/data/${collection}.csv`);
    }
  });

  test('the about page lists every table, under its own heading', () => {
    const view = downloadsView();
    expect(view.links.map((l) => l.href)).toEqual([
      ...EXPORT_TABLES.map((t) => `/data/${t}.csv`),
      '/data/dataset.json',
      '/data/datapackage.json',
    ]);
    expect(view.heading).toBeUndefined();
    expect(view.lead).toBe('Download:');
    expect(view.help).toBeUndefined();
  });
});
