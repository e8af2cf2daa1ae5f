// @vitest-environment happy-dom
import { afterEach, beforeEach, describe, expect, test, vi } from 'vitest';
import { ui } from '../../../../src/i18n/ui';
import { searchUrl } from '../../../../src/lib/routes';
import { fakePagefind, PAGES, type FakePagefind } from '../../../support/fake-pagefind';
import { goBack, mount, setUrl, settle } from '../../../support/dom';

let pagefind: FakePagefind;
vi.mock(import('../../../../src/components/search/search-client'), async (original) => ({
  ...(await original()),
  loadPagefind: async () => pagefind,
}));
await import('../../../../src/components/search/search-page');

const t = ui.search;
/** The search page as SearchPage.astro renders it. */
const MARKUP = `
<search-page
  data-type-labels='${JSON.stringify({ company: 'Company', deal: 'Deal', event: 'Event' })}'
  data-facet-labels='${JSON.stringify(t.facets)}'
  data-choice="${t.choice}" data-choice-values="${t.choiceValues}" data-choices="${t.choices}"
  data-results="${t.results}" data-result="${t.result}" data-none="${t.none}"
  data-prompt="${t.prompt}" data-loading="${t.loading}">
  <form class="query" role="search" action="/search/" method="get">
    <label for="search-page-input">${t.label}</label>
    <input id="search-page-input" name="q" type="search">
    <button type="submit">${t.submit}</button>
    <label class="sort" hidden data-js><span>${t.sort}</span>
      <select name="sort"><option value="">${t.relevance}</option><option value="date">${t.newest}</option></select>
    </label>
  </form>
  <div class="layout" hidden data-js>
    <details data-filters>
      <summary><span>${t.filters}</span> <span data-filters-summary></span></summary>
      <div class="facets" data-facets></div>
    </details>
    <div><p class="status" role="status" aria-live="polite" data-status></p><ol class="results" data-list></ol></div>
  </div>
</search-page>`;

const element = () => document.querySelector<HTMLElement>('search-page')!;
const input = () => element().querySelector<HTMLInputElement>('input[name="q"]')!;
const sort = () => element().querySelector<HTMLSelectElement>('select[name="sort"]')!;
const box = (facet: string, value: string) =>
  element().querySelector<HTMLInputElement>(`[data-facets] input[name="${facet}"][value="${value}"]`);
const status = () => element().querySelector('[data-status]')!.textContent;
const here = () => location.pathname + location.search;

/** Waits until the results on screen match the URL (the element says so in data-state). */
async function searched(): Promise<void> {
  await settle();
  for (let i = 0; i < 50 && element().dataset.state !== 'done'; i++) await settle();
  expect(element().dataset.state).toBe('done');
}

/** Titles of the results shown. */
function titles(): string[] {
  return [...element().querySelectorAll('[data-list] .search-result-title')].map((a) => a.textContent ?? '');
}

/** Facet choices as a reader sees them: "type: Event (2)". */
function facetLabels(facet: string): string[] {
  return [...element().querySelectorAll<HTMLLabelElement>(`[data-facets] label`)]
    .filter((label) => label.querySelector(`input[name="${facet}"]`))
    .map((label) => label.textContent!.trim());
}

async function open(url: string): Promise<void> {
  setUrl(url);
  mount(MARKUP);
  await searched();
}

beforeEach(() => {
  pagefind = fakePagefind(PAGES);
});
afterEach(() => {
  mount('');
});

describe('<search-page>', () => {
  test('a shared link restores the query, facets and sort, and searches with them', async () => {
    await open('/search/?q=CATL&type=deal&type=event&sort=date');
    expect(input().value).toBe('CATL');
    expect(sort().value).toBe('date');
    expect(box('type', 'deal')!.checked).toBe(true);
    expect(box('type', 'event')!.checked).toBe(true);
    expect(box('type', 'company')!.checked).toBe(false);
    expect(titles()).toEqual([
      'CATL aims to run a plant in Hungary',
      'CATL establishes a Korean branch',
      'Solus to supply copper foil to CATL',
    ]);
    expect(status()).toBe('3 results');
    expect(pagefind.searches[0]).toEqual({
      term: 'CATL',
      options: { filters: { type: { any: ['deal', 'event'] } }, sort: { date: 'desc' } },
    });
  });

  test('shows its controls, which are hidden without JavaScript', async () => {
    await open('/search/');
    expect([...element().querySelectorAll<HTMLElement>('[data-js]')].every((el) => !el.hidden)).toBe(true);
  });

  test('with nothing asked, it prompts, searches nothing, and lists every facet value with its count', async () => {
    await open('/search/');
    expect(status()).toBe(t.prompt);
    expect(pagefind.searches).toEqual([]);
    expect(titles()).toEqual([]);
    expect(facetLabels('type')).toEqual(['Company (2)', 'Event (2)', 'Deal (1)']);
    expect(facetLabels('year')).toEqual(['2025 (3)']);
  });

  test('ticking a facet searches and pushes the canonical URL that searchUrl gives', async () => {
    await open('/search/?q=CATL');
    expect(status()).toBe('4 results');
    const entries = history.length;
    const event = box('type', 'event')!;
    event.focus();
    event.checked = true;
    event.dispatchEvent(new Event('change', { bubbles: true }));
    await searched();
    expect(here()).toBe(searchUrl({ q: 'CATL', filters: { type: ['event'] } }));
    expect(history.length).toBe(entries + 1);
    expect(titles()).toEqual(['CATL establishes a Korean branch', 'CATL aims to run a plant in Hungary']);
    // The facets are drawn again; focus stays on the box the reader ticked.
    expect(document.activeElement).toBe(box('type', 'event'));
    expect(box('type', 'event')!.checked).toBe(true);
  });

  test('a facet counts results without its own choice, so its other values stay offered', async () => {
    await open('/search/?q=CATL&type=event');
    // In the order of the whole index (two companies, two events, one deal), not of these counts.
    expect(facetLabels('type')).toEqual(['Company (1)', 'Event (2)', 'Deal (1)']);
    expect(facetLabels('country')).toEqual(['South Korea (1)', 'Hungary (1)']);
  });

  test('the URL is canonical whatever the order of the link it came from', async () => {
    await open('/search/?type=company&q=copper&country=HU&type=deal');
    sort().value = 'date';
    sort().dispatchEvent(new Event('change', { bubbles: true }));
    await searched();
    expect(here()).toBe('/search/?q=copper&country=HU&type=company&type=deal&sort=date');
    expect(titles()).toEqual(['Solus to supply copper foil to CATL']);
    expect(status()).toBe('1 result');
  });

  test('typing searches after a pause and rewrites the URL without a new history entry', async () => {
    await open('/search/');
    const entries = history.length;
    input().value = 'Kia';
    input().dispatchEvent(new Event('input', { bubbles: true }));
    await settle(200);
    await searched();
    expect(here()).toBe('/search/?q=Kia');
    expect(history.length).toBe(entries);
    expect(titles()).toEqual(['Kia']);
  });

  test('submitting the form searches and pushes the URL', async () => {
    await open('/search/');
    const entries = history.length;
    input().value = ' Solus ';
    element()
      .querySelector('form')!
      .dispatchEvent(new Event('submit', { bubbles: true, cancelable: true }));
    await searched();
    expect(here()).toBe('/search/?q=Solus');
    expect(history.length).toBe(entries + 1);
    expect(titles()).toEqual(['Solus to supply copper foil to CATL']);
  });

  test('back restores the earlier query, facets and results', async () => {
    await open('/search/?q=CATL');
    const deal = box('type', 'deal')!;
    deal.checked = true;
    deal.dispatchEvent(new Event('change', { bubbles: true }));
    await searched();
    expect(titles()).toEqual(['Solus to supply copper foil to CATL']);
    await goBack();
    await searched();
    expect(here()).toBe('/search/?q=CATL');
    expect(box('type', 'deal')!.checked).toBe(false);
    expect(titles()).toHaveLength(4);
  });

  test('says when nothing is found', async () => {
    await open('/search/?q=graphite');
    expect(titles()).toEqual([]);
    expect(status()).toBe('No results for “graphite”.');
  });

  test('ticking a value moves no value of any facet: each keeps its place', async () => {
    await open('/search/?q=CATL');
    const before = facetLabels('type').map((label) => label.replace(/ \(\d+\)$/, ''));
    const event = box('type', 'event')!;
    event.checked = true;
    event.dispatchEvent(new Event('change', { bubbles: true }));
    await searched();
    expect(facetLabels('type').map((label) => label.replace(/ \(\d+\)$/, ''))).toEqual(before);
    expect(before).toEqual(['Company', 'Event', 'Deal']);
  });
});

describe('<search-page> filters on a phone and on a wide screen', () => {
  const filters = () => element().querySelector<HTMLDetailsElement>('[data-filters]')!;
  const summary = () => element().querySelector('[data-filters-summary]')!.textContent;
  /** Sets the window's size (happy-dom's own API), which the page's media queries read. */
  const viewport = (width: number, height: number) =>
    (
      window as unknown as { happyDOM: { setViewport(size: { width: number; height: number }): void } }
    ).happyDOM.setViewport({ width, height });
  afterEach(() => viewport(1024, 768));

  test('on a phone they are closed, their summary naming the choices', async () => {
    viewport(390, 844);
    await open('/search/?q=CATL&type=deal&company=CATL');
    expect(filters().open).toBe(false);
    // Bidi isolates keep a right-to-left name from reordering the summary around it.
    expect(summary()!.replace(/[\u2068\u2069]/g, '')).toBe('Type: Deal · Company: CATL');
    const kia = box('type', 'company')!;
    kia.checked = true;
    kia.dispatchEvent(new Event('change', { bubbles: true }));
    await searched();
    expect(summary()!.replace(/[\u2068\u2069]/g, '')).toBe('Type: Deal, Company · Company: CATL');
  });

  test('on a wide screen they are open, beside the results', async () => {
    viewport(1280, 900);
    await open('/search/?q=CATL');
    expect(filters().open).toBe(true);
    expect(summary()).toBe('');
  });
});
