import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { dealShare, eventMarker } from '../../../src/lib/pages/views';
import { loadContentRoot, pageContextFor } from '../../support/content';

const { graph, site } = loadContentRoot(join(import.meta.dirname, '../../../src/content'));
const ctx = pageContextFor(graph, site, undefined, '2026-11-26');

describe('eventMarker', () => {
  test("a past-due event: named by the chip's visible words first, then what, when and its status", () => {
    expect(eventMarker(ctx, { collection: 'events', id: 'catl-hungary-plant-100-gwh' })).toEqual({
      href: '/events/catl-hungary-plant-100-gwh/',
      label:
        'Event past due: CATL aims to run a 100 GWh plant in Hungary, by the end of 2025. Planned (as of 9 July 2025). Due by the end of 2025 — no report since 9 July 2025.',
      pastDue: true,
    });
  });

  test('an event that happened: what and when, nothing past due', () => {
    expect(eventMarker(ctx, { collection: 'events', id: 'catl-korea-branch' })).toEqual({
      href: '/events/catl-korea-branch/',
      label: 'Event: CATL establishes a Korean branch, 2025, before 9 July',
    });
  });

  test('the same event is not past due on a day before its date has passed', () => {
    const before = pageContextFor(graph, site, undefined, '2025-08-01');
    expect(eventMarker(before, { collection: 'events', id: 'catl-hungary-plant-100-gwh' }).pastDue).toBeUndefined();
  });
});

describe('dealShare', () => {
  const deal = { collection: 'deals', id: 'lg-energy-solution-chery-ev-46-series-cells' } as const;

  test("in a briefing: the facts' link, the citation, and a link to the deal's facts", () => {
    const share = dealShare(ctx, deal, { linkToPage: true });
    expect(share.path).toBe('/deals/lg-energy-solution-chery-ev-46-series-cells/#facts');
    expect(share.subject).toBe('the deal “LG Energy Solution to supply Chery EV with 46-series cylindrical cells”');
    expect(share.citation).toMatch(/^LG Energy Solution to supply Chery EV/);
    expect(share.page).toEqual({ text: 'Deal facts', href: share.path });
  });

  test("on the deal's own page: no link to the page being read", () => {
    expect(dealShare(ctx, deal, { linkToPage: false })).not.toHaveProperty('page');
  });
});
