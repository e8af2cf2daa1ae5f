import { existsSync } from 'node:fs';
import { basename, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { AstroError } from 'astro/errors';
import { glob, type Loader, type LoaderContext } from 'astro/loaders';
import { z } from 'astro/zod';
import { ContentError, formatIssues } from '../lib/content-errors';
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

/** Rethrows a content mistake as an AstroError, the shape Astro prints without a stack. */
function fail(error: ContentError): never {
  throw new AstroError(error.message, error.hint ?? 'Fix the field named above; the build publishes nothing until every file is valid.');
}

/**
 * Astro's `glob()` loader, stricter: the file name is the id (lowercase, hyphens), two files may
 * not share an id, and malformed YAML or invalid fields stop the build with one line per problem
 * naming the file and field (Astro's own messages are multi-line and omit what was found).
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
      const shown = (file: string) => relative(root, file);
      const files = new Map<string, string>();

      const entryTypes = (context as LoaderContext & { entryTypes?: Map<string, EntryType> }).entryTypes;
      const guardedEntryTypes = entryTypes
        ? new Map(
            [...entryTypes].map(([ext, type]) => [
              ext,
              {
                ...type,
                getEntryInfo: async (params: { contents: string; fileUrl: URL }) => {
                  try {
                    return await type.getEntryInfo(params);
                  } catch (error) {
                    const detail = (error as Error).message.split('\n').find((line) => line.trim()) ?? String(error);
                    fail(new ContentError([`${shown(fileURLToPath(params.fileUrl))}: (syntax): expected valid ${ext.slice(1).toUpperCase()}, found an error: ${detail.trim()}`]));
                  }
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
          const earlier = files.get(props.id) ?? context.store.get(props.id)?.filePath;
          if (earlier && resolve(root, earlier) !== props.filePath && existsSync(resolve(root, earlier))) {
            fail(
              new ContentError([
                `${file}: (file name): expected a unique id, found "${props.id}", which ${shown(resolve(root, earlier))} already uses. Rename or remove one of them.`,
              ]),
            );
          }
          if (props.filePath) files.set(props.id, props.filePath);
          const result = await z.safeParseAsync(schema, props.data);
          if (!result.success) fail(new ContentError(formatIssues(file, result.error.issues, props.data, schema)));
          return context.parseData(props);
        },
      });
    },
  };
}
