import {
  timelineIndexUrl,
  timelinePageUrl,
  parseTimelineFilters,
  timelineUrl,
  type TimelineFilters,
} from '../../lib/routes';
import {
  countText,
  filterCounts,
  filtersFromForm,
  isUnfiltered,
  itemFromData,
  itemFromIndexRow,
  matchesFilters,
  type FilterableItem,
} from '../../lib/timeline/filter';
import type { TimelineIndexRow } from '../../lib/timeline/pages';
import { urlState, type UrlState } from '../../lib/url-state';

/**
 * `<timeline-filters>` (TimelineFilters.astro): filters the server-rendered timeline in place and
 * keeps the filters in the URL. Its copy comes from the element's data attributes.
 */
export class TimelineFiltersElement extends HTMLElement {
  #form!: HTMLFormElement;
  #list!: HTMLElement;
  #url: UrlState<TimelineFilters> | undefined;
  #connected: AbortController | undefined;
  /** The server-rendered list, to restore when filters are cleared on a partial timeline. */
  #original: Node[] = [];
  #index: Promise<{ pages: number; rows: TimelineIndexRow[] }> | undefined;
  #pages = new Map<number, Promise<Document>>();
  #run = 0;

  connectedCallback() {
    const list = document.querySelector<HTMLElement>('[data-timeline]');
    const form = this.querySelector('form');
    if (!list || !form) return;
    this.#list = list;
    this.#form = form;
    this.#original = [...list.childNodes].map((node) => node.cloneNode(true));
    this.#connected = new AbortController();
    const options = { signal: this.#connected.signal };
    form.hidden = false;
    form.addEventListener('change', () => this.#update(), options);
    // The reset event fires before the controls are reset; read them once it is done.
    form.addEventListener('reset', () => setTimeout(() => this.#update()), options);
    this.#url = urlState({ parse: parseTimelineFilters, url: timelineUrl, show: (f) => this.#show(f), ...options });
  }

  disconnectedCallback() {
    this.#connected?.abort();
  }

  /** Reads the controls, filters the list and writes the canonical URL (a new history entry). */
  #update() {
    const filters = filtersFromForm(new FormData(this.#form));
    this.#apply(filters);
    this.#url?.write(filters, 'push');
  }

  /** Sets the controls from filters (e.g. from a shared link), then filters the list. */
  #show(filters: TimelineFilters) {
    const form = this.#form;
    const select = (name: string, value: string | undefined) => {
      const element = form.elements.namedItem(name) as HTMLSelectElement;
      if (value && ![...element.options].some((o) => o.value === value)) {
        // A company beyond the listed ones: name it from its links on the page, else by id.
        const named = document.querySelector<HTMLElement>(`[data-company-id="${CSS.escape(value)}"]`);
        const option = document.createElement('option');
        option.value = value;
        option.textContent = named?.textContent?.trim() || value;
        element.add(option);
      }
      element.value = value ?? '';
    };
    select('company', filters.company?.[0]);
    select('country', filters.country?.[0]);
    select('from', filters.from?.toString());
    select('to', filters.to?.toString());
    for (const box of form.querySelectorAll<HTMLInputElement>('input[type="checkbox"]')) {
      const wanted = box.name === 'type' ? filters.type : filters.status;
      box.checked = wanted?.includes(box.value) ?? false;
    }
    this.#apply(filters);
  }

  #apply(filters: TimelineFilters) {
    if (this.#list.dataset.complete === 'false') {
      // Says when the list on screen matches the URL (the whole timeline is fetched first).
      this.dataset.state = 'busy';
      void this.#applyToAll(filters).then(() => (this.dataset.state = 'done'));
      return;
    }
    let shown = 0;
    const items = this.#list.querySelectorAll<HTMLElement>('[data-item]');
    const filterable: FilterableItem[] = [];
    for (const item of items) {
      const data = itemFromData(item.dataset);
      const match = matchesFilters(data, filters);
      item.hidden = !match;
      if (match) shown++;
      filterable.push(data);
    }
    this.#filterCounts(filterable, filters);
    for (const container of this.#list.querySelectorAll<HTMLElement>('[data-group], [data-year]')) {
      container.hidden = !container.querySelector('[data-item]:not([hidden])');
    }
    for (const marker of this.#list.querySelectorAll<HTMLElement>('[data-today]'))
      marker.hidden = !isUnfiltered(filters) && shown === 0;
    this.#count(shown, items.length);
    this.dataset.state = 'done';
  }

  /** Each type's and status's count, under the other filters (not its own). */
  #filterCounts(items: FilterableItem[], filters: TimelineFilters) {
    const counts = { type: filterCounts(items, filters, 'type'), status: filterCounts(items, filters, 'status') };
    for (const box of this.#form.querySelectorAll<HTMLInputElement>('input[type="checkbox"]')) {
      const count = box.closest('label')?.querySelector('[data-filter-count]');
      const byValue = box.name === 'type' || box.name === 'status' ? counts[box.name] : undefined;
      if (count && byValue) count.textContent = `(${byValue.get(box.value) ?? 0})`;
    }
  }

  #count(shown: number, total: number) {
    const count = this.querySelector('[data-count]');
    if (count)
      count.textContent = countText(shown, total, { showing: this.dataset.showing!, none: this.dataset.none! });
  }

  #page(page: number): Promise<Document> {
    if (!this.#pages.has(page)) {
      this.#pages.set(
        page,
        fetch(timelinePageUrl(page))
          .then((response) => response.text())
          // Only the list is needed; dropping styles and scripts first keeps the parser from
          // tripping this page's Content Security Policy on elements it would never apply.
          .then((html) =>
            new DOMParser().parseFromString(html.replace(/<(style|script)\b[\s\S]*?<\/\1>/gi, ''), 'text/html'),
          ),
      );
    }
    return this.#pages.get(page)!;
  }

  /**
   * A large timeline shows only the items around today, so filters search the whole index
   * and copy the matching items (with their year and period headings) from the pages that
   * hold them: the markup is the server's, never rebuilt here.
   */
  async #applyToAll(filters: TimelineFilters) {
    const run = ++this.#run;
    this.#index ??= fetch(timelineIndexUrl()).then((response) => response.json());
    const index = await this.#index;
    if (run === this.#run) this.#filterCounts(index.rows.map(itemFromIndexRow), filters);
    if (isUnfiltered(filters)) {
      if (run !== this.#run) return;
      this.#list.replaceChildren(...this.#original.map((node) => node.cloneNode(true)));
      this.#count(this.#list.querySelectorAll('[data-item]').length, index.rows.length);
      return;
    }
    const matches = index.rows.filter((row) => matchesFilters(itemFromIndexRow(row), filters));
    const docs = new Map(
      await Promise.all(
        [...new Set(matches.map((row) => row[0]))].map(async (page) => [page, await this.#page(page)] as const),
      ),
    );
    if (run !== this.#run) return;
    const years: HTMLElement[] = [];
    let yearKey = '';
    let groupKey = '';
    let groupItems: HTMLElement | undefined;
    for (const [page, id] of matches) {
      const item = docs.get(page)!.getElementById(id);
      const group = item?.closest<HTMLElement>('[data-group]');
      const year = item?.closest<HTMLElement>('[data-year]');
      if (!item || !group || !year) continue;
      if (year.dataset.year !== yearKey) {
        yearKey = year.dataset.year!;
        const clone = year.cloneNode(false) as HTMLElement;
        clone.append(year.firstElementChild!.cloneNode(true), year.querySelector('ol')!.cloneNode(false));
        years.push(clone);
        groupKey = '';
      }
      const key = group.firstElementChild?.id ?? '';
      if (key !== groupKey || !groupItems) {
        groupKey = key;
        const clone = group.cloneNode(false) as HTMLElement;
        if (group.firstElementChild?.matches('h2, h3, h4')) clone.append(group.firstElementChild.cloneNode(true));
        groupItems = group.querySelector('ol')!.cloneNode(false) as HTMLElement;
        clone.append(groupItems);
        years[years.length - 1]!.querySelector('ol')!.append(clone);
      }
      groupItems.append(document.importNode(item, true));
    }
    this.#list.replaceChildren(...years);
    this.#count(matches.length, index.rows.length);
  }
}

if (!customElements.get('timeline-filters')) customElements.define('timeline-filters', TimelineFiltersElement);
