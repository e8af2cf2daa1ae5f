/**
 * The address the site is published at, from `BRIEFING_SITE_URL`. Canonical links, link
 * previews, feeds, the sitemap, redirect pages, email snippets and the source links printed on
 * paper are written at build time and carry it; the copy buttons do not (they use the address the reader has open, see
 * `urlOnOrigin` in routes.ts), so they work wherever the site runs.
 */

/** The environment variable naming the published address, e.g. `https://briefing.acme.com`. */
export const SITE_URL_ENV = 'BRIEFING_SITE_URL';

/** The placeholder used when the variable is not set: it resolves nowhere useful. */
export const DEFAULT_SITE_URL = 'https://briefing.example.com';

/** The published address from the environment, and whether it was configured at all. */
export function siteUrlFrom(env: Record<string, string | undefined>): { url: string; configured: boolean } {
  const value = env[SITE_URL_ENV]?.trim();
  return value ? { url: value, configured: true } : { url: DEFAULT_SITE_URL, configured: false };
}

/** What a build without a configured address says, once: the variable, what it affects, the fix. */
export function siteUrlWarning(): string {
  return (
    `${SITE_URL_ENV} is not set, so canonical links, link previews, feeds, the sitemap, email ` +
    `snippets and printed source links point at ${DEFAULT_SITE_URL}. Set it to the address the site is published at ` +
    `(e.g. ${SITE_URL_ENV}=https://briefing.your-team.example npm run build); copy buttons use ` +
    `the address the page is opened at either way.`
  );
}
