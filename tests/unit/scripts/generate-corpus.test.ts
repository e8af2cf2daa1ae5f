import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, test } from 'vitest';
import {
  CORPUS_COLLECTIONS,
  CORPUS_TITLE,
  corpusCounts,
  countFiles,
  createRandom,
  fuzzyDate,
  generateCorpus,
  writeCorpus,
} from '../../../scripts/generate-corpus.ts';
import { parseFuzzyDate } from '../../../src/lib/values/fuzzy-date';
import { ENTITY_COLLECTIONS } from '../../../src/schemas/common';
import { loadContentRoot } from '../../support/content';

const work = mkdtempSync(join(tmpdir(), 'generate-corpus-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

/** Generates and writes a corpus, then validates and graphs it the way the build does. */
function written(pages: number, seed = 1) {
  const files = generateCorpus({ pages, seed });
  const root = join(work, `corpus-${pages}-${seed}`);
  writeCorpus(root, files);
  return { files, root, ...loadContentRoot(root) };
}

const corpus = written(300);

describe('generateCorpus', () => {
  test('fills the collections of the content model', () => {
    expect([...CORPUS_COLLECTIONS]).toEqual([...ENTITY_COLLECTIONS]);
  });

  test('gives byte-identical files for the same seed and size', () => {
    const again = generateCorpus({ pages: 300, seed: 1 });
    expect([...again.entries()]).toEqual([...corpus.files.entries()]);
  });

  test('gives different files for a different seed', () => {
    const other = generateCorpus({ pages: 300, seed: 2 });
    expect([...other.keys()]).toEqual([...corpus.files.keys()]);
    const changed = [...other].filter(([path, text]) => corpus.files.get(path) !== text);
    expect(changed.length).toBeGreaterThan(other.size / 2);
  });

  test.each([10, 11, 19, 60, 333, 1000, 10_000, 12_345])(
    'has %i entity pages, at least one per collection',
    (pages) => {
      const counts = corpusCounts(pages);
      expect(Object.values(counts).reduce((a, b) => a + b, 0)).toBe(pages);
      for (const collection of CORPUS_COLLECTIONS) expect(counts[collection]).toBeGreaterThanOrEqual(1);
    },
  );

  test('follows the requested mix and writes one file per entity plus site.yaml', () => {
    expect(corpusCounts(1000)).toEqual({
      companies: 200,
      people: 150,
      deals: 200,
      quotes: 150,
      events: 150,
      sources: 50,
      briefings: 100,
    });
    expect(countFiles(corpus.files)).toEqual(corpusCounts(300));
    expect(corpus.files.size).toBe(301);
    expect(corpus.graph.counts()).toEqual(corpusCounts(300));
  });

  test('refuses sizes too small to hold one entry per collection', () => {
    expect(() => corpusCounts(9)).toThrow(RangeError);
    expect(() => corpusCounts(10.5)).toThrow(RangeError);
  });

  test.each([10, 37, 60])('validates and builds a graph at tiny sizes too (%i pages)', (pages) => {
    expect(written(pages, 7).graph.counts()).toEqual(corpusCounts(pages));
  });

  test('validates for many seeds, so rare draws (leap days, tiny populations) stay valid', () => {
    for (let seed = 100; seed < 130; seed++) expect(written(120, seed).graph.counts()).toEqual(corpusCounts(120));
  });

  test('marks every entry as synthetic', () => {
    expect(corpus.site.title).toBe(CORPUS_TITLE);
    expect(corpus.site.description).toMatch(/^Synthetic/);
    const { graph } = corpus;
    for (const c of graph.all('companies')) {
      expect(c.data.name).toMatch(/^Synthetic Co \d{4}$/);
      expect(c.data.description).toMatch(/^Synthetic/);
    }
    for (const p of graph.all('people')) {
      expect(p.data.name).toMatch(/^Synthetic Person \d{4}$/);
      if (p.data.description) expect(p.data.description).toMatch(/^Synthetic/);
    }
    for (const d of graph.all('deals'))
      expect([d.data.title, d.data.summary]).toEqual([
        expect.stringMatching(/^Synthetic/),
        expect.stringMatching(/^Synthetic/),
      ]);
    for (const e of graph.all('events'))
      expect([e.data.title, e.data.summary]).toEqual([
        expect.stringMatching(/^Synthetic/),
        expect.stringMatching(/^Synthetic/),
      ]);
    for (const q of graph.all('quotes'))
      expect([q.data.text, q.data.context]).toEqual([
        expect.stringMatching(/^Synthetic/),
        expect.stringMatching(/^Synthetic/),
      ]);
    for (const s of graph.all('sources')) {
      expect(s.data.title).toMatch(/^Synthetic/);
      if (s.data.notes) expect(s.data.notes).toMatch(/^Synthetic/);
    }
    for (const b of graph.all('briefings')) {
      for (const text of [b.data.title, b.data.description, b.data.summary]) expect(text).toMatch(/^Synthetic/);
    }
    for (const path of corpus.files.keys())
      expect(path).toMatch(/^(site\.yaml|[a-z]+\/synthetic-[a-z]+-\d{4}\.(yaml|mdx))$/);
  });

  test('writes briefings that mention 5–15 entities inline, with a card and a citation', () => {
    const { graph, files } = corpus;
    for (const b of graph.all('briefings')) {
      const mentions = graph.outgoing(b.ref, 'mentions');
      const entities = new Set(
        mentions.filter((m) => m.to.collection !== 'sources').map((m) => `${m.to.collection}/${m.to.id}`),
      );
      expect(entities.size).toBeGreaterThanOrEqual(5);
      expect(entities.size).toBeLessThanOrEqual(15);
      expect(mentions.some((m) => m.to.collection === 'sources')).toBe(true);
      const body = files.get(`briefings/${b.ref.id}.mdx`)!;
      expect(body).toMatch(/^<(Deal|Quote) id="[a-z0-9-]+" \/>$/m);
      expect(body).toMatch(/^## .+$/m);
    }
    const repeated = graph
      .all('briefings')
      .filter((b) =>
        graph.outgoing(b.ref, 'mentions').some((m) => /-\d+$/.test(m.mention!.anchor) && m.to.collection !== 'sources'),
      );
    expect(repeated.length).toBeGreaterThan(0);
  });

  test('skews references so a few companies collect most relations', () => {
    const { graph } = corpus;
    const degrees = graph
      .all('companies')
      .map((c) => graph.incoming(c.ref).length)
      .sort((a, b) => b - a);
    const median = degrees[Math.floor(degrees.length / 2)]!;
    expect(degrees[0]).toBeGreaterThan(5 * Math.max(1, median));
  });

  test('covers the deal, quote and event shapes of the content model', () => {
    const { graph } = corpus;
    const deals = graph.all('deals').map((d) => d.data);
    expect(deals.some((d) => d.parties.length === 3)).toBe(true);
    for (const field of ['value', 'volume', 'term', 'announced', 'product'] as const)
      expect(deals.some((d) => d[field])).toBe(true);
    expect(deals.some((d) => d.places.length > 0)).toBe(true);
    const speakers = graph.all('quotes').map((q) => q.data.speaker);
    expect(speakers.some((s) => s.person && s.organisation)).toBe(true);
    expect(speakers.some((s) => s.organisation && !s.person && !s.description)).toBe(true);
    expect(speakers.some((s) => s.description)).toBe(true);
    const statuses = new Set(graph.all('events').map((e) => e.data.status));
    for (const status of ['happened', 'planned', 'expected']) expect(statuses).toContain(status);
    expect(graph.all('companies').some((c) => c.data.parent)).toBe(true);
    expect(graph.all('companies').some((c) => c.data.keyFigures.length > 0)).toBe(true);
    expect(graph.all('people').some((p) => p.data.roles.some((r) => r.organisation))).toBe(true);
  });

  test('draws fuzzy dates from the whole grammar', () => {
    const random = createRandom(3);
    const forms = new Set<string>();
    for (let i = 0; i < 2000; i++) {
      const date = parseFuzzyDate(fuzzyDate(random, 2020, 2030));
      forms.add(date.precision);
      if (date.qualifier) forms.add(date.qualifier);
      if (date.before) forms.add('before');
    }
    expect([...forms].sort()).toEqual([
      'before',
      'by-end',
      'day',
      'early',
      'half',
      'late',
      'mid',
      'month',
      'quarter',
      'year',
    ]);
  });
});

describe('writeCorpus', () => {
  test('replaces a previous corpus but refuses to overwrite other content', () => {
    const root = join(work, 'rewrite');
    writeCorpus(root, generateCorpus({ pages: 20 }));
    writeCorpus(root, generateCorpus({ pages: 10 }));
    expect(loadContentRoot(root).graph.counts()).toEqual(corpusCounts(10));
    expect(() =>
      writeCorpus(join(import.meta.dirname, '../../fixtures/minimal'), generateCorpus({ pages: 10 })),
    ).toThrow(/refusing/);
  });
});
