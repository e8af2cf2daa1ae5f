import { describe, expect, test } from 'vitest';
import { aroundPlaceholder, fill } from '../../../src/i18n/links';

describe('aroundPlaceholder', () => {
  test('gives the copy before and after a placeholder, so markup can go around the value', () => {
    expect(aroundPlaceholder('Full timeline for {name}', 'name')).toEqual(['Full timeline for ', '']);
    expect(aroundPlaceholder('{name}: what’s new', 'name')).toEqual(['', ': what’s new']);
    expect(aroundPlaceholder('No placeholder', 'name')).toEqual(['No placeholder', '']);
  });

  test('puts back together what fill makes', () => {
    const [before, after] = aroundPlaceholder('Deals of {company}, newest first', 'company');
    expect(`${before}CATL${after}`).toBe(fill('Deals of {company}, newest first', { company: 'CATL' }));
  });
});
