import type { TimelineItem } from './timeline';
import { itemStates, todayIndex } from './timeline';

/** Largest timeline the main page shows whole; beyond it the page shows a window around today. */
export const TIMELINE_COMPLETE_LIMIT = 400;
/** Items around today on the main page of a large timeline (half before, half after). */
export const TIMELINE_WINDOW = 300;
/** Items per page of the full chronological timeline. */
export const TIMELINE_PAGE_SIZE = 250;

/**
 * What the main timeline page shows: everything when it is small, else the items around today.
 * Either way its HTML is bounded; the full timeline is in chronological pages.
 */
export function timelineWindow(items: TimelineItem[], today: string): { items: TimelineItem[]; complete: boolean } {
  if (items.length <= TIMELINE_COMPLETE_LIMIT) return { items, complete: true };
  const at = todayIndex(items, today);
  const start = Math.max(0, Math.min(at - TIMELINE_WINDOW / 2, items.length - TIMELINE_WINDOW));
  return { items: items.slice(start, start + TIMELINE_WINDOW), complete: false };
}

/** The full timeline in chronological pages of {@link TIMELINE_PAGE_SIZE} items (page 1 is the oldest). */
export function timelinePages(items: TimelineItem[]): { page: number; last: number; items: TimelineItem[] }[] {
  const last = Math.max(1, Math.ceil(items.length / TIMELINE_PAGE_SIZE));
  return Array.from({ length: last }, (_, i) => ({
    page: i + 1,
    last,
    items: items.slice(i * TIMELINE_PAGE_SIZE, (i + 1) * TIMELINE_PAGE_SIZE),
  }));
}

/**
 * One row of the filter index: [page, id, type, states, companies, countries, firstYear, lastYear],
 * where states are the status and "past-due" when the item is, space-separated.
 */
export type TimelineIndexRow = [number, string, string, string, string, string, number, number];

/**
 * A compact index of every item for filtering a large timeline in the browser: which page holds
 * each item and the values the filters test. The browser fetches only the pages with matches.
 */
export function timelineIndex(items: TimelineItem[]): { pages: number; rows: TimelineIndexRow[] } {
  return {
    pages: Math.max(1, Math.ceil(items.length / TIMELINE_PAGE_SIZE)),
    rows: items.map((item, i) => [
      Math.floor(i / TIMELINE_PAGE_SIZE) + 1,
      item.id,
      item.type,
      itemStates(item).join(' '),
      item.companies.map((c) => c.id).join(' '),
      item.countries.join(' '),
      Number(item.date.start.slice(0, 4)),
      Number(item.date.end.slice(0, 4)),
    ]),
  };
}
