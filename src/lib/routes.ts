import type { EntityCollection, Ref } from '../schemas/common';

/**
 * The one place that knows every URL of the site. Everything else asks here; nothing builds a
 * URL by concatenating strings. Paths are root-relative with a trailing slash and respect the
 * configured `base`.
 */

function base(): string {
  const configured = (import.meta.env?.BASE_URL as string | undefined) ?? '/';
  return configured.endsWith('/') ? configured : `${configured}/`;
}

function path(...segments: string[]): string {
  const joined = segments.map((s) => encodeURIComponent(s)).join('/');
  return `${base()}${joined}${joined ? '/' : ''}`;
}

/** Home page. */
export function homeUrl(): string {
  return path();
}

/** Index page of a collection, e.g. `/companies/`; page 2 and on: `/companies/page/2/`. */
export function indexUrl(collection: EntityCollection, page = 1): string {
  return page <= 1 ? path(collection) : path(collection, 'page', String(page));
}

/** Page of one entity, e.g. `/companies/catl/`. */
export function entityUrl(ref: Ref): string {
  return path(ref.collection, ref.id);
}

/** A place inside a page, e.g. `/briefings/x/#companies-catl`. */
export function anchorUrl(ref: Ref, anchor: string): string {
  return `${entityUrl(ref)}#${encodeURIComponent(anchor)}`;
}

/** An absolute URL for `pathname` on `site` (for canonical links, feeds and previews). */
export function absoluteUrl(pathname: string, site: URL | string): string {
  return new URL(pathname, site).href;
}
