import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import * as pagefind from 'pagefind';

/** One page as Pagefind indexed it: the text excerpts are cut from, and where its sections start. */
export interface IndexedPage {
  url: string;
  /** The indexed text, as Pagefind reads it (what excerpts show). */
  content: string;
  meta: Record<string, string>;
  /** Elements with an id; headings (`h1`–`h6`) with text start sub-results. */
  anchors: { element: string; id: string; text: string; title?: string }[];
}

/**
 * Every page of a built site's Pagefind index, read from its fragment files (gzip: a
 * `pagefind_dcd` signature, then JSON). No browser needed: this is what the search client loads.
 */
export function indexedPages(dist: string): IndexedPage[] {
  const dir = join(dist, 'pagefind/fragment');
  return readdirSync(dir).map((name) => {
    const text = gunzipSync(readFileSync(join(dir, name))).toString('utf8');
    return JSON.parse(text.slice(text.indexOf('{'))) as IndexedPage;
  });
}

/**
 * Indexes the HTML files under `dir` with Pagefind as the search step does, into `outputPath`;
 * the errors Pagefind reported (none when all went well).
 */
export async function indexWithPagefind(dir: string, outputPath: string): Promise<string[]> {
  try {
    const { index, errors } = await pagefind.createIndex();
    if (!index) return errors;
    const added = await index.addDirectory({ path: dir });
    const written = await index.writeFiles({ outputPath });
    return [...added.errors, ...written.errors];
  } finally {
    await pagefind.close();
  }
}
