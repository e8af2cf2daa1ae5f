import { createHash } from 'node:crypto';

/** The bodies of `<script is:inline>` elements in an Astro component's source, exactly as written. */
export function inlineScriptBodies(astroSource: string): string[] {
  return [...astroSource.matchAll(/<script\s+is:inline\b[^>]*>([\s\S]*?)<\/script>/g)].map((m) => m[1]!);
}

/** A CSP source expression for a script's exact text: `sha256-…` (Astro adds the quotes). */
export function cspHash(text: string): `sha256-${string}` {
  return `sha256-${createHash('sha256').update(text, 'utf8').digest('base64')}`;
}

/** Where Astro's `generateCspDigest` is defined (the module a Vite transform may rewrite). */
export const ASTRO_CSP_DIGEST_MODULE = /[\\/]astro[\\/]dist[\\/]core[\\/]encryption\.js$/;

const DIGEST_FUNCTION = 'async function generateCspDigest(data, algorithm) {';

/** How many digests the memo keeps at most before starting again (each a page's inline style or script). */
export const CSP_DIGEST_MEMO_SIZE = 4096;

/**
 * Astro's `encryption.js` with `generateCspDigest` remembering what it gave. Astro hashes every
 * inline style and script of every page it renders with an asynchronous Web Crypto digest, the
 * same few texts on page after page: 2.3 s of the rendering thread's time at 10,000 pages. The
 * memo gives the same promise for the same text and algorithm (a rejected one is forgotten), so
 * each text is hashed once. Null when the function is not where this version of Astro had it, so
 * an upgrade leaves Astro as it is (a unit test fails instead).
 */
export function memoizeCspDigest(source: string): string | null {
  const at = source.indexOf(DIGEST_FUNCTION);
  if (at < 0 || source.indexOf(DIGEST_FUNCTION, at + 1) >= 0) return null;
  const memo = [
    'const briefingCspDigests = new Map();',
    'function generateCspDigest(data, algorithm) {',
    '  const key = `${algorithm}\\u0000${data}`;',
    '  let digest = briefingCspDigests.get(key);',
    '  if (digest === undefined) {',
    `    if (briefingCspDigests.size >= ${CSP_DIGEST_MEMO_SIZE}) briefingCspDigests.clear();`,
    '    digest = briefingCspDigestOf(data, algorithm);',
    '    briefingCspDigests.set(key, digest);',
    '    digest.catch(() => briefingCspDigests.delete(key));',
    '  }',
    '  return digest;',
    '}',
    'async function briefingCspDigestOf(data, algorithm) {',
  ].join('\n');
  return source.slice(0, at) + memo + source.slice(at + DIGEST_FUNCTION.length);
}
