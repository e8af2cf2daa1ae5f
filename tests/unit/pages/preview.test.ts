import { describe, expect, test } from 'vitest';
import { CARD_GAP, EDGE_MARGIN, placeCard, readPreview } from '../../../src/lib/pages/preview';

describe('readPreview', () => {
  test('keeps the text of a well-formed preview', () => {
    const preview = {
      title: 'CATL',
      kind: 'Company · China',
      line: 'Maker.',
      numbers: [{ label: 'Deals', value: '2' }],
    };
    expect(readPreview({ version: 1, preview })).toEqual(preview);
  });

  test('drops what is not text and refuses a document without a title', () => {
    expect(
      readPreview({
        preview: {
          title: 'X',
          kind: 'K',
          line: 3,
          numbers: [{ label: 'A', value: 1 }, null, { label: 'B', value: 'b' }],
        },
      }),
    ).toEqual({ title: 'X', kind: 'K', numbers: [{ label: 'B', value: 'b' }] });
    expect(readPreview({ preview: { kind: 'K' } })).toBeUndefined();
    expect(readPreview(null)).toBeUndefined();
    expect(readPreview('<html>')).toBeUndefined();
  });
});

describe('placeCard', () => {
  const view = { width: 1000, height: 800, scrollX: 0, scrollY: 500 };
  const size = { width: 300, height: 150 };

  test('below the link, at its start, in document coordinates', () => {
    expect(placeCard({ top: 100, bottom: 120, left: 200, right: 260 }, size, view)).toEqual({
      top: 120 + CARD_GAP + 500,
      left: 200,
      side: 'below',
    });
  });

  test('above the link when there is no room below', () => {
    const placed = placeCard({ top: 700, bottom: 720, left: 200, right: 260 }, size, view);
    expect(placed).toEqual({ top: 700 - CARD_GAP - 150 + 500, left: 200, side: 'above' });
  });

  test('inside the window at its right edge, and below when there is no room either way', () => {
    expect(placeCard({ top: 100, bottom: 120, left: 900, right: 960 }, size, view).left).toBe(1000 - EDGE_MARGIN - 300);
    expect(placeCard({ top: 60, bottom: 80, left: 0, right: 10 }, { width: 300, height: 790 }, view)).toMatchObject({
      side: 'below',
      left: EDGE_MARGIN,
    });
  });
});
