import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { z } from 'astro/zod';
import { createSchemas, type SchemaContext } from '../../schemas';
import { ENTITY_COLLECTIONS, type EntityCollection } from '../../schemas/common';
import type { SiteConfig } from '../../schemas/site';
import { buildGraph, refKey, type Entry, type Graph, type GraphInput } from '../graph/graph';
import { ContentError, formatIssues } from './content-errors';
import { decodeUtf8, parseYaml, splitMdx } from './documents';
import { contentFiles, type ContentFile } from './layout';
import { siteUrlFrom } from '../publishing/site-url';
import { todayFrom } from '../values/fuzzy-date';
import { displayPath } from './paths';
import { loadSiteConfig } from './site-config';
import { imageProblems } from './images';
import { siteLinkProblems, type BriefingImage, type SiteOptions } from './site-links';

/**
 * The whole content check, without Astro: every file of a content root read, parsed and
 * validated, then the graph built, with every problem of every file reported together. The build
 * runs it before anything is rendered (src/integrations/content-check.ts); tests and tools call it
 * directly. Astro's loaders read the same files through the same parsers (documents.ts).
 */

/** Starlight's own content folder, and the collections it loads from there. */
const STARLIGHT_CONTENT = 'src/content';
const STARLIGHT_FOLDERS = ['docs', 'i18n'];

/** A reference as the content layer resolves it: the id, tagged with its collection. */
export const idReference: SchemaContext['reference'] = (collection: EntityCollection) =>
  z.string().transform((id) => ({ collection, id }));

/** What reading a content root found. */
export interface ContentReading {
  /** The validated site.yaml, unless it is itself broken. */
  site?: SiteConfig;
  /** Every entry that passed its schema, by collection. */
  input: GraphInput;
  /** Entries whose file exists but did not pass (`companies/x`), so references to them are not "unknown". */
  invalid: Set<string>;
  /** One line per problem: `<file>: <field>: expected …, found ….` */
  problems: string[];
}

/** Reads and validates every file of a content root (schemas only; see {@link checkContent}). */
export function readContent(root: string, projectRoot = process.cwd()): ContentReading {
  const show = (path: string) => displayPath(projectRoot, path);
  const input = Object.fromEntries(ENTITY_COLLECTIONS.map((c) => [c, []])) as unknown as GraphInput;
  const invalid = new Set<string>();
  const problems: string[] = [];
  let site: SiteConfig | undefined;
  try {
    site = loadSiteConfig(root, projectRoot);
  } catch (error) {
    if (!(error instanceof ContentError)) throw error;
    problems.push(...error.problems);
  }
  const starlight = resolve(root) === resolve(projectRoot, STARLIGHT_CONTENT) ? STARLIGHT_FOLDERS : [];
  const layout = contentFiles(root, show, starlight);
  problems.push(...layout.problems.map((p) => `${show(p.path)}: ${p.field}: ${p.message}.`));
  // Without a vocabulary no entry can be checked; the site.yaml problem says what to fix.
  if (!site) return { input, invalid, problems };

  const schemas = createSchemas({ reference: idReference, vocabulary: site.vocabulary });
  for (const file of layout.files) {
    const read = readEntry(file, show);
    if ('problem' in read) {
      problems.push(read.problem);
      invalid.add(refKey({ collection: file.collection, id: file.id }));
      continue;
    }
    const schema = schemas[file.collection];
    const parsed = schema.safeParse(read.data);
    if (!parsed.success) {
      problems.push(...formatIssues(show(file.path), parsed.error.issues, read.data, schema));
      invalid.add(refKey({ collection: file.collection, id: file.id }));
      continue;
    }
    const entry: Entry<unknown> = {
      id: file.id,
      filePath: show(file.path),
      data: parsed.data,
      ...(read.body === undefined ? {} : { body: read.body, bodyLine: read.bodyLine }),
    };
    (input[file.collection] as Entry<unknown>[]).push(entry);
  }
  return { site, input, invalid, problems };
}

type ReadEntry = { data: unknown; body?: string; bodyLine?: number } | { problem: string };

/** One entry file: decoded, split (MDX), parsed. */
function readEntry(file: ContentFile, show: (path: string) => string): ReadEntry {
  const shown = show(file.path);
  const text = decodeUtf8(readFileSync(file.path));
  if (!text.ok) return { problem: `${shown}: ${text.problem.where}: ${text.problem.message}.` };
  if (file.collection !== 'briefings') {
    const data = parseYaml(text.value.replace(/^\uFEFF/, ''));
    return data.ok ? { data: data.value } : { problem: `${shown}: ${data.problem.where}: ${data.problem.message}.` };
  }
  const mdx = splitMdx(text.value);
  if (!mdx.ok) return { problem: `${shown}: ${mdx.problem.where}: ${mdx.problem.message}.` };
  const data = parseYaml(mdx.value.frontmatter, mdx.value.frontmatterLine);
  if (!data.ok) return { problem: `${shown}: ${data.problem.where}: ${data.problem.message}.` };
  return { data: data.value ?? {}, body: mdx.value.body, bodyLine: mdx.value.bodyLine };
}

/** The outcome of a full check: every problem, and the graph when there are none. */
export interface ContentReport {
  problems: string[];
  site?: SiteConfig;
  graph?: Graph;
  /** Entry files read. */
  files: number;
  /**
   * The local images the briefings show that are there, once the graph is valid (their files are
   * read by {@link checkContentAndImages}).
   */
  images?: BriefingImage[];
}

/** The build's day and address by default: BRIEFING_TODAY (or today) and BRIEFING_SITE_URL. */
export function siteOptionsFrom(env: Record<string, string | undefined> = process.env): SiteOptions {
  return {
    siteUrl: siteUrlFrom(env).url,
    today: todayFrom(env),
  };
}

/**
 * Everything a build checks before rendering: the layout of the content root, every file's
 * encoding, YAML and schema, then the graph (references, relations, briefing bodies), and, once
 * all of that is valid, every link in the briefings against the pages the site will publish
 * (derived from the page list, nothing rendered; see site-links.ts). Problems of the graph are
 * found even while some files are invalid; references to those files are not reported again as
 * unknown.
 */
export function checkContent(
  root: string,
  projectRoot = process.cwd(),
  options: SiteOptions = siteOptionsFrom(),
): ContentReport {
  const reading = readContent(root, projectRoot);
  const files = ENTITY_COLLECTIONS.reduce((n, c) => n + reading.input[c].length, 0) + reading.invalid.size;
  const problems = [...reading.problems];
  let graph: Graph | undefined;
  if (reading.site) {
    try {
      graph = buildGraph(reading.input, reading.site.vocabulary, { invalid: reading.invalid });
    } catch (error) {
      if (!(error instanceof ContentError)) throw error;
      problems.push(...error.problems);
    }
  }
  let images: BriefingImage[] | undefined;
  if (graph && reading.site && problems.length === 0) {
    const links = siteLinkProblems(graph, reading.site, reading.input, { root, projectRoot }, options);
    problems.push(...links.problems);
    images = links.images;
  }
  return {
    problems,
    ...(reading.site ? { site: reading.site } : {}),
    ...(graph && problems.length === 0 ? { graph } : {}),
    ...(images ? { images } : {}),
    files,
  };
}

/**
 * {@link checkContent}, then, once the graph is valid, every local image the briefings show is
 * read whole (images.ts), with the briefings' other problems: a damaged image would otherwise be
 * published as it is, with a warning at most. What builds, the dev server and
 * `npm run check:content` run.
 */
export async function checkContentAndImages(
  root: string,
  projectRoot = process.cwd(),
  options: SiteOptions = siteOptionsFrom(),
): Promise<ContentReport> {
  const report = checkContent(root, projectRoot, options);
  if (!report.images?.length) return report;
  const problems = await imageProblems(report.images);
  if (problems.length === 0) return report;
  const { graph: _graph, ...rest } = report;
  return { ...rest, problems: [...report.problems, ...problems] };
}
