import { mkdirSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, describe, expect, test } from 'vitest';
import { linkPageCache, type PageCacheMethods, type PageCacheSettings } from '../../../src/lib/build/page-cache';
import { astroIncrementalModule } from '../../../src/integrations/page-cache-links';

// Astro's incremental build cache, with its pages linked instead of copied: the same files at the
// same places, and no build ever writes into a file another build published.

const work = mkdtempSync(join(tmpdir(), 'page-cache-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));
let runs = 0;

const file = astroIncrementalModule(pathToFileURL(`${process.cwd()}/`));
const source = readFileSync(file, 'utf8');

type Cache = PageCacheMethods & { deleteOutputFile(settings: PageCacheSettings, outputFile: string): Promise<void> };
type CacheClass = { prototype: Cache; new (...args: unknown[]): Cache };

/**
 * A fresh copy of the installed Astro's module (it imports only node:fs), so each test patches its
 * own class; under a node_modules folder, so that Node loads it as Astro's is loaded, untransformed.
 */
async function freshModule(code = source): Promise<CacheClass> {
  const copy = join(work, 'node_modules', `incremental-${runs++}.mjs`);
  mkdirSync(join(work, 'node_modules'), { recursive: true });
  writeFileSync(copy, code);
  return ((await import(pathToFileURL(copy).href)) as { IncrementalBuildCache: CacheClass }).IncrementalBuildCache;
}

/** A build's folders: its output, and the cache folder all builds share. */
function build(name: string, cacheDir = join(work, 'cache')): PageCacheSettings & { out: string; cache: string } {
  const out = join(work, name);
  mkdirSync(out, { recursive: true });
  return {
    out,
    cache: cacheDir,
    config: { outDir: pathToFileURL(`${out}/`), cacheDir: pathToFileURL(`${cacheDir}/`) },
  };
}

/** Writes a page as Astro does, then hands it to the cache as Astro does. */
async function render(cache: Cache, settings: ReturnType<typeof build>, page: string, body: string) {
  mkdirSync(join(settings.out, page, '..'), { recursive: true });
  writeFileSync(join(settings.out, page), body);
  await cache.writeOutputFile(settings, page, body);
}

const inode = (path: string) => statSync(path).ino;

describe('linkPageCache', () => {
  test("applies to the installed Astro's incremental cache", async () => {
    expect(linkPageCache(await freshModule(), source)).toBe(true);
  });

  test('keeps a rendered page by linking it; a later build’s copy never changes a published page', async () => {
    const Cache = await freshModule();
    linkPageCache(Cache, source);
    const cacheDir = join(work, 'cache-a');
    const first = build('first', cacheDir);
    await render(new Cache(), first, 'companies/acme/index.html', '<p>Acme</p>');
    const kept = join(cacheDir, 'dist/companies/acme/index.html');
    expect(inode(kept)).toBe(inode(join(first.out, 'companies/acme/index.html')));

    // The next build renders the page again with other bytes.
    const second = build('second', cacheDir);
    await render(new Cache(), second, 'companies/acme/index.html', '<p>Acme Corp</p>');
    expect(readFileSync(kept, 'utf8')).toBe('<p>Acme Corp</p>');
    expect(inode(kept)).toBe(inode(join(second.out, 'companies/acme/index.html')));
    expect(readFileSync(join(first.out, 'companies/acme/index.html'), 'utf8')).toBe('<p>Acme</p>');

    // A third build skips it: the kept file is linked into its output.
    const third = build('third', cacheDir);
    const destination = pathToFileURL(join(third.out, 'companies/acme/index.html'));
    expect(await new Cache().restoreOutputFile(third, 'companies/acme/index.html', destination)).toBe(true);
    expect(readFileSync(destination, 'utf8')).toBe('<p>Acme Corp</p>');
    expect(inode(join(third.out, 'companies/acme/index.html'))).toBe(inode(kept));
    // Nothing kept: not restored (Astro renders the page).
    const missing = pathToFileURL(join(third.out, 'people/nobody/index.html'));
    expect(await new Cache().restoreOutputFile(third, 'people/nobody/index.html', missing)).toBe(false);
    // Astro's own removal of a stale copy still works.
    await new Cache().deleteOutputFile(third, 'companies/acme/index.html');
    expect(() => statSync(kept)).toThrow();
    expect(readFileSync(destination, 'utf8')).toBe('<p>Acme Corp</p>');
  });

  test('copies as Astro does where links cannot be made, or when the output does not hold the page', async () => {
    const Cache = await freshModule();
    const acrossDisks = async () => {
      throw Object.assign(new Error('EXDEV: cross-device link not permitted'), { code: 'EXDEV' });
    };
    linkPageCache(Cache, source, acrossDisks);
    const cacheDir = join(work, 'cache-b');
    const one = build('one', cacheDir);
    await render(new Cache(), one, 'index.html', '<h1>Home</h1>');
    const kept = join(cacheDir, 'dist/index.html');
    expect(readFileSync(kept, 'utf8')).toBe('<h1>Home</h1>');
    expect(inode(kept)).not.toBe(inode(join(one.out, 'index.html')));
    const two = build('two', cacheDir);
    const destination = pathToFileURL(join(two.out, 'index.html'));
    expect(await new Cache().restoreOutputFile(two, 'index.html', destination)).toBe(true);
    expect(readFileSync(destination, 'utf8')).toBe('<h1>Home</h1>');
    expect(inode(join(two.out, 'index.html'))).not.toBe(inode(kept));

    // The output's file is not the body handed to the cache: the body is kept, not the file.
    const Linking = await freshModule();
    linkPageCache(Linking, source);
    const three = build('three', join(work, 'cache-c'));
    writeFileSync(join(three.out, 'index.html'), 'something else');
    await new Linking().writeOutputFile(three, 'index.html', '<h1>Home</h1>');
    expect(readFileSync(join(work, 'cache-c/dist/index.html'), 'utf8')).toBe('<h1>Home</h1>');
  });

  test('leaves a module it was not written for as it is; patching twice changes nothing more', async () => {
    const Cache = await freshModule();
    const { writeOutputFile, restoreOutputFile } = Cache.prototype;
    const moved = source.replace('const INCREMENTAL_OUTPUT_DIR = "dist/";', 'const INCREMENTAL_OUTPUT_DIR = "pages/";');
    expect(linkPageCache(Cache, moved)).toBe(false);
    const renamed = await freshModule(
      source.replace('writeFile(cachedOutputFile, body)', 'writeFile(cachedOutputFile, body, "utf8")'),
    );
    expect(linkPageCache(renamed, source)).toBe(false);
    expect(Cache.prototype.writeOutputFile).toBe(writeOutputFile);
    expect(Cache.prototype.restoreOutputFile).toBe(restoreOutputFile);
    expect(linkPageCache(Cache, source)).toBe(true);
    const patched = Cache.prototype.writeOutputFile;
    expect(patched).not.toBe(writeOutputFile);
    expect(linkPageCache(Cache, source)).toBe(true);
    expect(Cache.prototype.writeOutputFile).toBe(patched);
  });
});
