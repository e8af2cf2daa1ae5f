import { describe, expect, test } from 'vitest';
import { aroundPlaceholder, fill, plural } from '../../../src/i18n/fill';

describe('copy with placeholders', () => {
  test('fill replaces known placeholders and leaves unknown ones', () => {
    expect(fill('{name} signed {count} deals{missing}', { name: 'CATL', count: 3 })).toBe(
      'CATL signed 3 deals{missing}',
    );
  });

  test('plural picks the English form and writes the count with thousands separators', () => {
    const deals = { one: '{count} deal', other: '{count} deals' };
    expect([0, 1, 2, 1.5, 1204, 1_000_000].map((n) => plural(n, deals))).toEqual([
      '0 deals',
      '1 deal',
      '2 deals',
      '1.5 deals',
      '1,204 deals',
      '1,000,000 deals',
    ]);
    // The same as formatting each count on its own (the formatter is made once and reused).
    for (const n of [-3, 0.25, 12345.678, 1e21]) expect(plural(n, deals)).toBe(`${n.toLocaleString('en')} deals`);
  });

  test('aroundPlaceholder splits copy at a placeholder', () => {
    expect(aroundPlaceholder('Full timeline for {name}.', 'name')).toEqual(['Full timeline for ', '.']);
    expect(aroundPlaceholder('No placeholder', 'name')).toEqual(['No placeholder', '']);
  });
});
