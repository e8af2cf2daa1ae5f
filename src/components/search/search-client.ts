import { tidyExcerpt } from '../../lib/search/excerpt';

/**
 * Browser side of search: Pagefind's index is loaded only when a reader shows intent (focusing or
 * opening search, or landing on the search page), and results are drawn as plain DOM nodes.
 */

interface PagefindSubResult {
  title: string;
  url: string;
  excerpt: string;
  anchor?: { id: string };
}

/** The data of one Pagefind result (see pagefind_web_js/types). */
export interface PagefindFragment {
  url: string;
  excerpt: string;
  meta: Record<string, string>;
  filters: Record<string, string[]>;
  sub_results: PagefindSubResult[];
}

export interface PagefindResults {
  results: { id: string; score: number; data: () => Promise<PagefindFragment> }[];
  unfilteredResultCount: number;
  filters: Record<string, Record<string, number>>;
  totalFilters: Record<string, Record<string, number>>;
}

export interface Pagefind {
  options(options: Record<string, unknown>): Promise<void>;
  search(
    term: string | null,
    options?: { filters?: Record<string, unknown>; sort?: Record<string, string> },
  ): Promise<PagefindResults>;
  filters(): Promise<Record<string, Record<string, number>>>;
  preload(term: string): Promise<void>;
}

let loading: Promise<Pagefind> | undefined;

/** Loads Pagefind once; later calls share the same promise. */
export function loadPagefind(): Promise<Pagefind> {
  loading ??= (async () => {
    const url = `${import.meta.env.BASE_URL.replace(/\/?$/, '/')}pagefind/pagefind.js`;
    const pagefind = (await import(/* @vite-ignore */ url)) as Pagefind;
    // Pages are indexed on their own words only (relation lists are ignored), so length says
    // little about relevance: without this, short headlines that mention a name outrank the
    // named entity's own page. For the same reason the weighted count of a term (an entity's
    // names weigh most) counts as much as its density: a short event page that names a company
    // in its title, summary and facts must not outrank the company's own page.
    await pagefind.options({ excerptLength: 22, ranking: { pageLength: 0, termFrequency: 0.5 } });
    return pagefind;
  })();
  return loading;
}

/** Appends Pagefind's excerpt (escaped text with <mark> around matches) without trusting its HTML. */
export function appendExcerpt(target: HTMLElement, excerpt: string): void {
  const body = new DOMParser().parseFromString(tidyExcerpt(excerpt), 'text/html').body;
  for (const node of body.childNodes) {
    if (node.nodeType === Node.ELEMENT_NODE && (node as Element).tagName === 'MARK') {
      const mark = document.createElement('mark');
      mark.textContent = node.textContent;
      target.append(mark);
    } else {
      target.append(document.createTextNode(node.textContent ?? ''));
    }
  }
}

function element<K extends keyof HTMLElementTagNameMap>(
  tag: K,
  className?: string,
  text?: string,
): HTMLElementTagNameMap[K] {
  const node = document.createElement(tag);
  if (className) node.className = className;
  if (text !== undefined) node.textContent = text;
  return node;
}

/** The result's type and date ("Deal", "June 2025"), in a `tag`. */
function resultMeta(data: PagefindFragment, tag: 'p' | 'span'): HTMLElement {
  const meta = element(tag, 'search-result-meta');
  if (data.meta.type) meta.append(element('span', 'search-result-type', data.meta.type));
  // A space, so the text reads "Deal June 2025" (the layout spaces them apart anyway).
  if (data.meta.type && data.meta.date) meta.append(' ');
  if (data.meta.date) meta.append(element('span', 'search-result-date', data.meta.date));
  return meta;
}

/** The sections of a result that match, at most `count`, each with its heading and excerpt. */
function matchingSections(data: PagefindFragment, count: number): PagefindSubResult[] {
  // Sections only: the page title (Starlight's h1 is #_top) would repeat the result itself.
  return data.sub_results
    .filter((sub) => sub.anchor && sub.anchor.id !== '_top' && sub.url !== data.url)
    .slice(0, count);
}

/** One result as a list item: type and date, title link, excerpt, and links into matching sections. */
export function renderResult(data: PagefindFragment, { subResults = 3 } = {}): HTMLLIElement {
  const item = element('li', 'search-result');
  const meta = resultMeta(data, 'p');
  const title = element('a', 'search-result-title', data.meta.title ?? data.url);
  title.href = data.url;
  const excerpt = element('p', 'search-result-excerpt');
  appendExcerpt(excerpt, data.excerpt);
  item.append(meta, title, excerpt);
  const sections = matchingSections(data, subResults);
  if (sections.length) {
    const list = element('ul', 'search-result-sections');
    for (const sub of sections) {
      const li = element('li');
      const link = element('a', undefined, sub.title);
      link.href = sub.url;
      const text = element('span');
      appendExcerpt(text, sub.excerpt);
      li.append(link, document.createTextNode(' '), text);
      list.append(li);
    }
    item.append(list);
  }
  return item;
}

/**
 * One result as options of a listbox (the header search): the page, then each matching section,
 * every one a link with `role="option"` out of the tab order, since focus stays in the search
 * field and the arrow keys move through the options. Option ids are `${idPrefix}-${n}` from
 * `first`; the caller reads the options back in order from the returned item.
 */
export function renderResultOptions(
  data: PagefindFragment,
  { subResults = 2, idPrefix, first }: { subResults?: number; idPrefix: string; first: number },
): HTMLLIElement {
  let n = first;
  const option = (href: string, className: string) => {
    const link = element('a', className);
    link.href = href;
    link.id = `${idPrefix}-${n++}`;
    link.tabIndex = -1;
    link.setAttribute('role', 'option');
    link.setAttribute('aria-selected', 'false');
    return link;
  };
  const item = element('li', 'search-result');
  item.setAttribute('role', 'none');
  // An option is named by all it shows (type, date, title, excerpt), as a link is.
  const page = option(data.url, 'search-result-option');
  const title = element('span', 'search-result-title', data.meta.title ?? data.url);
  const excerpt = element('span', 'search-result-excerpt');
  appendExcerpt(excerpt, data.excerpt);
  page.append(resultMeta(data, 'span'), title, excerpt);
  item.append(page);
  const sections = matchingSections(data, subResults);
  if (sections.length) {
    const list = element('ul', 'search-result-sections');
    list.setAttribute('role', 'none');
    for (const sub of sections) {
      const li = element('li');
      li.setAttribute('role', 'none');
      const link = option(sub.url, 'search-result-option search-result-section');
      const heading = element('span', 'search-result-section-title', sub.title);
      const text = element('span', 'search-result-section-excerpt');
      appendExcerpt(text, sub.excerpt);
      link.append(heading, document.createTextNode(' '), text);
      li.append(link);
      list.append(li);
    }
    item.append(list);
  }
  return item;
}
