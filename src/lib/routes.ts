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

/** The page on how to read and cite the site (a Starlight docs page). */
export function aboutUrl(): string {
  return path('about');
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
  return withAnchor(entityUrl(ref), anchor);
}

/** `pathname` with a fragment: `/companies/catl/#deals`. */
export function withAnchor(pathname: string, anchor: string): string {
  return `${pathname.split('#')[0]}#${encodeURIComponent(anchor)}`;
}

/** An absolute URL for `pathname` on `site` (for canonical links, feeds and previews). */
export function absoluteUrl(pathname: string, site: URL | string): string {
  return new URL(pathname, site).href;
}

/** Filters of the timeline, as they appear in its URL query. */
export interface TimelineFilters {
  company?: string[];
  type?: string[];
  country?: string[];
  status?: string[];
  from?: number;
  to?: number;
}

/** The order of timeline query parameters, so equal filters always give the same URL. */
const TIMELINE_PARAMS = ['company', 'type', 'country', 'status', 'from', 'to'] as const;

/**
 * The timeline, optionally filtered: `/timeline/?company=catl&type=deal&from=2025&to=2025`.
 * Lists are comma-separated and sorted, so a filtered view has one canonical link.
 */
export function timelineUrl(filters: TimelineFilters = {}): string {
  const query = new URLSearchParams();
  for (const key of TIMELINE_PARAMS) {
    const value = filters[key];
    if (value === undefined) continue;
    if (Array.isArray(value)) {
      if (value.length) query.set(key, [...value].sort().join(','));
    } else {
      query.set(key, String(value));
    }
  }
  const search = query.toString().replace(/%2C/g, ',');
  return `${path('timeline')}${search ? `?${search}` : ''}`;
}

/** Reads timeline filters back from a URL query (the inverse of {@link timelineUrl}). */
export function parseTimelineFilters(search: string): TimelineFilters {
  const query = new URLSearchParams(search);
  const filters: TimelineFilters = {};
  for (const key of ['company', 'type', 'country', 'status'] as const) {
    const values = query
      .getAll(key)
      .flatMap((v) => v.split(','))
      .map((v) => v.trim())
      .filter(Boolean);
    if (values.length) filters[key] = [...new Set(values)].sort();
  }
  for (const key of ['from', 'to'] as const) {
    const value = Number(query.get(key));
    if (query.has(key) && Number.isInteger(value)) filters[key] = value;
  }
  return filters;
}

/** The search page, optionally with a query, filters and sort: `/search/?q=copper+foil&type=deal`. */
export function searchUrl(params: { q?: string; filters?: Record<string, string[]>; sort?: string } = {}): string {
  const query = new URLSearchParams();
  if (params.q) query.set('q', params.q);
  for (const [name, values] of Object.entries(params.filters ?? {}).sort(([a], [b]) => a.localeCompare(b))) {
    for (const value of [...values].sort()) query.append(name, value);
  }
  if (params.sort) query.set('sort', params.sort);
  const search = query.toString();
  return `${path('search')}${search ? `?${search}` : ''}`;
}
