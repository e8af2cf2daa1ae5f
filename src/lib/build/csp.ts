import { createHash } from 'node:crypto';

/** The bodies of `<script is:inline>` elements in an Astro component's source, exactly as written. */
export function inlineScriptBodies(astroSource: string): string[] {
  return [...astroSource.matchAll(/<script\s+is:inline\b[^>]*>([\s\S]*?)<\/script>/g)].map((m) => m[1]!);
}

/** A CSP source expression for a script's exact text: `sha256-…` (Astro adds the quotes). */
export function cspHash(text: string): `sha256-${string}` {
  return `sha256-${createHash('sha256').update(text, 'utf8').digest('base64')}`;
}
