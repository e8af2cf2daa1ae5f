import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { buildGraph } from '../../../src/lib/graph/graph';
import { sidebarInput } from '../../../src/lib/pages/navigation';
import { buildPageList, PageUnits, type SitePage, type UnitRecord } from '../../../src/lib/pages/page-list';
import { codeDigest, decodeUnits, encodeUnits } from '../../../src/lib/pages/unit-cache';
import { testFolder } from '../../support/temp-folder';
import { buildTimeline } from '../../../src/lib/timeline/timeline';
import {
  fixtureVocabulary,
  minimalInput,
  minimalSite,
  pageContextFor,
  readContentRoot,
  UNIT_TODAY,
  type UnitBuild,
} from '../../support/content';

// The page list reuses an entity's pages from the previous build when everything they were built
// from reads the same (src/lib/pages/dependencies.ts). Whatever changed, the list it makes must be
// the list a build from scratch makes: the same pages, cache keys, cards and views.

type Build = UnitBuild;

function pagesFor({ input, site = minimalSite, today = UNIT_TODAY, bodies = {} }: Build, units?: PageUnits) {
  const graph = buildGraph(input, site.vocabulary);
  return buildPageList(pageContextFor(graph, site, undefined, today), {
    timeline: buildTimeline(graph, site.vocabulary, today),
    docs: [{ id: 'about', title: 'How to read and cite' }],
    siteWide: { site, sidebar: sidebarInput(graph) },
    body: (ref) => bodies[ref.id] ?? 'Body.',
    units,
  });
}

/** Every page with its view read (a reused page builds its view only when it is read). */
const materialized = (pages: SitePage[]) => pages.map((page) => ({ ...page }));

/** The records as the next build reads them: through the cache file's JSON. */
function kept(units: PageUnits): Map<string, UnitRecord> {
  return decodeUnits(JSON.parse(JSON.stringify(encodeUnits(units.next, 'code'))), 'code');
}

/** Builds `before`, then `after` with the records of `before`; checks it against `after` from scratch. */
function rebuild(before: Build, after: Build) {
  const first = new PageUnits();
  pagesFor(before, first);
  expect(first.reused).toBe(0);
  const second = new PageUnits(kept(first));
  const incremental = pagesFor(after, second);
  const fresh = pagesFor(after);
  expect(incremental.map((p) => p.path)).toEqual(fresh.map((p) => p.path));
  expect(incremental.map((p) => p.cacheKey)).toEqual(fresh.map((p) => p.cacheKey));
  expect(materialized(incremental)).toEqual(materialized(fresh));
  return second;
}

describe('the page list with the previous build’s records', () => {
  const entities = Object.values(buildGraph(minimalInput(), fixtureVocabulary).counts()).reduce((a, b) => a + b, 0);

  test('nothing changed: every entity’s pages are reused, and their views are the same when read', () => {
    const units = rebuild({ input: minimalInput() }, { input: minimalInput() });
    expect(units.reused).toBe(entities);
    expect(units.built).toBe(0);
  });

  test('a renamed company: the pages that show its name are built again, the others reused', () => {
    const after = minimalInput();
    after.companies.find((c) => c.id === 'globex')!.data.name = 'Globex Corporation';
    const units = rebuild({ input: minimalInput() }, { input: after });
    expect(units.built).toBeGreaterThan(0);
    expect(units.reused).toBeGreaterThan(0);
    expect(units.built + units.reused).toBe(entities);
  });

  test('an entity added, one deleted, an id changed', () => {
    const added = minimalInput();
    const copy = structuredClone(added.people[0]!);
    added.people.push({ ...copy, id: 'john-roe', data: { ...copy.data, name: 'John Roe' } });
    const units = rebuild({ input: minimalInput() }, { input: added });
    expect(units.built).toBeGreaterThanOrEqual(1);
    // Deleting it again, and a removal from the previous build's records.
    rebuild({ input: added }, { input: minimalInput() });
    // A company renamed to a new id, its old id kept as a previous id.
    const moved = minimalInput();
    const globex = moved.companies.find((c) => c.id === 'globex')!;
    globex.id = 'globex-corp';
    (globex.data as { previousIds?: string[] }).previousIds = ['globex'];
    for (const list of Object.values(moved)) {
      for (const entry of list) {
        const text = JSON.stringify(entry.data).replaceAll('"globex"', '"globex-corp"');
        entry.data = JSON.parse(text) as typeof entry.data;
        if (entry.body) entry.body = entry.body.replaceAll('id="globex"', 'id="globex-corp"');
      }
    }
    (globex.data as { previousIds?: string[] }).previousIds = ['globex'];
    rebuild({ input: minimalInput() }, { input: moved });
  });

  test('a briefing’s body edited: its page is built again', () => {
    const units = rebuild({ input: minimalInput() }, { input: minimalInput(), bodies: { 'widgets-weekly': 'New.' } });
    expect(units.built).toBe(1);
  });

  test('another day: the entities whose pages read the day are built again (today, every one: each card reads it)', () => {
    for (const today of ['2020-01-01', '2030-06-30']) {
      const units = rebuild({ input: minimalInput() }, { input: minimalInput(), today });
      expect(units.built + units.reused).toBe(entities);
    }
  });

  test('another site-wide part (the site’s configuration): every page is built again', () => {
    const site = structuredClone(minimalSite);
    site.title = 'Another title';
    const units = rebuild({ input: minimalInput() }, { input: minimalInput(), site });
    expect(units.reused).toBe(0);
  });

  test('the bundled content: one company renamed, then a day later', () => {
    const bundled = readContentRoot(join(import.meta.dirname, '../../../src/content'));
    const after = structuredClone(bundled.input);
    const company = after.companies[0]!;
    company.data.name = `${company.data.name} (renamed)`;
    const units = rebuild({ input: bundled.input, site: bundled.site }, { input: after, site: bundled.site });
    expect(units.built).toBeGreaterThan(0);
    expect(units.reused).toBeGreaterThan(0);
    rebuild(
      { input: bundled.input, site: bundled.site },
      { input: bundled.input, site: bundled.site, today: '2027-12-31' },
    );
  });
});

describe('the records’ file', () => {
  const units = new PageUnits();
  pagesFor({ input: minimalInput() }, units);
  const file = JSON.parse(JSON.stringify(encodeUnits(units.next, 'code'))) as ReturnType<typeof encodeUnits>;

  test('round-trips, each read written once', () => {
    expect(decodeUnits(file, 'code')).toEqual(units.next);
    expect(new Set(file.strings).size).toBe(file.strings.length);
  });

  test('is set aside whole when made by other code, of another version or inconsistent', () => {
    expect(decodeUnits(file, 'other code').size).toBe(0);
    expect(decodeUnits({ ...file, version: 0 }, 'code').size).toBe(0);
    const broken = structuredClone(file);
    broken.units[0]![1].push(file.strings.length);
    expect(decodeUnits(broken, 'code').size).toBe(0);
    expect(decodeUnits(null, 'code').size).toBe(0);
    expect(decodeUnits({ ...file, units: [['x']] }, 'code').size).toBe(0);
  });
});

describe('the code the records are of (codeDigest)', () => {
  test('changes with the source code, the lockfile or another folder, never with the content', () => {
    const project = testFolder('code-digest-');
    const src = join(project, 'src');
    const content = join(src, 'content');
    mkdirSync(join(src, 'lib'), { recursive: true });
    mkdirSync(join(content, 'companies'), { recursive: true });
    writeFileSync(join(src, 'lib/views.ts'), 'export const a = 1;');
    writeFileSync(join(content, 'companies/acme.yaml'), 'name: Acme');
    writeFileSync(join(project, 'package-lock.json'), '{"v":1}');
    const digest = () => codeDigest({ srcDir: src, exclude: [content], lockfile: join(project, 'package-lock.json') });
    const first = digest();
    expect(digest()).toBe(first);
    // Content is what the records track: editing it leaves their code the same.
    writeFileSync(join(content, 'companies/acme.yaml'), 'name: Acme Corp');
    writeFileSync(join(content, 'companies/globex.yaml'), 'name: Globex');
    expect(digest()).toBe(first);
    writeFileSync(join(src, 'lib/views.ts'), 'export const a = 2;');
    const edited = digest();
    expect(edited).not.toBe(first);
    writeFileSync(join(src, 'lib/more.ts'), '');
    expect(digest()).not.toBe(edited);
    const added = digest();
    writeFileSync(join(project, 'package-lock.json'), '{"v":2}');
    expect(digest()).not.toBe(added);
  });
});
