import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';
import { checkContent } from '../lib/content/check';
import { problemCount } from '../lib/content/check-report';
import { ContentError } from '../lib/content/content-errors';
import { contentRoot } from '../lib/content/locations';
import { toAstroError } from '../loaders/astro-error';

/**
 * Checks the whole content root before a build renders or writes anything (layout, encoding,
 * YAML, schemas, references, relations, briefing bodies) and stops it with every problem at
 * once, one line each. Astro's own loaders would stop at the first broken file.
 */
export function contentCheck(): AstroIntegration {
  return {
    name: 'briefing-content-check',
    hooks: {
      'astro:config:setup': ({ command, config, logger }) => {
        if (command !== 'build') return;
        const projectRoot = fileURLToPath(config.root);
        const started = performance.now();
        const report = checkContent(contentRoot(projectRoot), projectRoot);
        if (report.problems.length > 0) {
          throw toAstroError(
            new ContentError(
              report.problems,
              `${problemCount(report.problems.length)}. Each line names a file and a field or line; fix them and build again. Nothing was written.`,
            ),
          );
        }
        logger.info(`Checked ${report.files} content files in ${Math.round(performance.now() - started)} ms.`);
      },
    },
  };
}
