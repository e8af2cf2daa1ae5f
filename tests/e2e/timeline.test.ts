import { seedSite } from '../support/seed-site';
import type { Page } from 'playwright-core';
import { expect, test } from 'vitest';
import { describeInBrowser, servedSite, openPage, waitInPage } from '../support/browser';

const dist = await seedSite();

/** Ids of the timeline items a reader can see. */
function visibleItems(page: Page): Promise<string[]> {
  return page.evaluate(() =>
    [...document.querySelectorAll<HTMLElement>('[data-timeline] [data-item]')]
      .filter((li) => li.offsetParent !== null)
      .map((li) => li.id),
  );
}

describeInBrowser('the timeline in a browser', () => {
  const site = servedSite(() => dist);

  test('a link with filters shows exactly the matching items, and says how many', async () => {
    const { page, close } = await openPage(site.browser);
    await page.goto(`${site.server.origin}/timeline/?company=catl&type=event`);
    await waitInPage(page, () => !document.querySelector('timeline-filters form')?.hasAttribute('hidden'));
    expect(await visibleItems(page)).toEqual(['event-catl-korea-branch', 'event-catl-hungary-plant-100-gwh']);
    expect(await page.locator('[data-count]').innerText()).toBe('Showing 2 of 12 items');
    expect(await page.locator('select[name="company"]').inputValue()).toBe('catl');
    expect(await page.locator('input[name="type"][value="event"]').isChecked()).toBe(true);
    // Each type's and status's count follows the other filters (CATL; events for the statuses).
    const counts = await page.$$eval('timeline-filters label.check', (labels) =>
      labels.map((l) => l.textContent!.trim().replace(/\s+/g, ' ')),
    );
    expect(counts).toEqual([
      'Key figures (0)',
      'Events (2)',
      'Deals (2)',
      'Briefings (1)',
      'Happened (1)',
      'Planned (1)',
      'Expected (0)',
      'Past due (1)',
    ]);
    await close();
  });

  test('a year range keeps items that may fall in it, including vague ones', async () => {
    const { page, close } = await openPage(site.browser);
    await page.goto(`${site.server.origin}/timeline/?from=2026&to=2026`);
    await waitInPage(page, () => !document.querySelector('timeline-filters form')?.hasAttribute('hidden'));
    expect(await visibleItems(page)).toEqual([
      'deal-start-lg-energy-solution-chery-ev-46-series-cells',
      'briefing-chinese-battery-firms-turn-to-korean-partners',
    ]);
    await close();
  });

  test('changing filters with the keyboard updates the list and the URL; reload and back restore it', async () => {
    const { page, close } = await openPage(site.browser);
    await page.goto(`${site.server.origin}/timeline/`);
    await waitInPage(page, () => !document.querySelector('timeline-filters form')?.hasAttribute('hidden'));
    const status = page.locator('input[name="status"][value="expected"]');
    await status.focus();
    await page.keyboard.press('Space');
    await waitInPage(page, () => location.search === '?status=expected');
    expect(await visibleItems(page)).toEqual(['event-lotte-energy-materials-spain-plant-production']);
    await page.locator('select[name="country"]').focus();
    await page.locator('select[name="country"]').selectOption('ES');
    await waitInPage(page, () => location.search === '?country=ES&status=expected');
    await page.reload();
    await waitInPage(page, () => !document.querySelector('timeline-filters form')?.hasAttribute('hidden'));
    expect(await visibleItems(page)).toEqual(['event-lotte-energy-materials-spain-plant-production']);
    await page.goBack();
    await waitInPage(page, () => location.search === '?status=expected');
    expect(await page.locator('select[name="country"]').inputValue()).toBe('');
    await page.locator('button[type="reset"]').focus();
    await page.keyboard.press('Enter');
    await waitInPage(page, () => location.search === '');
    expect((await visibleItems(page)).length).toBe(12);
    await close();
  });

  test('the past-due filter: a link shows what is past due, and the filter combines with the statuses in the URL', async () => {
    const { page, close } = await openPage(site.browser);
    await page.goto(`${site.server.origin}/timeline/?status=past-due`);
    await waitInPage(page, () => !document.querySelector('timeline-filters form')?.hasAttribute('hidden'));
    const pastDue = ['event-catl-hungary-plant-100-gwh', 'deal-start-lg-energy-solution-chery-ev-46-series-cells'];
    expect(await visibleItems(page)).toEqual(pastDue);
    expect(await page.locator('[data-count]').innerText()).toBe('Showing 2 of 12 items');
    const box = page.locator('input[name="status"][value="past-due"]');
    expect(await box.isChecked()).toBe(true);
    expect((await box.locator('xpath=..').innerText()).trim()).toBe('Past due (2)');
    // Its own visual state, in words as well as in the border: "Past due" on each item.
    for (const id of pastDue) {
      expect(await page.locator(`#${id}`).getAttribute('class')).toContain('past-due');
      // Read as written (innerText would give the badge's CSS capitals).
      const text = (await page.locator(`#${id} [data-past-due]`).textContent())!.replace(/\s+/g, ' ');
      expect(text).toMatch(/^Past due: (Term start d|D)ue .+ — no report since 9 July 2025$/);
    }
    // Adding "Happened" shows either (OR within the status filter), and the URL says so.
    await page.locator('input[name="status"][value="happened"]').focus();
    await page.keyboard.press('Space');
    await waitInPage(page, () => location.search === '?status=happened,past-due');
    expect((await visibleItems(page)).length).toBe(11);
    await page.goBack();
    await waitInPage(page, () => location.search === '?status=past-due');
    expect(await visibleItems(page)).toEqual(pastDue);
    expect(await page.locator('input[name="status"][value="happened"]').isChecked()).toBe(false);
    await close();
  });

  test('without JavaScript the whole timeline reads, and the filters stay out of the way', async () => {
    const { page, close } = await openPage(site.browser, { javaScriptEnabled: false });
    await page.goto(`${site.server.origin}/timeline/?company=catl`);
    expect(await page.locator('[data-item]').count()).toBe(12);
    expect(await page.locator('timeline-filters form').isVisible()).toBe(false);
    await close();
  });
});
