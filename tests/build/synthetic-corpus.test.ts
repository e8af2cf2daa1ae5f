import { existsSync } from 'node:fs';
import { beforeAll, describe, expect, test } from 'vitest';
import { CORPUS_COLLECTIONS } from '../../scripts/generate-corpus.ts';
import { entityUrl } from '../../src/lib/routes';
import { loadContentRoot } from '../support/content';
import { fileFor, loadPage } from '../support/dist';
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
