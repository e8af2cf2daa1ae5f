import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { slug } from 'github-slugger';
import { markdownToMdast, mdxToMdast } from 'satteri';
import type { SiteConfig } from '../../schemas/site';
import { briefingLinkProblems, siteMap, type BriefingBody, type SiteMap } from '../build/site-map';
import { isLocalImageUrl, parseBriefing, type PolicyNode } from '../graph/briefing-policy';
import type { Graph, GraphInput } from '../graph/graph';
import { headingIdsOf } from '../graph/heading-ids';
import { buildPageList, type DocsPage } from '../pages/page-list';
import type { PageContext } from '../pages/views';
import { docsPageUrl } from '../routes';
import { timelineWindow } from '../timeline/pages';
import { buildTimeline, indexTimeline } from '../timeline/timeline';
import { nearest } from '../values/suggest';
import { splitMdx } from './documents';

/**
 * The site a valid content root becomes, as links see it (src/lib/build/site-map.ts), read from
 * the content and the project without rendering anything: the page list, the project's own
 * Starlight pages (src/content/docs) and the files of public/.
 */

/** Starlight's pages of the project (`src/content/docs`), and the folder of files served as they are. */
const DOCS_FOLDER = 'src/content/docs';
const PUBLIC_FOLDER = 'public';

/** Where and on which day the site is built. */
export interface SiteOptions {
  /** The site's address (BRIEFING_SITE_URL): links to it are internal. */
  siteUrl: string;
  /** The build's day (YYYY-MM-DD): the main timeline page shows the items around it. */
  today: string;
}

function filesUnder(folder: string): string[] {
  if (!existsSync(folder)) return [];
  return readdirSync(folder, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile() && !entry.name.startsWith('.'))
    .map((entry) => relative(folder, join(entry.parentPath, entry.name)).split(sep).join('/'))
    .sort();
}

/** The project's docs pages as Starlight publishes them, with the ids of their headings. */
function docsPages(projectRoot: string): (DocsPage & { ids: string[] })[] {
  const folder = join(projectRoot, DOCS_FOLDER);
  const pages: (DocsPage & { ids: string[] })[] = [];
  for (const file of filesUnder(folder)) {
    const extension = /\.(md|mdx)$/.exec(file)?.[1];
    if (!extension) continue;
    const id = file
      .slice(0, -extension.length - 1)
      .split('/')
      .map((segment) => slug(segment))
      .join('/');
    if (id === '404' || id === 'index') continue;
    const text = readFileSync(join(folder, file), 'utf8');
    const split = splitMdx(text);
    const body = split.ok ? split.value.body : text;
    let ids: string[] = [];
    try {
      const tree = extension === 'mdx' ? mdxToMdast(body) : markdownToMdast(body);
      ids = headingIdsOf(tree).map(({ id: headingId }) => headingId);
    } catch {
      // A docs page that does not parse fails the build on its own; its headings are unknown here.
    }
    pages.push({ id, title: id, ids });
  }
  return pages;
}

/** Every briefing body of a content root, parsed as the site's compiler parses it. */
export function briefingBodies(input: GraphInput): Map<string, BriefingBody> {
  const bodies = new Map<string, BriefingBody>();
  for (const entry of input.briefings) {
    const where = { file: entry.filePath, bodyLine: entry.bodyLine ?? 1 };
    const parsed = parseBriefing(entry.body ?? '', where);
    if (parsed.tree) bodies.set(entry.id, { tree: parsed.tree as PolicyNode, ...where });
  }
  return bodies;
}

/** The site map of a valid graph (see src/lib/build/site-map.ts). */
export function publishedSite(
  graph: Graph,
  site: SiteConfig,
  briefings: ReadonlyMap<string, BriefingBody>,
  projectRoot: string,
  { siteUrl, today }: SiteOptions,
): SiteMap {
  const items = buildTimeline(graph, site.vocabulary, today);
  const ctx: PageContext = { graph, site, timeline: indexTimeline(items), siteUrl: new URL(siteUrl), today };
  const docs = docsPages(projectRoot);
  // Nothing is rendered from this list, so its pages need no cache keys.
  const pages = buildPageList(ctx, { timeline: items, docs, siteWide: {}, body: () => '', cacheKeys: false });
  return siteMap(ctx, pages, {
    briefings,
    docs: docs.map((d) => ({ path: docsPageUrl(d.id), ids: d.ids })),
    timelineWindow: timelineWindow(items, today, site.pageSizes).items,
    publicFiles: filesUnder(join(projectRoot, PUBLIC_FOLDER)).map((file) => `/${file}`),
  });
}

/** A local image a briefing shows: where in the briefing, as written, and the file it names. */
export interface BriefingImage {
  /** "<briefing file>: line N" (or ": (body)" when the line is unknown). */
  at: string;
  url: string;
  path: string;
}

/** The local images of a briefing body (links to other sites are the briefing policy's concern). */
function localImages(body: BriefingBody, folder: string): BriefingImage[] {
  const definitions = new Map<string, string>();
  const images: { url?: string; reference?: string; line: number | undefined }[] = [];
  const walk = (node: PolicyNode) => {
    const line = node.position?.start?.line;
    if (node.type === 'definition' && node.identifier) definitions.set(node.identifier, node.url ?? '');
    if (node.type === 'image') images.push({ url: node.url ?? '', line });
    if (node.type === 'imageReference' && node.identifier) images.push({ reference: node.identifier, line });
    node.children?.forEach(walk);
  };
  walk(body.tree);
  return images.flatMap((image) => {
    const url = image.reference === undefined ? image.url : definitions.get(image.reference);
    // Anything but a local image is the briefing policy's problem, reported already.
    if (!url || !isLocalImageUrl(url)) return [];
    const at =
      image.line === undefined ? `${body.file}: (body)` : `${body.file}: line ${image.line + body.bodyLine - 1}`;
    return [{ at, url, path: join(folder, decodeURI(url)) }];
  });
}

/** Images of a briefing body whose file is missing beside the briefing (the build cannot bundle them). */
function missingImages(images: BriefingImage[], folder: string): string[] {
  return images
    .filter((image) => !existsSync(image.path))
    .map(({ at, url }) => {
      const beside = filesUnder(folder).filter((f) => !f.endsWith('.mdx'));
      const hint = nearest(decodeURI(url).replace(/^\.\//, ''), beside);
      return `${at}: expected an image file in briefings/, found ${JSON.stringify(url)}, and there is no such file${hint ? ` (did you mean "./${hint}"?)` : ''}.`;
    });
}

/**
 * What the briefings of a valid content root point at that the build would not find: links that
 * lead to no page or no element of their page, and images that are not there, one line each; and
 * the local images that are there (for {@link imageProblems} in images.ts, which reads them).
 */
export function siteLinkProblems(
  graph: Graph,
  site: SiteConfig,
  input: GraphInput,
  { root, projectRoot }: { root: string; projectRoot: string },
  options: SiteOptions,
): { problems: string[]; images: BriefingImage[] } {
  const briefings = briefingBodies(input);
  const map = () => publishedSite(graph, site, briefings, projectRoot, options);
  const folder = join(root, 'briefings');
  const images = [...briefings.values()].flatMap((body) => localImages(body, folder));
  return {
    problems: [
      ...briefingLinkProblems(briefings, map, new URL(options.siteUrl).origin),
      ...missingImages(images, folder),
    ],
    images: images.filter((image) => existsSync(image.path)),
  };
}
