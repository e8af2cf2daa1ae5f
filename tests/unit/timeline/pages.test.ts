import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { buildTimeline, todayIndex } from '../../../src/lib/timeline/timeline';
import { timelineIndex, timelinePages, timelineWindow } from '../../../src/lib/timeline/pages';
import { DEFAULT_PAGE_SIZES } from '../../../src/schemas/site';
import { loadContentRoot } from '../../support/content';

// How the timeline is cut into pages, with site.yaml's page sizes: small ones here, so the
// bundled dataset's timeline is "large".
const seed = loadContentRoot(join(import.meta.dirname, '../../../src/content'));
const TODAY = '2026-11-26';
const items = buildTimeline(seed.graph, seed.site.vocabulary, TODAY);
const SMALL = { timeline: 6, timelineWindow: 4, timelinePage: 5 };

describe('the timeline in pages', () => {
  test('the bundled timeline is longer than the small sizes here', () => {
    expect(items.length).toBeGreaterThan(SMALL.timeline + SMALL.timelinePage);
  });

  test('the main page shows a timeline whole up to pageSizes.timeline items', () => {
    expect(timelineWindow(items, TODAY, DEFAULT_PAGE_SIZES)).toEqual({ items, complete: true });
    const sizes = { ...SMALL, timeline: items.length };
    expect(timelineWindow(items, TODAY, sizes)).toEqual({ items, complete: true });
  });

  test('beyond that, pageSizes.timelineWindow items around today, half before and half after', () => {
    // "Today" in the middle of the timeline: the first item not over by then is the sixth.
    const today = items[5]!.date.end;
    const at = todayIndex(items, today);
    expect(at).toBeGreaterThanOrEqual(2);
    expect(at).toBeLessThanOrEqual(5);
    const shown = timelineWindow(items, today, SMALL);
    expect(shown.complete).toBe(false);
    expect(shown.items).toEqual(items.slice(at - 2, at + 2));
    // Near either end, the window keeps its size and stays inside the timeline.
    expect(timelineWindow(items, '1900-01-01', SMALL).items).toEqual(items.slice(0, 4));
    expect(timelineWindow(items, '2999-01-01', SMALL).items).toEqual(items.slice(-4));
  });

  test('the full timeline in pages of pageSizes.timelinePage, oldest first, and the filter index agrees', () => {
    const pages = timelinePages(items, SMALL);
    const last = Math.ceil(items.length / SMALL.timelinePage);
    expect(pages.map((p) => [p.page, p.last, p.items.length])).toEqual(
      Array.from({ length: last }, (_, i) => [i + 1, last, Math.min(5, items.length - i * 5)]),
    );
    expect(pages.flatMap((p) => p.items)).toEqual(items);
    const index = timelineIndex(items, SMALL);
    expect(index.pages).toBe(last);
    for (const { page, items: chunk } of pages)
      for (const item of chunk) expect(index.rows.find((row) => row[1] === item.id)?.[0]).toBe(page);
  });
});
