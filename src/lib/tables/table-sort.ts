import type { TableState } from '../routes';

/**
 * Sorting and filtering an index table in the browser (the `<index-table>` element): pure
 * functions over what each row carries (its sort keys and filter values, written into the page
 * by the server), so they are tested without a page.
 */

/** How a column sorts: as text (by the reader's collation), as a number, or as a date. */
export type SortType = 'text' | 'number' | 'date';

/** A sortable column: its id in URLs (`?sort=country`) and how it sorts. */
export interface SortColumn {
  id: string;
  type: SortType;
}

/** What sorting and filtering read of one row: a key per column, a value per filter. */
export interface SortableRow {
  keys: Record<string, string>;
  filters: Record<string, string>;
  /** The row's place in the server's order, which breaks ties and is the default order. */
  index: number;
}

const collator = new Intl.Collator('en', { numeric: true, sensitivity: 'base' });

/**
 * Compares two keys of a column. Empty keys (a deal with no announcement date) go last in
 * either direction; dates are ISO days (`end start`), so they compare as text.
 */
export function compareKeys(a: string, b: string, type: SortType): number {
  if (a === b) return 0;
  if (a === '') return 1;
  if (b === '') return -1;
  if (type === 'number') return Number(a) - Number(b);
  if (type === 'date') return a < b ? -1 : 1;
  return collator.compare(a, b);
}

/** True when the row holds every filter's value. */
export function matchesFilters(row: SortableRow, filters: Record<string, string>): boolean {
  return Object.entries(filters).every(([name, value]) => !value || row.filters[name] === value);
}

/**
 * The rows to show, in order: those matching the filters, sorted by the state's column (ties
 * and the default keep the server's order). An unknown column sorts nothing.
 */
export function sortRows<R extends SortableRow>(rows: readonly R[], state: TableState, columns: SortColumn[]): R[] {
  const shown = rows.filter((row) => matchesFilters(row, state.filters));
  const column = columns.find((c) => c.id === state.sort);
  const sign = state.dir === 'desc' ? -1 : 1;
  return shown.sort((a, b) => {
    if (column) {
      const ka = a.keys[column.id] ?? '';
      const kb = b.keys[column.id] ?? '';
      // Empty keys last whatever the direction.
      if (ka === '' || kb === '') {
        const c = compareKeys(ka, kb, column.type);
        if (c) return c;
      } else {
        const c = compareKeys(ka, kb, column.type) * sign;
        if (c) return c;
      }
    }
    return a.index - b.index;
  });
}

/** The state after a click on a column's header: ascending first, then descending, then back to the page's order. */
export function nextSort(state: TableState, column: string): TableState {
  if (state.sort !== column) return { ...state, sort: column, dir: 'asc' };
  if (state.dir !== 'desc') return { ...state, dir: 'desc' };
  const { filters } = state;
  return { filters };
}
