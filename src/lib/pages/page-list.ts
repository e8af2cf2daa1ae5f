import { hash as sha256 } from 'node:crypto';
import { fill, plural } from '../../i18n/fill';
import { linksUi } from '../../i18n/links';
import { ui } from '../../i18n/ui';
import { ENTITY_COLLECTIONS, type EntityCollection, type Ref } from '../../schemas/common';
import type { Node } from '../graph/graph';
import { entityCard, genericCard, type OgCard } from '../publishing/og-card';
import {
  aboutUrl,
  docsPageUrl,
  entityUrl,
  homeUrl,
  indexUrl,
  relationListUrl,
  searchUrl,
  timelinePageUrl,
  timelineUrl,
  withAnchor,
} from '../routes';
import { searchRecord, type SearchRecord } from '../search/search-index';
import { timelinePages } from '../timeline/pages';
import type { TimelineItem } from '../timeline/timeline';
import { clip } from '../values/text';
import {
  Digests,
  trackedInputs,
  Units,
  type Dependency,
  type UnitInputs,
  type UnitRecord as GenericRecord,
} from './dependencies';
import {
  briefingFooter,
  entityPage,
  type EntityPageCollection,
  type EntityPageView,
  type SectionView,
} from './entity-page';
import { indexTable, type IndexTable } from './facts';
import { downloadsView, type DownloadsView } from './downloads';
import { homePage, type HomePageView } from './home';
import { paginate } from './pagination';
import {
  briefingItems,
  companyNames,
  dealCard,
  eventCard,
  eventMarker,
  linkTo,
  quoteView,
  type BriefingItemView,
  type ListItemView,
  type PageContext,
} from './views';

/**
 * Every page the site publishes, listed once per build: its path, which route renders it, what
 * it shows (its view), its link-preview card and its cache key. Routes' getStaticPaths, the
 * preview images and incremental builds all read this list; nothing enumerates pages again.
 */

/** A page's link-preview card: its own, or the one card its page type shares. */
export type PageCard = { own: OgCard } | { shared: SharedCard };

/** Navigation pages share one card per page type (see {@link sharedCards}). */
export type SharedCard = 'timeline' | 'search' | 'relation-list' | `index-${EntityCollection}`;

interface PageBase {
  /** Root-relative URL path with a trailing slash, e.g. `/companies/catl/`. */
  path: string;
  card: PageCard;
  /**
   * A hash of everything the page renders (its view and the site-wide parts), so a build can
   * reuse the page's previous output while it is unchanged. Undefined for pages Astro renders
   * without static paths (home, first index pages, timeline, search).
   */
  cacheKey: string;
}

/** A briefing page: its MDX body renders through the briefing components. */
export interface BriefingPageView {
  ref: Ref<'briefings'>;
  title: string;
  description: string;
  footer: SectionView[];
  search: SearchRecord;
}

/** An index page of a collection. */
export interface IndexPageView {
  collection: EntityCollection;
  title: string;
  description: string;
  page: number;
  last: number;
  total: number;
  /** The total in words: "1 source", "1,204 companies". */
  count: string;
  /** How many entities this page shows. */
  shown: number;
  /** The table of entities, for every index but the briefings'. */
  table?: IndexTable;
  /** The briefings, for the briefings index. */
  briefings?: BriefingItemView[];
  /**
   * Companies by kind: each kind's run of the table's rows (`start` to `end`, exclusive), so a
   * publisher is never listed among the companies the beat is about. `continued` when the kind
   * began on an earlier page.
   */
  groups?: { id: string; title: string; total: number; start: number; end: number; continued: boolean }[];
  /** Every kind of the collection with its count and where its rows start (a page and an anchor). */
  kinds?: { id: string; title: string; total: number; href: string }[];
  /** The collection's data files to download. */
  downloads: DownloadsView;
}

/** The anchor of a kind's rows on an index page: `kind-cell-maker`. */
export function kindAnchor(kind: string): string {
  return `kind-${kind}`;
}

/**
 * Companies in kind order (the vocabulary's, kinds that publish sources last), by name within a
 * kind: the order of the companies index, whose pages show one section per kind.
 */
export function companiesByKind(companies: Node<'companies'>[], site: PageContext['site']): Node<'companies'>[] {
  const terms = site.vocabulary.terms.companyKinds;
  const order = Object.keys(terms).sort((a, b) => Number(terms[a]!.publishes) - Number(terms[b]!.publishes));
  const rank = new Map(order.map((kind, i) => [kind, i]));
  return companies
    .map((node, i) => ({ node, i }))
    .sort((a, b) => (rank.get(a.node.data.kind) ?? 0) - (rank.get(b.node.data.kind) ?? 0) || a.i - b.i)
    .map(({ node }) => node);
}

/** A page of one section's full list. */
export interface RelationListView {
  entity: Ref;
  relation: string;
  title: string;
  description: string;
  /** The entity's page, at the section: "Back to <name>". */
  back: { name: string; href: string };
  count: number;
  page: number;
  last: number;
  items: ListItemView[];
}

/** A page of the whole timeline, oldest first. */
export interface TimelinePageView {
  title: string;
  page: number;
  last: number;
  items: TimelineItem[];
  names: Record<string, string>;
}

export type SitePage =
  | (PageBase & { route: 'home'; view: HomePageView })
  // `ref` (and a full list's `relation` and `number`) repeat what the view holds, outside it: a
  // route's static params are read from them, so that a page reused from the last build's
  // record (whose view is built only when read, see PageUnits) is routed without building it.
  | (PageBase & { route: 'entity'; ref: Ref; view: EntityPageView })
  | (PageBase & { route: 'briefing'; ref: Ref<'briefings'>; view: BriefingPageView })
  | (PageBase & { route: 'index'; view: IndexPageView })
  | (PageBase & { route: 'relation-list'; ref: Ref; relation: string; number: number; view: RelationListView })
  | (PageBase & { route: 'timeline' })
  | (PageBase & { route: 'timeline-page'; view: TimelinePageView })
  | (PageBase & { route: 'search' })
  | (PageBase & { route: 'docs'; title: string; downloads?: DownloadsView });

export type PageRoute = SitePage['route'];

/** A page of Starlight's `docs` collection, such as /about/. */
export interface DocsPage {
  id: string;
  title: string;
}

/** What the site-wide parts of every page show (title, sidebar): part of every cache key. */
export type SiteWide = Record<string, unknown>;

function hash(value: unknown): string {
  return sha256('sha256', JSON.stringify(value), 'base64url').slice(0, 22);
}

/** The cards navigation pages share, one per page type. */
export function sharedCards(ctx: PageContext): Record<SharedCard, OgCard> {
  const index = (c: EntityCollection) => genericCard(linksUi.preview.index, ui.collections[c].plural, ctx.site);
  return {
    timeline: genericCard(linksUi.preview.index, ui.nav.timeline, ctx.site),
    search: genericCard(linksUi.preview.index, ui.nav.search, ctx.site),
    'relation-list': genericCard(linksUi.preview.index, linksUi.preview.fullList, ctx.site),
    ...(Object.fromEntries(ENTITY_COLLECTIONS.map((c) => [`index-${c}`, index(c)])) as Record<
      `index-${EntityCollection}`,
      OgCard
    >),
  };
}

/**
 * What a briefing renders besides its own file: the title, summary and card of everything it
 * mentions (deal and event cards, quotes with their speakers, cited sources) and its footer.
 * Hashed into the briefing's cache key, so a renamed company re-renders the briefings naming it.
 */
function briefingDependencies(ctx: PageContext, node: Node<'briefings'>): unknown[] {
  const seen = new Set<string>();
  const deps: unknown[] = [];
  for (const edge of ctx.graph.outgoing(node.ref)) {
    const key = `${edge.to.collection}/${edge.to.id}`;
    if (seen.has(key)) continue;
    seen.add(key);
    const target = ctx.graph.node(edge.to);
    switch (edge.to.collection) {
      case 'deals':
        deps.push(dealCard(ctx, edge.to as Ref<'deals'>));
        break;
      case 'events':
        deps.push(eventCard(ctx, edge.to as Ref<'events'>), eventMarker(ctx, edge.to as Ref<'events'>));
        break;
      case 'quotes':
        deps.push(quoteView(ctx, edge.to as Ref<'quotes'>));
        break;
      case 'sources': {
        const publisher = ctx.graph.node((target as Node<'sources'>).data.publisher);
        deps.push(linkTo(target), target.data, publisher.title, publisher.data);
        break;
      }
      default:
        deps.push(linkTo(target));
    }
  }
  return deps;
}

/**
 * The pages of one entity: its own page (a briefing's, or an entity page) and the full lists of
 * its sections too long for the page. Built only from `inputs`, so that what it reads can be
 * recorded (see dependencies.ts).
 */
function entityPages(inputs: UnitInputs, ref: Ref, key: (path: string, view: unknown) => string): SitePage[] {
  const { graph, site } = inputs;
  const node = graph.node(ref);
  const card: PageCard = { own: entityCard(graph, node, site, inputs.today) };
  if (ref.collection === 'briefings') {
    const briefing = ref as Ref<'briefings'>;
    const b = (node as Node<'briefings'>).data;
    const view: BriefingPageView = {
      ref: briefing,
      title: node.title,
      description: b.description,
      footer: briefingFooter(inputs, briefing),
      search: searchRecord(graph, node),
    };
    const path = entityUrl(ref);
    const deps = [view, card, b, inputs.body(briefing), briefingDependencies(inputs, node as Node<'briefings'>)];
    return [{ route: 'briefing', path, ref: briefing, card, view, cacheKey: key(path, deps) }];
  }
  const view = entityPage(inputs, ref as Ref<EntityPageCollection>);
  const path = entityUrl(ref);
  const pages: SitePage[] = [{ route: 'entity', path, ref, card, view, cacheKey: key(path, [view, card]) }];
  // Sections too long for the page have full lists of their own.
  for (const section of view.sections) {
    if (!section.list) continue;
    for (const { page, last, items } of paginate(section.list, site.pageSizes.fullList)) {
      const list = section.title;
      const title = fill(ui.lists.relationTitle, { name: node.title, list });
      const path = relationListUrl(ref, section.id, page);
      const listCard: PageCard = { shared: 'relation-list' };
      const listView: RelationListView = {
        entity: ref,
        relation: section.id,
        title: last > 1 ? fill(ui.lists.titlePage, { title, page, last }) : title,
        description: fill(ui.lists.relationDescription, { list, name: node.title, count: section.list.length }),
        back: { name: node.title, href: withAnchor(entityUrl(ref), section.id) },
        count: section.list.length,
        page,
        last,
        items,
      };
      pages.push({
        route: 'relation-list',
        path,
        ref,
        relation: section.id,
        number: page,
        card: listCard,
        view: listView,
        cacheKey: key(path, [listView, listCard]),
      });
    }
  }
  return pages;
}

/**
 * The entities' pages a build keeps for the next one (see {@link Units}): for each entity (by its
 * page's path), what its pages were built from and the pages without their views. The next build
 * uses a record whose reads still give the same digest instead of building the views again; a view
 * is then built only if something asks for it (Astro, when it renders the page after all).
 */
export type UnitRecord = GenericRecord<StoredPage[]>;

/** A page as a {@link UnitRecord} keeps it: everything but its view. */
export type StoredPage = DistributiveOmit<
  Extract<SitePage, { route: 'entity' | 'briefing' | 'relation-list' }>,
  'view'
>;
type DistributiveOmit<T, K extends PropertyKey> = T extends unknown ? Omit<T, K> : never;

/** The previous build's entity records, and this build's, filled by {@link buildPageList}. */
export class PageUnits extends Units<StoredPage[]> {}

function storedPage(page: SitePage): StoredPage {
  const { view: _view, ...stored } = page as Extract<SitePage, { route: 'entity' | 'briefing' | 'relation-list' }>;
  return stored;
}

/** Pages from a record, each view built (all of the entity's at once) the first time one is read. */
function lazyPages(stored: readonly StoredPage[], build: () => SitePage[]): SitePage[] {
  let views: Map<string, unknown> | undefined;
  return stored.map((page) => {
    const lazy = { ...page } as SitePage;
    Object.defineProperty(lazy, 'view', {
      enumerable: true,
      get() {
        views ??= new Map(build().map((built) => [built.path, (built as { view?: unknown }).view]));
        const view = views.get(page.path);
        if (view === undefined) throw new Error(`The page list's record of ${page.path} is out of date.`);
        return view;
      },
    });
    return lazy;
  });
}

/** Every page of the site, in a stable order (see {@link SitePage}). */
export function buildPageList(
  ctx: PageContext,
  {
    timeline,
    docs,
    siteWide,
    body,
    cacheKeys = true,
    units,
    digests: shared,
  }: {
    /** Every timeline item, in order. */
    timeline: TimelineItem[];
    docs: DocsPage[];
    siteWide: SiteWide;
    /** The MDX source of a briefing (its body), part of its cache key. */
    body: (ref: Ref<'briefings'>) => string;
    /**
     * False for a list that renders nothing (the content check's map of the site): every cache
     * key is then empty, which saves hashing every view.
     */
    cacheKeys?: boolean;
    /**
     * The entities' pages of the previous build, each with what it was built from, and where to
     * record this build's (see {@link PageUnits}); without, every page is built.
     */
    units?: PageUnits | undefined;
    /** Digests of this build's reads, to share with other parts (see Digests.extended); made here if not given. */
    digests?: Digests | undefined;
  },
): SitePage[] {
  const { graph, site } = ctx;
  const wide = hash(siteWide);
  const key = (path: string, view: unknown) => (cacheKeys ? hash([wide, path, view]) : '');
  const pages: SitePage[] = [];
  const add = (page: DistributiveOmit<SitePage, 'cacheKey'>) =>
    pages.push({ ...page, cacheKey: key(page.path, [(page as { view?: unknown }).view, page.card]) } as SitePage);

  add({
    route: 'home',
    path: homeUrl(),
    card: { own: { ...genericCard(linksUi.preview.home, site.title, site), lede: clip(site.tagline, 160) } },
    view: homePage(ctx, timeline),
  });

  for (const collection of ENTITY_COLLECTIONS) {
    const names = ui.collections[collection];
    const label = names.plural;
    const total = graph.all(collection).length;
    const count = fill(plural(total, ui.lists.indexCount), {
      singular: names.singular.toLowerCase(),
      plural: names.plural.toLowerCase(),
    });
    const ordered: Node[] =
      collection === 'companies' ? companiesByKind(graph.all('companies'), site) : graph.all(collection);
    const pages = paginate(ordered, site.pageSizes.index);
    const kindOf = (node: Node) => (node as Node<'companies'>).data.kind;
    const kinds =
      collection === 'companies'
        ? [...new Set(ordered.map(kindOf))].map((kind) => {
            const first = pages.find((p) => p.items.some((n) => kindOf(n) === kind))!;
            return {
              id: kind,
              title: site.vocabulary.companyKinds[kind] ?? kind,
              total: ordered.filter((n) => kindOf(n) === kind).length,
              href: withAnchor(indexUrl(collection, first.page), kindAnchor(kind)),
            };
          })
        : undefined;
    for (const { page, last, items } of pages) {
      const refs = items.map((n) => n.ref);
      const groups: NonNullable<IndexPageView['groups']> = [];
      if (kinds) {
        items.forEach((node, i) => {
          const kind = kinds.find((k) => k.id === kindOf(node))!;
          const open = groups[groups.length - 1];
          if (open?.id === kind.id) open.end = i + 1;
          else {
            const continued = page > 1 && kindOf(pages[page - 2]!.items.at(-1)!) === kind.id && i === 0;
            groups.push({ id: kind.id, title: kind.title, total: kind.total, start: i, end: i + 1, continued });
          }
        });
      }
      add({
        route: 'index',
        path: indexUrl(collection, page),
        card: { shared: `index-${collection}` },
        view: {
          collection,
          title: page > 1 ? fill(ui.lists.titlePage, { title: label, page, last }) : label,
          description: fill(ui.lists.indexDescription, { total: count }),
          page,
          last,
          total,
          count,
          shown: refs.length,
          downloads: downloadsView(collection),
          ...(collection === 'briefings'
            ? { briefings: briefingItems(graph, refs as Ref<'briefings'>[]) }
            : { table: indexTable(graph, collection, refs, site, ctx.today) }),
          ...(kinds ? { kinds, groups } : {}),
        },
      });
    }
  }

  const inputs: UnitInputs = { ...ctx, body };
  const digests = units && cacheKeys ? (shared ?? new Digests(inputs)) : undefined;
  // A record is of one site-wide part: its pages' cache keys hold it.
  const unitDigest = (deps: readonly Dependency[]) => hash([wide, digests!.all(deps)]);
  for (const collection of ENTITY_COLLECTIONS) {
    for (const node of graph.all(collection)) {
      const build = (from: UnitInputs) => entityPages(from, node.ref, key);
      if (!units || !digests) {
        pages.push(...build(inputs));
        continue;
      }
      pages.push(
        ...units.part(entityUrl(node.ref), {
          inputs,
          track: trackedInputs,
          digest: unitDigest,
          build,
          store: (built) => built.map(storedPage),
          restore: (stored) => lazyPages(stored, () => build(inputs)),
        }),
      );
    }
  }

  add({ route: 'timeline', path: timelineUrl(), card: { shared: 'timeline' } });
  for (const { page, last, items } of timelinePages(timeline, site.pageSizes)) {
    add({
      route: 'timeline-page',
      path: timelinePageUrl(page),
      card: { shared: 'timeline' },
      view: {
        title: fill(ui.lists.titlePage, { title: ui.timeline.title, page, last }),
        page,
        last,
        items,
        names: companyNames(graph, items),
      },
    });
  }
  add({ route: 'search', path: searchUrl(), card: { shared: 'search' } });
  for (const doc of docs) {
    const path = docsPageUrl(doc.id);
    add({
      route: 'docs',
      path,
      card: { own: genericCard(linksUi.preview.page, doc.title, site) },
      title: doc.title,
      // The page on how to read and cite the site lists every data file.
      ...(path === aboutUrl() ? { downloads: downloadsView() } : {}),
    });
  }
  return pages;
}

/** The pages a route renders. */
export function pagesOf<R extends PageRoute>(pages: readonly SitePage[], route: R): Extract<SitePage, { route: R }>[] {
  return pages.filter((p): p is Extract<SitePage, { route: R }> => p.route === route);
}
