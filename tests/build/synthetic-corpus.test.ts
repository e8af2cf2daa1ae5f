import { existsSync, readFileSync } from 'node:fs';
import { beforeAll, describe, expect, test } from 'vitest';
import { CORPUS_COLLECTIONS } from '../../scripts/generate-corpus.ts';
import { EXPORT_TABLES } from '../../src/lib/publishing/exports';
import { csvExportName, entityJsonUrl, entityUrl, exportUrl } from '../../src/lib/routes';
import { loadContentRoot } from '../support/content';
import { fileFor, loadPage } from '../support/dist';
import { readCsv } from '../support/exports';
import { buildOutput, CORPUS_PAGES, corpusSite } from '../support/seed-site';

// A synthetic corpus through the real build: what the benchmark generates must build. The same
// shared build serves tests/e2e/scale.test.ts.
let result: { ok: boolean; output: string };
let contentRoot = '';
let outDir = '';

beforeAll(async () => {
  const site = await corpusSite();
  ({ contentRoot, dist: outDir } = site);
  result = { ok: true, output: buildOutput(site) };
});

describe(`a generated synthetic corpus of ${CORPUS_PAGES} pages`, () => {
  test('builds without content errors', () => {
    expect(result.output).not.toMatch(/InvalidContent/);
    expect(result.ok, result.output.slice(-4000)).toBe(true);
  });

  test('has a page for every generated entity', () => {
    const { graph } = loadContentRoot(contentRoot);
    let pages = 0;
    for (const collection of CORPUS_COLLECTIONS) {
      for (const node of graph.all(collection)) {
        expect(existsSync(fileFor(outDir, entityUrl(node.ref))), entityUrl(node.ref)).toBe(true);
        pages++;
      }
    }
    expect(pages).toBe(CORPUS_PAGES);
  });

  test('exports its data like any other beat: every table, and a JSON document per entity', () => {
    const { graph } = loadContentRoot(contentRoot);
    const companies = readCsv(readFileSync(fileFor(outDir, exportUrl(csvExportName('companies'))), 'utf8'));
    expect(companies.length - 1).toBe(graph.all('companies').length);
    for (const table of EXPORT_TABLES)
      expect(existsSync(fileFor(outDir, exportUrl(csvExportName(table)))), table).toBe(true);
    for (const collection of CORPUS_COLLECTIONS) {
      for (const node of graph.all(collection)) {
        const doc = JSON.parse(readFileSync(fileFor(outDir, entityJsonUrl(node.ref)), 'utf8')) as { id: string };
        expect(doc.id).toBe(node.ref.id);
      }
    }
  });

  test('puts an anchor on every mention in its briefings, so backlinks land on it', () => {
    const { graph } = loadContentRoot(contentRoot);
    for (const briefing of graph.all('briefings')) {
      const $ = loadPage(outDir, entityUrl(briefing.ref));
      for (const edge of graph.outgoing(briefing.ref, 'mentions')) {
        expect($(`[id="${edge.mention!.anchor}"]`).length, `${entityUrl(briefing.ref)}#${edge.mention!.anchor}`).toBe(
          1,
        );
      }
    }
  });
});
