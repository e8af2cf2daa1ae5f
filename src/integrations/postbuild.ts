import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';
import { AstroError } from 'astro/errors';
import { findStyleDeclarations, moveStyleOfTag, shortHash, stylesheetFor } from '../lib/build/inline-styles';
import { rewriteTags } from '../lib/build/html';
import { collectFromTag, findBrokenLinks, scanPage, type PageLinks } from '../lib/build/link-check';
import { isStandaloneDocument } from '../lib/routes';

function htmlFiles(root: string): string[] {
  const files: string[] = [];
  const walk = (dir: string) => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const path = join(dir, entry.name);
      if (entry.isDirectory()) walk(path);
      else if (entry.name.endsWith('.html')) files.push(path);
    }
  };
  walk(root);
  return files.sort();
}

function urlPathOf(root: string, file: string): string {
  const rel = relative(root, file).split(sep).join('/');
  if (rel === 'index.html') return '/';
  return rel.endsWith('/index.html') ? `/${rel.slice(0, -'index.html'.length)}` : `/${rel}`;
}

/**
 * After the build, over every HTML page: moves Starlight's `style` attributes into one hashed
 * stylesheet (so the strict CSP needs no 'unsafe-inline' for styles), then fails the build on
 * any internal link or anchor that leads nowhere, across authored and generated pages alike.
 */
export function postbuild(): AstroIntegration {
  let base = '/';
  let site = 'https://briefing.invalid';
  return {
    name: 'briefing-postbuild',
    hooks: {
      'astro:config:done': ({ config }) => {
        base = config.base;
        site = config.site ?? site;
      },
      'astro:build:done': async ({ dir, logger }) => {
        const root = fileURLToPath(dir);
        const files = htmlFiles(root);

        // Pass 1, a quick text search: which declarations exist, so the stylesheet name can carry
        // their hash before any page is rewritten.
        const styles = new Map<string, string>();
        // Standalone documents (email snippets) keep their inline styles: email clients need them.
        const sitePage = (file: string) => !isStandaloneDocument(urlPathOf(root, file));
        for (const file of files) {
          const html = readFileSync(file, 'utf8');
          if (!html.includes('style=') || !sitePage(file)) continue;
          for (const [name, declarations] of findStyleDeclarations(html)) styles.set(name, declarations);
        }
        const css = stylesheetFor(styles);
        const href = `${base.replace(/\/?$/, '/')}_astro/inline-styles.${shortHash(css)}.css`;
        if (styles.size > 0) writeFileSync(join(root, href.slice(base.replace(/\/?$/, '/').length)), css);

        // Pass 2, one tokenising walk per page: move its styles and read its anchors and links.
        const pages = new Map<string, PageLinks>();
        for (const file of files) {
          const html = readFileSync(file, 'utf8');
          if (!html.includes('style=') || !sitePage(file)) {
            pages.set(urlPathOf(root, file), scanPage(html));
            continue;
          }
          const page: PageLinks = { anchors: new Set(), links: [] };
          const moved = new Map<string, string>();
          const rewritten = rewriteTags(html, (tag) => {
            collectFromTag(tag, page);
            return moveStyleOfTag(tag, moved);
          });
          if (moved.size > 0)
            writeFileSync(file, rewritten.replace('</head>', `<link rel="stylesheet" href="${href}"></head>`));
          pages.set(urlPathOf(root, file), page);
        }
        logger.info(
          `Moved ${styles.size} inline style declarations into ${href}; checked links on ${pages.size} pages.`,
        );

        const broken = findBrokenLinks(pages, {
          origin: new URL(base, site).origin,
          fileExists: (path) => existsSync(join(root, path.slice(base.length - 1))),
        });
        if (broken.length > 0) {
          const shown = broken.slice(0, 50);
          if (broken.length > shown.length) shown.push(`… and ${broken.length - shown.length} more`);
          const error = new AstroError(
            `${broken.length} broken internal link${broken.length === 1 ? '' : 's'}:\n${shown.join('\n')}`,
            'Every link must reach a built page and every #anchor an element id on it. Fix the link, or give a renamed entity its old id in previousIds.',
          );
          error.name = 'BrokenLinks';
          error.stack = '';
          throw error;
        }
      },
    },
  };
}
