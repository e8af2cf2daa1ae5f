import { fill } from '../../i18n/fill';
import { indexStateUrl, parseTableState, type TableState } from '../../lib/routes';
import { nextSort, sortRows, type SortColumn, type SortableRow, type SortType } from '../../lib/tables/table-sort';
import { urlState, type UrlState } from '../../lib/url-state';
import type { EntityCollection } from '../../schemas/common';

/** A row of the page with what sorting and filtering read of it. */
interface PageRow extends SortableRow {
  element: HTMLTableRowElement;
}

/**
 * `<index-table>` (IndexTables.astro): sorts and filters the index table(s) of the page in place,
 * with the state in the URL (`/companies/?sort=country&kind=cell-maker`), restored on back and
 * forward. Sorting happens within each table (each kind of a grouped index); the rows stay the
 * server's, only moved or hidden. Copy comes from the element's data attributes.
 */
export class IndexTableElement extends HTMLElement {
  #form!: HTMLFormElement;
  #tables: { table: HTMLTableElement; rows: PageRow[] }[] = [];
  #columns: (SortColumn & { header: HTMLTableCellElement[] })[] = [];
  #url: UrlState<TableState> | undefined;
  #connected: AbortController | undefined;
  #state: TableState = { filters: {} };
  /** What the status line says when nothing is filtered (the server's note on a paged index). */
  #note = '';

  connectedCallback() {
    const form = this.querySelector('form');
    const tables = [...this.querySelectorAll<HTMLTableElement>('table[data-sortable]')];
    if (!form || tables.length === 0) return;
    this.#form = form;
    this.#note = this.querySelector('[data-count]')?.textContent ?? '';
    this.#connected = new AbortController();
    const options = { signal: this.#connected.signal };
    const filters = (this.dataset.filters ?? '').split(' ').filter(Boolean);
    const collection = this.dataset.collection as EntityCollection;
    const page = Number(this.dataset.page) || 1;

    let index = 0;
    this.#tables = tables.map((table) => ({
      table,
      rows: [...table.querySelectorAll<HTMLTableRowElement>(':scope > tbody > tr')].map((element) => ({
        element,
        index: index++,
        keys: {},
        filters: Object.fromEntries(filters.map((name) => [name, element.dataset[filterKey(name)] ?? ''])),
      })),
    }));
    // Columns from the first table's headers; every table of the page has the same ones.
    const headers = tables.map((t) => [...t.querySelectorAll<HTMLTableCellElement>(':scope > thead > tr > th')]);
    this.#columns = headers[0]!.flatMap((th, i) =>
      th.dataset.sortKey
        ? [
            {
              id: th.dataset.sortKey,
              type: (th.dataset.sortType ?? 'text') as SortType,
              header: headers.map((h) => h[i]!),
            },
          ]
        : [],
    );
    for (const { rows } of this.#tables) {
      for (const row of rows) {
        const cells = [...row.element.children] as HTMLElement[];
        headers[0]!.forEach((th, i) => {
          if (th.dataset.sortKey) row.keys[th.dataset.sortKey] = cells[i]?.dataset.sort ?? '';
        });
      }
    }
    for (const column of this.#columns) {
      for (const th of column.header) {
        const button = document.createElement('button');
        button.type = 'button';
        button.append(...th.childNodes);
        button.setAttribute(
          'aria-label',
          fill(this.dataset.sortBy ?? '{column}', { column: button.textContent?.trim() ?? '' }),
        );
        button.addEventListener('click', () => this.#choose(nextSort(this.#state, column.id)), options);
        th.replaceChildren(button);
      }
    }

    form.hidden = false;
    form.addEventListener('change', () => this.#choose(this.#fromForm()), options);
    // The reset event fires before the controls are reset; read them once it is done.
    form.addEventListener('reset', () => setTimeout(() => this.#choose(this.#fromForm())), options);
    this.#url = urlState({
      parse: (search) => parseTableState(search, filters),
      url: (state) => indexStateUrl(collection, page, state),
      show: (state) => this.#show(state),
      ...options,
    });
  }

  disconnectedCallback() {
    this.#connected?.abort();
  }

  /** A reader's choice: show it and add it to the history. */
  #choose(state: TableState) {
    this.#show(state);
    this.#url?.write(state, 'push');
  }

  #fromForm(): TableState {
    const data = new FormData(this.#form);
    const filters: Record<string, string> = {};
    for (const name of (this.dataset.filters ?? '').split(' ').filter(Boolean)) {
      const value = data.get(name);
      if (typeof value === 'string' && value) filters[name] = value;
    }
    const sort = data.get('sort');
    const state: TableState = { filters };
    if (typeof sort === 'string' && sort) {
      state.sort = sort;
      if (data.get('dir') === 'desc') state.dir = 'desc';
    }
    return state;
  }

  /** Sets the controls and headers from a state (a link, back/forward, a choice), then orders the rows. */
  #show(state: TableState) {
    this.#state = state;
    const form = this.#form;
    for (const select of form.querySelectorAll('select')) {
      const value =
        select.name === 'sort' ? state.sort : select.name === 'dir' ? (state.dir ?? 'asc') : state.filters[select.name];
      // A value the page does not list (a hand-made link) shows as "any".
      select.value = [...select.options].some((o) => o.value === value) ? (value ?? '') : '';
    }
    for (const column of this.#columns) {
      for (const th of column.header) {
        if (state.sort === column.id) th.setAttribute('aria-sort', state.dir === 'desc' ? 'descending' : 'ascending');
        else th.removeAttribute('aria-sort');
      }
    }
    let shown = 0;
    let total = 0;
    for (const { table, rows } of this.#tables) {
      const ordered = sortRows(rows, state, this.#columns);
      const visible = new Set(ordered);
      for (const row of rows) row.element.hidden = !visible.has(row);
      table
        .querySelector('tbody')!
        .append(...ordered.map((r) => r.element), ...rows.filter((r) => !visible.has(r)).map((r) => r.element));
      const group = table.closest<HTMLElement>('[data-group]');
      if (group) group.hidden = ordered.length === 0;
      shown += ordered.length;
      total += rows.length;
    }
    const count = this.querySelector('[data-count]');
    if (!count) return;
    if (Object.keys(state.filters).length === 0) count.textContent = this.#note;
    else count.textContent = shown ? fill(this.dataset.showing!, { shown, total }) : this.dataset.none!;
  }
}

/** `kind` → `filterKind`: the dataset name of a row's `data-filter-kind` attribute. */
function filterKey(name: string): string {
  return `filter${name.replace(/(^|-)(\w)/g, (_, __, c: string) => c.toUpperCase())}`;
}

if (!customElements.get('index-table')) customElements.define('index-table', IndexTableElement);
