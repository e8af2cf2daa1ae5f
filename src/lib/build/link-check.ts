import { attributesOf, forEachTag, tagName } from './html';

/** What a built page offers (its element ids) and what it points at (its links). */
export interface PageLinks {
  /** `id` and `name` values: valid fragment targets on this page. */
  anchors: Set<string>;
  /** `href` of every `<a>` and `<area>`, as written. */
  links: string[];
}

/** Records one start tag's anchor (`id`, or `name` on links) and link target into `page`. */
export function collectFromTag(tag: string, page: PageLinks): void {
  // Most tags carry neither; skip parsing their attributes.
  if (!tag.includes('id=') && !tag.includes('href=') && !tag.includes('name=')) return;
  const attributes = attributesOf(tag);
  const id = attributes.get('id');
  if (id) page.anchors.add(id);
  const name = tagName(tag);
  if (name === 'a' && attributes.has('name')) page.anchors.add(attributes.get('name')!);
  if ((name === 'a' || name === 'area') && attributes.has('href')) page.links.push(attributes.get('href')!);
}

/** Collects the anchors and links of one built HTML page. */
export function scanPage(html: string): PageLinks {
  const page: PageLinks = { anchors: new Set(), links: [] };
  forEachTag(html, (tag) => collectFromTag(tag, page));
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
