import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createHash } from 'node:crypto';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { afterAll, describe, expect, test } from 'vitest';
import { scanPage } from '../../../src/lib/build/link-check';
import { encodeScanCache, linkScanWorkerScript, scanFiles, type ScanCacheFile } from '../../../src/lib/build/link-scan';
import { PROJECT_ROOT } from '../../../scripts/lib/build-site.ts';

const work = mkdtempSync(join(tmpdir(), 'link-scan-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

// Enough pages for two workers; each with its own ids and links, one with a tricky attribute.
const files = Array.from({ length: 450 }, (_, i) => {
  const file = join(work, `page-${i}.html`);
  writeFileSync(
    file,
    `<!doctype html><h1 id="top-${i}">Page ${i}</h1><a name="n${i}"></a>` +
      `<a href="/p/${i + 1}/#top-${i + 1}">next</a><area href="/map/${i}/">` +
      `<script>const s = '<a href="/not-a-link/">';</script><a href="/x/?a=1&amp;b=${i}">amp</a>`,
  );
  return file;
});
const script = linkScanWorkerScript(PROJECT_ROOT);

describe('scanFiles', () => {
  test('on worker threads, finds what a scan on this thread finds, page by page and in order', async () => {
    const expected = files.map((file) => scanPage(readFileSync(file, 'utf8')));
    const scanned = await scanFiles(files, { script, threads: 2 });
    expect(scanned).toEqual(expected);
    expect(scanned[7]).toEqual({ anchors: new Set(['top-7', 'n7']), links: ['/p/8/#top-8', '/map/7/', '/x/?a=1&b=7'] });
  });

  test('a few files are scanned on this thread, with the same result', async () => {
    const few = files.slice(0, 3);
    expect(await scanFiles(few, { script: '/nowhere/worker.ts', threads: 2 })).toEqual(
      few.map((file) => scanPage(readFileSync(file, 'utf8'))),
    );
  });

  test('a page that cannot be read fails the scan, naming it', async () => {
    const missing = [...files.slice(0, 420), join(work, 'gone.html')];
    await expect(scanFiles(missing, { script, threads: 2 })).rejects.toThrow(
      /could not read the built pages[\s\S]*gone\.html/,
    );
  });

  test('with a cache, pages scanned before are not parsed again, and a changed page is', async () => {
    const cacheFile = join(work, 'cache', 'link-scan.json');
    const some = files.slice(0, 430);
    const first = await scanFiles(some, { script, threads: 2, cacheFile });
    expect(existsSync(cacheFile)).toBe(true);
    expect(await scanFiles(some, { script, threads: 2, cacheFile })).toEqual(first);
    // A page whose hash is in the cache is taken from it, not parsed again (the planted entry shows).
    const cache = JSON.parse(readFileSync(cacheFile, 'utf8')) as ScanCacheFile;
    const hash = createHash('sha1').update(readFileSync(some[3]!)).digest('base64url');
    cache.pages[hash] = [[cache.strings.push('planted') - 1], [cache.strings.push('/planted/') - 1]];
    writeFileSync(cacheFile, JSON.stringify(cache));
    const planted = await scanFiles(some, { script, threads: 2, cacheFile });
    expect(planted[3]).toEqual({ anchors: new Set(['planted']), links: ['/planted/'] });
    writeFileSync(cacheFile, JSON.stringify({ ...cache, pages: {} }));
    await scanFiles(some, { script, threads: 2, cacheFile });
    // One page changed: it is scanned again, and its old result leaves the cache.
    const changed = some[5]!;
    const before = readFileSync(changed, 'utf8');
    writeFileSync(changed, '<a id="new" href="/changed/">x</a>');
    try {
      const again = await scanFiles(some, { script, threads: 2, cacheFile });
      expect(again[5]).toEqual({ anchors: new Set(['new']), links: ['/changed/'] });
      expect(again.filter((_, i) => i !== 5)).toEqual(first.filter((_, i) => i !== 5));
      const rewritten = JSON.parse(readFileSync(cacheFile, 'utf8')) as ScanCacheFile;
      expect(Object.keys(rewritten.pages)).toHaveLength(new Set(some.map((f) => readFileSync(f, 'utf8'))).size);
    } finally {
      writeFileSync(changed, before);
    }
  });

  test('with a cache, a file that is the same file as in the last scan is not read again', async () => {
    const cacheFile = join(work, 'identities.json');
    const some = Array.from({ length: 430 }, (_, i) => {
      const file = join(work, `kept-${i}.html`);
      writeFileSync(file, readFileSync(files[i]!));
      return file;
    });
    const report = { parsed: 0 } as { parsed: number; read?: number };
    const first = await scanFiles(some, { script, threads: 2, cacheFile, report });
    expect(report).toMatchObject({ parsed: 430, read: 430 });
    expect(await scanFiles(some, { script, threads: 2, cacheFile, report })).toEqual(first);
    expect(report).toMatchObject({ parsed: 0, read: 0 });

    // Rewritten in place with as many bytes, later: read and parsed again.
    await sleep(20);
    writeFileSync(some[1]!, readFileSync(some[1]!, 'utf8').replace('next', 'NEXT').replace('/p/2/', '/q/2/'));
    // Replaced by a new file with the same bytes (as a build writes a page again): read, not parsed.
    const bytes = readFileSync(some[2]!);
    rmSync(some[2]!);
    writeFileSync(some[2]!, bytes);
    const again = await scanFiles(some, { script, threads: 2, cacheFile, report });
    expect(report).toMatchObject({ parsed: 1, read: 2 });
    expect(again[1]!.links).toContain('/q/2/#top-2');
    expect(again.filter((_, i) => i !== 1)).toEqual(first.filter((_, i) => i !== 1));

    // A file whose page the cache no longer has is read, whatever its identity.
    const cache = JSON.parse(readFileSync(cacheFile, 'utf8')) as ScanCacheFile;
    delete cache.pages[cache.files![some[0]!]![1]];
    writeFileSync(cacheFile, JSON.stringify(cache));
    expect((await scanFiles(some, { script, threads: 2, cacheFile, report }))[0]).toEqual(first[0]);
    expect(report).toMatchObject({ parsed: 1, read: 1 });
  });

  test('a cache from another version of the scanner, or unreadable, is not used', async () => {
    const cacheFile = join(work, 'stale.json');
    const few = files.slice(0, 3);
    const hash = createHash('sha1').update(readFileSync(few[0]!)).digest('base64url');
    const lie = { anchors: ['lie'], links: ['/lie/'] };
    writeFileSync(cacheFile, JSON.stringify({ ...encodeScanCache({ [hash]: lie }), version: 1 }));
    expect((await scanFiles(few, { script, cacheFile }))[0]!.links).not.toContain('/lie/');
    // The same entry in this version's format is used: the version alone kept it out.
    writeFileSync(cacheFile, JSON.stringify(encodeScanCache({ [hash]: lie })));
    expect((await scanFiles(few, { script, cacheFile }))[0]!.links).toEqual(['/lie/']);
    const fresh = few.map((f) => scanPage(readFileSync(f, 'utf8')));
    // An index with no string behind it: the whole cache is set aside.
    writeFileSync(cacheFile, JSON.stringify({ ...encodeScanCache({ [hash]: lie }), strings: ['lie'] }));
    expect(await scanFiles(few, { script, cacheFile })).toEqual(fresh);
    writeFileSync(cacheFile, '{ not json');
    expect(await scanFiles(few, { script, cacheFile })).toEqual(fresh);
  });

  test('the cache file writes each anchor and link once and reads back what was scanned', async () => {
    const cacheFile = join(work, 'interned.json');
    const some = files.slice(0, 40);
    const scanned = await scanFiles(some, { script, cacheFile });
    const cache = JSON.parse(readFileSync(cacheFile, 'utf8')) as ScanCacheFile;
    expect(new Set(cache.strings).size).toBe(cache.strings.length);
    const distinct = new Set(scanned.flatMap((page) => [...page.anchors, ...page.links]));
    expect(new Set(cache.strings)).toEqual(distinct);
    // Read back (every page from the cache), the same anchors and links in the same order.
    expect(await scanFiles(some, { script, cacheFile })).toEqual(scanned);
  });
});
