import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { getRssString } from '@astrojs/rss';
import { buildGraph } from '../../../src/lib/graph/graph';
import { Units } from '../../../src/lib/pages/dependencies';
import { decodeUnits, encodeUnits } from '../../../src/lib/pages/unit-cache';
import { besideTexts, storedTexts, type StoredTexts } from '../../../src/lib/publishing/beside-texts';
import { emailBriefing, emailHtml, emailLinks, emailTextFile } from '../../../src/lib/publishing/email';
import { indexExports } from '../../../src/lib/publishing/entity-json';
import { entityJsonFiles } from '../../support/entity-json';
import { exportTables, type ExportRow } from '../../../src/lib/publishing/exports';
import { companyRssFeed } from '../../../src/lib/publishing/feeds';
import { textKey } from '../../../src/lib/publishing/published-files';
import { companyFeedUrl, emailUrl, entityJsonUrl } from '../../../src/lib/routes';
import type { Ref } from '../../../src/schemas/common';
import {
  minimalInput,
  minimalSite,
  pageContextFor,
  readContentRoot,
  UNIT_TODAY,
  type UnitBuild,
} from '../../support/content';

// The texts beside the pages (entity JSON, company feeds, email snippets) of an entity whose reads
// are unchanged since the last build are not made again: their keys in the text store come from
// that build's records (src/lib/publishing/beside-texts.ts). Whatever changed, every text must be
// the one a build from scratch makes, byte for byte, at the same paths.

interface Build extends UnitBuild {
  campaign?: string;
  /** Changes the export tables' rows the texts read (which the graph's reads need not show). */
  rows?: (rows: Map<string, ExportRow>) => void;
}

function textsFor(
  { input, site = minimalSite, today = UNIT_TODAY, bodies = {}, campaign = '', rows }: Build,
  units?: Units<StoredTexts>,
) {
  const graph = buildGraph(input, site.vocabulary);
  const ctx = pageContextFor(graph, site, undefined, today);
  const exports = indexExports(exportTables(ctx));
  rows?.(exports.rows);
  return besideTexts(
    { ...ctx, body: (ref) => bodies[ref.id] ?? 'Body.', exports },
    { rss: getRssString, campaign, units },
  );
}

/** Every text of a list, made. */
async function made(texts: Awaited<ReturnType<typeof textsFor>>): Promise<Map<string, string>> {
  return new Map(await Promise.all(texts.map(async (t) => [t.path, await t.text()] as const)));
}

/** The records as the next build reads them: through the cache file's JSON. */
function kept(units: Units<StoredTexts>) {
  return decodeUnits(JSON.parse(JSON.stringify(encodeUnits(units.next, 'code'))), 'code', storedTexts);
}

/** Builds `before`, then `after` with the records of `before`; checks it against `after` from scratch. */
async function rebuild(before: Build, after: Build) {
  const first = new Units<StoredTexts>();
  const firstTexts = await textsFor(before, first);
  expect(first.reused).toBe(0);
  // Every text made with a record has its key, the hash of its bytes.
  for (const text of firstTexts) expect(text.key).toBe(textKey(await text.text()));
  const second = new Units<StoredTexts>(kept(first));
  const incremental = await textsFor(after, second);
  const fresh = await made(await textsFor(after));
  expect(incremental.map((t) => t.path)).toEqual([...fresh.keys()]);
  for (const text of incremental) {
    const expected = fresh.get(text.path)!;
    expect(text.key, text.path).toBe(textKey(expected));
    expect(await text.text(), text.path).toBe(expected);
  }
  return second;
}

describe('the texts beside the pages with the previous build’s records', () => {
  const entities = Object.values(buildGraph(minimalInput(), minimalSite.vocabulary).counts()).reduce(
    (a, b) => a + b,
    0,
  );

  test('without records: each entity’s JSON document, each company’s feed, each briefing’s email snippets', async () => {
    const input = minimalInput();
    const graph = buildGraph(input, minimalSite.vocabulary);
    const ctx = pageContextFor(graph, minimalSite);
    const texts = await made(await textsFor({ input }));
    // The same texts as made by the functions that make each (and the JSON documents as the tests'
    // own helper makes them, at the same addresses).
    const json = entityJsonFiles(ctx, exportTables(ctx));
    expect(json.length).toBe(entities);
    for (const file of json) expect(texts.get(entityJsonUrl(file.at))).toBe(file.text);
    for (const company of graph.all('companies')) {
      const ref = company.ref as Ref<'companies'>;
      const feed = companyRssFeed(graph, ref, minimalSite, ctx.siteUrl, UNIT_TODAY);
      expect(texts.get(companyFeedUrl(ref))).toBe(await getRssString(feed));
    }
    for (const briefing of graph.all('briefings')) {
      const ref = briefing.ref;
      const email = emailBriefing(graph, minimalSite, briefing, 'Body.', emailLinks(ctx.siteUrl, ''), UNIT_TODAY);
      expect(texts.get(emailUrl(ref, 'html'))).toBe(emailHtml(email));
      expect(texts.get(emailUrl(ref, 'txt'))).toBe(emailTextFile(email));
    }
    const expected = entities + graph.all('companies').length + 2 * graph.all('briefings').length;
    expect(texts.size).toBe(expected);
  });

  test('nothing changed: every entity’s texts are kept, each made only when asked for', async () => {
    const units = await rebuild({ input: minimalInput() }, { input: minimalInput() });
    expect(units.reused).toBe(entities);
    expect(units.built).toBe(0);
  });

  test('a renamed company: the texts that show its name are made again, the others kept', async () => {
    const after = minimalInput();
    after.companies.find((c) => c.id === 'globex')!.data.name = 'Globex Corporation';
    const units = await rebuild({ input: minimalInput() }, { input: after });
    expect(units.built).toBeGreaterThan(0);
    expect(units.reused).toBeGreaterThan(0);
    expect(units.built + units.reused).toBe(entities);
  });

  test('an entity added, one deleted, an id changed (its old id keeps its JSON document and feed)', async () => {
    const added = minimalInput();
    const copy = structuredClone(added.people[0]!);
    added.people.push({ ...copy, id: 'john-roe', data: { ...copy.data, name: 'John Roe' } });
    await rebuild({ input: minimalInput() }, { input: added });
    await rebuild({ input: added }, { input: minimalInput() });
    const moved = minimalInput();
    for (const list of Object.values(moved)) {
      for (const entry of list) {
        entry.data = JSON.parse(
          JSON.stringify(entry.data).replaceAll('"globex"', '"globex-corp"'),
        ) as typeof entry.data;
        if (entry.body) entry.body = entry.body.replaceAll('id="globex"', 'id="globex-corp"');
      }
    }
    const globex = moved.companies.find((c) => c.id === 'globex')!;
    globex.id = 'globex-corp';
    (globex.data as { previousIds?: string[] }).previousIds = ['globex'];
    const texts = await made(await textsFor({ input: moved }));
    const old = { collection: 'companies', id: 'globex' } as Ref<'companies'>;
    const now = { collection: 'companies', id: 'globex-corp' } as Ref<'companies'>;
    expect(texts.get(entityJsonUrl(old))).toBe(texts.get(entityJsonUrl(now)));
    expect(texts.get(companyFeedUrl(old))).toBe(texts.get(companyFeedUrl(now)));
    await rebuild({ input: minimalInput() }, { input: moved });
  });

  test('a briefing’s body edited: its texts are made again', async () => {
    const units = await rebuild(
      { input: minimalInput() },
      { input: minimalInput(), bodies: { 'widgets-weekly': 'New words, with a [link](/companies/globex/).' } },
    );
    expect(units.built).toBe(1);
  });

  test('another campaign for the email links, another day, another site: made again where they differ', async () => {
    let units = await rebuild({ input: minimalInput() }, { input: minimalInput(), campaign: 'utm_source=letter' });
    expect(units.reused).toBe(0);
    units = await rebuild({ input: minimalInput() }, { input: minimalInput(), today: '2030-06-30' });
    expect(units.built + units.reused).toBe(entities);
    const site = structuredClone(minimalSite);
    site.title = 'Another title';
    await rebuild({ input: minimalInput() }, { input: minimalInput(), site });
  });

  test('an export row changed: the JSON document that shows it is made again', async () => {
    const units = await rebuild(
      { input: minimalInput() },
      {
        input: minimalInput(),
        rows: (rows) => rows.set('companies/globex', { ...rows.get('companies/globex'), x: 1 }),
      },
    );
    expect(units.built).toBe(1);
  });

  test('the bundled content: one company renamed', async () => {
    const bundled = readContentRoot(join(import.meta.dirname, '../../../src/content'));
    const after = structuredClone(bundled.input);
    const company = after.companies[0]!;
    company.data.name = `${company.data.name} (renamed)`;
    const units = await rebuild({ input: bundled.input, site: bundled.site }, { input: after, site: bundled.site });
    expect(units.built).toBeGreaterThan(0);
    expect(units.reused).toBeGreaterThan(0);
  });

  test('a record whose stored texts are not kinds and keys is set aside with its file', () => {
    const units = new Units<StoredTexts>();
    units.next.set('/companies/acme/', { deps: [], digest: 'd', stored: [{ kind: 'json', key: 'k' }] });
    const file = JSON.parse(JSON.stringify(encodeUnits(units.next, 'code'))) as ReturnType<typeof encodeUnits>;
    expect(decodeUnits(file, 'code', storedTexts)).toEqual(units.next);
    const broken = structuredClone(file);
    broken.units[0]![3] = [{ kind: 'json' }];
    expect(decodeUnits(broken, 'code', storedTexts).size).toBe(0);
  });
});
