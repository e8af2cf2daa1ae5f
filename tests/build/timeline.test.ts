import { seedSite, TEST_TODAY } from '../support/seed-site';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { fuzzyDateTimeAttribute } from '../../src/lib/values/fuzzy-date';
import { entityUrl, timelineUrl } from '../../src/lib/routes';
import { buildTimeline, indexTimeline, timelineOf } from '../../src/lib/timeline/timeline';
import { loadContentRoot } from '../support/content';
import { loadPage } from '../support/dist';

const dist = await seedSite();
const { graph, site } = loadContentRoot(join(import.meta.dirname, '../../src/content'));
const items = buildTimeline(graph, site.vocabulary, TEST_TODAY);

describe('the timeline page', () => {
  const $ = loadPage(dist, timelineUrl());

  test('lists every dated item once, in order, in an ordered list', () => {
    const ids = $('ol[data-timeline] li[data-item]')
      .map((_, li) => $(li).attr('id'))
      .get();
    expect(ids).toEqual(items.map((i) => i.id));
  });

  test('gives every item a machine-readable <time datetime> matching its fuzzy date', () => {
    for (const item of items) {
      const time = $(`#${item.id} .when time`);
      expect(time.attr('datetime'), item.id).toBe(fuzzyDateTimeAttribute(item.date));
      expect(time.text()).not.toBe('');
    }
    // The item's own date leads it (later <time>s give its status's as-of day and what is due).
    expect($('#event-catl-hungary-plant-100-gwh .when time').text()).toBe('by the end of 2025');
    expect($('#event-lotte-energy-materials-spain-plant-construction .when time').text()).toBe('late June 2025');
  });

  test('marks planned and expected items, and today between past and future', () => {
    expect($('#event-lotte-energy-materials-spain-plant-production').hasClass('future')).toBe(true);
    expect($('#event-lotte-energy-materials-spain-plant-production').text()).toContain('Expected');
    expect($('#event-lotte-energy-materials-spain-plant-construction').hasClass('future')).toBe(false);
    const order = $('ol[data-timeline] li[data-item], ol[data-timeline] li[data-today]')
      .map((_, li) => $(li).attr('id') ?? 'TODAY')
      .get();
    expect(order.indexOf('TODAY')).toBe(order.indexOf('briefing-chinese-battery-firms-turn-to-korean-partners') - 1);
    expect($('[data-today] time').attr('datetime')).toBe('2026-11-26');
  });

  test('links each item to its page and shows its companies', () => {
    const item = $('#deal-announced-lg-energy-solution-chery-ev-46-series-cells');
    expect(item.find('.what a').attr('href')).toBe(
      entityUrl({ collection: 'deals', id: 'lg-energy-solution-chery-ev-46-series-cells' }),
    );
    expect(
      item
        .find('.companies a')
        .map((_, a) => $(a).text())
        .get(),
    ).toEqual(['LG Energy Solution', 'Chery EV']);
  });

  test('has labelled filter controls (hidden until JavaScript runs)', () => {
    const form = $('timeline-filters form');
    expect(form.attr('hidden')).toBeDefined();
    for (const name of ['company', 'country', 'from', 'to']) {
      expect(form.find(`select[name="${name}"]`).closest('label').text().trim().length, name).toBeGreaterThan(0);
    }
    expect(
      form
        .find('fieldset legend')
        .map((_, l) => $(l).text())
        .get(),
    ).toEqual(['Type', 'Status']);
  });
});

describe('per-entity timelines', () => {
  test('a company page shows its items and links to the timeline filtered to it', () => {
    const $ = loadPage(dist, '/companies/catl/');
    const section = $('#timeline').closest('section');
    const expected = timelineOf(indexTimeline(items), graph, { collection: 'companies', id: 'catl' }).map((i) => i.id);
    expect(
      section
        .find('li[data-item]')
        .map((_, li) => $(li).attr('id'))
        .get(),
    ).toEqual(expected);
    expect(section.find(`a[href="${timelineUrl({ company: ['catl'] })}"]`).length).toBe(1);
  });
});
