import { ENTITY_COLLECTIONS, type EntityCollection, type Ref } from '../../schemas/common';
import type { PolicyNode } from '../graph/briefing-policy';
import { cardTitleId, headingIdsOf } from '../graph/heading-ids';
import { walkMentions } from '../graph/mentions';
import type { EntityPageView, SectionView } from '../pages/entity-page';
import type { ChartView } from '../pages/charts';
import { kindAnchor, sharedCards, type SitePage } from '../pages/page-list';
import { EXPORT_TABLES } from '../publishing/exports';
import type { PageContext } from '../pages/views';
import {
  companyFeedUrl,
  csvExportName,
  DATAPACKAGE_FILE,
  DATASET_FILE,
  emailUrl,
  entityJsonUrl,
  entityUrl,
  exportUrl,
  jsonFeedUrl,
  ogImageUrl,
  rssFeedUrl,
  sharedOgImageUrl,
  timelineIndexUrl,
} from '../routes';
import { groupTimeline, type TimelineItem } from '../timeline/timeline';
import { nearest } from '../values/suggest';
import { linkFault, type SiteLookup } from './link-check';
import { SEARCH_INDEX_FOLDER } from './search-index';

/**
 * The site as its links see it, without rendering it: every path the build publishes, with the
 * element ids of each page, derived from the page list (src/lib/pages/page-list.ts) and the same
 * descriptions the pages are drawn from. `npm run check:content`, the dev server and the build's
 * content check use it to find briefing links that lead nowhere before any page is rendered; the
 * build's own check of every built page (src/integrations/postbuild.ts) stays the last word, and
 * a test compares the two on the bundled site (tests/build/site.test.ts).
 */

/** Ids on every page drawn with Starlight's layout: its icon sprite, our header search, the title. */
const LAYOUT_IDS = ['theme-icons', 'site-search-input', 'site-search-results', '_top'] as const;
/** Ids of Starlight's sidebar, on every page but the 404 page. */
const SIDEBAR_IDS = ['starlight__sidebar'] as const;
/** Ids of Starlight's "On this page" navigation, on pages with a table of contents. */
const TOC_IDS = ['starlight__on-this-page', 'starlight__on-this-page--mobile', 'starlight__mobile-toc'] as const;
/** The search page's own search box (SearchPage.astro). */
const SEARCH_PAGE_IDS = ['search-page-input'] as const;

/** Mention components that stand on their own line as a card with a titled heading (FactCard). */
const CARD_COMPONENTS = new Set(['Deal', 'Event']);

/** What the site publishes: pages by URL path with their element ids, and its other files. */
export interface SiteMap {
  /** `/companies/catl/` → the ids of elements on that page. */
  pages: Map<string, Set<string>>;
  /** Files that are not pages: feeds, previews, email snippets, files of `public/`. */
  files: Set<string>;
  /** Folders whose files the build writes by itself (Pagefind's index, bundled assets). */
  generatedFolders: string[];
}

/** A briefing's body as parsed for the check, with where it sits in its file. */
export interface BriefingBody {
  tree: PolicyNode;
  /** The file as messages show it. */
  file: string;
  /** File line of the body's first line. */
  bodyLine: number;
}

/** Ids of a timeline list (TimelineList.astro): years, the headings of vague periods, items. */
export function timelineListIds(items: readonly TimelineItem[]): string[] {
  const ids: string[] = [];
  for (const year of groupTimeline([...items])) {
    ids.push(`year-${year.year}`);
    for (const group of year.groups) {
      if (group.label !== String(year.year)) ids.push(group.id);
      ids.push(...group.items.map((item) => item.id));
    }
  }
  return ids;
}

/** Ids of a chart (Chart.astro, ChartSvg.astro): its summary, its SVGs' titles, the network's arrow. */
export function chartIds(chart: ChartView): string[] {
  const ids = [`${chart.id}-summary`];
  if (chart.kind === 'bars') ids.push(...chart.panels.map((panel) => `${panel.id}-title`));
  else ids.push(`${chart.id}-title`);
  if (chart.kind === 'network') ids.push(`${chart.id}-arrow`);
  return ids;
}

/** Ids of an entity page's sections and of what they show (quotes, timelines, charts). */
function sectionIds(sections: readonly SectionView[]): string[] {
  const ids: string[] = [];
  for (const section of sections) {
    ids.push(section.id);
    if (section.body.kind === 'quotes') ids.push(...section.body.quotes.map((q) => q.anchor));
    if (section.body.kind === 'timeline') ids.push(...timelineListIds(section.body.timeline.items));
    if (section.body.kind === 'chart') ids.push(...chartIds(section.body.chart));
  }
  return ids;
}

function entityPageIds(view: EntityPageView): string[] {
  return [...(view.quote ? [view.quote.anchor] : []), ...sectionIds(view.sections)];
}

/** Ids a briefing's body puts on its page: its headings, its mentions, and the titles of its cards. */
export function briefingBodyIds(tree: PolicyNode): string[] {
  const ids: string[] = headingIdsOf(tree).map(({ id }) => id);
  walkMentions(tree, ({ node, component, anchor }) => {
    if (!anchor) return;
    ids.push(anchor);
    if ((node as PolicyNode).type === 'mdxJsxFlowElement' && CARD_COMPONENTS.has(component)) {
      ids.push(cardTitleId(anchor));
    }
  });
  return ids;
}

/**
 * Every path the site publishes and the ids on each page, from the page list of a valid graph.
 * `timelineWindow` is what the main timeline page shows (it depends on the build's day).
 */
export function siteMap(
  ctx: PageContext,
  pages: readonly SitePage[],
  {
    briefings,
    docs,
    timelineWindow,
    publicFiles = [],
  }: {
    /** Parsed briefing bodies by id. */
    briefings: ReadonlyMap<string, BriefingBody>;
    /** Starlight's docs pages (such as /about/), with the ids of their headings. */
    docs: readonly { path: string; ids: readonly string[] }[];
    timelineWindow: readonly TimelineItem[];
    /** URL paths of the files in the project's `public/` folder. */
    publicFiles?: readonly string[];
  },
): SiteMap {
  const map = new Map<string, Set<string>>();
  const files = new Set<string>(publicFiles);
  const add = (path: string, ...groups: readonly (readonly string[])[]) => map.set(path, new Set(groups.flat()));
  const page = [...LAYOUT_IDS, ...SIDEBAR_IDS];

  for (const p of pages) {
    if ('own' in p.card) files.add(ogImageUrl(p.path));
    switch (p.route) {
      case 'entity':
        add(p.path, page, TOC_IDS, entityPageIds(p.view));
        break;
      case 'briefing': {
        const body = briefings.get(p.view.ref.id);
        add(p.path, page, TOC_IDS, body ? briefingBodyIds(body.tree) : [], sectionIds(p.view.footer));
        files.add(emailUrl(p.view.ref, 'html')).add(emailUrl(p.view.ref, 'txt'));
        break;
      }
      case 'timeline':
        add(p.path, page, timelineListIds(timelineWindow));
        break;
      case 'timeline-page':
        add(p.path, page, timelineListIds(p.view.items));
        break;
      case 'search':
        add(p.path, page, SEARCH_PAGE_IDS);
        break;
      case 'home':
        // The latest deals and events (TimelineItem.astro), and the charts under their headings.
        add(
          p.path,
          page,
          p.view.latest.items.map((item) => item.id),
          p.view.charts.flatMap((chart) => [`${chart.id}-heading`, ...chartIds(chart)]),
        );
        break;
      case 'index':
        add(
          p.path,
          page,
          (p.view.groups ?? []).map((group) => kindAnchor(group.id)),
        );
        break;
      case 'docs':
        add(p.path, page, TOC_IDS, docs.find((d) => d.path === p.path)?.ids ?? []);
        break;
      default:
        add(p.path, page);
    }
  }
  // Old ids are redirect pages (nothing on them to link to); companies keep their feed there too.
  for (const { from } of ctx.graph.redirects()) {
    add(entityUrl(from));
    if (from.collection === 'companies') files.add(companyFeedUrl(from as Ref<'companies'>));
  }
  for (const company of ctx.graph.all('companies')) files.add(companyFeedUrl(company.ref));
  // Data files (src/pages/data/, src/pages/[collection]/[id].json.ts): the exports, and a JSON
  // document for every entity, also at the ids it was renamed from.
  for (const table of EXPORT_TABLES) files.add(exportUrl(csvExportName(table)));
  files.add(exportUrl(DATASET_FILE)).add(exportUrl(DATAPACKAGE_FILE));
  for (const collection of ENTITY_COLLECTIONS) {
    for (const node of ctx.graph.all(collection)) files.add(entityJsonUrl(node.ref));
  }
  for (const { from } of ctx.graph.redirects()) files.add(entityJsonUrl(from));
  for (const name of Object.keys(sharedCards(ctx))) files.add(sharedOgImageUrl(name));
  files.add(rssFeedUrl()).add(jsonFeedUrl()).add(timelineIndexUrl());
  // @astrojs/sitemap (added by Starlight when the site has an address).
  files.add('/sitemap-index.xml').add('/sitemap-0.xml');
  map.set('/404.html', new Set(LAYOUT_IDS));
  return { pages: map, files, generatedFolders: [`/${SEARCH_INDEX_FOLDER}/`, '/_astro/'] };
}

/** The link check's view of a site map (see {@link linkFault}). */
export function siteLookup(map: SiteMap, origin: string): SiteLookup {
  return {
    origin,
    anchorsAt: (path) => map.pages.get(path),
    fileExists: (path) => map.files.has(path) || map.generatedFolders.some((folder) => path.startsWith(folder)),
  };
}

/** Ids readers link to, without the layout's own (the sidebar, the icon sprite…), for hints. */
function linkable(anchors: ReadonlySet<string>): string[] {
  const layout = new Set<string>([...LAYOUT_IDS, ...SIDEBAR_IDS, ...TOC_IDS, ...SEARCH_PAGE_IDS]);
  return [...anchors].filter((id) => !layout.has(id));
}

/** Every link of a briefing body (links and link definitions), with its line in the body. */
function linksOf(tree: PolicyNode): { url: string; line: number | undefined }[] {
  const links: { url: string; line: number | undefined }[] = [];
  const walk = (node: PolicyNode) => {
    if ((node.type === 'link' || node.type === 'definition') && typeof node.url === 'string') {
      links.push({ url: node.url, line: node.position?.start?.line });
    }
    node.children?.forEach(walk);
  };
  walk(tree);
  return links;
}

/**
 * Links in briefings that lead to no page of the site, or to no element of their page, one line
 * each in the house format: `<file>: line N: expected …, found ….` Links to other sites are not
 * checked (the build makes no request). The site map is asked for only if a briefing has a link:
 * deriving it means listing every page of the site, a second of work per thousand pages.
 */
export function briefingLinkProblems(
  briefings: ReadonlyMap<string, BriefingBody>,
  siteMapOf: () => SiteMap,
  origin: string,
): string[] {
  const linked = [...briefings].map(([id, body]) => ({ id, body, links: linksOf(body.tree) }));
  if (linked.every(({ links }) => links.length === 0)) return [];
  const map = siteMapOf();
  const lookup = siteLookup(map, origin);
  const problems: string[] = [];
  const paths = [...map.pages.keys()];
  for (const { id, body, links } of linked) {
    const { file, bodyLine } = body;
    const page = entityUrl({ collection: 'briefings' as EntityCollection, id });
    for (const { url, line } of links) {
      const fault = linkFault(page, url, lookup);
      if (!fault) continue;
      const at = line === undefined ? `${file}: (body)` : `${file}: line ${line + bodyLine - 1}`;
      const found = `found ${JSON.stringify(url)}`;
      if (fault.kind === 'invalid') {
        problems.push(`${at}: expected a valid link, ${found}.`);
      } else if (fault.kind === 'no-page') {
        // The nearest name among pages of the same folder: `/companies/catl-x/` → `/companies/catl/`.
        const [, folder = '', name = ''] = /^(.*\/)([^/]+)\/?$/.exec(fault.path) ?? [];
        const names = paths.filter((p) => p.startsWith(folder)).map((p) => p.slice(folder.length).replace(/\/$/, ''));
        const near = nearest(
          name,
          names.filter((n) => n && !n.includes('/')),
        );
        const hint = near === undefined ? undefined : `${folder}${near}/`;
        problems.push(
          `${at}: expected a link to a page of this site, ${found}, and no page is at ${fault.path}${hint ? ` (did you mean "${hint}"?)` : ''}.`,
        );
      } else {
        const hint = nearest(fault.fragment, linkable(fault.anchors));
        problems.push(
          `${at}: expected a link to a part of ${fault.path} that exists, ${found}, and no element there has the id "${fault.fragment}"${hint ? ` (did you mean "#${hint}"?)` : ''}.`,
        );
      }
    }
  }
  return problems;
}
