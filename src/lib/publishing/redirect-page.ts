import { escapeMarkup } from '../values/escape';
import { fill, linksUi } from '../../i18n/links';

/**
 * The policy of redirect pages: they load nothing and run nothing. (Site pages get theirs from
 * Astro; these are written whole by the redirect route.)
 */
export const REDIRECT_PAGE_CSP =
  "default-src 'none'; script-src 'none'; style-src 'none'; img-src 'none'; object-src 'none'; base-uri 'none'; form-action 'none'";

/**
 * A page that sends readers of an old URL on to the new one: an immediate meta refresh (no
 * delay, so it is a redirect and not a timed refresh), a canonical link so search engines move
 * the old URL's standing to the new one, `noindex`, and a visible link for anyone who stays.
 */
export function redirectPage({
  to,
  canonical,
  title,
  lang,
}: {
  /** Root-relative path of the new page. */
  to: string;
  /** Absolute URL of the new page. */
  canonical: string;
  /** Title of the page it moved to. */
  title: string;
  lang: string;
}): string {
  return [
    '<!DOCTYPE html>',
    `<html lang="${escapeMarkup(lang)}">`,
    '<head>',
    '<meta charset="utf-8">',
    '<meta name="viewport" content="width=device-width, initial-scale=1">',
    `<meta http-equiv="content-security-policy" content="${REDIRECT_PAGE_CSP}">`,
    `<title>${escapeMarkup(fill(linksUi.redirect.title, { title }))}</title>`,
    `<meta http-equiv="refresh" content="0; url=${escapeMarkup(to)}">`,
    '<meta name="robots" content="noindex">',
    `<link rel="canonical" href="${escapeMarkup(canonical)}">`,
    '</head>',
    '<body>',
    '<main>',
    `<h1>${escapeMarkup(linksUi.redirect.heading)}</h1>`,
    `<p>${escapeMarkup(linksUi.redirect.body)} <a href="${escapeMarkup(to)}">${escapeMarkup(title)}</a>.</p>`,
    '</main>',
    '</body>',
    '</html>',
    '',
  ].join('\n');
}
