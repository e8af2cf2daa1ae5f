import { describe, expect, test } from 'vitest';
import { NO_OPTION, nextOption } from '../../../src/lib/search/combobox';

describe('nextOption', () => {
  test('ArrowDown walks down from no highlight to the first option, then wraps to the first again', () => {
    const walk: number[] = [];
    let active = NO_OPTION;
    for (let i = 0; i < 4; i++) walk.push((active = nextOption('ArrowDown', active, 3)!));
    expect(walk).toEqual([0, 1, 2, 0]);
  });

  test('ArrowUp walks up from no highlight to the last option, then wraps to the last again', () => {
    const walk: number[] = [];
    let active = NO_OPTION;
    for (let i = 0; i < 4; i++) walk.push((active = nextOption('ArrowUp', active, 3)!));
    expect(walk).toEqual([2, 1, 0, 2]);
  });

  test('with no options nothing is highlighted; a highlight beyond fewer new options starts over', () => {
    expect(nextOption('ArrowDown', NO_OPTION, 0)).toBe(NO_OPTION);
    expect(nextOption('ArrowUp', 4, 0)).toBe(NO_OPTION);
    expect(nextOption('ArrowDown', 7, 2)).toBe(0);
  });

  test.each(['Enter', 'Escape', 'Home', 'End', 'ArrowLeft', 'a'])('%s is left to the text field', (key) => {
    expect(nextOption(key, 1, 3)).toBeUndefined();
  });
});
