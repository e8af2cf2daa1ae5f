import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';

/**
 * Three Starlight components write `style` attributes, which a strict Content Security Policy
 * (no 'unsafe-inline') blocks: Icon and TableOfContentsList through Astro's `define:vars`, Select
 * directly. They are internal modules, not overridable components, so this swaps each for a copy
 * that sets the same custom property by class (src/components/starlight/replaced/). Pages then
 * need no rewriting after the build.
 *
 * Each copy was made from one version of its original, recorded here by hash: when an upgrade
 * changes an original, the build stops and says which copy to bring up to date.
 */
const REPLACED: Record<string, { copy: string; upstream: string }> = {
  'user-components/Icon.astro': {
    copy: 'Icon.astro',
    upstream: '050a4307f5eb8180f0a3d528f235f80adf0ea4ecb08be7e907327d1c1e81005f',
  },
  'components/Select.astro': {
    copy: 'Select.astro',
    upstream: 'fd272fb4f8243f7d8a6227f30922449a446ef326d63f34daa4647ec4f845d39f',
  },
  'components-internals/TableOfContents/TableOfContentsList.astro': {
    copy: 'TableOfContentsList.astro',
    upstream: '92b5994792259c365668f0cfd1501c4c51af80b2d4dd9d4922960a04bc0a7d02',
  },
};

/** Starlight's `dist` folder as installed. */
function starlightDist(): string {
  // `./components` is the one export without an import-only condition, so require can resolve it.
  return dirname(createRequire(import.meta.url).resolve('@astrojs/starlight/components'));
}

function sha256(file: string): string {
  return createHash('sha256').update(readFileSync(file)).digest('hex');
}

/** The originals whose installed version differs from the one our copy follows. */
export function changedOriginals(dist = starlightDist()): string[] {
  return Object.entries(REPLACED)
    .filter(([original, { upstream }]) => sha256(join(dist, original)) !== upstream)
    .map(([original]) => original);
}

const ICONS = 'virtual:briefing/starlight-icons';

export function starlightReplacements(): AstroIntegration {
  return {
    name: 'briefing-starlight-replacements',
    hooks: {
      'astro:config:setup': ({ config, updateConfig }) => {
        const dist = starlightDist();
        const changed = changedOriginals(dist);
        if (changed.length > 0) {
          throw new Error(
            `Starlight changed ${changed.join(', ')} since src/components/starlight/replaced/ copied ${changed.length === 1 ? 'it' : 'them'}: ` +
              'compare the copies with the installed originals, carry the changes over, then update the hashes in src/integrations/starlight-replacements.ts.',
          );
        }
        const replaced = fileURLToPath(new URL('components/starlight/replaced/', config.srcDir));
        const byOriginal = new Map(
          Object.entries(REPLACED).map(([original, { copy }]) => [join(dist, original), join(replaced, copy)]),
        );
        updateConfig({
          vite: {
            plugins: [
              {
                name: 'briefing-starlight-replacements',
                enforce: 'pre',
                async resolveId(source, importer, options) {
                  if (source === ICONS) return `\0${ICONS}`;
                  // Only Starlight's own imports are swapped; the copies import each other directly.
                  if (!importer || !importer.split('?')[0]!.includes(`${sep}@astrojs${sep}starlight${sep}`))
                    return null;
                  const resolved = await this.resolve(source, importer, { ...options, skipSelf: true });
                  const copy = resolved && byOriginal.get(resolved.id.split('?')[0]!);
                  return copy ?? null;
                },
                load(id) {
                  if (id === `\0${ICONS}`) {
                    return `export { Icons } from ${JSON.stringify(join(dist, 'components-internals/Icons.js'))};`;
                  }
                  return null;
                },
              },
            ],
          },
        });
      },
    },
  };
}
