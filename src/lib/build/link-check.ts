import { Parser } from 'htmlparser2';

/** What a built page offers (its element ids) and what it points at (its links). */
export interface PageLinks {
  /** `id` and `name` values: valid fragment targets on this page. */
  anchors: Set<string>;
  /** `href` of every `<a>` and `<area>`, as written. */
  links: string[];
}

/** Options of the HTML parser that reads a page's links (entities in attributes decoded). */
export const LINK_PARSER_OPTIONS = {
  decodeEntities: true,
  lowerCaseTags: true,
  lowerCaseAttributeNames: true,
} as const;

/**
 * The parser handler that collects a page's anchors and links as it reads the page (with
 * {@link LINK_PARSER_OPTIONS}), and what it collected once the parser has ended.
 */
export function linkReader(): {
  onopentag(name: string, attributes: Record<string, string>): void;
  done(): PageLinks;
} {
  const page: PageLinks = { anchors: new Set(), links: [] };
  return {
    onopentag(name, attributes) {
      if (attributes.id) page.anchors.add(attributes.id);
      if (name === 'a' && attributes.name) page.anchors.add(attributes.name);
      if ((name === 'a' || name === 'area') && attributes.href !== undefined) page.links.push(attributes.href);
    },
    done() {
      // The parser's attribute values are slices of the page, and a slice keeps the whole string
      // it was cut from alive: a build keeps every page's links until the check ends, so every
      // page's HTML stayed in memory with them (1.3 GB at 12,350 pages). A JSON round trip copies them out.
      const [anchors, links] = JSON.parse(JSON.stringify([[...page.anchors], page.links])) as [string[], string[]];
      return { anchors: new Set(anchors), links };
    },
  };
}

/**
 * Collects the anchors and links of one built HTML page, read by htmlparser2 (markup inside
 * scripts, styles and comments is not markup, and entities in attributes are decoded).
 */
export function scanPage(html: string): PageLinks {
  const reader = linkReader();
  new Parser(reader, LINK_PARSER_OPTIONS).end(html);
  return reader.done();
}

/** What is wrong with an internal link: it leads to no page, or to no element of its page. */
export type LinkFault =
  | { kind: 'invalid' }
  | { kind: 'no-page'; path: string }
  | { kind: 'no-anchor'; path: string; fragment: string; anchors: ReadonlySet<string> };

/** What a link check knows of a site: its origin, its pages' anchors and its other files. */
export interface SiteLookup {
  /** `https://briefing.example.com`: links to it are internal. */
  origin: string;
  /** The anchors of the page at a URL path (`/companies/catl/`), or undefined when there is none. */
  anchorsAt: (path: string) => ReadonlySet<string> | undefined;
  /** True for a file of the site that is not a page (`/rss.xml`). */
  fileExists: (path: string) => boolean;
}

/**
 * A root-relative link (`/companies/acme/#deals`) whose path holds only characters a URL keeps as
 * written (no percent sign, query, backslash or space) and whose fragment holds only characters a
 * URL keeps: most links of a built site. Its path and fragment are read from it as they are.
 */
const PLAIN_LINK = /^\/(?!\/)[\w\-.~!$&'()*+,;=:@/]*(?:#[\w\-.~!$&'()*+,;=:@/?%]*)?$/;
/** A link to a place on its own page (`#deals`), whose fragment holds only characters a URL keeps. */
const PLAIN_FRAGMENT = /^#[\w\-.~!$&'()*+,;=:@/?%]*$/;
/** A `.` or `..` segment, which a URL resolves. */
const DOT_SEGMENT = /(?:^|\/)\.\.?(?:\/|$)/;

/**
 * Where a link written on the page at `page` leads on the site at `origin`: the URL path and
 * fragment, both decoded; `external` for another host or scheme (mailto:, tel:, data: and
 * javascript: included); `invalid` when it is no URL or does not decode. The same as reading it
 * with `new URL(href, page)`, which it does but for a plain root-relative link (see PLAIN_LINK)
 * and a plain link to a place on a plain page, read without parsing: a site's pages hold about a
 * million links.
 */
export function linkTarget(
  page: string,
  href: string,
  origin: string,
): { path: string; fragment: string } | 'external' | 'invalid' {
  if (/^(mailto|tel|data|javascript):/i.test(href)) return 'external';
  // A place on the page itself, on a page whose own path is plain (the links of every page's
  // table of contents).
  if (PLAIN_FRAGMENT.test(href) && !href.includes('#', 1) && PLAIN_LINK.test(page) && !page.includes('#')) {
    if (!DOT_SEGMENT.test(page)) {
      try {
        return { path: page, fragment: decodeURIComponent(href.slice(1)) };
      } catch {
        return 'invalid';
      }
    }
  }
  if (PLAIN_LINK.test(href)) {
    const hash = href.indexOf('#');
    const path = hash < 0 ? href : href.slice(0, hash);
    if (!DOT_SEGMENT.test(path)) {
      try {
        return { path, fragment: hash < 0 ? '' : decodeURIComponent(href.slice(hash + 1)) };
      } catch {
        return 'invalid';
      }
    }
  }
  const site = new URL(origin);
  let url: URL;
  try {
    url = new URL(href, new URL(page, site));
  } catch {
    return 'invalid';
  }
  if (url.origin !== site.origin) return 'external';
  try {
    return { path: decodeURIComponent(url.pathname), fragment: decodeURIComponent(url.hash.slice(1)) };
  } catch {
    return 'invalid';
  }
}

/**
 * Where one link written on the page at `page` leads, and what is wrong with it, if anything.
 * External links, mailto:, tel:, data: and javascript: links are not this check's business. A
 * link to a page must reach one (`/x` finds `/x/`), and its fragment an element id there
 * (`#top` is the top of any page).
 */
export function linkFault(page: string, href: string, site: SiteLookup): LinkFault | undefined {
  const target = linkTarget(page, href, site.origin);
  if (target === 'external') return undefined;
  if (target === 'invalid') return { kind: 'invalid' };
  const { path, fragment } = target;
  const anchors = site.anchorsAt(path) ?? (path.endsWith('/') ? undefined : site.anchorsAt(`${path}/`));
  if (!anchors) {
    if (!path.endsWith('/') && site.fileExists(path)) return undefined;
    return { kind: 'no-page', path };
  }
  if (fragment && fragment !== 'top' && !anchors.has(fragment)) return { kind: 'no-anchor', path, fragment, anchors };
  return undefined;
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
  const site: SiteLookup = { origin, fileExists, anchorsAt: (path) => pages.get(path)?.anchors };
  // Most links are root-relative or absolute and repeat on page after page (the sidebar, the
  // header, lists of the same entities): where such a link leads does not depend on the page it is
  // on, so each is resolved once.
  const known = new Map<string, LinkFault | undefined>();
  for (const [page, { links }] of pages) {
    for (const href of links) {
      const independent = href.startsWith('/') || /^[a-z][a-z\d+.-]*:/i.test(href);
      let fault: LinkFault | undefined;
      if (!independent) fault = linkFault(page, href, site);
      else if (known.has(href)) fault = known.get(href);
      else known.set(href, (fault = linkFault(page, href, site)));
      if (!fault) continue;
      if (fault.kind === 'invalid') problems.push(`${page} → ${href}: not a valid URL`);
      else if (fault.kind === 'no-page') problems.push(`${page} → ${href}: no page at ${fault.path}`);
      else problems.push(`${page} → ${href}: no element with id "${fault.fragment}" on ${fault.path}`);
    }
  }
  return problems;
}
