import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, test } from 'vitest';
import { scanPage } from '../../../src/lib/build/link-check';
import {
  currentPrescan,
  isScannablePage,
  linkPrescanWorkerScript,
  setCurrentPrescan,
  startPrescan,
} from '../../../src/lib/build/link-prescan';
import { decodeScanCache, htmlHash, linkScanWorkerScript, scanFiles } from '../../../src/lib/build/link-scan';
import { searchExtract } from '../../../src/lib/build/search-extract';
import { PROJECT_ROOT } from '../../../scripts/lib/build-site.ts';

const work = mkdtempSync(join(tmpdir(), 'link-prescan-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

const prescanScript = linkPrescanWorkerScript(PROJECT_ROOT);
const scanScript = linkScanWorkerScript(PROJECT_ROOT);

const utf8 = (text: string) => new TextEncoder().encode(text);

/** A page with its own ids and links, one of them with an entity in its URL and one in a script. */
const page = (i: number) =>
  `<!doctype html><html lang="en"><main data-pagefind-body><h1 id="top-${i}">Page ${i} — ü</h1><a name="n${i}"></a>` +
  `<a href="/p/${i + 1}/#top-${i + 1}">next</a><script>const s = '<a href="/not-a-link/">';</script>` +
  `<a href="/x/?a=1&amp;b=${i}">amp</a></main></html>`;

describe('the link check’s prescan of rendered pages', () => {
  test('finds in each page handed over what a scan of its file finds, kept by the hash of its bytes', async () => {
    const folder = join(work, 'extracts');
    const prescan = startPrescan(prescanScript, { extractsFolder: folder });
    // 30 pages: a full batch handed over while they are added, the rest when the prescan finishes.
    const pages = Array.from({ length: 30 }, (_, i) => page(i));
    const handed = pages.map(utf8);
    handed.forEach((bytes, i) => prescan.add(bytes, i === 0 ? '/' : `/p/${i}/`));
    expect(prescan.added).toBe(30);
    // The page's own bytes stay whole (the worker gets a copy): Astro writes them next.
    expect(handed.map((bytes) => new TextDecoder().decode(bytes))).toEqual(pages);
    const { scanned: found, extracts } = await prescan.finish();
    const scanned = decodeScanCache(found);
    expect(Object.keys(scanned)).toHaveLength(30);
    for (const html of pages) {
      const expected = scanPage(html);
      // The hash of the bytes Astro writes: a file with this HTML has this key.
      expect(scanned[htmlHash(Buffer.from(html, 'utf8'))]).toEqual({
        anchors: [...expected.anchors],
        links: expected.links,
      });
    }
    // And the part of each the search step reads, cut as the search step would cut it, written at
    // the page's file in the folder, with the hash of the HTML it was cut from.
    pages.forEach((html, i) => {
      const file = i === 0 ? 'index.html' : `p/${i}/index.html`;
      expect(extracts.get(file)).toBe(htmlHash(html));
      expect(readFileSync(join(folder, file), 'utf8')).toBe(searchExtract(html));
      expect(searchExtract(html)).toContain(`>Page ${i} — ü</h1>`);
    });
    expect(extracts.size).toBe(30);
  });

  test('without a folder, no extract is written', async () => {
    const prescan = startPrescan(prescanScript);
    prescan.add(utf8(page(1)), '/p/1/');
    expect((await prescan.finish()).extracts.size).toBe(0);
  });

  test('the check after the build parses only files whose bytes no prescan saw', async () => {
    const files = Array.from({ length: 5 }, (_, i) => join(work, `page-${i}.html`));
    files.forEach((file, i) => writeFileSync(file, page(i)));
    const prescan = startPrescan(prescanScript);
    for (let i = 0; i < 4; i++) prescan.add(utf8(page(i)));
    // Page 3 was written with other bytes than the prescan saw (as if Astro had changed it).
    writeFileSync(files[3]!, `${page(3)}<a id="late" href="/late/">late</a>`);
    const { scanned: prescanned } = await prescan.finish();
    // Planted: page 1's scan says something its file does not, so a result taken from the prescan shows.
    const planted = { ...prescanned, strings: [...prescanned.strings, 'planted', '/planted/'] };
    planted.pages[htmlHash(page(1))] = [[planted.strings.length - 2], [planted.strings.length - 1]];
    const report = { parsed: 0 };
    const result = await scanFiles(files, { script: scanScript, prescanned: planted, report });
    expect(report.parsed).toBe(2);
    expect(result[1]).toEqual({ anchors: new Set(['planted']), links: ['/planted/'] });
    expect(result[0]).toEqual(scanPage(page(0)));
    expect(result[3]!.links).toContain('/late/');
    expect(result[4]).toEqual(scanPage(page(4)));
  });

  test('a worker that cannot start fails the check, naming the prescan; handing pages over does not throw', async () => {
    const prescan = startPrescan(join(work, 'no-such-worker.ts'));
    prescan.add(utf8(page(0)));
    await expect(prescan.finish()).rejects.toThrow(/prescan/);
  });

  test('a build that stops before its check is not kept running by the worker', () => {
    // A process that starts a prescan, hands it a page and never finishes it exits on its own.
    const script = join(work, 'stops-early.mjs');
    writeFileSync(
      script,
      `import { startPrescan } from ${JSON.stringify(join(PROJECT_ROOT, 'src/lib/build/link-prescan.ts'))};\n` +
        `startPrescan(${JSON.stringify(prescanScript)}).add(new TextEncoder().encode('<a href="/x/">x</a>'));\n` +
        `console.log('started');\n`,
    );
    const started = performance.now();
    const child = spawnSync(process.execPath, [script], { encoding: 'utf8', timeout: 20_000 });
    expect(child.stdout.trim()).toBe('started');
    expect(child.status).toBe(0);
    expect(performance.now() - started).toBeLessThan(20_000);
  });

  test('one prescan is current during a build, and none after', () => {
    expect(currentPrescan()).toBeUndefined();
    const prescan = {
      add() {},
      finish: async () => ({ scanned: { version: 0, strings: [], pages: {} }, extracts: new Map() }),
      added: 0,
    };
    setCurrentPrescan(prescan);
    expect(currentPrescan()).toBe(prescan);
    setCurrentPrescan(undefined);
    expect(currentPrescan()).toBeUndefined();
  });

  test('takes HTML pages, 404 pages included, and not redirects or other files', () => {
    const html = { 'content-type': 'text/html; charset=utf-8' };
    expect(isScannablePage(new Response('<p>', { headers: html }))).toBe(true);
    expect(isScannablePage(new Response('<p>', { status: 404, headers: html }))).toBe(true);
    expect(isScannablePage(new Response(null, { status: 301, headers: { ...html, location: '/x/' } }))).toBe(false);
    expect(isScannablePage(new Response('{}', { headers: { 'content-type': 'application/json' } }))).toBe(false);
    expect(isScannablePage(new Response('<p>'))).toBe(false);
  });
});
