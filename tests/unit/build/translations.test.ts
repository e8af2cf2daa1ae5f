import { describe, expect, test } from 'vitest';
import { rememberTranslations } from '../../../src/lib/build/translations';

/** A stand-in for Starlight's per-page `t`: counts what reaches i18next. */
function starlightT(strings: Record<string, string>, asked: string[]) {
  const t = (key: string | string[], options?: { count?: number }) => {
    asked.push(String(key));
    const text = strings[Array.isArray(key) ? key[0]! : key] ?? String(key);
    return options?.count === undefined ? text : `${text} (${options.count})`;
  };
  return Object.assign(t, {
    all: () => strings,
    exists: (key: string) => key in strings,
    dir: () => 'ltr' as const,
  });
}

describe('rememberTranslations', () => {
  test('asks i18next once per key and locale over every page, and gives the same strings', () => {
    const memo = new Map<string, Map<string, string>>();
    const asked: string[] = [];
    const strings = { 'search.label': 'Search', 'skipLink.label': 'Skip to content' };
    for (let page = 0; page < 3; page++) {
      // Starlight makes a new `t` for every page.
      const t = rememberTranslations(starlightT(strings, asked), 'en', memo);
      expect(t('search.label')).toBe('Search');
      expect(t('skipLink.label')).toBe('Skip to content');
      expect(t('search.label')).toBe('Search');
    }
    expect(asked).toEqual(['search.label', 'skipLink.label']);

    // Another locale has its own strings.
    const korean: string[] = [];
    const ko = rememberTranslations(starlightT({ 'search.label': '검색' }, korean), 'ko', memo);
    expect(ko('search.label')).toBe('검색');
    expect(korean).toEqual(['search.label']);
  });

  test('a call with options, or with several keys, reaches i18next every time', () => {
    const asked: string[] = [];
    const t = rememberTranslations(starlightT({ items: 'Items' }, asked), 'en', new Map());
    expect(t('items', { count: 2 })).toBe('Items (2)');
    expect(t('items', { count: 3 })).toBe('Items (3)');
    expect(t(['items', 'fallback'])).toBe('Items');
    expect(t(['items', 'fallback'])).toBe('Items');
    expect(asked).toEqual(['items', 'items', 'items,fallback', 'items,fallback']);
  });

  test('keeps all(), exists() and dir()', () => {
    const t = rememberTranslations(starlightT({ a: 'A' }, []), 'en', new Map());
    expect(t.all()).toEqual({ a: 'A' });
    expect(t.exists('a')).toBe(true);
    expect(t.exists('b')).toBe(false);
    expect(t.dir()).toBe('ltr');
  });
});
