import { seedSite } from '../support/seed-site';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { OUTPUT_ROOT } from '../../scripts/lib/build-site.ts';
import { axeViolations, describeInBrowser, servedSite, openPage, waitInPage } from '../support/browser';
import { measureFirstQuery } from '../../scripts/lib/search-weight.ts';

const dist = await seedSite();

/** Titles of the results on the search page, once a search has finished. */
async function resultTitles(page: Page): Promise<string[]> {
  await waitInPage(page, () => document.querySelector('search-page')?.getAttribute('data-state') === 'done');
  return page.$$eval('[data-list] .search-result-title', (links) => links.map((a) => a.textContent ?? ''));
}

async function searchPage(page: Page, origin: string, query: string) {
  await page.goto(`${origin}/search/?${query}`);
  return resultTitles(page);
}

/**
 * Types `query` into the search page already open in `page` and presses Enter, as a reader
 * searching one thing after another does; the titles of its results, once they are shown.
 */
async function typeSearch(page: Page, query: string) {
  await page.fill('#search-page-input', query);
  await page.press('#search-page-input', 'Enter');
  // Enter searches at once and writes the query into the address, as a link would carry it.
  expect(await page.evaluate(() => new URLSearchParams(location.search).get('q'))).toBe(query);
  return resultTitles(page);
}

/** The results on the search page as a reader reads them: title, excerpt, and matching sections. */
async function resultTexts(page: Page, origin: string, q: string) {
  // The first search opens the page from a link; the next ones are typed into it.
  if (new URL(page.url()).pathname === '/search/') await typeSearch(page, q);
  else await searchPage(page, origin, `q=${encodeURIComponent(q)}`);
  return page.$$eval('[data-list] .search-result', (items) =>
    items.map((li) => ({
      title: li.querySelector('.search-result-title')!.textContent!,
      excerpt: li.querySelector('.search-result-excerpt')!.textContent!,
      sections: [...li.querySelectorAll<HTMLAnchorElement>('.search-result-sections a')].map((a) => ({
        title: a.textContent!,
        href: a.getAttribute('href')!,
      })),
    })),
  );
}

/** The header search's options (its results and their sections) and which one is highlighted. */
function headerOptions(page: Page) {
  return page.evaluate(() => {
    const input = document.querySelector<HTMLInputElement>('#site-search-input')!;
    const options = [...document.querySelectorAll<HTMLElement>('dialog[open] [role="option"]')];
    return {
      titles: options.map(
        (o) => o.querySelector('.search-result-title, .search-result-section-title')?.textContent ?? '',
      ),
      selected: options.filter((o) => o.getAttribute('aria-selected') === 'true').map((o) => options.indexOf(o)),
      active: options.findIndex((o) => o.id === input.getAttribute('aria-activedescendant')),
      focus: document.activeElement?.id,
    };
  });
}

const BRIEFING = 'Chinese battery firms turn to Korean partners as they go global';
/** A fact label run into its value ("KindMaterials supply", "Delivered toCATL's"). */
const RUN_TOGETHER =
  /\b(Kind|Supplier|Customer|Product|Volume|Value|Term|Status|Announced|Date|Company|Where|Role|Publisher)[A-Z0-9]|\bto[A-Z]/;
/** A date said twice in a row ("late June 2025 late June 2025"). */
const DOUBLED_DATE = /\b((?:[A-Za-z]+ )*(?:\d{1,2} )?(?:[A-Z][a-z]+ )?\d{4})[\s.·,]+\1\b/;

describeInBrowser('search', () => {
  const site = servedSite(() => dist);

  describe('finds what an analyst types', () => {
    // One search page: the analyst types each query in turn and presses Enter. (A search link
    // opens the same page with the query filled in: "a shared search link" below follows one.)
    let tab: Awaited<ReturnType<typeof openPage>>;
    beforeAll(async () => {
      tab = await openPage(site.browser);
      await tab.page.goto(`${site.server.origin}/search/`);
    });
    afterAll(() => tab?.close());

    test.each([
      ['LGES', 'LG Energy Solution', 1],
      ['CATL', 'CATL', 1],
      ['宁德时代', 'CATL', 1],
      ['LG에너지솔루션', 'LG Energy Solution', 1],
      ['KIEP', 'Korea Institute for International Economic Policy', 1],
      ['Choi Jae-hee', 'Choi Jae-hee', 1],
      ['Kia', 'Kia', 1],
      ['Lotte', 'Lotte Energy Materials', 1],
      ['copper foil', 'Solus Advanced Materials to supply copper foil to CATL in Europe', 1],
      ['46-series', 'LG Energy Solution to supply Chery EV with 46-series cylindrical cells', 1],
      ['Hungary', 'CATL aims to run a 100 GWh plant in Hungary', 3],
      ['PV5', 'CATL’s ternary lithium batteries chosen for Kia’s PV5', 3],
      ['Chery Automobile', 'Chery Automobile', 3],
      ['tariffs', 'Chinese battery firms turn to Korean partners as they go global', 3],
    ])('"%s" → "%s" within the top %i', async (query, expected, top) => {
      const titles = await typeSearch(tab.page, query);
      expect(titles.slice(0, top).map((t) => t.replace(/'/g, '’'))).toContain(expected);
    });
  });

  test('facets narrow results: values of one facet are alternatives, facets combine', async () => {
    const { page, close } = await openPage(site.browser);
    const all = await searchPage(page, site.server.origin, 'q=copper+foil');
    const deals = await searchPage(page, site.server.origin, 'q=copper+foil&type=deal');
    const dealsOrCompanies = await searchPage(page, site.server.origin, 'q=copper+foil&type=company&type=deal');
    const inHungary = await searchPage(page, site.server.origin, 'q=copper+foil&type=company&type=deal&country=HU');
    await close();
    expect(deals).toEqual(['Solus Advanced Materials to supply copper foil to CATL in Europe']);
    expect(dealsOrCompanies.length).toBeGreaterThan(deals.length);
    expect(all.length).toBeGreaterThan(dealsOrCompanies.length);
    expect(dealsOrCompanies).toEqual(expect.arrayContaining(deals));
    expect(inHungary).toEqual(['Solus Advanced Materials to supply copper foil to CATL in Europe']);
  });

  test('a shared search link restores the query, filters, sort and results', async () => {
    const url = 'q=CATL&type=deal&type=event&sort=date';
    const { page, close } = await openPage(site.browser);
    const titles = await searchPage(page, site.server.origin, url);
    expect(await page.locator('search-page input[name="q"]').inputValue()).toBe('CATL');
    expect(await page.locator('select[name="sort"]').inputValue()).toBe('date');
    expect(await page.locator('input[name="type"][value="deal"]').isChecked()).toBe(true);
    expect(await page.locator('input[name="type"][value="event"]').isChecked()).toBe(true);
    expect(await page.locator('input[name="type"][value="company"]').isChecked()).toBe(false);
    // Newest first: by the end of 2025, 9 July 2025, 2025 before 9 July, June 2025.
    expect(titles[0]).toBe('CATL aims to run a 100 GWh plant in Hungary');
    await page.reload();
    expect(await resultTitles(page)).toEqual(titles);
    expect(titles.length).toBe(4);
    await close();
  });

  test('works with the keyboard alone: open, type, pick a result; toggle a facet', async () => {
    const { page, close } = await openPage(site.browser, { viewport: { width: 1280, height: 900 } });
    await page.goto(`${site.server.origin}/deals/`);
    await page.keyboard.press('Control+k');
    await waitInPage(page, () => document.activeElement?.id === 'site-search-input');
    await page.keyboard.type('Solus');
    await waitInPage(page, () => Boolean(document.querySelector('dialog[open] .search-result-title')));
    // Results are options of the field's listbox, reached with the arrow keys (not Tab).
    await page.keyboard.press('ArrowDown');
    const options = await headerOptions(page);
    expect(options.titles[options.active]).toBe('Solus Advanced Materials');
    expect(options.focus).toBe('site-search-input');
    await page.keyboard.press('Enter');
    await page.waitForURL(/\/companies\/solus-advanced-materials\/$/);

    await page.goto(`${site.server.origin}/search/?q=CATL`);
    await resultTitles(page);
    await page.locator('input[name="type"][value="event"]').focus();
    await page.keyboard.press('Space');
    await waitInPage(page, () => location.search === '?q=CATL&type=event');
    const titles = await resultTitles(page);
    expect(titles).toEqual(['CATL establishes a Korean branch', 'CATL aims to run a 100 GWh plant in Hungary']);
    expect(await page.evaluate(() => (document.activeElement as HTMLInputElement).value)).toBe('event');
    await close();
  });

  test('header search by keyboard: arrows highlight, Enter opens; a quoted name finds the person first', async () => {
    const { page, close } = await openPage(site.browser, { viewport: { width: 1280, height: 900 } });
    await page.goto(`${site.server.origin}/deals/`);
    await page.keyboard.press('Control+k');
    await waitInPage(page, () => document.activeElement?.id === 'site-search-input');
    // Typed at once: key by key on a loaded machine, a pause mid-name shows a partial query's results.
    await page.locator('#site-search-input').fill('"Choi Jae-hee"');
    await waitInPage(
      page,
      () =>
        Boolean(document.querySelector('dialog[open] [role="option"]')) &&
        Boolean(document.querySelector('site-search [data-all]')?.textContent?.includes('"Choi Jae-hee"')),
    );
    const found = await headerOptions(page);
    expect(found.titles[0]).toBe('Choi Jae-hee');
    expect(found.active).toBe(-1);

    const walk: { active: number; selected: number[]; focus: string | undefined }[] = [];
    for (const key of ['ArrowDown', 'ArrowDown', 'ArrowUp', 'ArrowUp']) {
      await page.keyboard.press(key);
      const { active, selected, focus } = await headerOptions(page);
      walk.push({ active, selected, focus });
    }
    const last = found.titles.length - 1;
    expect(walk).toEqual([
      { active: 0, selected: [0], focus: 'site-search-input' },
      { active: 1, selected: [1], focus: 'site-search-input' },
      { active: 0, selected: [0], focus: 'site-search-input' },
      { active: last, selected: [last], focus: 'site-search-input' },
    ]);
    await page.keyboard.press('ArrowDown'); // back to the first: the person
    // The open dialog with results and a highlight is accessible too.
    expect(await axeViolations(page, { include: 'site-search dialog' })).toEqual([]);
    await page.keyboard.press('Enter');
    await page.waitForURL(/\/people\/choi-jae-hee\/$/);

    // With nothing highlighted, Enter goes to the search page for the query.
    await page.keyboard.press('Control+k');
    await waitInPage(page, () => document.activeElement?.id === 'site-search-input');
    await page.keyboard.type('copper foil');
    await waitInPage(page, () => Boolean(document.querySelector('dialog[open] [role="option"]')));
    await page.keyboard.press('Enter');
    await page.waitForURL(/\/search\/\?q=copper\+foil$/);
    expect(await resultTitles(page)).toContain('Solus Advanced Materials to supply copper foil to CATL in Europe');
    await close();
  });

  test('excerpts read as text: "Label: value", each date once, briefing hits under their section', async () => {
    const { page, close } = await openPage(site.browser);
    const origin = site.server.origin;
    const supply = await resultTexts(page, origin, 'materials supply');
    const spain = await resultTexts(page, origin, 'Spain');
    const analysts = await resultTexts(page, origin, 'analysts breakthrough');
    const itself = await resultTexts(page, origin, 'CATL itself aims');
    await close();
    const all = [...supply, ...spain, ...analysts, ...itself];
    const texts = all.flatMap((r) => [r.excerpt, ...r.sections.map((s) => s.title)]);
    expect(texts.length).toBeGreaterThan(10);
    for (const text of texts) {
      expect(text).not.toMatch(RUN_TOGETHER);
      expect(text).not.toMatch(DOUBLED_DATE);
    }
    const briefing = (results: typeof all) => results.find((r) => r.title === BRIEFING)!;
    // A deal card inside the briefing, its facts read as label and value.
    expect(briefing(supply).excerpt).toContain('Kind: Materials supply. Supplier: Solus Advanced Materials.');
    // An event's date marker after the sentence that gives the date is not read again.
    expect(briefing(spain).excerpt).toContain('in Spain, in late June 2025; commercial production');
    expect(spain.find((r) => r.title.includes('Spanish plant'))!.excerpt).toContain(
      'Expected (as of 9 July 2025). Company: Lotte Energy Materials. Where: Spain.',
    );
    // Matches just below a deal card belong to the briefing's own section, not to the card.
    expect(briefing(analysts).sections).toEqual([
      {
        title: 'A Korean cell maker inside a Chinese supply chain',
        href: '/briefings/chinese-battery-firms-turn-to-korean-partners/#a-korean-cell-maker-inside-a-chinese-supply-chain',
      },
    ]);
    expect(briefing(itself).sections.map((s) => s.title)).toContain(
      'Korean materials follow Chinese cell makers into Europe',
    );
    const cardTitles = [
      'Solus Advanced Materials to supply copper foil to CATL in Europe',
      'LG Energy Solution to supply Chery EV with 46-series cylindrical cells',
    ];
    for (const result of all) for (const section of result.sections) expect(cardTitles).not.toContain(section.title);
  });

  test('on a phone the filters fold away and the first result shows at once; on a wide screen they are open', async () => {
    const { page, close } = await openPage(site.browser, { viewport: { width: 390, height: 844 } });
    await searchPage(page, site.server.origin, 'q=CATL&type=deal&company=CATL');
    const phone = await page.evaluate(() => ({
      top: document.querySelector('[data-list] .search-result')!.getBoundingClientRect().top,
      open: document.querySelector<HTMLDetailsElement>('search-page details')!.open,
      summary: document
        .querySelector('search-page summary')!
        .textContent!.replace(/[\u2068\u2069]/g, '')
        .trim(),
      overflow: document.documentElement.scrollWidth - document.documentElement.clientWidth,
    }));
    expect(phone.top).toBeLessThan(700);
    expect(phone).toMatchObject({ open: false, overflow: 0 });
    expect(phone.summary).toMatch(/^Filters\s+Type: Deal · Company: CATL$/);
    // Opening them shows the facets, then the results.
    await page.locator('search-page summary').click();
    expect(await page.locator('input[name="type"][value="deal"]').isVisible()).toBe(true);
    await page.setViewportSize({ width: 1280, height: 900 });
    await searchPage(page, site.server.origin, 'q=CATL');
    expect(await page.evaluate(() => document.querySelector<HTMLDetailsElement>('search-page details')!.open)).toBe(
      true,
    );
    expect(await page.locator('input[name="type"][value="deal"]').isVisible()).toBe(true);
    await close();
  });

  test('loads nothing until the reader shows intent, then only the search itself', async () => {
    const { page, close } = await openPage(site.browser, { viewport: { width: 1280, height: 900 } });
    const before: string[] = [];
    page.on('request', (request) => before.push(request.url().replace(site.server.origin, '')));
    await page.goto(`${site.server.origin}/companies/catl/`, { waitUntil: 'networkidle' });
    await page.waitForTimeout(500);
    expect(before.filter((url) => url.startsWith('/pagefind/'))).toEqual([]);
    const weight = await measureFirstQuery(page, site.server.origin, dist, '/companies/catl/', 'copper foil');
    await close();
    // Measured, not budgeted here: the issue note and README compare these numbers.
    mkdirSync(OUTPUT_ROOT, { recursive: true });
    writeFileSync(join(OUTPUT_ROOT, 'search-first-query.json'), JSON.stringify(weight, null, 2));
    expect(weight.files.every((f) => f.url.startsWith('/pagefind/') || f.url.startsWith('/_astro/'))).toBe(true);
    expect(weight.files.some((f) => f.url.startsWith('/pagefind/pagefind.js'))).toBe(true);
  });
});
