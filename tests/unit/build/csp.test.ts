import { createHash } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, expect, test } from 'vitest';
import {
  ASTRO_CSP_DIGEST_MODULE,
  CSP_DIGEST_MEMO_SIZE,
  cspHash,
  inlineScriptBodies,
  memoizeCspDigest,
} from '../../../src/lib/build/csp';

describe('inlineScriptBodies', () => {
  test('returns the exact text of is:inline scripts only', () => {
    const source = `<script is:inline aria-hidden="true">\n\tone();\n</script>\n<script>bundled()</script>\n<script is:inline>two()</script>`;
    expect(inlineScriptBodies(source)).toEqual(['\n\tone();\n', 'two()']);
  });
});

describe('cspHash', () => {
  test('is the base64 SHA-256 of the exact text', () => {
    expect(cspHash('alert(1)')).toBe(`sha256-${createHash('sha256').update('alert(1)').digest('base64')}`);
    expect(cspHash('a')).not.toBe(cspHash('a '));
  });
});

describe('memoizeCspDigest', () => {
  // The installed Astro's module, as the build's Vite transform receives it.
  const astroDist = dirname(createRequire(import.meta.url).resolve('astro/package.json'));
  const file = join(astroDist, 'dist/core/encryption.js');
  const source = readFileSync(file, 'utf8');

  /** The module's code run from a temporary file, its imports pointed at the installed Astro. */
  async function load(code: string): Promise<{ generateCspDigest(data: string, algorithm: string): Promise<string> }> {
    const encoding = createRequire(file).resolve('@oslojs/encoding');
    const runnable = code
      .replace('"@oslojs/encoding"', JSON.stringify(pathToFileURL(encoding).href))
      .replace('"./csp/config.js"', JSON.stringify(pathToFileURL(join(dirname(file), 'csp/config.js')).href));
    const dir = mkdtempSync(join(tmpdir(), 'csp-memo-'));
    try {
      writeFileSync(join(dir, 'encryption.mjs'), runnable);
      return await import(pathToFileURL(join(dir, 'encryption.mjs')).href);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }

  test("finds Astro's function in the installed version, where the transform looks", () => {
    expect(ASTRO_CSP_DIGEST_MODULE.test(file)).toBe(true);
    expect(memoizeCspDigest(source)).not.toBeNull();
  });

  test("gives Astro's digests, computing each text's once", async () => {
    const original = await load(source);
    const memoized = await load(memoizeCspDigest(source)!);
    const style = 'body{color:red}';
    const first = memoized.generateCspDigest(style, 'SHA-256');
    expect(memoized.generateCspDigest(style, 'SHA-256')).toBe(first);
    expect(await first).toBe(await original.generateCspDigest(style, 'SHA-256'));
    expect(await first).toBe(cspHash(style));
    // Another text, or the same text with another algorithm, is another digest.
    expect(await memoized.generateCspDigest(`${style} `, 'SHA-256')).toBe(cspHash(`${style} `));
    expect(await memoized.generateCspDigest(style, 'SHA-512')).toBe(await original.generateCspDigest(style, 'SHA-512'));
    expect(await memoized.generateCspDigest(style, 'SHA-512')).not.toBe(await first);
  });

  test('keeps a bounded number of digests, and forgets a failed one', async () => {
    const memoized = await load(memoizeCspDigest(source)!);
    const first = memoized.generateCspDigest('0', 'SHA-256');
    for (let i = 1; i <= CSP_DIGEST_MEMO_SIZE; i++) void memoized.generateCspDigest(String(i), 'SHA-256');
    // Full: started again, so the first text is hashed anew (the same digest, another promise).
    const again = memoized.generateCspDigest('0', 'SHA-256');
    expect(again).not.toBe(first);
    expect(await again).toBe(await first);
    const failed = memoized.generateCspDigest('x', 'no such algorithm');
    await expect(failed).rejects.toThrow();
    expect(memoized.generateCspDigest('x', 'no such algorithm')).not.toBe(failed);
    await memoized.generateCspDigest('x', 'no such algorithm').catch(() => {});
  });

  test('leaves a module without the function, or with it twice, alone', () => {
    expect(memoizeCspDigest('export const x = 1;')).toBeNull();
    const fn = 'async function generateCspDigest(data, algorithm) {}';
    expect(memoizeCspDigest(`${fn}\n${fn}`)).toBeNull();
  });
});
