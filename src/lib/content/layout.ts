import { readdirSync, type Dirent } from 'node:fs';
import { join } from 'node:path';
import { ENTITY_COLLECTIONS, ID_PATTERN, type EntityCollection } from '../../schemas/common';
import { IMAGE_EXTENSIONS } from '../graph/briefing-policy';

/**
 * What a content root may hold, and the one rule for which files become entries. Nothing under
 * the root is ignored silently: every file either loads as documented here or is reported.
 *
 * ```
 * site.yaml                 the beat's title and vocabulary
 * companies/<id>.yaml       one file per entry (.yaml or .yml); likewise people/, deals/, quotes/,
 *                           events/, sources/
 * briefings/<id>.mdx        one MDX file per briefing
 * briefings/<name>.png      images the briefings show (also .jpg, .jpeg, .gif, .webp, .avif)
 * .anything                 hidden files and folders (.DS_Store, .gitkeep, editor swap files)
 *                           are skipped, as git and editors treat them
 * docs/, i18n/              only in the project's own src/content: Starlight's product pages and
 *                           interface strings, which Starlight loads
 * ```
 */

/** The site's own settings file at the content root. */
export const SITE_FILE = 'site.yaml';

/** File extensions each collection loads, in lower case. */
export const COLLECTION_EXTENSIONS: Record<EntityCollection, readonly string[]> = {
  companies: ['yaml', 'yml'],
  people: ['yaml', 'yml'],
  deals: ['yaml', 'yml'],
  quotes: ['yaml', 'yml'],
  events: ['yaml', 'yml'],
  sources: ['yaml', 'yml'],
  briefings: ['mdx'],
};

/** One file that becomes one entry. */
export interface ContentFile {
  collection: EntityCollection;
  id: string;
  /** Absolute path. */
  path: string;
}

/** A file or folder that cannot load, with the reason as "expected …, found …". */
export interface LayoutProblem {
  path: string;
  field: string;
  message: string;
}

function isHidden(name: string): boolean {
  return name.startsWith('.');
}

function list(dir: string): Dirent[] {
  try {
    return readdirSync(dir, { withFileTypes: true }).sort((a, b) => a.name.localeCompare(b.name));
  } catch {
    return [];
  }
}

function expectedFile(collection: EntityCollection): string {
  const extensions = COLLECTION_EXTENSIONS[collection];
  return extensions.length === 1
    ? `a .${extensions[0]} file`
    : `a file ending in ${extensions.map((e) => `.${e}`).join(' or ')}`;
}

/** True for an image a briefing may show (a file beside the briefings). */
function isBriefingImage(collection: EntityCollection, name: string): boolean {
  const extension = name.slice(name.lastIndexOf('.') + 1);
  return collection === 'briefings' && (IMAGE_EXTENSIONS as readonly string[]).includes(extension);
}

/** Why `name` in a collection folder is not an entry file, or undefined when it is one. */
function fileNameProblem(collection: EntityCollection, name: string): string | undefined {
  const extensions = COLLECTION_EXTENSIONS[collection];
  const dot = name.lastIndexOf('.');
  const extension = dot > 0 ? name.slice(dot + 1) : '';
  if (extensions.includes(extension)) return undefined;
  const found = `found "${name}"`;
  if (extensions.includes(extension.toLowerCase())) {
    return `expected ${expectedFile(collection)} (the extension in lower case), ${found}; rename it to "${name.slice(0, dot)}.${extension.toLowerCase()}"`;
  }
  if (/[~#]$|\.(bak|orig|swp|tmp)$/i.test(name)) {
    return `expected ${expectedFile(collection)}, ${found}, which looks like an editor backup; delete it`;
  }
  if (collection === 'briefings' && /^(md|markdown|json|ya?ml)$/i.test(extension)) {
    return `expected a briefing in MDX (a .mdx file with YAML frontmatter), ${found}; rename it to "${name.slice(0, dot)}.mdx"`;
  }
  return `expected ${expectedFile(collection)}, ${found}; move or delete it`;
}

/**
 * Every entry file of a content root, and every file or folder that is not one. File names are
 * ids: lowercase letters, digits and single hyphens; two files may not share one.
 */
export function contentFiles(
  root: string,
  /** How messages show a path (relative to the project). */
  show: (path: string) => string = (path) => path,
  /** Folders Starlight itself loads from this root (docs/, i18n/ in the project's src/content). */
  starlightFolders: readonly string[] = [],
): { files: ContentFile[]; problems: LayoutProblem[] } {
  const files: ContentFile[] = [];
  const problems: LayoutProblem[] = [];
  const folders = new Set<string>([...ENTITY_COLLECTIONS, ...starlightFolders]);
  for (const entry of list(root)) {
    if (isHidden(entry.name)) continue;
    const path = join(root, entry.name);
    if (entry.isDirectory() && folders.has(entry.name)) continue;
    if (entry.isFile() && entry.name === SITE_FILE) continue;
    const kind = entry.isDirectory() ? 'a folder' : 'a file';
    problems.push({
      path,
      field: '(file)',
      message: `expected only ${SITE_FILE} and the folders ${ENTITY_COLLECTIONS.map((c) => `${c}/`).join(', ')} at the content root, found ${kind} "${entry.name}"`,
    });
  }
  for (const collection of ENTITY_COLLECTIONS) {
    const folder = join(root, collection);
    const byId = new Map<string, string>();
    for (const entry of list(folder)) {
      if (isHidden(entry.name)) continue;
      const path = join(folder, entry.name);
      if (!entry.isFile()) {
        problems.push({
          path,
          field: '(file)',
          message: `expected only files in ${collection}/ (${expectedFile(collection)} per entry), found a folder "${entry.name}"; move its files up or delete it`,
        });
        continue;
      }
      if (isBriefingImage(collection, entry.name)) continue;
      const wrongName = fileNameProblem(collection, entry.name);
      if (wrongName) {
        problems.push({ path, field: '(file name)', message: wrongName });
        continue;
      }
      const id = entry.name.slice(0, entry.name.lastIndexOf('.'));
      if (!ID_PATTERN.test(id)) {
        problems.push({
          path,
          field: '(file name)',
          message: `expected a file name that is the id, in lowercase letters, digits and hyphens (such as "lg-energy-solution"), found "${entry.name}"`,
        });
        continue;
      }
      const other = byId.get(id);
      if (other) {
        problems.push({
          path,
          field: '(file name)',
          message: `expected a unique id, found "${id}", which ${show(other)} already uses. Rename or remove one of them`,
        });
        continue;
      }
      byId.set(id, path);
      files.push({ collection, id, path });
    }
  }
  return { files, problems };
}
