// @vitest-environment happy-dom
import { afterEach, describe, expect, test } from 'vitest';
import '../../../../src/components/entities/index-table';
import { goBack, goForward, mount, setUrl, settle } from '../../../support/dom';

/** A companies index as IndexTables.astro renders it: one table per kind, keys and filters on cells and rows. */
const COMPANIES = {
  maker: [
    ['Globex', 'FR', 'France', '2'],
    ['acme', 'DE', 'Germany', '10'],
    ['Initech', 'KR', 'South Korea', '1'],
  ],
  publisher: [['Test Gazette', 'GB', 'United Kingdom', '0']],
};

function page(): string {
  const tables = Object.entries(COMPANIES)
    .map(
      ([kind, rows]) => `
    <section data-group="${kind}"><h2 id="kind-${kind}">${kind}</h2>
      <table data-sortable><thead><tr>
        <th data-sort-key="name" data-sort-type="text">Name</th>
        <th data-sort-key="country" data-sort-type="text">Country</th>
        <th data-sort-key="deals" data-sort-type="number">Deals</th>
      </tr></thead><tbody>
      ${rows
        .map(
          ([name, code, country, deals]) =>
            `<tr data-filter-kind="${kind}" data-filter-country="${code}"><th data-sort="${name}">${name}</th>` +
            `<td data-sort="${country}">${country}</td><td data-sort="${deals}">${deals}</td></tr>`,
        )
        .join('')}
      </tbody></table></section>`,
    )
    .join('');
  return `<index-table data-collection="companies" data-page="1" data-filters="kind country"
      data-showing="Showing {shown} of {total}." data-none="No row matches." data-sort-by="Sort by {column}">
    <form hidden>
      <select name="kind"><option value="">Any</option><option value="maker">Maker</option><option value="publisher">Publisher</option></select>
      <select name="country"><option value="">Any</option><option value="DE">Germany</option><option value="FR">France</option></select>
      <select name="sort"><option value="">Page order</option><option value="name">Name</option><option value="country">Country</option><option value="deals">Deals</option></select>
      <select name="dir"><option value="asc">Ascending</option><option value="desc">Descending</option></select>
    </form>
    <p data-count></p>${tables}</index-table>`;
}

const shown = (body: HTMLElement) =>
  [...body.querySelectorAll<HTMLTableRowElement>('tbody tr')]
    .filter((tr) => !tr.hidden)
    .map((tr) => tr.cells[0]!.textContent);
const header = (body: HTMLElement, key: string) => body.querySelector<HTMLElement>(`table th[data-sort-key="${key}"]`)!;

afterEach(() => setUrl('/'));

describe('<index-table>', () => {
  test('a shared link opens sorted and filtered: each kind sorted in place, the URL kept', async () => {
    setUrl('/companies/?sort=deals&dir=desc&country=DE');
    const body = mount(page());
    await settle();
    expect(shown(body)).toEqual(['acme']);
    expect(body.querySelector<HTMLElement>('[data-group="publisher"]')!.hidden).toBe(true);
    expect(body.querySelector('[data-count]')!.textContent).toBe('Showing 1 of 4.');
    expect(header(body, 'deals').getAttribute('aria-sort')).toBe('descending');
    expect((body.querySelector('select[name="country"]') as HTMLSelectElement).value).toBe('DE');
    expect(body.querySelector('form')!.hidden).toBe(false);
  });

  test('header buttons sort ascending then descending, push a canonical URL, and back/forward restore it', async () => {
    setUrl('/companies/');
    const body = mount(page());
    await settle();
    expect(shown(body)).toEqual(['Globex', 'acme', 'Initech', 'Test Gazette']);
    const button = header(body, 'name').querySelector('button')!;
    expect(button.getAttribute('aria-label')).toBe('Sort by Name');
    button.click();
    await settle();
    expect(location.pathname + location.search).toBe('/companies/?sort=name');
    expect(shown(body)).toEqual(['acme', 'Globex', 'Initech', 'Test Gazette']);
    header(body, 'name').querySelector('button')!.click();
    await settle();
    expect(location.search).toBe('?sort=name&dir=desc');
    expect(shown(body)).toEqual(['Initech', 'Globex', 'acme', 'Test Gazette']);

    await goBack();
    expect(location.search).toBe('?sort=name');
    expect(shown(body)).toEqual(['acme', 'Globex', 'Initech', 'Test Gazette']);
    expect(header(body, 'name').getAttribute('aria-sort')).toBe('ascending');
    await goBack();
    expect(location.search).toBe('');
    expect(shown(body)).toEqual(['Globex', 'acme', 'Initech', 'Test Gazette']);
    expect(header(body, 'name').hasAttribute('aria-sort')).toBe(false);
    await goForward();
    expect(shown(body)).toEqual(['acme', 'Globex', 'Initech', 'Test Gazette']);
  });

  test('the form filters by kind and sorts by a column', async () => {
    setUrl('/companies/');
    const body = mount(page());
    await settle();
    const kind = body.querySelector<HTMLSelectElement>('select[name="kind"]')!;
    kind.value = 'publisher';
    kind.dispatchEvent(new Event('change', { bubbles: true }));
    await settle();
    expect(location.search).toBe('?kind=publisher');
    expect(shown(body)).toEqual(['Test Gazette']);
    expect(body.querySelector<HTMLElement>('[data-group="maker"]')!.hidden).toBe(true);
    const sort = body.querySelector<HTMLSelectElement>('select[name="sort"]')!;
    kind.value = '';
    sort.value = 'country';
    sort.dispatchEvent(new Event('change', { bubbles: true }));
    await settle();
    expect(location.search).toBe('?sort=country');
    expect(shown(body)).toEqual(['Globex', 'acme', 'Initech', 'Test Gazette']);
    expect(body.querySelector('[data-count]')!.textContent).toBe('');
  });
});
