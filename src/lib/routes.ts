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

/**
 * How a reader has sorted and filtered an index table: the column to sort by (absent: the
 * page's own order), its direction, and one value per filter (`kind`, `country`, `status`).
 */
export interface TableState {
  sort?: string;
  dir?: 'asc' | 'desc';
  filters: Record<string, string>;
}

/** Query names a table state uses besides its filters. */
const TABLE_PARAMS = new Set(['sort', 'dir']);

/**
 * An index page with its table sorted and filtered, in one canonical form: `sort`, then `dir`
 * (only when descending), then filters by name, e.g. `/companies/?sort=country&kind=cell-maker`.
 */
export function indexStateUrl(collection: EntityCollection, page: number, state: TableState): string {
  const query = new URLSearchParams();
  if (state.sort) {
    query.set('sort', state.sort);
    if (state.dir === 'desc') query.set('dir', 'desc');
  }
  for (const name of Object.keys(state.filters).sort()) {
    const value = state.filters[name];
    if (value && !TABLE_PARAMS.has(name)) query.set(name, value);
  }
  const search = query.toString();
  return `${indexUrl(collection, page)}${search ? `?${search}` : ''}`;
}

/** Reads a table state back from a URL query (the inverse of {@link indexStateUrl}); `filters` names the filters the table has. */
export function parseTableState(search: string, filters: readonly string[]): TableState {
  const query = new URLSearchParams(search);
  const state: TableState = { filters: {} };
  const sort = query.get('sort')?.trim();
  if (sort) {
    state.sort = sort;
    if (query.get('dir') === 'desc') state.dir = 'desc';
  }
  for (const name of filters) {
    const value = query.get(name)?.trim();
    if (value) state.filters[name] = value;
  }
  return state;
}

/** Page of one entity, e.g. `/companies/catl/`. */
export function entityUrl(ref: Ref): string {
  return path(ref.collection, ref.id);
}

/** The full list of one relation of an entity: `/companies/catl/deals/`, then `/companies/catl/deals/2/`. */
export function relationListUrl(ref: Ref, relation: string, page = 1): string {
  return page <= 1 ? path(ref.collection, ref.id, relation) : path(ref.collection, ref.id, relation, String(page));
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

/**
 * The absolute URL of `pathname` on the origin the reader has open (`location.origin`), for the
 * copy buttons: a link copied from a preview server, a staging host or a mirror works there, as
 * the page did. An origin that is not on the web (`null` for a page opened from a file) falls
 * back to `fallback` (the published site), else the path stays relative.
 */
export function urlOnOrigin(pathname: string, origin: string, fallback?: string): string {
  const base = /^https?:\/\//.test(origin) ? origin : fallback;
  return base ? absoluteUrl(pathname, base) : pathname;
}

/**
 * `text` (HTML or plain) with every absolute link on the origin `from` moved to the origin `to`,
 * path, query and fragment kept: the email snippets, built with the configured site's links,
 * copied from wherever the reader has the site open (`to` not on the web: unchanged). Other hosts, including ones whose names
 * merely begin the same way (`https://site.test.evil/`), are left alone.
 */
export function rebaseUrls(text: string, from: string, to: string): string {
  // A page opened from a file has no web origin to move links to: they stay on the site's.
  if (!/^https?:\/\//.test(to)) return text;
  const source = new URL(from).origin;
  const target = new URL(to).origin;
  if (source === target) return text;
  const escaped = source.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  return text.replace(new RegExp(`${escaped}(?=[/?#"'<>\\s)\\]]|$)`, 'g'), target);
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

/** A page of the full chronological timeline: `/timeline/page/3/` (page 1 holds the oldest items). */
export function timelinePageUrl(page: number): string {
  return path('timeline', 'page', String(page));
}

/** The filter index of the timeline, fetched by the browser when filtering a large timeline. */
export function timelineIndexUrl(): string {
  return `${path('timeline')}index.json`;
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

/** A file of the site, without a trailing slash: `/rss.xml`, `/og/companies/catl.png`. */
function file(...segments: string[]): string {
  return `${base()}${segments.map((s) => encodeURIComponent(s)).join('/')}`;
}

/** The path segments of a page inside the site (`/companies/catl/` → `['companies', 'catl']`). */
function pageSegments(pathname: string): string[] {
  const inside = pathname.startsWith(base()) ? pathname.slice(base().length) : pathname.replace(/^\//, '');
  return inside
    .split('/')
    .filter(Boolean)
    .map((s) => decodeURIComponent(s));
}

/**
 * The `[...path]` parameter of a page's link-preview image: `companies/catl` for
 * `/companies/catl/`, `index` for the home page.
 */
export function ogImageParam(page: string | Ref): string {
  const segments = pageSegments(typeof page === 'string' ? page : entityUrl(page));
  return segments.length ? segments.join('/') : 'index';
}

/**
 * The link-preview image (1200×630 PNG) of a page, by path or entity:
 * `/og/companies/catl.png` for `/companies/catl/`, `/og/index.png` for the home page.
 */
export function ogImageUrl(page: string | Ref): string {
  return `${file('og', ...ogImageParam(page).split('/'))}.png`;
}

/** The one preview image a type of navigation page shares: `/og/_shared/timeline.png`. */
export function sharedOgImageUrl(name: string): string {
  return `${file('og', '_shared', name)}.png`;
}

/** The `[...path]` parameter of a shared preview image (see {@link sharedOgImageUrl}). */
export function sharedOgImageParam(name: string): string {
  return `_shared/${name}`;
}

/** RSS 2.0 feed of the briefings. */
export function rssFeedUrl(): string {
  return file('rss.xml');
}

/** JSON Feed 1.1 of the briefings. */
export function jsonFeedUrl(): string {
  return file('feed.json');
}

/** RSS 2.0 feed of everything new that involves a company: `/companies/catl/feed.xml`. */
export function companyFeedUrl(company: Ref<'companies'>): string {
  return file('companies', company.id, 'feed.xml');
}

/**
 * A file of the data exports, by its file name: `/data/companies.csv`, `/data/dataset.json`,
 * `/data/datapackage.json` (see src/lib/publishing/exports.ts).
 */
export function exportUrl(name: string): string {
  return file('data', name);
}

/** The file name of a table's CSV export: `companies.csv`, `key-figures.csv`. */
export function csvExportName(table: string): string {
  return `${table}.csv`;
}

/** The file name of the whole dataset as one JSON file (under {@link exportUrl}). */
export const DATASET_FILE = 'dataset.json';

/** The file name of the Frictionless Data Package descriptor of the exports (under {@link exportUrl}). */
export const DATAPACKAGE_FILE = 'datapackage.json';

/**
 * An entity as JSON, beside its page: `/companies/catl.json` for `/companies/catl/`. Ids hold no
 * dot, so this file never shares a path with a page, a full list or a redirect page (all folders).
 */
export function entityJsonUrl(ref: Ref): string {
  return file(ref.collection, `${ref.id}.json`);
}

/** A briefing as a standalone email snippet: `/briefings/x/email.html` or `/briefings/x/email.txt`. */
export function emailUrl(briefing: Ref<'briefings'>, format: 'html' | 'txt'): string {
  return file('briefings', briefing.id, `email.${format}`);
}

/**
 * `url` with campaign parameters appended (`utm_source=newsletter&utm_medium=email`), keeping
 * its own query and fragment; unchanged when `campaign` is empty.
 */
export function campaignUrl(url: string, campaign: string): string {
  const extra = new URLSearchParams(campaign.replace(/^[?&]/, ''));
  if ([...extra.keys()].length === 0) return url;
  const parsed = new URL(url);
  for (const [key, value] of extra) parsed.searchParams.set(key, value);
  return parsed.href;
}

/** A page of Starlight's `docs` collection by its id: `about` → `/about/`. */
export function docsPageUrl(id: string): string {
  return path(...id.split('/').filter(Boolean));
}

/**
 * True for built HTML files that are standalone documents rather than site pages (the email
 * snippets): they carry their own inline styles and no site CSS, scripts or policy, so the
 * site-page rules (style extraction, CSP) do not apply to them.
 */
export function isStandaloneDocument(pathname: string): boolean {
  return /^\/(?:.*\/)?briefings\/[^/]+\/email\.html$/.test(pathname);
}

/**
 * A citation as it is copied: its lines, then the link on a line of its own. Pages carry
 * citations without the link, and the copy button adds the link on the address the reader has
 * open (see {@link urlOnOrigin}), so a citation copied from any host leads back there.
 */
export function citationWithLink(citation: string, url: string): string {
  return `${citation}\n${url}`;
}
