// @vitest-environment happy-dom
import { afterEach, beforeEach, describe, expect, test, vi } from 'vitest';
import { ui } from '../../../../src/i18n/ui';
import { searchUrl } from '../../../../src/lib/routes';
import { fakePagefind, PAGES } from '../../../support/fake-pagefind';
import { mount, settle } from '../../../support/dom';

/** Stands in for loading Pagefind's index: counts loads, and answers from a few fake pages. */
const loadPagefind = vi.fn(async () => fakePagefind(PAGES));
vi.mock(import('../../../../src/components/search/search-client'), async (original) => ({
  ...(await original()),
  loadPagefind,
}));
await import('../../../../src/components/starlight/site-search');

const t = ui.search;
/** The header search as Search.astro renders it. */
const MARKUP = `
<site-search data-all="${t.all}" data-none="${t.none}" data-loading="${t.loading}">
  <a class="open" href="/search/" data-open aria-keyshortcuts="Control+K /"><span class="label">${t.label}</span></a>
  <dialog aria-label="${t.label}">
    <form class="box" role="search" action="/search/" method="get">
      <label class="sr-only" for="site-search-input">${t.label}</label>
      <input id="site-search-input" name="q" type="search" role="combobox" aria-autocomplete="list"
        aria-expanded="false" aria-controls="site-search-results">
      <button type="button" data-close aria-label="${t.close}"></button>
    </form>
    <p class="status" role="status" aria-live="polite" data-status></p>
    <ol class="results" id="site-search-results" role="listbox" aria-label="${t.resultsLabel}" hidden data-results></ol>
    <p class="all"><a data-all href="/search/"></a></p>
  </dialog>
</site-search>
<main><input id="elsewhere" type="text"></main>`;

const dialog = () => document.querySelector('site-search dialog') as HTMLDialogElement;
const openLink = () => document.querySelector<HTMLAnchorElement>('site-search [data-open]')!;
const input = () => document.querySelector<HTMLInputElement>('#site-search-input')!;
const press = (key: string, init: KeyboardEventInit = {}, target: EventTarget = document.body) =>
  target.dispatchEvent(new KeyboardEvent('keydown', { key, bubbles: true, cancelable: true, ...init }));

beforeEach(() => {
  loadPagefind.mockClear();
  mount(MARKUP);
});
afterEach(() => {
  mount('');
});

describe('<site-search> loads the index only on intent', () => {
  test('nothing is loaded while the reader has not turned to search', async () => {
    await settle();
    expect(loadPagefind).not.toHaveBeenCalled();
  });

  test.each([
    ['pointing at the search control', () => openLink().dispatchEvent(new Event('pointerenter'))],
    ['focusing it', () => openLink().dispatchEvent(new FocusEvent('focus'))],
    ['opening the dialog with Ctrl+K', () => press('k', { ctrlKey: true })],
  ])('%s starts loading it', async (_, intent) => {
    intent();
    await vi.waitFor(() => expect(loadPagefind).toHaveBeenCalled());
  });
});

describe('<site-search> dialog', () => {
  test('clicking the link opens the dialog instead of leaving the page, with the field focused', () => {
    const click = new MouseEvent('click', { bubbles: true, cancelable: true, button: 0 });
    openLink().dispatchEvent(click);
    expect(click.defaultPrevented).toBe(true);
    expect(dialog().open).toBe(true);
    expect(document.activeElement).toBe(input());
  });

  test('a click meant for a new tab follows the link', () => {
    const click = new MouseEvent('click', { bubbles: true, cancelable: true, button: 0, ctrlKey: true });
    openLink().dispatchEvent(click);
    expect(click.defaultPrevented).toBe(false);
    expect(dialog().open).toBe(false);
  });

  test('Ctrl+K and / open it; Escape, the close button and Ctrl+K again close it', () => {
    press('k', { ctrlKey: true });
    expect(dialog().open).toBe(true);
    press('Escape', {}, input());
    expect(dialog().open).toBe(false);
    press('/');
    expect(dialog().open).toBe(true);
    document.querySelector<HTMLButtonElement>('[data-close]')!.click();
    expect(dialog().open).toBe(false);
    press('k', { metaKey: true });
    press('k', { ctrlKey: true });
    expect(dialog().open).toBe(false);
  });

  test('/ typed into a field elsewhere on the page is text, not a shortcut', () => {
    const typed = press('/', {}, document.querySelector('#elsewhere')!);
    expect(typed).toBe(true); // not prevented
    expect(dialog().open).toBe(false);
  });
});

/** Opens search (if closed) and types `query`, then waits for the results. */
async function type(query: string) {
  if (!dialog().open) press('k', { ctrlKey: true });
  input().value = query;
  input().dispatchEvent(new Event('input', { bubbles: true }));
  await settle(150);
  await vi.waitFor(() => expect(document.querySelector('[data-status]')!.textContent).not.toBe(t.loading));
}

describe('<site-search> results', () => {
  test('typing shows results and a link to all of them on the search page', async () => {
    await type('CATL');
    const titles = [...document.querySelectorAll('[data-results] .search-result-title')].map((a) => a.textContent);
    expect(titles).toEqual([
      'CATL',
      'Solus to supply copper foil to CATL',
      'CATL establishes a Korean branch',
      'CATL aims to run a plant in Hungary',
    ]);
    const all = document.querySelector<HTMLAnchorElement>('a[data-all]')!;
    expect(all.getAttribute('href')).toBe(searchUrl({ q: 'CATL' }));
    expect(all.textContent).toBe('See all results for “CATL”');
    expect(document.querySelector('[data-status]')!.textContent).toBe('');
  });

  test('says when nothing matches, and offers no link to all results', async () => {
    await type('graphite');
    expect(document.querySelector('[data-results]')!.children).toHaveLength(0);
    expect(document.querySelector('[data-status]')!.textContent).toBe('No results for “graphite”.');
    expect(document.querySelector('a[data-all]')!.textContent).toBe('');
  });

  test('clearing the field clears the results', async () => {
    await type('Kia');
    expect(document.querySelector('[data-results]')!.children).toHaveLength(1);
    await type('');
    expect(document.querySelector('[data-results]')!.children).toHaveLength(0);
  });
});

describe('<site-search> results by keyboard (a combobox: focus stays in the field)', () => {
  const options = () => [...document.querySelectorAll<HTMLAnchorElement>('[data-results] [role="option"]')];
  const highlighted = () => {
    const id = input().getAttribute('aria-activedescendant');
    return id ? document.getElementById(id) : null;
  };
  /** Text of the highlighted option's title (a page's or a section's). */
  const highlightedTitle = () =>
    highlighted()?.querySelector('.search-result-title, .search-result-section-title')?.textContent ?? null;
  const key = (name: string) => press(name, {}, input());

  test('results are a listbox of options out of the tab order; the field says it controls them', async () => {
    await type('CATL');
    const list = document.querySelector('[data-results]')!;
    expect(list.getAttribute('role')).toBe('listbox');
    expect(list.hasAttribute('hidden')).toBe(false);
    expect(input().getAttribute('aria-controls')).toBe(list.id);
    expect(input().getAttribute('aria-expanded')).toBe('true');
    // Four pages, one of them with a matching section.
    expect(options()).toHaveLength(5);
    expect(options().every((o) => o.tabIndex === -1 && o.getAttribute('aria-selected') === 'false')).toBe(true);
    expect(new Set(options().map((o) => o.id)).size).toBe(5);
    expect(highlighted()).toBeNull();
  });

  test('ArrowDown and ArrowUp move the highlight, wrapping around, while focus stays in the field', async () => {
    await type('CATL');
    const walk: (string | null)[] = [];
    for (const name of ['ArrowDown', 'ArrowDown', 'ArrowUp', 'ArrowUp']) {
      expect(key(name)).toBe(false); // handled: the caret does not jump to the start or end
      walk.push(highlightedTitle());
    }
    expect(walk).toEqual([
      'CATL',
      'Solus to supply copper foil to CATL',
      'CATL',
      'CATL aims to run a plant in Hungary',
    ]);
    expect(document.activeElement).toBe(input());
    expect(options().filter((o) => o.getAttribute('aria-selected') === 'true')).toEqual([highlighted()]);
  });

  test('a result’s matching sections are options too, after the result', async () => {
    await type('Korean branch');
    expect(options().map((o) => o.getAttribute('href'))).toEqual([
      '/events/catl-korea/',
      '/events/catl-korea/#seoul-office',
    ]);
    key('ArrowDown');
    key('ArrowDown');
    expect(highlightedTitle()).toBe('The Seoul office');
  });

  test('Enter opens the highlighted result instead of submitting the search', async () => {
    await type('CATL');
    key('ArrowDown');
    key('ArrowDown');
    const opened: string[] = [];
    for (const option of options())
      option.addEventListener('click', (event) => {
        event.preventDefault(); // no navigation in the test's document
        opened.push(option.getAttribute('href')!);
      });
    expect(key('Enter')).toBe(false); // the form does not submit
    expect(opened).toEqual(['/deals/solus-catl/']);
  });

  test('Enter with nothing highlighted submits the form to the search page', async () => {
    await type('CATL');
    expect(key('Enter')).toBe(true);
    await type('Kia');
    key('ArrowDown');
    await type('CATL'); // new results: nothing highlighted again
    expect(highlighted()).toBeNull();
    expect(key('Enter')).toBe(true);
  });

  test('without results the list is hidden and the arrow keys highlight nothing', async () => {
    await type('graphite');
    expect(document.querySelector('[data-results]')!.hasAttribute('hidden')).toBe(true);
    expect(input().getAttribute('aria-expanded')).toBe('false');
    key('ArrowDown');
    expect(input().hasAttribute('aria-activedescendant')).toBe(false);
  });

  test('a name in quotation marks finds what the name alone finds', async () => {
    await type('“Kia”');
    expect(options().map((o) => o.querySelector('.search-result-title')!.textContent)).toEqual(['Kia']);
    expect(document.querySelector<HTMLAnchorElement>('a[data-all]')!.textContent).toBe('See all results for ““Kia””');
  });
});
