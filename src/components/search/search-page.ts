import {
  SEARCH_FACETS,
  facetValues,
  hasSelection,
  pagefindFilters,
  parseSearchState,
  resultsStatus,
  searchStateUrl,
  selectionSummary,
  type SearchState,
  type Selection,
} from '../../lib/search/search-state';
import { searchTerm } from '../../lib/search/query';
import { urlState, type UrlState } from '../../lib/url-state';
import { isolate } from '../../lib/values/text';
import { loadPagefind, renderResult } from './search-client';

/** Values listed per facet before "show all". */
const SHOWN_VALUES = 12;
/** Results drawn on the page (the count says how many there are in all). */
const SHOWN_RESULTS = 50;
/** Pause after typing before searching, in milliseconds. */
const TYPING_PAUSE = 150;
/** Screens wide enough for the facets beside the results (SearchPage.astro's layout): filters open. */
const WIDE = '(min-width: 45rem)';

/**
 * `<search-page>` (SearchPage.astro): the full search. Query, facets with counts (OR within,
 * AND across) and sort are all kept in the URL; copy comes from the element's data attributes.
 */
export class SearchPageElement extends HTMLElement {
  #input!: HTMLInputElement;
  #sort!: HTMLSelectElement;
  #selection: Selection = {};
  #url: UrlState<SearchState> | undefined;
  #connected: AbortController | undefined;
  #timer: ReturnType<typeof setTimeout> | undefined;
  #latest = 0;
  #countries = new Intl.DisplayNames([document.documentElement.lang || 'en'], { type: 'region' });

  connectedCallback() {
    const form = this.querySelector('form');
    const input = this.querySelector<HTMLInputElement>('input[name="q"]');
    const sort = this.querySelector<HTMLSelectElement>('select[name="sort"]');
    if (!form || !input || !sort) return;
    this.#input = input;
    this.#sort = sort;
    this.#connected = new AbortController();
    const options = { signal: this.#connected.signal };
    // Filters open beside the results on a wide screen; on a phone, closed above them.
    const filters = this.querySelector<HTMLDetailsElement>('[data-filters]');
    const wide = window.matchMedia(WIDE);
    if (filters) {
      filters.open = wide.matches;
      wide.addEventListener('change', () => (filters.open = wide.matches), options);
    }
    for (const el of this.querySelectorAll<HTMLElement>('[data-js]')) el.hidden = false;
    form.addEventListener('submit', this.#onSubmit, options);
    input.addEventListener('input', this.#onInput, options);
    sort.addEventListener('change', () => this.#commit('push'), options);
    this.#url = urlState({ parse: parseSearchState, url: searchStateUrl, show: (s) => this.#show(s), ...options });
    input.focus();
  }

  disconnectedCallback() {
    this.#connected?.abort();
    clearTimeout(this.#timer);
  }

  /** Searching on submit (Enter) is a choice to keep in history. */
  #onSubmit = (event: SubmitEvent) => {
    event.preventDefault();
    this.#commit('push');
  };

  /** Typing searches after a pause and rewrites the current history entry. */
  #onInput = () => {
    clearTimeout(this.#timer);
    this.#timer = setTimeout(() => this.#commit('replace'), TYPING_PAUSE);
  };

  /** The state the controls show now. */
  #state(): SearchState {
    return {
      q: this.#input.value,
      selection: this.#selection,
      sort: this.#sort.value === 'date' ? 'date' : '',
    };
  }

  /** Sets the controls from a state (a shared link, a reload, back/forward) and searches. */
  #show(state: SearchState) {
    this.#input.value = state.q;
    this.#sort.value = state.sort;
    this.#selection = state.selection;
    void this.#run();
  }

  /** Writes the state to the URL (canonical form) and searches. */
  #commit(mode: 'push' | 'replace') {
    this.#url?.write(this.#state(), mode);
    void this.#run();
  }

  #label(facet: string, value: string): string {
    if (facet === 'type') return (JSON.parse(this.dataset.typeLabels!) as Record<string, string>)[value] ?? value;
    if (facet === 'country') return this.#countries.of(value) ?? value;
    return value;
  }

  async #run() {
    const run = ++this.#latest;
    // Lets tests (and anything else) know when results on screen match the URL.
    this.dataset.state = 'busy';
    const status = this.querySelector<HTMLElement>('[data-status]')!;
    const list = this.querySelector<HTMLOListElement>('[data-list]')!;
    const typed = this.#input.value.trim();
    const q = searchTerm(typed) || null;
    this.#summarise();
    if (!q && !hasSelection(this.#selection)) {
      list.replaceChildren();
      status.textContent = this.dataset.prompt!;
      await this.#renderFacets(null, run);
      if (run === this.#latest) this.dataset.state = 'done';
      return;
    }
    status.textContent = this.dataset.loading!;
    const pagefind = await loadPagefind();
    const sort = this.#sort.value === 'date' ? { date: 'desc' } : undefined;
    const search = await pagefind.search(q, { filters: pagefindFilters(this.#selection), ...(sort ? { sort } : {}) });
    const data = await Promise.all(search.results.slice(0, SHOWN_RESULTS).map((r) => r.data()));
    if (run !== this.#latest) return;
    list.replaceChildren(...data.map((d) => renderResult(d)));
    status.textContent = resultsStatus(search.results.length, typed, {
      results: this.dataset.results!,
      result: this.dataset.result!,
      none: this.dataset.none!,
    });
    await this.#renderFacets(q, run);
    if (run === this.#latest) this.dataset.state = 'done';
  }

  /** Sums up the choices beside the filters' title, for when they are collapsed. */
  #summarise() {
    const summary = this.querySelector<HTMLElement>('[data-filters-summary]');
    if (!summary) return;
    const labels = JSON.parse(this.dataset.facetLabels!) as Record<string, string>;
    summary.textContent = selectionSummary(this.#selection, {
      facetLabel: (facet) => labels[facet] ?? facet,
      valueLabel: (facet, value) => isolate(this.#label(facet, value)),
      copy: { choice: this.dataset.choice!, values: this.dataset.choiceValues!, choices: this.dataset.choices! },
    });
  }

  /** Facet checkboxes; each facet's counts come from a search without that facet's own choice. */
  async #renderFacets(q: string | null, run: number) {
    const pagefind = await loadPagefind();
    const all = await pagefind.filters();
    const counts: Record<string, Record<string, number>> = {};
    for (const facet of SEARCH_FACETS) {
      if (!q && !hasSelection(this.#selection, facet)) {
        counts[facet] = all[facet] ?? {};
        continue;
      }
      const result = await pagefind.search(q, { filters: pagefindFilters(this.#selection, facet) });
      counts[facet] = result.filters[facet] ?? {};
    }
    if (run !== this.#latest) return;
    const labels = JSON.parse(this.dataset.facetLabels!) as Record<string, string>;
    const container = this.querySelector<HTMLElement>('[data-facets]')!;
    const groups = SEARCH_FACETS.flatMap((facet) => {
      const selected = this.#selection[facet] ?? [];
      const values = facetValues(facet, {
        all: all[facet] ?? {},
        counts: counts[facet] ?? {},
        selected,
        label: (value) => this.#label(facet, value),
      });
      if (values.length === 0) return [];
      const fieldset = document.createElement('fieldset');
      const legend = document.createElement('legend');
      legend.textContent = labels[facet] ?? facet;
      fieldset.append(legend);
      values.forEach((value, index) => {
        const label = document.createElement('label');
        if (index >= SHOWN_VALUES && !selected.includes(value)) label.className = 'more';
        const box = document.createElement('input');
        box.type = 'checkbox';
        box.name = facet;
        box.value = value;
        box.checked = selected.includes(value);
        box.addEventListener('change', () => {
          const next = new Set(this.#selection[facet] ?? []);
          if (box.checked) next.add(value);
          else next.delete(value);
          this.#selection = { ...this.#selection, [facet]: [...next] };
          this.#commit('push');
        });
        label.append(box, ` ${this.#label(facet, value)} (${counts[facet]?.[value] ?? 0})`);
        fieldset.append(label);
      });
      return [fieldset];
    });
    // Keep focus on the checkbox a keyboard user just toggled.
    const focused =
      document.activeElement instanceof HTMLInputElement && container.contains(document.activeElement)
        ? { name: document.activeElement.name, value: document.activeElement.value }
        : undefined;
    container.replaceChildren(...groups);
    if (focused) {
      container
        .querySelector<HTMLInputElement>(
          `input[name="${CSS.escape(focused.name)}"][value="${CSS.escape(focused.value)}"]`,
        )
        ?.focus();
    }
  }
}

if (!customElements.get('search-page')) customElements.define('search-page', SearchPageElement);
