import { fill } from '../../i18n/links';
import { NO_OPTION, nextOption } from '../../lib/search/combobox';
import { searchTerm } from '../../lib/search/query';
import { loadPagefind, renderResultOptions } from '../search/search-client';

/** Results shown in the dialog; the "see all" link leads to the search page for more. */
const SHOWN_RESULTS = 6;
/** Pause after typing before searching, in milliseconds. */
const TYPING_PAUSE = 120;
/** Ids of the options in the results listbox: `site-search-option-0`, `-1`, … */
const OPTION_ID = 'site-search-option';

/** True when a key press is meant for a text field rather than for a page shortcut. */
function isTyping(target: EventTarget | null): boolean {
  return (
    target instanceof HTMLElement && (target.isContentEditable || /^(INPUT|TEXTAREA|SELECT)$/.test(target.tagName))
  );
}

/**
 * `<site-search>` (Search.astro): the header's link to the search page becomes, with JavaScript,
 * a dialog that searches as you type. Pagefind's index loads only once a reader shows intent:
 * pointing at or focusing the control, or opening the dialog. The field and its results are a
 * combobox: the arrow keys highlight a result (or a section of one) while focus stays in the
 * field, Enter opens the highlighted one, or, with none highlighted, the search page.
 */
export class SiteSearchElement extends HTMLElement {
  #dialog!: HTMLDialogElement;
  #input!: HTMLInputElement;
  #connected: AbortController | undefined;
  #timer: ReturnType<typeof setTimeout> | undefined;
  #latest = 0;
  /** The results' options, in order, and which one is highlighted. */
  #options: HTMLAnchorElement[] = [];
  #active = NO_OPTION;

  connectedCallback() {
    const dialog = this.querySelector('dialog');
    const input = this.querySelector('input');
    const open = this.querySelector<HTMLAnchorElement>('[data-open]');
    if (!dialog || !input || !open) return;
    this.#dialog = dialog;
    this.#input = input;
    this.#connected = new AbortController();
    const options = { signal: this.#connected.signal };
    const warm = () => void loadPagefind();
    open.addEventListener('pointerenter', warm, { ...options, once: true });
    open.addEventListener('focus', warm, { ...options, once: true });
    open.addEventListener('click', this.#onOpenClick, options);
    this.querySelector('[data-close]')?.addEventListener('click', () => dialog.close(), options);
    dialog.addEventListener('click', this.#onDialogClick, options);
    dialog.addEventListener('keydown', this.#onDialogKey, options);
    input.addEventListener('input', this.#onInput, options);
    input.addEventListener('keydown', this.#onInputKey, options);
    window.addEventListener('keydown', this.#onShortcut, options);
  }

  disconnectedCallback() {
    this.#connected?.abort();
    clearTimeout(this.#timer);
  }

  /** A plain click opens the dialog; one meant for a new tab or window follows the link. */
  #onOpenClick = (event: MouseEvent) => {
    if (event.metaKey || event.ctrlKey || event.shiftKey || event.button !== 0) return;
    event.preventDefault();
    this.open();
  };

  /** A click on the backdrop (the dialog itself, outside its content) closes it. */
  #onDialogClick = (event: MouseEvent) => {
    if (event.target === this.#dialog) this.#dialog.close();
  };

  // Chromium ignores the first Escape in a dialog opened from a keyboard shortcut (its close
  // watcher wants a fresh activation); readers expect Escape to close search every time.
  #onDialogKey = (event: KeyboardEvent) => {
    if (event.key !== 'Escape') return;
    event.preventDefault();
    this.#dialog.close();
  };

  #onInput = () => {
    clearTimeout(this.#timer);
    this.#timer = setTimeout(() => void this.#search(), TYPING_PAUSE);
  };

  /** Arrow keys move the highlight; Enter on a highlighted option opens it instead of submitting. */
  #onInputKey = (event: KeyboardEvent) => {
    if (event.altKey || event.ctrlKey || event.metaKey || event.isComposing) return;
    if (event.key === 'Enter') {
      const option = this.#options[this.#active];
      if (!option) return; // the form goes to the search page
      event.preventDefault();
      option.click();
      return;
    }
    const next = nextOption(event.key, this.#active, this.#options.length);
    if (next === undefined) return;
    event.preventDefault();
    this.#highlight(next);
  };

  /** Highlights the option at `index` (or none), for the eye and for assistive technology. */
  #highlight(index: number) {
    this.#options[this.#active]?.setAttribute('aria-selected', 'false');
    this.#active = index;
    const option = this.#options[index];
    if (option) {
      option.setAttribute('aria-selected', 'true');
      this.#input.setAttribute('aria-activedescendant', option.id);
      option.scrollIntoView?.({ block: 'nearest' });
    } else {
      this.#input.removeAttribute('aria-activedescendant');
    }
  }

  /** Ctrl+K (⌘K) anywhere, or / when not typing in a field, opens search or closes it. */
  #onShortcut = (event: KeyboardEvent) => {
    const shortcut =
      (event.key === 'k' && (event.metaKey || event.ctrlKey)) || (event.key === '/' && !isTyping(event.target));
    if (!shortcut) return;
    event.preventDefault();
    if (this.#dialog.open) this.#dialog.close();
    else this.open();
  };

  /** Opens the dialog with the query selected, and starts loading the index. */
  open() {
    this.#dialog.showModal();
    this.#input.focus();
    this.#input.select();
    void loadPagefind();
  }

  /**
   * The search page for `query`: the link's server-rendered `searchUrl()` with the query set, as
   * the dialog's form would submit it. (Importing routes.ts here would put it in the JavaScript
   * every page loads before interaction, for one parameter.)
   */
  #allResultsUrl(link: HTMLAnchorElement, query: string): string {
    const url = new URL(link.href);
    url.search = new URLSearchParams({ q: query }).toString();
    return url.pathname + url.search;
  }

  /** Shows these results (none: an empty list) with nothing highlighted. */
  #showResults(list: HTMLOListElement, items: HTMLLIElement[]) {
    list.replaceChildren(...items);
    list.hidden = items.length === 0;
    this.#options = [...list.querySelectorAll<HTMLAnchorElement>('[role="option"]')];
    this.#highlight(NO_OPTION);
    this.#input.setAttribute('aria-expanded', String(this.#options.length > 0));
  }

  async #search() {
    const query = this.#input.value.trim();
    const term = searchTerm(query);
    const run = ++this.#latest;
    const status = this.querySelector<HTMLElement>('[data-status]')!;
    const list = this.querySelector<HTMLOListElement>('[data-results]')!;
    const all = this.querySelector<HTMLAnchorElement>('[data-all]')!;
    if (!term) {
      this.#showResults(list, []);
      status.textContent = '';
      all.textContent = '';
      return;
    }
    status.textContent = this.dataset.loading!;
    const pagefind = await loadPagefind();
    const search = await pagefind.search(term);
    const data = await Promise.all(search.results.slice(0, SHOWN_RESULTS).map((r) => r.data()));
    if (run !== this.#latest) return;
    const found = search.results.length > 0;
    let first = 0;
    const items = data.map((d) => {
      const item = renderResultOptions(d, { subResults: 2, idPrefix: OPTION_ID, first });
      first += item.querySelectorAll('[role="option"]').length;
      return item;
    });
    this.#showResults(list, items);
    status.textContent = found ? '' : fill(this.dataset.none!, { q: query });
    all.href = this.#allResultsUrl(all, query);
    all.textContent = found ? fill(this.dataset.all!, { q: query }) : '';
  }
}

if (!customElements.get('site-search')) customElements.define('site-search', SiteSearchElement);
