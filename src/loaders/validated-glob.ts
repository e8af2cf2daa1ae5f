import { existsSync, readdirSync } from 'node:fs';
import { basename, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { glob, type Loader, type LoaderContext } from 'astro/loaders';
import { z } from 'astro/zod';
import { ContentError, formatIssues } from '../lib/content/content-errors';
import { displayPath, lineOf } from '../lib/content/paths';
import { briefingProblems } from '../lib/graph/briefing-policy';
import { toAstroError } from './astro-error';
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
  return {
    name: 'briefing-validated-glob',
    load: async (context: LoaderContext) => {
      const root = fileURLToPath(context.config.root);
      const shown = (file: string) => displayPath(root, file);

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
      // the graph is built), so a build names every body problem of every briefing at once, one
      // line each, instead of a compiler stack trace for the first one. While the collection
      // loads they are collected; later (a file changed in dev) they stop the load at once.
      const bodyProblems = new Map<string, string[]>();
      let loading = true;
      const checkBody = (fileUrl: URL, contents: string, info: unknown) => {
        const body = (info as { body?: unknown } | undefined)?.body;
        if (typeof body !== 'string') return;
        const path = fileURLToPath(fileUrl);
        const problems = briefingProblems(body, { file: shown(path), bodyLine: lineOf(contents, body) });
        if (problems.length === 0) return;
        if (!loading) fail(new ContentError(problems), path);
        bodyProblems.set(path, problems);
      };

      const entryTypes = (context as LoaderContext & { entryTypes?: Map<string, EntryType> }).entryTypes;
      const guardedEntryTypes = entryTypes
        ? new Map(
            [...entryTypes].map(([ext, type]) => [
              ext,
              {
                ...type,
                getEntryInfo: async (params: { contents: string; fileUrl: URL }) => {
                  let info: unknown;
                  try {
                    info = await type.getEntryInfo(params);
                  } catch (error) {
                    // Astro's YAML/frontmatter errors carry the position in `loc` and repeat the path in the message.
                    const { message, loc } = error as Error & { loc?: { line?: number; column?: number } };
                    const detail = (message.split('\n').find((line) => line.trim()) ?? String(error))
                      .replace(/^.*?failed to parse:\s*/, '')
                      .replace(/\*\*/g, '')
                      .trim();
                    const where = loc?.line
                      ? `line ${loc.line}${loc.column ? `, column ${loc.column}` : ''}`
                      : '(syntax)';
                    const kind = ext === '.mdx' ? 'MDX frontmatter' : 'YAML';
                    fail(
                      new ContentError([
                        `${shown(fileURLToPath(params.fileUrl))}: ${where}: expected valid ${kind}, found a syntax error: ${detail.replace(/\.$/, '')}.`,
                      ]),
                      fileURLToPath(params.fileUrl),
                    );
                  }
                  if (ext === '.mdx') checkBody(params.fileUrl, params.contents, info);
                  return info;
                },
              },
            ]),
          )
        : undefined;

      await inner.load({
        ...context,
        ...(guardedEntryTypes ? { entryTypes: guardedEntryTypes } : {}),
        parseData: async (props) => {
          const file = props.filePath ? shown(props.filePath) : `${base}/${props.id}`;
          if (!ID_PATTERN.test(props.id)) {
            fail(
              new ContentError([
                `${file}: (file name): expected a file name that is the id, in lowercase letters, digits and hyphens (such as "lg-energy-solution"), found "${basename(file)}".`,
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
    },
  };
}
