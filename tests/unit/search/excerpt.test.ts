import { describe, expect, test } from 'vitest';
import { tidyExcerpt } from '../../../src/lib/search/excerpt';

describe('tidyExcerpt', () => {
  test.each([
    ['the end of <mark>2025</mark> . Another', 'the end of <mark>2025</mark>. Another'],
    ['in late June 2025 ; commercial', 'in late June 2025; commercial'],
    ['expected from 2028 .', 'expected from 2028.'],
    ['<mark>2028</mark> .</p>', '<mark>2028</mark>.</p>'],
  ])('drops the space a left-out marker leaves before punctuation: %j', (excerpt, tidy) => {
    expect(tidyExcerpt(excerpt)).toBe(tidy);
  });

  test.each([
    'Kind: Cell supply. Supplier: LG Energy Solution.',
    'sold 2.4 million vehicles, about 46 percent',
    'a 100 GWh plant in <mark>Hungary.</mark> CATL planned',
    'version .NET and 3 .5 ratio',
  ])('leaves text that reads well as it is: %j', (excerpt) => {
    expect(tidyExcerpt(excerpt)).toBe(excerpt);
  });
});
