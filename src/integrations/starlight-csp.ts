import { readdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { cspHash, inlineScriptBodies } from '../lib/build/csp';

/**
 * Hashes of the `is:inline` scripts in the installed Starlight's components (theme provider and
 * picker, search shortcut, sidebar state). Astro hashes the scripts it bundles but passes inline
 * ones through untouched, so the policy has to list these explicitly. Read from the installed
 * version, so an upgrade cannot silently break the site; the CSP test re-hashes every page.
 */
export function starlightInlineScriptHashes(): `sha256-${string}`[] {
  // `./components` is the one export without an import-only condition, so require can resolve it.
  const root = dirname(createRequire(import.meta.url).resolve('@astrojs/starlight/components'));
  const hashes = new Set<`sha256-${string}`>();
  for (const folder of ['components', 'user-components']) {
    const dir = join(root, folder);
    for (const file of readdirSync(dir)) {
      if (!file.endsWith('.astro')) continue;
      for (const body of inlineScriptBodies(readFileSync(join(dir, file), 'utf8'))) hashes.add(cspHash(body));
    }
  }
  return [...hashes].sort();
}
