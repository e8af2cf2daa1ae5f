import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, test } from 'vitest';
import { scanPage } from '../../../src/lib/build/link-check';
import { linkScanWorkerScript, scanFiles } from '../../../src/lib/build/link-scan';
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
});
