import { Parser } from 'htmlparser2';

/** What a built page offers (its element ids) and what it points at (its links). */
export interface PageLinks {
  /** `id` and `name` values: valid fragment targets on this page. */
  anchors: Set<string>;
  /** `href` of every `<a>` and `<area>`, as written. */
  links: string[];
}

/**
 * Collects the anchors and links of one built HTML page, read by htmlparser2 (markup inside
 * scripts, styles and comments is not markup, and entities in attributes are decoded).
 */
export function scanPage(html: string): PageLinks {
  const page: PageLinks = { anchors: new Set(), links: [] };
  const parser = new Parser(
    {
      onopentag(name, attributes) {
        if (attributes.id) page.anchors.add(attributes.id);
        if (name === 'a' && attributes.name) page.anchors.add(attributes.name);
        if ((name === 'a' || name === 'area') && attributes.href !== undefined) page.links.push(attributes.href);
      },
    },
    { decodeEntities: true, lowerCaseTags: true, lowerCaseAttributeNames: true },
  );
  parser.end(html);
  return page;
}

/**
 * Broken internal links across a built site, as "page → link: problem" lines. A link is internal
 * when it is relative or points at `origin`. It must reach a built page (or a file `fileExists`
 * knows) and, with a fragment, an element id on that page. `pages` is keyed by URL path
 * (`/companies/catl/`).
 */
export function findBrokenLinks(
  pages: Map<string, PageLinks>,
  { origin, fileExists }: { origin: string; fileExists: (path: string) => boolean },
): string[] {
  const problems: string[] = [];
  const site = new URL(origin);
  for (const [page, { links }] of pages) {
    for (const href of links) {
      if (/^(mailto|tel|data|javascript):/i.test(href)) continue;
      let url: URL;
      try {
        url = new URL(href, new URL(page, site));
      } catch {
        problems.push(`${page} → ${href}: not a valid URL`);
        continue;
      }
      if (url.origin !== site.origin) continue;
      const path = decodeURIComponent(url.pathname);
      const target = pages.get(path) ?? (path.endsWith('/') ? undefined : pages.get(`${path}/`));
      if (!target) {
        if (!path.endsWith('/') && fileExists(path)) continue;
        problems.push(`${page} → ${href}: no page at ${path}`);
        continue;
      }
      const fragment = decodeURIComponent(url.hash.slice(1));
      if (fragment && fragment !== 'top' && !target.anchors.has(fragment)) {
        problems.push(`${page} → ${href}: no element with id "${fragment}" on ${path}`);
      }
    }
  }
  return problems;
}
