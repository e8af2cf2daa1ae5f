import type { AstroIntegration } from 'astro';
import { ASTRO_CSP_DIGEST_MODULE, memoizeCspDigest } from '../lib/build/csp';

/**
 * Builds with Astro's CSP digests remembered (`memoizeCspDigest`): each page's inline styles and
 * scripts are the same texts page after page, hashed once instead of on every page. The pages and
 * their policies are the same bytes. If this version of Astro has no such function where expected,
 * the build says so once and runs with Astro's own.
 */
export function cspDigestMemo(): AstroIntegration {
  return {
    name: 'briefing-csp-digest-memo',
    hooks: {
      'astro:config:setup': ({ updateConfig, logger }) => {
        updateConfig({
          vite: {
            plugins: [
              {
                name: 'briefing-csp-digest-memo',
                apply: 'build',
                transform(code, id) {
                  if (!ASTRO_CSP_DIGEST_MODULE.test(id.split('?')[0]!)) return null;
                  const memoized = memoizeCspDigest(code);
                  if (memoized === null) {
                    logger.warn(
                      `Astro's generateCspDigest was not found in ${id}; every page's digests are computed anew.`,
                    );
                    return null;
                  }
                  return { code: memoized, map: null };
                },
              },
            ],
          },
        });
      },
    },
  };
}
