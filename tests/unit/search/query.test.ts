import { describe, expect, test } from 'vitest';
import { searchTerm } from '../../../src/lib/search/query';

describe('searchTerm', () => {
  test.each([
    ['"Choi Jae-hee"', 'Choi Jae-hee'],
    ['“Choi Jae-hee”', 'Choi Jae-hee'],
    ['„LG Energy Solution“', 'LG Energy Solution'],
    ['«CATL» Hungary', 'CATL Hungary'],
    ['「宁德时代」', '宁德时代'],
    ['  copper   "foil" ', 'copper foil'],
    ['"copper foil"Hungary', 'copper foil Hungary'],
  ])('searches the words of a quoted name or phrase: %j → %j', (query, term) => {
    expect(searchTerm(query)).toBe(term);
  });

  test('keeps apostrophes, which belong to words', () => {
    expect(searchTerm("CATL's Kia’s PV5")).toBe("CATL's Kia’s PV5");
  });

  test('quotes alone are no search', () => {
    expect(searchTerm(' "" “” ')).toBe('');
  });
});
