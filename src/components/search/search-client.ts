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

/** One result as a list item: type and date, title link, excerpt, and links into matching sections. */
export function renderResult(data: PagefindFragment, { subResults = 3 } = {}): HTMLLIElement {
  const item = element('li', 'search-result');
  const meta = element('p', 'search-result-meta');
  if (data.meta.type) meta.append(element('span', 'search-result-type', data.meta.type));
  if (data.meta.date) meta.append(element('span', 'search-result-date', data.meta.date));
  const title = element('a', 'search-result-title', data.meta.title ?? data.url);
  title.href = data.url;
  const excerpt = element('p', 'search-result-excerpt');
  appendExcerpt(excerpt, data.excerpt);
  item.append(meta, title, excerpt);
  // Sections only: the page title (Starlight's h1 is #_top) would repeat the result itself.
  const sections = data.sub_results
    .filter((sub) => sub.anchor && sub.anchor.id !== '_top' && sub.url !== data.url)
    .slice(0, subResults);
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
