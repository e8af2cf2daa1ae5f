import { describe, expect, test } from 'vitest';
import { editDistance, nearest } from '../../../src/lib/values/suggest';

describe('editDistance', () => {
  test.each([
    ['', '', 0],
    ['catl', 'catl', 0],
    ['chery', 'cherry', 1],
    ['kitten', 'sitting', 3],
  ])('%j → %j is %i', (a, b, d) => {
    expect(editDistance(a, b)).toBe(d);
  });
});

describe('nearest', () => {
  const ids = ['chery-automobile', 'chery-ev', 'catl', 'kia', 'lg-energy-solution'];
  test('suggests a close spelling', () => {
    expect(nearest('lg-energy-soluton', ids)).toBe('lg-energy-solution');
    expect(nearest('cat', ids)).toBe('catl');
  });
  test('suggests an id that contains what was typed', () => {
    expect(nearest('chery-auto', ids)).toBe('chery-automobile');
  });
  test('suggests nothing when nothing is close', () => {
    expect(nearest('hyundai-motor', ids)).toBeUndefined();
    expect(nearest('x', [])).toBeUndefined();
  });
});
