import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { buildGraph, type GraphInput } from '../../../src/lib/graph/graph';
import { loadSiteConfig } from '../../../src/lib/content/site-config';
import { sidebarInput } from '../../../src/lib/pages/navigation';
import { buildPageList, pagesOf, type SitePage } from '../../../src/lib/pages/page-list';
import { buildTimeline } from '../../../src/lib/timeline/timeline';
import { fixtureVocabulary, minimalInput, pageContextFor, UNIT_TODAY } from '../../support/content';

const site = loadSiteConfig(join(import.meta.dirname, '../../fixtures/minimal'));

/** The page list of a content input, as the build makes it. */
function pagesFor(input: GraphInput, bodies: Record<string, string> = {}): SitePage[] {
  const graph = buildGraph(input, fixtureVocabulary);
  return buildPageList(pageContextFor(graph, site), {
    timeline: buildTimeline(graph, site.vocabulary, UNIT_TODAY),
    docs: [{ id: 'about', title: 'How to read and cite' }],
    siteWide: { site, sidebar: sidebarInput(graph) },
    body: (ref) => bodies[ref.id] ?? 'Body.',
  });
}

const keys = (pages: SitePage[]) => new Map(pages.map((p) => [p.path, p.cacheKey]));

describe('buildPageList', () => {
  const pages = pagesFor(minimalInput());
  const paths = pages.map((p) => p.path);

  test('lists every page once: home, indexes, entities, timeline and its pages, search, docs', () => {
    expect(new Set(paths).size).toBe(paths.length);
    const entities = Object.values(buildGraph(minimalInput(), fixtureVocabulary).counts()).reduce((a, b) => a + b, 0);
    // home, 7 indexes, every entity, timeline, 1 page of the full timeline, search, about
    expect(paths).toHaveLength(1 + 7 + entities + 1 + 1 + 1 + 1);
    expect(paths).toEqual(
      expect.arrayContaining(['/', '/companies/', '/briefings/', '/companies/globex/', '/timeline/page/1/', '/about/']),
    );
  });

  test('tells each route which pages it renders', () => {
    expect(pagesOf(pages, 'entity').map((p) => p.path)).toContain('/companies/globex/');
    expect(pagesOf(pages, 'entity').map((p) => p.path)).not.toContain('/briefings/widgets-weekly/');
    expect(pagesOf(pages, 'briefing').map((p) => p.path)).toEqual(['/briefings/widgets-weekly/']);
    expect(pagesOf(pages, 'index').map((p) => p.view.collection)).toHaveLength(7);
  });

  test('pages readers share have a card of their own; navigation pages share one per type', () => {
    const card = (path: string) => pages.find((p) => p.path === path)!.card;
    expect(card('/companies/globex/')).toMatchObject({ own: { type: 'Company', title: 'Globex' } });
    expect(card('/briefings/widgets-weekly/')).toMatchObject({ own: { type: 'Briefing' } });
    expect(card('/')).toMatchObject({ own: { type: 'Home', title: 'Fixture: widgets' } });
    expect(card('/about/')).toMatchObject({ own: { type: 'Page', title: 'How to read and cite' } });
    expect(card('/companies/')).toEqual({ shared: 'index-companies' });
    expect(card('/timeline/')).toEqual({ shared: 'timeline' });
    expect(card('/timeline/page/1/')).toEqual({ shared: 'timeline' });
    expect(card('/search/')).toEqual({ shared: 'search' });
  });
});

describe('cache keys', () => {
  const before = keys(pagesFor(minimalInput()));

  test('are the same for the same content', () => {
    expect(keys(pagesFor(minimalInput()))).toEqual(before);
  });

  test('change on the pages that show a renamed company, and only on those', () => {
    const input = minimalInput();
    input.companies.find((c) => c.id === 'globex')!.data.name = 'Globex Corporation';
    const after = pagesFor(input);
    const changed = after.filter((p) => p.cacheKey !== before.get(p.path)).map((p) => p.path);
    // Everything that names Globex: its own page and index, its parent's page (subsidiaries),
    // the deal, the event, the briefing that mentions it, the timeline pages listing the deal.
    expect(changed).toEqual(
      expect.arrayContaining([
        '/companies/globex/',
        '/companies/acme-widgets/',
        '/companies/',
        '/deals/acme-globex-widgets/',
        '/briefings/widgets-weekly/',
        '/timeline/page/1/',
      ]),
    );
    // Pages that do not show the new name keep their key, so an incremental build reuses them.
    for (const page of after) {
      if (changed.includes(page.path)) continue;
      expect(JSON.stringify('view' in page ? page.view : page.card), page.path).not.toContain('Globex Corporation');
    }
    expect(changed).not.toContain('/people/');
  });

  test('change on a briefing when only its text changes', () => {
    const after = keys(pagesFor(minimalInput(), { 'widgets-weekly': 'Other words.' }));
    expect(after.get('/briefings/widgets-weekly/')).not.toBe(before.get('/briefings/widgets-weekly/'));
    expect(after.get('/companies/globex/')).toBe(before.get('/companies/globex/'));
  });

  test('stay put on unrelated pages when an unrelated company is added', () => {
    const input = minimalInput();
    input.companies.push({
      ...structuredClone(input.companies.find((c) => c.id === 'globex')!),
      id: 'initech',
      filePath: 'companies/initech.yaml',
    });
    input.companies.at(-1)!.data.name = 'Initech';
    const after = keys(pagesFor(input));
    expect(after.get('/companies/initech/')).toBeDefined();
    expect(after.get('/deals/acme-globex-widgets/')).toBe(before.get('/deals/acme-globex-widgets/'));
    expect(after.get('/people/jane-doe/')).toBe(before.get('/people/jane-doe/'));
    expect(after.get('/companies/')).not.toBe(before.get('/companies/'));
  });

  test('change when an entry becomes past due, and only then, not with every new day', () => {
    const graph = buildGraph(minimalInput(), fixtureVocabulary);
    // The fixture's event is planned "by the end of 2024": past due from 1 January 2025.
    const on = (today: string) =>
      keys(
        buildPageList(pageContextFor(graph, site, undefined, today), {
          timeline: buildTimeline(graph, site.vocabulary, today),
          docs: [{ id: 'about', title: 'How to read and cite' }],
          siteWide: { site, sidebar: sidebarInput(graph) },
          body: () => 'Body.',
        }),
      );
    const [june, december, january, march] = [on('2024-06-01'), on('2024-12-31'), on('2025-01-01'), on('2025-03-01')];
    for (const path of ['/events/acme-plant-opening/', '/companies/acme-widgets/', '/briefings/widgets-weekly/']) {
      expect(december.get(path), path).toBe(june.get(path));
      expect(january.get(path), path).not.toBe(december.get(path));
      expect(march.get(path), path).toBe(january.get(path));
    }
    // A person's timeline shows their organisation's items, so their page changes too; a page
    // that shows no status of the event keeps its key.
    expect(january.get('/people/jane-doe/')).not.toBe(december.get('/people/jane-doe/'));
    expect(january.get('/quotes/jane-doe-widgets/')).toBe(december.get('/quotes/jane-doe-widgets/'));
  });

  test('change everywhere when a site-wide part changes', () => {
    const graph = buildGraph(minimalInput(), fixtureVocabulary);
    const other = buildPageList(pageContextFor(graph, site), {
      timeline: buildTimeline(graph, site.vocabulary, UNIT_TODAY),
      docs: [{ id: 'about', title: 'How to read and cite' }],
      siteWide: { site: { ...site, title: 'Renamed' }, sidebar: sidebarInput(graph) },
      body: () => 'Body.',
    });
    for (const page of other) expect(page.cacheKey).not.toBe(before.get(page.path));
  });
});

describe('index pages', () => {
  test('say how many entries they list in words that agree with the number', () => {
    const pages = pagesFor(minimalInput());
    const index = (collection: string) => pagesOf(pages, 'index').find((p) => p.view.collection === collection)!.view;
    const graph = buildGraph(minimalInput(), fixtureVocabulary);
    expect(graph.all('briefings')).toHaveLength(1);
    expect(index('briefings')).toMatchObject({
      count: '1 briefing',
      description: 'All 1 briefing in the knowledge base.',
    });
    const companies = graph.all('companies').length;
    expect(companies).toBeGreaterThan(1);
    expect(index('companies').count).toBe(`${companies} companies`);
    expect(graph.all('people')).toHaveLength(1);
    expect(index('people').count).toBe('1 person');
  });
});
