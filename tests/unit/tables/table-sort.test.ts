import { describe, expect, test } from 'vitest';
import { indexStateUrl, parseTableState } from '../../../src/lib/routes';
import { compareKeys, nextSort, sortRows, type SortColumn } from '../../../src/lib/tables/table-sort';

const columns: SortColumn[] = [
  { id: 'name', type: 'text' },
  { id: 'deals', type: 'number' },
  { id: 'announced', type: 'date' },
];
const row = (index: number, name: string, deals: string, announced: string, kind: string) => ({
  index,
  keys: { name, deals, announced },
  filters: { kind },
});
const rows = [
  row(0, 'Globex', '2', '2025-06-30 2025-06-01', 'maker'),
  row(1, 'acme', '10', '', 'maker'),
  row(2, 'Zeta Gazette', '1', '2024-12-31 2024-01-01', 'publisher'),
];
const names = (list: typeof rows) => list.map((r) => r.keys.name);

describe('sortRows', () => {
  test('no state keeps the page order', () => {
    expect(names(sortRows(rows, { filters: {} }, columns))).toEqual(['Globex', 'acme', 'Zeta Gazette']);
  });

  test('text sorts by collation (case-insensitive), numbers as numbers, both directions', () => {
    expect(names(sortRows(rows, { sort: 'name', filters: {} }, columns))).toEqual(['acme', 'Globex', 'Zeta Gazette']);
    expect(names(sortRows(rows, { sort: 'deals', filters: {} }, columns))).toEqual(['Zeta Gazette', 'Globex', 'acme']);
    expect(names(sortRows(rows, { sort: 'deals', dir: 'desc', filters: {} }, columns))).toEqual([
      'acme',
      'Globex',
      'Zeta Gazette',
    ]);
  });

  test('dates sort by their last possible day; rows without a date go last in either direction', () => {
    expect(names(sortRows(rows, { sort: 'announced', filters: {} }, columns))).toEqual([
      'Zeta Gazette',
      'Globex',
      'acme',
    ]);
    expect(names(sortRows(rows, { sort: 'announced', dir: 'desc', filters: {} }, columns))).toEqual([
      'Globex',
      'Zeta Gazette',
      'acme',
    ]);
  });

  test('filters keep only matching rows; an unknown column sorts nothing', () => {
    expect(names(sortRows(rows, { filters: { kind: 'maker' } }, columns))).toEqual(['Globex', 'acme']);
    expect(names(sortRows(rows, { sort: 'nope', filters: { kind: 'publisher' } }, columns))).toEqual(['Zeta Gazette']);
  });
});

describe('compareKeys', () => {
  test('numbers compare numerically, not as text', () => {
    expect(compareKeys('10', '9', 'number')).toBeGreaterThan(0);
    expect(compareKeys('10', '9', 'text')).toBeGreaterThan(0);
    expect(compareKeys('', '1', 'number')).toBeGreaterThan(0);
  });
});

describe('nextSort', () => {
  test('a header cycles ascending, descending, page order, keeping the filters', () => {
    const filters = { kind: 'maker' };
    const a = nextSort({ filters }, 'name');
    expect(a).toEqual({ sort: 'name', dir: 'asc', filters });
    const b = nextSort(a, 'name');
    expect(b).toEqual({ sort: 'name', dir: 'desc', filters });
    expect(nextSort(b, 'name')).toEqual({ filters });
    expect(nextSort(b, 'deals')).toEqual({ sort: 'deals', dir: 'asc', filters });
  });
});

describe('table state in the URL', () => {
  test('one canonical URL: sort, dir only when descending, then filters by name', () => {
    expect(indexStateUrl('companies', 1, { sort: 'country', dir: 'asc', filters: { kind: 'cell-maker' } })).toBe(
      '/companies/?sort=country&kind=cell-maker',
    );
    expect(indexStateUrl('companies', 2, { sort: 'deals', dir: 'desc', filters: { kind: 'a b', country: 'KR' } })).toBe(
      '/companies/page/2/?sort=deals&dir=desc&country=KR&kind=a+b',
    );
    expect(indexStateUrl('deals', 1, { filters: {} })).toBe('/deals/');
  });

  test('parsing reads back what the URL wrote, and only the filters the table has', () => {
    const state = { sort: 'deals', dir: 'desc' as const, filters: { country: 'KR', kind: 'cell-maker' } };
    const url = indexStateUrl('companies', 1, state);
    expect(parseTableState(url.slice(url.indexOf('?')), ['kind', 'country'])).toEqual(state);
    expect(parseTableState('?kind=x&evil=1&dir=desc', ['kind'])).toEqual({ filters: { kind: 'x' } });
  });
});
