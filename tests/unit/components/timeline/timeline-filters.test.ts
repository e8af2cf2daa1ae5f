// @vitest-environment happy-dom
import { afterEach, describe, expect, test, vi } from 'vitest';
import { ui } from '../../../../src/i18n/ui';
import { timelineIndexUrl, timelinePageUrl } from '../../../../src/lib/routes';
import type { TimelineIndexRow } from '../../../../src/lib/timeline/pages';
import '../../../../src/components/timeline/timeline-filters';
import { goBack, mount, setUrl, settle } from '../../../support/dom';

/** A timeline item as TimelineItem.astro renders it (only what filters read). */
interface Item {
  id: string;
  type: string;
  status: string;
  companies: string[];
  countries: string[];
  year: number;
  group: string;
}

const COMPANY_NAMES: Record<string, string> = { catl: 'CATL', lges: 'LG Energy Solution', solus: 'Solus' };

const ITEMS: Item[] = [
  {
    id: 'figure-chery',
    type: 'figure',
    status: 'happened',
    companies: [],
    countries: ['CN'],
    year: 2024,
    group: '2024',
  },
  {
    id: 'deal-solus-catl',
    type: 'deal',
    status: 'happened',
    companies: ['solus', 'catl'],
    countries: ['KR', 'HU'],
    year: 2025,
    group: 'June 2025',
  },
  {
    id: 'event-catl-korea',
    type: 'event',
    status: 'happened',
    companies: ['catl'],
    countries: ['KR'],
    year: 2025,
    group: 'July 2025',
  },
  {
    id: 'event-catl-hungary',
    type: 'event',
    status: 'expected',
    companies: ['catl'],
    countries: ['HU'],
    year: 2025,
    group: 'by end of 2025',
  },
  {
    id: 'event-lotte-spain',
    type: 'event',
    status: 'expected',
    companies: [],
    countries: ['ES'],
    year: 2026,
    group: '2026',
  },
];

const itemHtml = (i: Item) =>
  `<li id="${i.id}" data-item data-type="${i.type}" data-status="${i.status}" data-companies="${i.companies.join(' ')}"` +
  ` data-countries="${i.countries.join(' ')}" data-first-year="${i.year}" data-last-year="${i.year}">` +
  i.companies.map((c) => `<a href="/companies/${c}/" data-company-id="${c}">${COMPANY_NAMES[c]}</a>`).join(', ') +
  `</li>`;

/** Items grouped by year and period, as TimelineList.astro renders them. */
function listHtml(items: Item[], { complete = true, todayBefore = '' } = {}): string {
  const years = [...new Set(items.map((i) => i.year))];
  const body = years
    .map((year) => {
      const groups = [...new Set(items.filter((i) => i.year === year).map((i) => i.group))];
      return (
        `<li class="year" data-year="${year}"><h2 id="year-${year}">${year}</h2><ol class="groups">` +
        groups
          .map(
            (group) =>
              `<li class="group" data-group>${group === String(year) ? '' : `<h3 id="${group.replace(/ /g, '-')}">${group}</h3>`}<ol class="items">` +
              items
                .filter((i) => i.group === group)
                .map((i) => (i.id === todayBefore ? '<li class="today" data-today>Today</li>' : '') + itemHtml(i))
                .join('') +
              `</ol></li>`,
          )
          .join('') +
        `</ol></li>`
      );
    })
    .join('');
  return `<ol class="timeline" data-timeline data-complete="${complete}">${body}</ol>`;
}

/** The filters as TimelineFilters.astro renders them (hidden until the script runs). */
const FILTERS = `
<timeline-filters data-showing="${ui.timeline.showing}" data-none="${ui.timeline.none}">
  <form hidden aria-label="${ui.timeline.filters}">
    <select name="company"><option value="">Any company</option><option value="catl">CATL</option><option value="solus">Solus</option></select>
    <select name="country"><option value="">Any country</option><option value="KR">South Korea</option><option value="HU">Hungary</option><option value="ES">Spain</option><option value="CN">China</option></select>
    <select name="from"><option value="">Any</option><option value="2024">2024</option><option value="2025">2025</option><option value="2026">2026</option></select>
    <select name="to"><option value="">Any</option><option value="2024">2024</option><option value="2025">2025</option><option value="2026">2026</option></select>
    <fieldset><legend>Type</legend>${['deal', 'event', 'figure'].map((t) => `<label><input type="checkbox" name="type" value="${t}"> ${t} <span data-filter-count>(0)</span></label>`).join('')}</fieldset>
    <fieldset><legend>Status</legend>${['happened', 'expected'].map((s) => `<label><input type="checkbox" name="status" value="${s}"> ${s} <span data-filter-count>(0)</span></label>`).join('')}</fieldset>
    <button type="reset">${ui.timeline.clear}</button>
  </form>
  <p class="count" role="status" aria-live="polite" data-count>Showing 5 of 5 items</p>
</timeline-filters>`;

/** Ids of the items a reader can see (not hidden themselves, nor inside a hidden year or period). */
function visibleItems(): string[] {
  return [...document.querySelectorAll<HTMLElement>('[data-timeline] [data-item]')]
    .filter((item) => !item.closest('[hidden]'))
    .map((item) => item.id);
}

const countText = () => document.querySelector('[data-count]')!.textContent;
/** The type and status checkboxes as a reader sees them: "event (2)". */
const checkboxLabels = (name: string) =>
  [...document.querySelectorAll<HTMLInputElement>(`timeline-filters input[name="${name}"]`)].map((box) =>
    box.closest('label')!.textContent!.trim(),
  );
const control = <T extends HTMLElement>(selector: string) => document.querySelector<T>(`timeline-filters ${selector}`)!;
const here = () => location.pathname + location.search;

/** Changes a control the way a reader does: the form hears a bubbling change event. */
function choose(selector: string, value: string | boolean) {
  const element = control<HTMLInputElement | HTMLSelectElement>(selector);
  if (typeof value === 'boolean') (element as HTMLInputElement).checked = value;
  else element.value = value;
  element.dispatchEvent(new Event('change', { bubbles: true }));
}

afterEach(() => {
  mount('');
  vi.unstubAllGlobals();
});

describe('<timeline-filters> on a whole timeline', () => {
  test('shows its form once the script runs', () => {
    setUrl('/timeline/');
    mount(FILTERS + listHtml(ITEMS));
    expect(control('form').hidden).toBe(false);
    expect(visibleItems()).toHaveLength(5);
    expect(countText()).toBe('Showing 5 of 5 items');
  });

  test('a shared link sets the controls and shows exactly the matching items, with their count', () => {
    setUrl('/timeline/?company=catl&type=event');
    mount(FILTERS + listHtml(ITEMS));
    expect(visibleItems()).toEqual(['event-catl-korea', 'event-catl-hungary']);
    expect(countText()).toBe('Showing 2 of 5 items');
    expect(control<HTMLSelectElement>('select[name="company"]').value).toBe('catl');
    expect(control<HTMLInputElement>('input[name="type"][value="event"]').checked).toBe(true);
    expect(control<HTMLInputElement>('input[name="type"][value="deal"]').checked).toBe(false);
    // Years and periods left without a visible item are hidden with them.
    expect(document.querySelector<HTMLElement>('[data-year="2024"]')!.hidden).toBe(true);
    expect(document.querySelector<HTMLElement>('[data-year="2025"]')!.hidden).toBe(false);
  });

  test('changing a control filters the list and writes the canonical URL as a new history entry', () => {
    setUrl('/timeline/');
    mount(FILTERS + listHtml(ITEMS));
    const entries = history.length;
    choose('input[name="status"][value="expected"]', true);
    expect(here()).toBe('/timeline/?status=expected');
    expect(visibleItems()).toEqual(['event-catl-hungary', 'event-lotte-spain']);
    choose('select[name="country"]', 'ES');
    expect(here()).toBe('/timeline/?country=ES&status=expected');
    expect(visibleItems()).toEqual(['event-lotte-spain']);
    expect(countText()).toBe('Showing 1 of 5 items');
    expect(history.length).toBe(entries + 2);
  });

  test('a year range keeps the items that fall in it', () => {
    setUrl('/timeline/');
    mount(FILTERS + listHtml(ITEMS));
    choose('select[name="from"]', '2025');
    choose('select[name="to"]', '2025');
    expect(here()).toBe('/timeline/?from=2025&to=2025');
    expect(visibleItems()).toEqual(['deal-solus-catl', 'event-catl-korea', 'event-catl-hungary']);
  });

  test('back restores the controls and the list of the earlier entry', async () => {
    setUrl('/timeline/');
    mount(FILTERS + listHtml(ITEMS));
    choose('input[name="status"][value="expected"]', true);
    choose('select[name="country"]', 'ES');
    await goBack();
    expect(here()).toBe('/timeline/?status=expected');
    expect(control<HTMLSelectElement>('select[name="country"]').value).toBe('');
    expect(control<HTMLInputElement>('input[name="status"][value="expected"]').checked).toBe(true);
    expect(visibleItems()).toEqual(['event-catl-hungary', 'event-lotte-spain']);
    expect(countText()).toBe('Showing 2 of 5 items');
  });

  test('“Clear filters” shows everything again and clears the URL', async () => {
    setUrl('/timeline/?type=deal');
    mount(FILTERS + listHtml(ITEMS));
    expect(visibleItems()).toEqual(['deal-solus-catl']);
    control<HTMLFormElement>('form').reset();
    await settle();
    expect(here()).toBe('/timeline/');
    expect(visibleItems()).toHaveLength(5);
    expect(countText()).toBe('Showing 5 of 5 items');
  });

  test('when nothing matches it says so, and hides the today marker', () => {
    setUrl('/timeline/?company=lges&from=2024&to=2024');
    mount(FILTERS + listHtml(ITEMS, { todayBefore: 'event-lotte-spain' }));
    expect(visibleItems()).toEqual([]);
    expect(countText()).toBe(ui.timeline.none);
    expect(document.querySelector<HTMLElement>('[data-today]')!.closest('[hidden]')).not.toBeNull();
  });

  test('type and status counts follow the other filters, each ignoring its own', () => {
    setUrl('/timeline/');
    mount(FILTERS + listHtml(ITEMS));
    expect(checkboxLabels('type')).toEqual(['deal (1)', 'event (3)', 'figure (1)']);
    expect(checkboxLabels('status')).toEqual(['happened (3)', 'expected (2)']);
    choose('select[name="company"]', 'catl');
    expect(checkboxLabels('type')).toEqual(['deal (1)', 'event (2)', 'figure (0)']);
    expect(checkboxLabels('status')).toEqual(['happened (2)', 'expected (1)']);
    choose('input[name="type"][value="event"]', true);
    // Ticking "event" leaves the type counts alone and narrows the status counts.
    expect(checkboxLabels('type')).toEqual(['deal (1)', 'event (2)', 'figure (0)']);
    expect(checkboxLabels('status')).toEqual(['happened (1)', 'expected (1)']);
  });

  test('a company the picker does not list is added, named from its links on the page', () => {
    setUrl('/timeline/?company=lges');
    const lges: Item = { ...ITEMS[2]!, id: 'event-lges', companies: ['lges'] };
    mount(FILTERS + listHtml([...ITEMS, lges]));
    const company = control<HTMLSelectElement>('select[name="company"]');
    expect(company.value).toBe('lges');
    expect(company.selectedOptions[0]!.textContent).toBe('LG Energy Solution');
    expect(visibleItems()).toEqual(['event-lges']);
  });
});

describe('<timeline-filters> on a large timeline (a window of items around today)', () => {
  const rows: TimelineIndexRow[] = ITEMS.map((i, n) => [
    n < 3 ? 1 : 2,
    i.id,
    i.type,
    i.status,
    i.companies.join(' '),
    i.countries.join(' '),
    i.year,
    i.year,
  ]);
  /** The server's files: the filter index and the full timeline's pages. */
  const files: Record<string, string> = {
    [timelineIndexUrl()]: JSON.stringify({ pages: 2, rows }),
    [timelinePageUrl(1)]:
      `<html><head><style>p{}</style><script>alert(1)</script></head><body>${listHtml(ITEMS.slice(0, 3))}</body></html>`,
    [timelinePageUrl(2)]: `<html><body>${listHtml(ITEMS.slice(3))}</body></html>`,
  };

  function serve() {
    const fetched: string[] = [];
    vi.stubGlobal('fetch', async (url: string) => {
      fetched.push(url);
      return new Response(files[url] ?? 'not found', { status: files[url] ? 200 : 404 });
    });
    return fetched;
  }

  async function done() {
    for (let i = 0; i < 50 && document.querySelector('timeline-filters')!.getAttribute('data-state') !== 'done'; i++)
      await settle();
  }

  test('filters search the whole index and copy the matching items from the pages that hold them', async () => {
    const fetched = serve();
    setUrl('/timeline/?company=catl');
    // The window shows only the last two items; the matches are on both pages.
    mount(FILTERS + listHtml(ITEMS.slice(3), { complete: false }));
    await done();
    expect(visibleItems()).toEqual(['deal-solus-catl', 'event-catl-korea', 'event-catl-hungary']);
    expect(countText()).toBe('Showing 3 of 5 items');
    expect(document.querySelector('[data-year="2025"] h2')!.textContent).toBe('2025');
    expect(document.querySelector('#event-catl-korea')!.closest('[data-group]')!.querySelector('h3')!.textContent).toBe(
      'July 2025',
    );
    expect(fetched.sort()).toEqual([timelineIndexUrl(), timelinePageUrl(1), timelinePageUrl(2)].sort());
    // Counted over the whole index, not the window on the page.
    expect(checkboxLabels('type')).toEqual(['deal (1)', 'event (2)', 'figure (0)']);
    expect(checkboxLabels('status')).toEqual(['happened (2)', 'expected (1)']);
  });

  test('fetches only the pages with matches, and clearing the filters brings back the window', async () => {
    const fetched = serve();
    setUrl('/timeline/?country=ES');
    mount(FILTERS + listHtml(ITEMS.slice(3), { complete: false }));
    await done();
    expect(visibleItems()).toEqual(['event-lotte-spain']);
    expect(fetched).not.toContain(timelinePageUrl(1));
    control<HTMLFormElement>('form').reset();
    await settle();
    await done();
    expect(here()).toBe('/timeline/');
    expect(visibleItems()).toEqual(['event-catl-hungary', 'event-lotte-spain']);
    expect(countText()).toBe('Showing 2 of 5 items');
  });
});
