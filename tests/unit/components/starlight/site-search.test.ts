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
      <input id="site-search-input" name="q" type="search">
      <button type="button" data-close aria-label="${t.close}"></button>
    </form>
    <p class="status" role="status" aria-live="polite" data-status></p>
    <ol class="results" data-results></ol>
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

describe('<site-search> results', () => {
  async function type(query: string) {
    press('k', { ctrlKey: true });
    input().value = query;
    input().dispatchEvent(new Event('input', { bubbles: true }));
    await settle(150);
    await vi.waitFor(() => expect(document.querySelector('[data-status]')!.textContent).not.toBe(t.loading));
  }

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
