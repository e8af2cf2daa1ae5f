import { describe, expect, test } from 'vitest';
import {
  addToLedger,
  formatLedger,
  isRedirectPage,
  parseLedger,
  unresolvedPaths,
} from '../../../src/lib/publishing/ledger';
import { redirectPage } from '../../../src/lib/publishing/redirect-page';

describe('ledger text', () => {
  test('is a header and sorted, unique paths; comments and blank lines are ignored when read', () => {
    const text = formatLedger(['/b/', '/a/', '/b/']);
    expect(text.split('\n').filter((l) => !l.startsWith('#'))).toEqual(['/a/', '/b/', '']);
    expect(parseLedger(`${text}\n\n# note\n  /c/  \n`)).toEqual(['/a/', '/b/', '/c/']);
  });
});

describe('addToLedger', () => {
  test('adds new paths and never removes one', () => {
    expect(addToLedger(['/a/', '/gone/'], ['/c/', '/a/', '/b/'])).toEqual({
      paths: ['/a/', '/b/', '/c/', '/gone/'],
      added: ['/b/', '/c/'],
    });
  });
});

describe('unresolvedPaths', () => {
  test('lists the paths a build serves neither as a page nor as a redirect', () => {
    const build: Record<string, 'page' | 'redirect'> = { '/a/': 'page', '/old/': 'redirect' };
    expect(unresolvedPaths(['/a/', '/old/', '/gone/'], (p) => build[p] ?? 'missing')).toEqual(['/gone/']);
  });
});

describe('isRedirectPage', () => {
  test('recognises redirect pages, and not other pages', () => {
    expect(isRedirectPage(redirectPage({ to: '/x/', canonical: 'https://s.test/x/', title: 'X', lang: 'en' }))).toBe(
      true,
    );
    expect(isRedirectPage('<html><head><meta http-equiv="refresh" content="30"></head></html>')).toBe(false);
    expect(isRedirectPage('<html><body>Hello</body></html>')).toBe(false);
  });
});
