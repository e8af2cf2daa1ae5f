/**
 * The URL ledger: every public URL the site has ever published (its pages, feeds and data
 * files), one path per line, sorted, committed with the code. URLs only ever join it; a build
 * must keep each one working, as a page, a file or a redirect. Pure functions over its text;
 * reading builds is done by the callers.
 */

/** The ledger's file, at the project root. */
export const LEDGER_FILE = 'urls.ledger.txt';

const HEADER = [
  '# Every public URL this site has published (sitemap pages, feeds, data files), one path per line, sorted.',
  '# Entries are only ever added (node scripts/update-ledger.ts). Tests fail when one stops resolving:',
  "# to retire or rename a page, keep its URL working (a renamed entity's old id goes in previousIds).",
];

/** The paths of a ledger file, ignoring blank lines and `#` comments. */
export function parseLedger(text: string): string[] {
  return text
    .split('\n')
    .map((line) => line.trim())
    .filter((line) => line && !line.startsWith('#'));
}

/** A ledger file's text for `paths`: the header, then the paths sorted and without repeats. */
export function formatLedger(paths: Iterable<string>): string {
  return `${[...HEADER, ...[...new Set(paths)].sort()].join('\n')}\n`;
}

/** The ledger with `found` added: nothing is ever removed. Returns the new paths too. */
export function addToLedger(existing: string[], found: string[]): { paths: string[]; added: string[] } {
  const known = new Set(existing);
  const added = [...new Set(found.filter((path) => !known.has(path)))].sort();
  return { paths: [...new Set([...existing, ...added])].sort(), added };
}

/** How a ledger path is served by a build: as a page or file, as a redirect, or not at all. */
export type Resolution = 'page' | 'redirect' | 'missing';

/**
 * Ledger paths that a build no longer serves. `resolve` says how the build serves one path
 * (read from its files by the caller).
 */
export function unresolvedPaths(ledger: string[], resolve: (path: string) => Resolution): string[] {
  return ledger.filter((path) => resolve(path) === 'missing');
}

/** True when an HTML document is a redirect page (an immediate meta refresh). */
export function isRedirectPage(html: string): boolean {
  return /<meta\s+http-equiv="refresh"\s+content="0;\s*url=/i.test(html);
}
