import type { PageSizes } from '../../schemas/site';
import { paginate } from '../pages/pagination';
import type { TimelineItem } from './timeline';
import { itemStates, todayIndex } from './timeline';

/**
 * The timeline's page sizes from site.yaml (`pageSizes`): the largest timeline the main page shows
 * whole (`timeline`), the items around today it shows of a larger one (`timelineWindow`, half
 * before and half after), and the items per page of the full chronological timeline (`timelinePage`).
 */
export type TimelineSizes = Pick<PageSizes, 'timeline' | 'timelineWindow' | 'timelinePage'>;

/**
 * What the main timeline page shows: everything when it is small, else the items around today.
 * Either way its HTML is bounded; the full timeline is in chronological pages.
 */
export function timelineWindow(
  items: TimelineItem[],
  today: string,
  sizes: TimelineSizes,
): { items: TimelineItem[]; complete: boolean } {
  if (items.length <= sizes.timeline) return { items, complete: true };
  const size = sizes.timelineWindow;
  const at = todayIndex(items, today);
  const start = Math.max(0, Math.min(at - Math.floor(size / 2), items.length - size));
  return { items: items.slice(start, start + size), complete: false };
}

/** The full timeline in chronological pages of `sizes.timelinePage` items (page 1 is the oldest). */
export function timelinePages(
  items: TimelineItem[],
  sizes: Pick<TimelineSizes, 'timelinePage'>,
): { page: number; last: number; items: TimelineItem[] }[] {
  return paginate(items, sizes.timelinePage);
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
export function timelineIndex(
  items: TimelineItem[],
  sizes: Pick<TimelineSizes, 'timelinePage'>,
): { pages: number; rows: TimelineIndexRow[] } {
  const pages = timelinePages(items, sizes);
  return {
    pages: pages.length,
    rows: pages.flatMap(({ page, items: chunk }) =>
      chunk.map((item): TimelineIndexRow => [
        page,
        item.id,
        item.type,
        itemStates(item).join(' '),
        item.companies.map((c) => c.id).join(' '),
        item.countries.join(' '),
        Number(item.date.start.slice(0, 4)),
        Number(item.date.end.slice(0, 4)),
      ]),
    ),
  };
}
