import { existsSync, readdirSync } from 'node:fs';
import { basename, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { glob, type Loader, type LoaderContext } from 'astro/loaders';
import { z } from 'astro/zod';
import { ContentError, describeValue, formatIssues } from '../lib/content/content-errors';
import { parseYaml, splitMdx } from '../lib/content/documents';
import { projectDir } from '../lib/content/locations';
import { displayPath, lineOf } from '../lib/content/paths';
import { settledWatcher } from '../lib/content/settled-watcher';
import { briefingProblems } from '../lib/graph/briefing-policy';
import { toAstroError } from './astro-error';
import { buildStopped } from '../lib/content/check-report';
import { offeredContentCheck } from '../lib/content/check-offer';
import { ID_PATTERN } from '../schemas/common';

interface Options {
  /** Folder of the collection, relative to the project root or absolute. */
  base: string;
  /** File extensions to load, e.g. `['yaml', 'yml']`. */
  extensions: string[];
  /** The collection's schema, checked first so mistakes read as one line per problem. */
  schema: z.core.$ZodType;
}

interface EntryType {
  getEntryInfo(params: { contents: string; fileUrl: URL }): Promise<unknown> | unknown;
}

function fail(error: ContentError, file?: string): never {
  throw toAstroError(error, file);
}

/**
 * Astro's `glob()` loader, stricter: the file name is the id (lowercase, hyphens), two files may
 * not share an id, and malformed YAML or invalid fields stop the build with one line per problem
 * naming the file and field (Astro's own messages are multi-line and omit what was found); an
 * MDX body that is not valid MDX or breaks the briefing policy stops it too, one line per problem.
 */
export function validatedGlob({ base, extensions, schema }: Options): Loader {
  const stripExtension = new RegExp(`\\.(?:${extensions.join('|')})$`);
  const inner = glob({
    base,
    pattern: extensions.length === 1 ? `*.${extensions[0]}` : `*.{${extensions.join(',')}}`,
    generateId: ({ entry }) => entry.replace(stripExtension, ''),
  });
  const load = async (context: LoaderContext) => {
    const root = projectDir(context.config.srcDir);
    const shown = (file: string) => displayPath(root, file);
    // Astro's entry paths are relative to its root, which may be a folder of its own (ASTRO_ROOT_ENV).
    const astroRoot = fileURLToPath(context.config.root);

    // Two files with one id (catl.yaml and catl.yml) would silently shadow each other.
    const folder = resolve(root, base);
    const byId = new Map<string, string>();
    for (const file of existsSync(folder) ? readdirSync(folder).sort() : []) {
      if (!stripExtension.test(file)) continue;
      const id = file.replace(stripExtension, '');
      const other = byId.get(id);
      if (other) {
        fail(
          new ContentError([
            `${shown(join(folder, file))}: (file name): expected a unique id, found "${id}", which ${shown(join(folder, other))} already uses. Rename or remove one of them.`,
          ]),
          join(folder, file),
        );
      }
      byId.set(id, file);
    }

    // Briefing bodies are checked here, before Astro compiles any of them (which happens before
    // the graph is built), so a dev server names every body problem of every briefing at once,
    // one line each, instead of a compiler stack trace for the first one. (A build checks all
    // content before it starts: src/integrations/content-check.ts.) While the collection loads
    // problems are collected; later (a file changed in dev) they stop the load at once.
    const bodyProblems = new Map<string, string[]>();
    let loading = true;
    const checkBody = (path: string, contents: string, body: string) => {
      const problems = briefingProblems(body, { file: shown(path), bodyLine: lineOf(contents, body) });
      if (problems.length === 0) return;
      if (!loading) fail(new ContentError(problems), path);
      bodyProblems.set(path, problems);
    };

    // Every file is read the way the content check reads it (documents.ts): YAML's core
    // schema, so an unquoted impossible date stays text and fails its field instead of
    // becoming another day; briefings' frontmatter likewise.
    const readFile = (params: { contents: string; fileUrl: URL }) => {
      const file = fileURLToPath(params.fileUrl);
      const problem = (where: string, message: string) =>
        fail(new ContentError([`${shown(file)}: ${where}: ${message}.`]), file);
      if (!file.endsWith('.mdx')) {
        const data = parseYaml(params.contents.replace(/^\uFEFF/, ''));
        if (!data.ok) return problem(data.problem.where, data.problem.message);
        return { data: data.value ?? {}, rawData: params.contents };
      }
      const mdx = splitMdx(params.contents);
      if (!mdx.ok) return problem(mdx.problem.where, mdx.problem.message);
      const data = parseYaml(mdx.value.frontmatter, mdx.value.frontmatterLine);
      if (!data.ok) return problem(data.problem.where, data.problem.message);
      const body = mdx.value.body.trim();
      checkBody(file, params.contents, body);
      return { data: data.value ?? {}, body, rawData: mdx.value.frontmatter };
    };
    const entryTypes = (context as LoaderContext & { entryTypes?: Map<string, EntryType> }).entryTypes;
    const guardedEntryTypes = entryTypes
      ? new Map([...entryTypes].map(([ext, type]) => [ext, { ...type, getEntryInfo: readFile }]))
      : undefined;

    await inner.load({
      ...context,
      ...(guardedEntryTypes ? { entryTypes: guardedEntryTypes } : {}),
      // `astro dev`: a file saved by truncating and writing is read again once the save is done.
      ...(context.watcher ? { watcher: settledWatcher(context.watcher) } : {}),
      parseData: async (props) => {
        const file = props.filePath ? shown(resolve(astroRoot, props.filePath)) : `${base}/${props.id}`;
        if (!ID_PATTERN.test(props.id)) {
          fail(
            new ContentError([
              `${file}: (file name): expected a file name that is the id, in lowercase letters, digits and hyphens (such as "lg-energy-solution"), found ${describeValue(basename(file))}.`,
            ]),
          );
        }
        const result = await z.safeParseAsync(schema, props.data);
        if (!result.success)
          fail(new ContentError(formatIssues(file, result.error.issues, props.data, schema)), props.filePath);
        return context.parseData(props);
      },
    });
    loading = false;
    if (bodyProblems.size > 0) {
      const paths = [...bodyProblems.keys()].sort();
      fail(
        new ContentError(
          paths.flatMap((path) => bodyProblems.get(path)!),
          'Briefings hold Markdown and the site’s components, nothing else; fix the lines above.',
        ),
        paths.length === 1 ? paths[0] : undefined,
      );
    }
  };
  return {
    name: 'briefing-validated-glob',
    load: async (context: LoaderContext) => {
      try {
        await load(context);
      } catch (error) {
        // In a build the content check runs on another thread meanwhile
        // (src/lib/content/check-thread.ts): what it found, every problem at once, is what stops
        // the build, not the first file that failed to load.
        const outcome = await offeredContentCheck()?.catch(() => undefined);
        if (outcome && outcome.problems.length > 0) throw toAstroError(buildStopped(outcome.problems));
        throw error;
      }
    },
  };
}
