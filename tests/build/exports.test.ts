import { seedSite } from '../support/seed-site';
import { existsSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { refKey } from '../../src/lib/graph/graph';
import { entityJsonFiles } from '../support/entity-json';
import { EXPORT_TABLES, exportFiles, exportTables } from '../../src/lib/publishing/exports';
import { csvExportName, entityJsonUrl, entityUrl, exportUrl, indexUrl } from '../../src/lib/routes';
import { ENTITY_COLLECTIONS } from '../../src/schemas/common';
import { loadContentRoot } from '../support/content';
import { fileFor, htmlPages, loadPage } from '../support/dist';
import { expectedRows, readTable, type SchemaField } from '../support/exports';

const dist = await seedSite();
const SITE = 'https://briefing.example.com';
const { graph, site } = loadContentRoot(join(import.meta.dirname, '../../src/content'));
const ctx = { graph, site, siteUrl: new URL(SITE) };
const tables = exportTables(ctx);
const read = (path: string) => readFileSync(fileFor(dist, path), 'utf8');

describe('the data exports of the built site', () => {
  const pkg = JSON.parse(read(exportUrl('datapackage.json'))) as {
    resources: { name: string; path: string; bytes: number; schema?: { fields: SchemaField[] } }[];
  };
  const expected = expectedRows(graph, site, SITE);

  test('every file is published under /data/, exactly as the export builders write it', () => {
    for (const file of exportFiles(ctx, tables)) {
      expect(read(exportUrl(file.name)), file.name).toBe(file.text);
    }
  });

  test.each(EXPORT_TABLES)('/data/%s.csv parses and holds what the graph holds', (table) => {
    const resource = pkg.resources.find((r) => r.name === table)!;
    const text = read(exportUrl(csvExportName(table)));
    expect(Buffer.byteLength(text)).toBe(resource.bytes);
    const rows = readTable(text, resource.schema!.fields);
    expect(rows).toHaveLength(expected[table]!.length);
    rows.forEach((row, i) => expect(row).toMatchObject(expected[table]![i]!));
  });

  test('dataset.json parses and holds every table', () => {
    const dataset = JSON.parse(read(exportUrl('dataset.json'))) as { tables: Record<string, unknown[]> };
    expect(Object.keys(dataset.tables)).toEqual([...EXPORT_TABLES]);
    for (const table of EXPORT_TABLES) expect(dataset.tables[table]).toHaveLength(expected[table]!.length);
  });

  test('every index page links to its files, and the about page to all of them', () => {
    for (const collection of ENTITY_COLLECTIONS) {
      const $ = loadPage(dist, indexUrl(collection));
      const links = $('section.downloads a')
        .map((_, a) => $(a).attr('href'))
        .get();
      expect(links, collection).toContain(exportUrl(csvExportName(collection)));
      expect(links).toContain(exportUrl('datapackage.json'));
    }
    const $ = loadPage(dist, '/about/');
    const links = $('section.downloads a')
      .map((_, a) => $(a).attr('href'))
      .get();
    expect(links).toEqual([
      ...EXPORT_TABLES.map((t) => exportUrl(csvExportName(t))),
      exportUrl('dataset.json'),
      exportUrl('datapackage.json'),
    ]);
    expect($('#download-the-data').length).toBe(1);
  });
});

describe('the JSON document of every entity', () => {
  const files = entityJsonFiles(ctx, tables);

  test('is published beside its page, exactly as built, and parses', () => {
    expect(files.length).toBe(ENTITY_COLLECTIONS.reduce((n, c) => n + graph.all(c).length, 0));
    for (const file of files) {
      const path = entityJsonUrl(file.at);
      expect(read(path), path).toBe(file.text);
      const doc = JSON.parse(file.text) as { url: string; id: string };
      expect(doc.id).toBe(file.ref.id);
      // Its page is built, as a page of its own: the document never stands in a page's place.
      expect(statSync(join(dist, entityUrl(file.ref), 'index.html')).isFile()).toBe(true);
      expect(statSync(fileFor(dist, path)).isFile()).toBe(true);
    }
  });

  test('every link with a preview points at the document of the entity it links to', () => {
    const byUrl = new Map(files.map((f) => [entityJsonUrl(f.at), f]));
    let links = 0;
    for (const page of htmlPages(dist)) {
      const $ = loadPage(dist, page);
      $('a[data-preview]').each((_, a) => {
        links += 1;
        const preview = $(a).attr('data-preview')!;
        const file = byUrl.get(preview);
        expect(file, `${page}: ${preview}`).toBeDefined();
        expect($(a).attr('href')).toBe(entityUrl(file!.ref));
      });
    }
    expect(links).toBeGreaterThan(100);
  });

  test('mentions in the briefing carry previews; a page loads no document on its own', () => {
    const briefing = graph.all('briefings')[0]!;
    const $ = loadPage(dist, entityUrl(briefing.ref));
    const mentions = $('a.mention');
    expect(mentions.length).toBeGreaterThan(5);
    mentions.each((_, a) => expect($(a).attr('data-preview')).toMatch(/\.json$/));
    // No preload or prefetch of a document in the markup: they load on intent only.
    const previews = new Set(mentions.map((_, a) => $(a).attr('data-preview')).get());
    const linked = $('link[href]')
      .map((_, l) => new URL($(l).attr('href')!, SITE).pathname)
      .get();
    expect(linked.filter((href) => previews.has(href))).toEqual([]);
    expect(existsSync(fileFor(dist, entityJsonUrl(graph.all('companies')[0]!.ref)))).toBe(true);
    expect(new Set(files.map((f) => refKey(f.at))).size).toBe(files.length);
  });
});
