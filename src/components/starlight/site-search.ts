import { fill } from '../../i18n/links';
import { loadPagefind, renderResult } from '../search/search-client';

/** Results shown in the dialog; the "see all" link leads to the search page for more. */
const SHOWN_RESULTS = 6;
/** Pause after typing before searching, in milliseconds. */
const TYPING_PAUSE = 120;

/** True when a key press is meant for a text field rather than for a page shortcut. */
function isTyping(target: EventTarget | null): boolean {
  return (
    target instanceof HTMLElement && (target.isContentEditable || /^(INPUT|TEXTAREA|SELECT)$/.test(target.tagName))
  );
}

/**
 * `<site-search>` (Search.astro): the header's link to the search page becomes, with JavaScript,
 * a dialog that searches as you type. Pagefind's index loads only once a reader shows intent:
 * pointing at or focusing the control, or opening the dialog.
 */
export class SiteSearchElement extends HTMLElement {
  #dialog!: HTMLDialogElement;
  #input!: HTMLInputElement;
  #connected: AbortController | undefined;
  #timer: ReturnType<typeof setTimeout> | undefined;
  #latest = 0;

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

  async #search() {
    const query = this.#input.value.trim();
    const run = ++this.#latest;
    const status = this.querySelector<HTMLElement>('[data-status]')!;
    const list = this.querySelector<HTMLOListElement>('[data-results]')!;
    const all = this.querySelector<HTMLAnchorElement>('[data-all]')!;
    if (!query) {
      list.replaceChildren();
      status.textContent = '';
      all.textContent = '';
      return;
    }
    status.textContent = this.dataset.loading!;
    const pagefind = await loadPagefind();
    const search = await pagefind.search(query);
    const data = await Promise.all(search.results.slice(0, SHOWN_RESULTS).map((r) => r.data()));
    if (run !== this.#latest) return;
    const found = search.results.length > 0;
    list.replaceChildren(...data.map((d) => renderResult(d, { subResults: 2 })));
    status.textContent = found ? '' : fill(this.dataset.none!, { q: query });
    all.href = this.#allResultsUrl(all, query);
    all.textContent = found ? fill(this.dataset.all!, { q: query }) : '';
  }
}

if (!customElements.get('site-search')) customElements.define('site-search', SiteSearchElement);
