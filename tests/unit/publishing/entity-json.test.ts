import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { buildGraph, refKey } from '../../../src/lib/graph/graph';
import {
  ENTITY_JSON_VERSION,
  entityJson,
  entityPreview,
  indexExports,
  type EntityJson,
} from '../../../src/lib/publishing/entity-json';
import { exportTables, type ExportContext } from '../../../src/lib/publishing/exports';
import { entityJsonFiles } from '../../support/entity-json';
import { entityJsonUrl, entityUrl, indexUrl, relationListUrl } from '../../../src/lib/routes';
import { ENTITY_COLLECTIONS } from '../../../src/schemas/common';
import { loadContentRoot, minimalInput, readContentRoot } from '../../support/content';

const SITE = 'https://briefing.example.com';
const MINIMAL = join(import.meta.dirname, '../../fixtures/minimal');
const BUNDLED = join(import.meta.dirname, '../../../src/content');

function context(root: string): ExportContext {
  const { graph, site } = loadContentRoot(root);
  return { graph, site, siteUrl: new URL(SITE) };
}

const minimal = context(MINIMAL);
const documents = (ctx: ExportContext) =>
  new Map(entityJsonFiles(ctx, exportTables(ctx)).map((f) => [refKey(f.at), JSON.parse(f.text) as EntityJson]));
const docs = documents(minimal);

describe('entityJson', () => {
  test('docs/data.md shows exactly what the code builds for /people/jane-doe.json', () => {
    const markdown = readFileSync(join(import.meta.dirname, '../../../docs/data.md'), 'utf8');
    const example = /Example: `\/people\/jane-doe\.json`[\s\S]*?```json\n([\s\S]*?)```/.exec(markdown)?.[1];
    expect(example, 'the example block in docs/data.md').toBeDefined();
    expect(JSON.parse(example!)).toEqual(docs.get('people/jane-doe'));
  });

  test('every entity has a document naming it, its page and itself, with its export row', () => {
    for (const collection of ENTITY_COLLECTIONS) {
      for (const node of minimal.graph.all(collection)) {
        const doc = docs.get(refKey(node.ref))!;
        expect(doc).toMatchObject({
          version: ENTITY_JSON_VERSION,
          collection,
          id: node.ref.id,
          title: node.title,
          url: `${SITE}${entityUrl(node.ref)}`,
          json: `${SITE}${entityJsonUrl(node.ref)}`,
        });
        expect(doc.fields.page_url).toBe(doc.url);
        expect(doc.preview.title.length).toBeGreaterThan(0);
      }
    }
  });

  test('relations go both ways, with roles, and mentions with their places in the briefing', () => {
    const deal = docs.get('deals/acme-globex-widgets')!;
    const globex = docs.get('companies/globex')!;
    const party = (d: EntityJson, id: string) => d.relations.find((r) => r.kind === 'party' && r.id === id);
    expect(party(deal, 'acme-widgets')).toMatchObject({ direction: 'out', role: 'supplier', title: 'Acme Widgets' });
    expect(party(globex, 'acme-globex-widgets')).toMatchObject({
      direction: 'in',
      role: 'customer',
      collection: 'deals',
      url: `${SITE}/deals/acme-globex-widgets/`,
      json: `${SITE}/deals/acme-globex-widgets.json`,
    });
    expect(globex.relations.find((r) => r.kind === 'parent')).toMatchObject({ direction: 'out', id: 'acme-widgets' });
    expect(docs.get('companies/acme-widgets')!.relations.find((r) => r.kind === 'parent')).toMatchObject({
      direction: 'in',
      id: 'globex',
    });
    const mention = globex.relations.find((r) => r.kind === 'mentions')!;
    expect(mention).toMatchObject({ direction: 'in', collection: 'briefings', id: 'widgets-weekly' });
    expect(mention.places).toEqual([`${SITE}/briefings/widgets-weekly/#companies-globex`]);
  });

  test('sources are the ones it cites, with publisher and date', () => {
    expect(docs.get('quotes/jane-doe-widgets')!.sources).toEqual([
      {
        collection: 'sources',
        id: 'test-gazette-2024-01-02',
        title: 'Synthetic report on widgets',
        url: `${SITE}/sources/test-gazette-2024-01-02/`,
        json: `${SITE}/sources/test-gazette-2024-01-02.json`,
        publisher: 'Test Gazette',
        published: '2024-01-02T09:00:00+00:00',
      },
    ]);
  });

  test('a company document holds its key figures; the bundled deal its money as reported', () => {
    const bundled = context(BUNDLED);
    const index = indexExports(exportTables(bundled));
    const chery = entityJson(bundled, bundled.graph.node({ collection: 'companies', id: 'chery-automobile' }), index);
    expect(chery.parts.key_figures!.map((f) => f.label)).toEqual(
      bundled.graph.node({ collection: 'companies', id: 'chery-automobile' }).data.keyFigures.map((f) => f.label),
    );
    expect(chery.preview.numbers[0]).toEqual({ label: 'Vehicle exports', value: 'about 1.1 million vehicles (2024)' });
    const deal = bundled.graph.node({ collection: 'deals', id: 'lg-energy-solution-chery-ev-46-series-cells' });
    expect(entityPreview(bundled, deal)).toEqual({
      title: 'LG Energy Solution to supply Chery EV with 46-series cylindrical cells',
      kind: 'Deal · Cell supply · Signed',
      line: expect.stringMatching(/^LG Energy Solution signed a contract/),
      numbers: [
        { label: 'Value', value: 'more than ₩1 trillion KRW ($726 million USD as reported), estimated' },
        { label: 'Volume', value: '8 GWh' },
        { label: 'Announced', value: '9 July 2025' },
      ],
    });
  });

  test('a quote’s preview names its speaker and quotes its words', () => {
    expect(docs.get('quotes/jane-doe-widgets')!.preview).toEqual({
      title: 'Jane Doe',
      kind: 'Quote · Chief widget officer',
      line: '“Widgets are the future”',
      numbers: [{ label: 'Source', value: 'reported 2 January 2024' }],
    });
  });
});

describe('entityJsonFiles', () => {
  test('a renamed entity’s old id serves the same document, naming the current id', () => {
    const input = minimalInput();
    const globex = input.companies.find((c) => c.id === 'globex')!;
    globex.id = 'globex-sa';
    globex.data = { ...globex.data, previousIds: ['globex'] };
    for (const deal of input.deals) {
      deal.data = {
        ...deal.data,
        parties: deal.data.parties.map((p) =>
          p.company.id === 'globex' ? { ...p, company: { collection: 'companies', id: 'globex-sa' } } : p,
        ),
      };
    }
    const briefing = input.briefings[0]!;
    briefing.body = briefing.body!.replace('<Company id="globex">', '<Company id="globex-sa">');
    const { site } = readContentRoot(MINIMAL);
    const ctx: ExportContext = { graph: buildGraph(input, site.vocabulary), site, siteUrl: new URL(SITE) };
    const files = entityJsonFiles(ctx, exportTables(ctx));
    const current = files.find((f) => f.at.id === 'globex-sa')!;
    const old = files.find((f) => f.at.id === 'globex')!;
    expect(old.text).toBe(current.text);
    expect(JSON.parse(old.text)).toMatchObject({ id: 'globex-sa', url: `${SITE}/companies/globex-sa/` });
  });

  test('no document shares a path with a page of the site', () => {
    const files = entityJsonFiles(minimal, exportTables(minimal));
    const pages = new Set([
      ...ENTITY_COLLECTIONS.flatMap((c) => [indexUrl(c), indexUrl(c, 2)]),
      ...files.flatMap((f) => [entityUrl(f.at), relationListUrl(f.at, 'deals'), `${entityUrl(f.at)}index.html`]),
    ]);
    for (const file of files) {
      const path = entityJsonUrl(file.at);
      expect(path).toMatch(/^\/[a-z]+\/[a-z0-9-]+\.json$/);
      expect(pages.has(path)).toBe(false);
      expect(path.startsWith(entityUrl(file.at))).toBe(false);
    }
  });
});
