import { constants, existsSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { copyFile, link, mkdir, rename, writeFile } from 'node:fs/promises';
import { hash } from 'node:crypto';
import { dirname, join } from 'node:path';

/**
 * The files a build publishes beside its pages, one or more per entity: preview images, JSON
 * documents, company feeds, email snippets. Astro pays a fixed cost for every path a route
 * renders (routing, a response, its own copy for incremental builds, a log line), whatever the
 * file, and these are two thirds of the site's paths. So a build writes them itself, straight from
 * the page list, after Astro has rendered the pages (src/integrations/published-files.ts); the
 * same routes serve them in `astro dev`.
 *
 * A file is either text (JSON documents, feeds and email snippets: strings of data the build
 * holds; made only when no record of an earlier build gives its key, see beside-texts.ts), or a
 * file in a content-addressed store (`FileStore`: the preview images), made only when no earlier
 * build made the same bytes, and hard-linked into the output.
 */
export type PublishedFile =
  /**
   * Text, made when the file is written; with `key` (its key in the text store, as a record of an
   * earlier build says), linked from the store without being made while the store has it.
   */
  | { path: string; key?: string | undefined; text: () => string | Promise<string> }
  /** A stored file: where it is, and whether this build made it. */
  | { path: string; stored: () => Promise<Stored> };

/** A file in a {@link FileStore}: its path, and whether this build made it (rather than reused it). */
export interface Stored {
  file: string;
  made: boolean;
}

/** What {@link writePublishedFiles} did. */
export interface PublishedReport {
  files: number;
  /** Stored files this build made (the others were made by an earlier build). */
  made: number;
  /** Stored files copied because the store and the output are on different disks. */
  copied: number;
  /** With a text store: texts no earlier build had written, so written into the store first. */
  textsNew: number;
  /** With a text store: texts linked by the key a record gave, without being made. */
  textsKept: number;
}

/** The key of a text in a text store: a hash of its bytes. */
export function textKey(text: string): string {
  return hash('sha256', text, 'base64url');
}

/** Why a hard link may fail where a copy would do: another disk, links not allowed, too many links. */
const UNLINKABLE = new Set(['EXDEV', 'EPERM', 'EMLINK']);

/**
 * Links `source` at `target` with `linkFile`: false where links cannot be made ({@link UNLINKABLE}),
 * so the caller copies or writes instead; any other error is thrown.
 */
export async function linkIfPossible<P>(
  source: P,
  target: P,
  linkFile: (source: P, target: P) => Promise<void>,
): Promise<boolean> {
  try {
    await linkFile(source, target);
    return true;
  } catch (error) {
    if (UNLINKABLE.has((error as NodeJS.ErrnoException).code ?? '')) return false;
    throw error;
  }
}

/** Numbers each temporary file this process writes, so two writes of one key never share one. */
let temporaryFiles = 0;

/**
 * A folder of files named by a key that is a hash of everything that makes their bytes: a key's
 * file, once written, never changes, so it can be linked into any build's output.
 */
export class FileStore {
  constructor(
    readonly dir: string,
    /** File name extension of every stored file, with its dot (".png"). */
    readonly ext = '',
  ) {}

  file(key: string): string {
    return join(this.dir, `${key}${this.ext}`);
  }

  has(key: string): boolean {
    return existsSync(this.file(key));
  }

  read(key: string): Buffer {
    return readFileSync(this.file(key));
  }

  /**
   * Stores a file. Asynchronous, so that many writes wait on the disk together, not one after
   * another on the thread that renders (14,000 texts at 10,000 pages).
   */
  async write(key: string, bytes: Uint8Array | string): Promise<void> {
    await mkdir(this.dir, { recursive: true });
    // Write then rename, so a concurrent build never reads half a file.
    const partial = `${this.file(key)}.${process.pid}-${temporaryFiles++}.tmp`;
    await writeFile(partial, bytes);
    await rename(partial, this.file(key));
  }

  /**
   * Stores a complete file that is already written elsewhere on the same disk, as `key`, by linking
   * it (one step, so no one ever reads half of it). True when linked or when the store already had
   * the key (its bytes are the same, the key says so); false when the file cannot be linked
   * (another disk, or no links there): write it then.
   */
  async adopt(
    key: string,
    file: string,
    linkFile: (source: string, target: string) => Promise<void> = link,
  ): Promise<boolean> {
    await mkdir(this.dir, { recursive: true });
    try {
      return await linkIfPossible(file, this.file(key), linkFile);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'EEXIST') return true;
      throw error;
    }
  }

  /** The keys of the stored files (none when the folder does not exist). */
  keys(): string[] {
    try {
      return readdirSync(this.dir)
        .filter((name) => name.endsWith(this.ext) && !name.endsWith('.tmp'))
        .map((name) => name.slice(0, name.length - this.ext.length));
    } catch {
      return [];
    }
  }

  /** Deletes stored files whose key is not in `keep` (of content that changed or went). */
  prune(keep: ReadonlySet<string>): number {
    let removed = 0;
    let names: string[] = [];
    try {
      names = readdirSync(this.dir);
    } catch {
      return 0;
    }
    for (const name of names) {
      if (name.endsWith(this.ext) && !keep.has(name.slice(0, name.length - this.ext.length))) {
        rmSync(join(this.dir, name), { force: true });
        removed++;
      }
    }
    return removed;
  }
}

/**
 * The file of a URL path of the site under `outDir`: `/base/companies/acme.json` →
 * `<outDir>/companies/acme.json` for the base `/base/`, each segment URL-decoded. Throws on a path
 * that is not a plain file path under the base (an empty, `.` or `..` segment, or a segment that
 * decodes to a slash, backslash or NUL): a published file never lands outside the output folder.
 */
export function outputFile(outDir: string, path: string, base = '/'): string {
  const root = base.endsWith('/') ? base : `${base}/`;
  const wrong = () => new Error(`Not a file path of the site under ${root}: ${JSON.stringify(path)}.`);
  if (!path.startsWith(root)) throw wrong();
  let segments: string[];
  try {
    segments = path.slice(root.length).split('/').map(decodeURIComponent);
  } catch {
    throw wrong();
  }
  if (segments.some((s) => s === '' || s === '.' || s === '..' || /[/\\\0]/.test(s))) throw wrong();
  return join(outDir, ...segments);
}

/** Runs `task` on every item, at most `limit` at a time. */
async function eachLimited<T>(items: readonly T[], limit: number, task: (item: T) => Promise<void>): Promise<void> {
  let next = 0;
  const worker = async () => {
    while (next < items.length) await task(items[next++]!);
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
}

/**
 * Writes every file into `outDir`: text as UTF-8, a stored file as a hard link to the store (a
 * copy when the store is on another disk). A file may not take a path already taken, by a page
 * Astro wrote or by another file of the list: the build fails and names the path.
 *
 * With `texts`, text is stored too, by a hash of its bytes (a new text is written where it is
 * published and linked into the store), and linked: most texts are the same as
 * the last build's, and a link costs a quarter of writing a file (24,000 small files: 0.35 s
 * against 1.0–1.5 s here) and leaves no data for the disk to write. Texts no file of this build
 * has are removed from the store afterwards. A text whose key a record gave (see beside-texts.ts)
 * is linked without being made while the store has that key.
 */
export async function writePublishedFiles(
  outDir: string,
  files: readonly PublishedFile[],
  {
    base = '/',
    concurrency = 16,
    linkFile = link,
    texts,
  }: {
    /** The site's base path (Astro's `base`), which every file's path starts with. */
    base?: string;
    concurrency?: number;
    /** How a stored file is linked into the output (a test may make it fail as across disks). */
    linkFile?: (source: string, target: string) => Promise<void>;
    /** A store for the texts, kept between builds (see above); without, every text is written. */
    texts?: FileStore;
  } = {},
): Promise<PublishedReport> {
  const targets = files.map((f) => outputFile(outDir, f.path, base));
  const seen = new Set<string>();
  for (const [i, target] of targets.entries()) {
    if (seen.has(target)) throw new Error(`Two published files at ${files[i]!.path}.`);
    seen.add(target);
  }
  const folders = new Map<string, Promise<unknown>>();
  const folder = (dir: string) => {
    let made = folders.get(dir);
    if (!made) folders.set(dir, (made = mkdir(dir, { recursive: true })));
    return made;
  };
  const report: PublishedReport = { files: files.length, made: 0, copied: 0, textsNew: 0, textsKept: 0 };
  const place = async (source: string, target: string) => {
    if (await linkIfPossible(source, target, linkFile)) return;
    await copyFile(source, target, constants.COPYFILE_EXCL);
    report.copied++;
  };
  const stored = new Set(texts ? texts.keys() : []);
  const used = new Set<string>();
  const writing = new Map<string, Promise<void>>();
  const write = async (i: number) => {
    const file = files[i]!;
    const target = targets[i]!;
    await folder(dirname(target));
    try {
      if ('text' in file) {
        if (texts && file.key !== undefined && stored.has(file.key)) {
          report.textsKept++;
          used.add(file.key);
          await place(texts.file(file.key), target);
          return;
        }
        const text = await file.text();
        if (!texts) {
          await writeFile(target, text, { flag: 'wx' });
          return;
        }
        const key = textKey(text);
        used.add(key);
        if (!stored.has(key) && !writing.has(key)) {
          report.textsNew++;
          // Written where it is published, then linked into the store: one file made, not two.
          const written = writeFile(target, text, { flag: 'wx' }).then(async () => {
            if (!(await texts.adopt(key, target, linkFile))) await texts.write(key, text);
          });
          writing.set(key, written);
          await written;
          return;
        }
        // Another file with the same text may be writing it: linked once it is stored.
        await writing.get(key);
        await place(texts.file(key), target);
        return;
      }
      const { file: source, made } = await file.stored();
      if (made) report.made++;
      await place(source, target);
    } catch (error) {
      // EEXIST from the store itself (a file where its folder should be) is not about this path.
      if ((error as NodeJS.ErrnoException).code === 'EEXIST' && existsSync(target)) {
        throw new Error(`A page and a published file both want ${file.path}.`);
      }
      throw error;
    }
  };
  // Texts and stored files in two queues: a stored file may wait for its card to be drawn (the
  // last ones are drawn after the pages), and the texts need not wait behind it.
  const [textFiles, storedFiles]: [number[], number[]] = [[], []];
  for (const [i, file] of files.entries()) ('text' in file ? textFiles : storedFiles).push(i);
  await Promise.all([eachLimited(textFiles, concurrency, write), eachLimited(storedFiles, concurrency, write)]);
  texts?.prune(used);
  return report;
}

const OFFERED = Symbol.for('briefing.published-files');
const RENDERED = Symbol.for('briefing.pages-rendered');

/** The global slots of {@link offerPublishedFiles} and {@link whenPagesRendered}. */
const slot = globalThis as { [OFFERED]?: Promise<PublishedFile[]>; [RENDERED]?: (() => void)[] };

/**
 * Registers what to do once Astro has rendered every page and its thread is free (the card pool
 * then draws the cards still waiting on that core too). Through a global slot, as the offer below.
 */
export function whenPagesRendered(callback: () => void): void {
  (slot[RENDERED] ??= []).push(callback);
}

/** Says Astro has rendered every page: runs what {@link whenPagesRendered} registered, once. */
export function pagesRendered(): void {
  const callbacks = slot[RENDERED] ?? [];
  delete slot[RENDERED];
  for (const callback of callbacks) callback();
}

/**
 * Offers this build's published files to the integration that writes them. The list is made in
 * Astro's prerendering code, which the integration cannot import (it is bundled apart), but both
 * run in the same process: the offer goes through a global slot under a registered symbol.
 */
export function offerPublishedFiles(files: Promise<PublishedFile[]>): void {
  // The integration awaits it; until then a failure must not count as unhandled.
  files.catch(() => undefined);
  slot[OFFERED] = files;
}

/** Takes the offered files (see {@link offerPublishedFiles}), leaving the slot empty. */
export function takePublishedFiles(): Promise<PublishedFile[]> | undefined {
  const files = slot[OFFERED];
  delete slot[OFFERED];
  return files;
}
