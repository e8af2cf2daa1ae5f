import { seedSite, TEST_TODAY } from '../support/seed-site';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import * as cheerio from 'cheerio';
import { describe, expect, test } from 'vitest';
import { companyFeedUrl, emailUrl, entityUrl, timelineUrl } from '../../src/lib/routes';
import { loadPage } from '../support/dist';

// The seed build takes 26 November 2026 as today: after "by the end of 2025" (the Hungary plant)
// and "early 2026" (the LGES–Chery term start), both reported only on 9 July 2025.
const dist = await seedSite();
const hungary = { collection: 'events', id: 'catl-hungary-plant-100-gwh' } as const;
const lges = { collection: 'deals', id: 'lg-energy-solution-chery-ev-46-series-cells' } as const;
const briefing = { collection: 'briefings', id: 'chinese-battery-firms-turn-to-korean-partners' } as const;
/** Text as a reader sees it: whitespace collapsed. */
const words = (text: string) => text.replace(/\s+/g, ' ').trim();
const read = (path: string) => readFileSync(join(dist, path), 'utf8');

describe(`statuses as of their sources, on ${TEST_TODAY}`, () => {
  test('the Hungary plant event page: Planned as of 9 July 2025, and past due, with the recorded status kept', () => {
    const $ = loadPage(dist, entityUrl(hungary));
    const status = $('dt:contains("Status") + dd');
    expect(words(status.find('.recorded').text())).toBe('Planned (as of 9 July 2025)');
    expect(status.find('.recorded time').attr('datetime')).toBe('2025-07-09');
    expect(words(status.find('[data-past-due]').text())).toBe(
      'Past due: Due by the end of 2025 — no report since 9 July 2025',
    );
    // The figure is as of the same report.
    expect(words($('dt:contains("Annual capacity") + dd').text())).toBe('100 GWh a year (as of 9 July 2025)');
    // The kicker no longer says "Planned" on its own.
    expect(words($('main .kicker').text())).toBe('Event · Capacity target · by the end of 2025');
  });

  test('the CATL company page: its events list and its timeline show the past-due state and the as-of day', () => {
    const $ = loadPage(dist, entityUrl({ collection: 'companies', id: 'catl' }));
    const event = $('#events')
      .closest('section')
      .find(`li:has(a[href="${entityUrl(hungary)}"])`);
    expect(words(event.text())).toContain(
      'by the end of 2025 · Planned (as of 9 July 2025). Past due: Due by the end of 2025 — no report since 9 July 2025',
    );
    const item = $('#timeline').closest('section').find(`#event-${hungary.id}`);
    expect(item.hasClass('past-due')).toBe(true);
    expect(item.attr('data-status')).toBe('planned past-due');
    expect(words(item.find('.state').text())).toBe(
      'Status: Planned (as of 9 July 2025). Past due: Due by the end of 2025 — no report since 9 July 2025',
    );
    // Statuses that are not past due still say as of when.
    const deals = $('#deals').closest('section').find('tbody tr');
    expect(deals.map((_, row) => words($(row).find('td').eq(2).text())).get()).toEqual([
      'Reported (as of 9 July 2025)',
      'Announced (as of 9 July 2025)',
    ]);
  });

  test('the timeline: a past-due state of its own, and a "Past due" filter beside the statuses', () => {
    const $ = loadPage(dist, timelineUrl());
    const pastDue = $('li[data-item].past-due')
      .map((_, li) => $(li).attr('id'))
      .get();
    expect(pastDue).toEqual([`event-${hungary.id}`, `deal-start-${lges.id}`]);
    for (const id of pastDue) expect($(`#${id} [data-past-due] .badge`).text()).toBe('Past due');
    // Items whose dates are ahead (2028) or happened are not past due.
    expect($('#event-lotte-energy-materials-spain-plant-production').hasClass('past-due')).toBe(false);
    expect($('#event-lotte-energy-materials-spain-plant-production').hasClass('future')).toBe(true);
    const options = $('timeline-filters input[name="status"]')
      .map((_, input) => `${$(input).attr('value')} ${words($(input).parent().text())}`)
      .get();
    expect(options).toEqual([
      'happened Happened (9)',
      'planned Planned (2)',
      'expected Expected (1)',
      'past-due Past due (2)',
    ]);
  });

  test('status words agree: the timeline names the announcement, the card and the timeline show the same status', () => {
    const $timeline = loadPage(dist, timelineUrl());
    const announced = $timeline(`#deal-announced-${lges.id}`);
    expect(words(announced.find('.type').text())).toBe('Deal announced');
    expect(words(announced.find('.state').text())).toBe('Status: Signed (as of 9 July 2025)');
    expect(words($timeline(`#deal-announced-catl-kia-pv5-batteries .type`).text())).toBe('Deal reported');
    const $ = loadPage(dist, entityUrl(briefing));
    const card = $(`section.card#deals-${lges.id}`);
    expect(card.length).toBe(1);
    expect(words(card.find('dt:contains("Status") + dd .recorded').text())).toBe('Signed (as of 9 July 2025)');
    expect(words(card.find('dt:contains("Status") + dd [data-past-due]').text())).toBe(
      'Past due: Term start due in early 2026 — no report since 9 July 2025',
    );
    // Nowhere on the timeline does a deal read "Announced" while its card says "Signed".
    expect(words(announced.text())).not.toMatch(/\bAnnounced\b/);
  });

  test('the briefing marks the past-due event beside its sentence, in words', () => {
    const $ = loadPage(dist, entityUrl(briefing));
    const marker = $(`a.marker[href="${entityUrl(hungary)}"]`);
    expect(marker.hasClass('past-due')).toBe(true);
    // The sentence gives the date; the chip says what it is and that it is past due.
    expect(words(marker.text())).toBe('Event past due');
    expect(marker.attr('aria-label')).toBe(
      'Event past due: CATL aims to run a 100 GWh plant in Hungary, by the end of 2025. Planned (as of 9 July 2025). Due by the end of 2025 — no report since 9 July 2025.',
    );
  });

  test('the email snippet carries the same statuses', () => {
    const text = read(emailUrl(briefing, 'txt'));
    expect(words(text)).toContain('Status: Signed (as of 9 July 2025). Term start due in early 2026 — no report');
  });
});

describe('the CATL feed', () => {
  const $ = cheerio.load(read(companyFeedUrl({ collection: 'companies', id: 'catl' })), { xml: true });
  const item = (path: string) => $('item').filter((_, i) => $(i).children('link').text().endsWith(path));

  test('dates deals and events by when their source published them, never by an invented day', () => {
    const dates = Object.fromEntries(
      $('item')
        .map((_, i) => [[new URL($(i).children('link').text()).pathname, $(i).children('pubDate').text()]])
        .get() as [string, string][],
    );
    expect(dates).toEqual({
      // "2025, before 9 July" was dated 1 January 2025 before; now: the report, 9 July 2025 19:18 KST.
      '/deals/catl-kia-pv5-batteries/': 'Wed, 09 Jul 2025 10:18:00 GMT',
      '/deals/solus-advanced-materials-catl-copper-foil/': 'Wed, 09 Jul 2025 10:18:00 GMT',
      '/events/catl-korea-branch/': 'Wed, 09 Jul 2025 10:18:00 GMT',
      '/events/catl-hungary-plant-100-gwh/': 'Wed, 09 Jul 2025 10:18:00 GMT',
      // A briefing by the day it was published.
      '/briefings/chinese-battery-firms-turn-to-korean-partners/': 'Thu, 26 Nov 2026 00:00:00 GMT',
    });
  });

  test('item text carries the faithful fuzzy date and the status as of its source, past due where it is', () => {
    expect(item('/deals/catl-kia-pv5-batteries/').children('description').text()).toMatch(
      /^Announced: 2025, before 9 July\. Status: Reported \(as of 9 July 2025\)\. Kia equipped/,
    );
    expect(item('/events/catl-hungary-plant-100-gwh/').children('description').text()).toMatch(
      /^Date: by the end of 2025\. Status: Planned \(as of 9 July 2025\)\. Due by the end of 2025 — no report since 9 July 2025\. CATL planned/,
    );
  });
});
