import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { buildGraph } from '../../../src/lib/graph/graph';
import { HOME_BRIEFINGS, HOME_LATEST, homePage, latestItems } from '../../../src/lib/pages/home';
import { buildTimeline, compareTimelineItems, type TimelineItem } from '../../../src/lib/timeline/timeline';
import { formatFuzzyDate, parseFuzzyDate } from '../../../src/lib/values/fuzzy-date';
import { loadSiteConfig } from '../../../src/lib/content/site-config';
import { fixtureVocabulary, loadContentRoot, minimalInput, pageContextFor } from '../../support/content';

const minimalSite = loadSiteConfig(join(import.meta.dirname, '../../fixtures/minimal'));

/** A timeline item of `type` on `date`, named after both. */
function item(type: TimelineItem['type'], date: string): TimelineItem {
  return {
    id: `${type}-${date}`,
    kind: type === 'deal' ? 'deal-announced' : type,
    type,
    date: parseFuzzyDate(date),
    status: 'happened',
    title: `${type} ${date}`,
    target: { collection: type === 'deal' ? 'deals' : type === 'event' ? 'events' : 'briefings', id: 'x' },
    companies: [],
    countries: [],
  } as TimelineItem;
}

const timeline = (items: TimelineItem[]) => [...items].sort(compareTimelineItems);

describe('latestItems', () => {
  test('the newest deals and events behind us, newest first; briefings, figures, starts and what is ahead left out', () => {
    const items = timeline([
      { ...item('deal', '2025-10'), kind: 'deal-start', title: 'start 2025-10' },
      item('deal', '2025-06-02'),
      item('event', '2025-07-09'),
      item('briefing', '2025-07-10'),
      item('figure', '2025-08'),
      item('event', '2025-09'),
      item('deal', '2026-01-15'),
      item('event', '2027'),
    ]);
    expect(latestItems(items, '2025-12-01').map((i) => i.title)).toEqual([
      'event 2025-09',
      'event 2025-07-09',
      'deal 2025-06-02',
    ]);
  });

  test('a vague date counts once it is entirely past, as on the timeline ("by the end of 2025" only in 2026)', () => {
    const items = timeline([item('event', 'by end of 2025'), item('deal', '2025-03')]);
    expect(latestItems(items, '2025-12-31').map((i) => i.title)).toEqual(['deal 2025-03']);
    expect(latestItems(items, '2026-01-01').map((i) => i.title)).toEqual(['event by end of 2025', 'deal 2025-03']);
  });

  test('never more than the limit, however long the timeline', () => {
    const items = timeline(
      Array.from({ length: 5000 }, (_, i) => item(i % 2 ? 'deal' : 'event', `20${10 + (i % 15)}-0${1 + (i % 9)}`)),
    );
    const latest = latestItems(items, '2030-01-01');
    expect(latest).toHaveLength(HOME_LATEST);
    // Newest first: each item's last possible day is on or before the previous one's.
    for (let i = 1; i < latest.length; i++) expect(latest[i]!.date.end <= latest[i - 1]!.date.end).toBe(true);
    expect(latestItems(items, '2030-01-01', 2)).toHaveLength(2);
    expect(latestItems([], '2030-01-01')).toEqual([]);
  });
});

describe('homePage', () => {
  const { graph, site } = loadContentRoot(join(import.meta.dirname, '../../../src/content'));
  const ctx = pageContextFor(graph, site, undefined, '2026-11-26');
  const view = homePage(ctx, buildTimeline(graph, site.vocabulary, ctx.today));

  test('what’s new in the bundled dataset: deals and events already behind us, newest first, with their dates', () => {
    expect(view.latest.items.map((i) => [i.title, formatFuzzyDate(i.date)])).toMatchInlineSnapshot(`
      [
        [
          "CATL aims to run a 100 GWh plant in Hungary",
          "by the end of 2025",
        ],
        [
          "LG Energy Solution to supply Chery EV with 46-series cylindrical cells",
          "9 July 2025",
        ],
        [
          "CATL establishes a Korean branch",
          "2025, before 9 July",
        ],
        [
          "CATL's ternary lithium batteries chosen for Kia's PV5",
          "2025, before 9 July",
        ],
        [
          "Solus Advanced Materials to supply copper foil to CATL in Europe",
          "June 2025",
        ],
        [
          "Lotte Energy Materials starts building its first European plant, in Spain",
          "late June 2025",
        ],
      ]
    `);
    expect(view.latest.items.every((i) => i.date.end < '2026-11-26')).toBe(true);
    for (const i of view.latest.items) for (const c of i.companies) expect(view.latest.names[c.id]).toBeTruthy();
    expect(view.latest.more.href).toBe('/timeline/?type=deal,event');
  });

  test('briefings, bounded, and a "Follow" block with the RSS and JSON feeds', () => {
    expect(view.briefings.length).toBeLessThanOrEqual(HOME_BRIEFINGS);
    expect(view.allBriefings).toEqual({
      text: 'All briefings',
      href: '/briefings/',
      count: graph.all('briefings').length,
    });
    expect(view.follow.feeds).toEqual([
      { text: 'RSS', href: '/rss.xml', type: 'application/rss+xml' },
      { text: 'JSON Feed', href: '/feed.json', type: 'application/feed+json' },
    ]);
    expect(view.explore.map((e) => e.collection)).not.toContain('briefings');
  });

  test('a larger corpus does not make a longer home page', () => {
    const input = minimalInput();
    const [deal, briefing] = [input.deals[0]!, input.briefings[0]!];
    for (let i = 1; i <= 200; i++) {
      input.deals.push({ ...structuredClone(deal), id: `deal-${i}`, filePath: `deals/deal-${i}.yaml` });
      input.briefings.push({
        ...structuredClone(briefing),
        id: `briefing-${i}`,
        filePath: `briefings/briefing-${i}.mdx`,
      });
    }
    const big = buildGraph(input, fixtureVocabulary);
    const home = homePage(
      pageContextFor(big, minimalSite, undefined, '2030-01-01'),
      buildTimeline(big, minimalSite.vocabulary, '2030-01-01'),
    );
    expect(home.latest.items).toHaveLength(HOME_LATEST);
    expect(home.briefings).toHaveLength(HOME_BRIEFINGS);
    expect(home.allBriefings.count).toBe(201);
  });
});
