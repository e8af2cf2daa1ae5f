import { slug } from 'github-slugger';
import type { MdastHookFn, MdastVisitorContext } from 'satteri';
import { walkMentions } from './mentions';

/** Ids of the sections the briefing page adds after the body (see BriefingFooter.astro). */
export const BRIEFING_SECTION_IDS = { covers: 'covers', sources: 'sources' } as const;

/**
 * Ids every page built on Starlight's layout already has, besides its headings: the page
 * title (Starlight's `_top`), the briefing page's own sections, Starlight's sidebar, table of
 * contents and icon sprite, and our header search. A heading must never take one of them.
 */
export const PAGE_IDS: readonly string[] = [
  '_top',
  ...Object.values(BRIEFING_SECTION_IDS),
  'starlight__sidebar',
  'starlight__on-this-page',
  'starlight__on-this-page--mobile',
  'starlight__mobile-toc',
  'theme-icons',
  'site-search-input',
  'site-search-results',
];

/** The id of a card's title (EntityCard.astro), from the card's id. */
export function cardTitleId(cardId: string): string {
  return `${cardId}-title`;
}

/** Ids a mention with this anchor puts on the page: its own, and, for a card, its title's. */
export function mentionElementIds(anchor: string): string[] {
  return [anchor, cardTitleId(anchor)];
}

/**
 * One id per heading, in order: the heading's slug (as GitHub and Starlight make it), or, when
 * that is taken by a page id, a mention or an earlier heading, the slug with the first free
 * number from 2 (`sources-2`, `sources-3`). An empty slug becomes `section`.
 */
export function uniqueHeadingIds(texts: readonly string[], reserved: Iterable<string>): string[] {
  const taken = new Set(reserved);
  return texts.map((text) => {
    const base = slug(text) || 'section';
    let id = base;
    for (let n = 2; taken.has(id); n++) id = `${base}-${n}`;
    taken.add(id);
    return id;
  });
}

interface Node {
  type: string;
  value?: unknown;
  data?: Record<string, unknown> & { hProperties?: Record<string, unknown> };
  children?: Node[];
}

function textOf(node: Node): string {
  if (node.type === 'text' || node.type === 'inlineCode') return typeof node.value === 'string' ? node.value : '';
  return (node.children ?? []).map(textOf).join('');
}

/** Every heading of a tree, in document order (headings also sit in quotes, lists, directives). */
function headingsOf(tree: Node): Node[] {
  const found: Node[] = [];
  const walk = (node: Node) => {
    if (node.type === 'heading') found.push(node);
    else node.children?.forEach(walk);
  };
  walk(tree);
  return found;
}

/** The id of each heading of a document (mdast), unique on the page the document becomes. */
export function headingIdsOf(tree: object): { heading: object; id: string }[] {
  const reserved = new Set(PAGE_IDS);
  walkMentions(tree, ({ anchor }) => {
    if (anchor) mentionElementIds(anchor).forEach((id) => reserved.add(id));
  });
  const headings = headingsOf(tree as Node);
  const ids = uniqueHeadingIds(headings.map(textOf), reserved);
  return headings.map((heading, i) => ({ heading, id: ids[i]! }));
}

/**
 * Gives every heading its id from {@link headingIdsOf} before HTML is made (run by the site's
 * Markdown-processor plugin, briefing-policy-plugin.ts), so the heading, the table of contents and
 * every link to it (permalinks, "copy link", search results) agree, and no heading shares an id
 * with anything else on its page.
 */
export function addHeadingIds(root: Parameters<MdastHookFn>[0], ctx: MdastVisitorContext): void {
  for (const { heading, id } of headingIdsOf(root)) {
    const data = (heading as Node).data ?? {};
    ctx.setProperty(heading as never, 'data', { ...data, hProperties: { ...data.hProperties, id } });
  }
}
