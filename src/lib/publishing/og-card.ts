import { fill, linksUi } from '../../i18n/links';
import { ui } from '../../i18n/ui';
import { ENTITY_COLLECTIONS, type EntityCollection } from '../../schemas/common';
import type { SiteConfig } from '../../schemas/site';
import { companyFacts, dealFacts, speakerInlines, type Fact } from '../pages/facts';
import { countryName, formatMoney, formatQuantity } from '../values/format';
import { formatDay, formatFuzzyDate } from '../values/fuzzy-date';
import type { Graph, Node } from '../graph/graph';
import { paginate } from '../pages/pagination';
import { entityUrl, homeUrl, indexUrl, relationListUrl, searchUrl, timelinePageUrl, timelineUrl } from '../routes';
import { relationLists, RELATION_LIMIT, RELATION_PAGE_SIZE } from '../pages/relation-lists';
import { buildTimeline } from '../timeline/timeline';
import { timelinePages } from '../timeline/pages';
import { clip, inlineText } from '../values/text';

/**
 * What a page's link-preview image shows, as data: og-layout.ts places it, og-draw.ts draws it
 * (in Latin, Greek, Cyrillic, Chinese, Korean and Japanese script) and the image cache hashes it,
 * so equal cards are drawn once.
 */
export interface OgCard {
  /** What the page is, shown small above the title: "Company", "Deal", "Index". */
  type: string;
  /** More about the type on the same line: "Cell maker · South Korea". */
  kicker?: string;
  /** The page's name or headline. */
  title: string;
  /** A sentence under the title (companies: their description). */
  lede?: string;
  /** For quotes: the words, verbatim, and who said them. */
  quote?: { text: string; speaker: string };
  /** A few key facts, label and value, at most {@link MAX_FACTS}. */
  facts: { label: string; value: string }[];
  /** A date line, for briefings: "Published 26 November 2026". */
  date?: string;
  /** The site's title, in the card's footer. */
  site: string;
}

/** Size of preview images, in pixels (the size Open Graph and Twitter cards expect). */
export { OG_HEIGHT, OG_WIDTH } from './og-layout';

/** Facts a card has room for. */
export const MAX_FACTS = 4;
/** Longest fact value on a card, in characters; longer ones end in "…". */
const MAX_VALUE = 64;

function factRows(facts: Fact[]): OgCard['facts'] {
  return facts.slice(0, MAX_FACTS).map((f) => ({ label: f.label, value: clip(inlineText(f.value), MAX_VALUE) }));
}

function companyCard(graph: Graph, node: Node<'companies'>, site: SiteConfig): OgCard {
  const c = node.data;
  const names = [c.shortName, ...c.aliases].filter((n): n is string => Boolean(n));
  const deals = graph.incoming(node.ref, 'party').length;
  const figure = c.keyFigures[0];
  const facts: Fact[] = [
    ...(names.length ? [{ label: linksUi.preview.alsoKnownAs, value: [{ text: names.join(', ') }] }] : []),
    ...companyFacts(graph, node, site).filter((f) => !['Also known as', 'Kind', 'Country'].includes(f.label)),
    ...(deals ? [{ label: linksUi.preview.deals, value: [{ text: String(deals) }] }] : []),
    ...(figure
      ? [
          {
            label: figure.label,
            value: [
              {
                text: figure.quantity
                  ? formatQuantity(figure.quantity, site.vocabulary.units)
                  : formatMoney(figure.money!),
              },
              { text: ` (${formatFuzzyDate(figure.period)})` },
            ],
          },
        ]
      : []),
  ];
  return {
    type: ui.collections.companies.singular,
    kicker: [site.vocabulary.companyKinds[c.kind] ?? c.kind, countryName(c.country)].join(' · '),
    title: node.title,
    lede: clip(c.description, 160),
    facts: factRows(facts),
    site: site.title,
  };
}

/** Which deal facts a card shows first: the parties, then what the deal is worth and its size. */
const DEAL_FACT_ORDER = [...Object.values(ui.partyRoles), 'Value', 'Volume', 'Status', 'Announced', 'Product'];

function dealCard(graph: Graph, node: Node<'deals'>, site: SiteConfig): OgCard {
  const d = node.data;
  const rank = (f: Fact) => DEAL_FACT_ORDER.indexOf(f.label as (typeof DEAL_FACT_ORDER)[number]);
  const facts = dealFacts(graph, d, site)
    .filter((f) => rank(f) >= 0)
    .sort((a, b) => rank(a) - rank(b));
  return {
    type: ui.collections.deals.singular,
    kicker: site.vocabulary.dealKinds[d.kind] ?? d.kind,
    title: node.title,
    facts: factRows(facts),
    site: site.title,
  };
}

function quoteCard(graph: Graph, node: Node<'quotes'>, site: SiteConfig): OgCard {
  return {
    type: ui.collections.quotes.singular,
    title: node.title,
    quote: { text: clip(node.data.text, 280), speaker: clip(inlineText(speakerInlines(graph, node.data)), 120) },
    facts: [],
    site: site.title,
  };
}

function briefingCard(node: Node<'briefings'>, site: SiteConfig): OgCard {
  const b = node.data;
  const published = fill(linksUi.preview.published, { date: formatDay(b.published) });
  return {
    type: ui.collections.briefings.singular,
    title: node.title,
    date: b.updated ? `${published} · ${fill(linksUi.preview.updated, { date: formatDay(b.updated) })}` : published,
    facts: [],
    site: site.title,
  };
}

/** A card with a page's title and type only. */
export function genericCard(type: string, title: string, site: SiteConfig, kicker?: string): OgCard {
  return { type, ...(kicker ? { kicker } : {}), title, facts: [], site: site.title };
}

/**
 * The card of an entity's page: entity cards with key facts for companies and deals, the words
 * and speaker for quotes, title and date for briefings, title and type for everything else.
 */
export function entityCard(graph: Graph, node: Node, site: SiteConfig): OgCard {
  switch (node.ref.collection) {
    case 'companies':
      return companyCard(graph, node as Node<'companies'>, site);
    case 'deals':
      return dealCard(graph, node as Node<'deals'>, site);
    case 'quotes':
      return quoteCard(graph, node as Node<'quotes'>, site);
    case 'briefings':
      return briefingCard(node as Node<'briefings'>, site);
    default:
      return genericCard(ui.collections[node.ref.collection].singular, node.title, site);
  }
}

/** One page of the site and the card of its link preview. */
export interface PagePreview {
  /** The page's URL path, e.g. `/companies/catl/`. */
  path: string;
  card: OgCard;
}

/** A page that is not about an entity, such as a page of Starlight's `docs` collection. */
export interface OtherPage {
  path: string;
  title: string;
}

/**
 * Every page of the site with its preview card: home, indexes (each page of them), entity
 * pages, the timeline and search pages, and `other` pages (Starlight's docs pages, such as
 * /about/). Pages that have no entry here get no preview image, which the build tests catch, so
 * a new kind of page must be added here.
 */
export function pagePreviews(graph: Graph, site: SiteConfig, other: OtherPage[] = []): PagePreview[] {
  const previews: PagePreview[] = [
    {
      path: homeUrl(),
      card: { ...genericCard(linksUi.preview.home, site.title, site), lede: clip(site.tagline, 160) },
    },
    { path: timelineUrl(), card: genericCard(linksUi.preview.index, ui.nav.timeline, site) },
    { path: searchUrl(), card: genericCard(linksUi.preview.index, ui.nav.search, site) },
  ];
  for (const collection of ENTITY_COLLECTIONS) {
    for (const { page, last } of paginate(graph.all(collection))) {
      const kicker = last > 1 ? fill(linksUi.preview.pageOf, { page, last }) : undefined;
      previews.push({
        path: indexUrl(collection as EntityCollection, page),
        card: genericCard(linksUi.preview.index, ui.collections[collection].plural, site, kicker),
      });
    }
    for (const node of graph.all(collection)) {
      previews.push({ path: entityUrl(node.ref), card: entityCard(graph, node, site) });
    }
  }
  for (const { page, last } of timelinePages(buildTimeline(graph, site.vocabulary))) {
    previews.push({
      path: timelinePageUrl(page),
      card: genericCard(linksUi.preview.index, ui.nav.timeline, site, fill(linksUi.preview.pageOf, { page, last })),
    });
  }
  // Full lists of relations too long for their entity page.
  for (const collection of ENTITY_COLLECTIONS) {
    if (collection === 'briefings') continue;
    for (const node of graph.all(collection)) {
      for (const list of relationLists(graph, node.ref)) {
        const last = Math.ceil(list.items.length / RELATION_PAGE_SIZE);
        if (list.items.length <= RELATION_LIMIT) continue;
        for (let page = 1; page <= last; page++) {
          previews.push({
            path: relationListUrl(node.ref, list.key, page),
            card: genericCard(
              linksUi.preview.index,
              `${node.title}: ${list.title}`,
              site,
              last > 1 ? fill(linksUi.preview.pageOf, { page, last }) : undefined,
            ),
          });
        }
      }
    }
  }
  for (const page of other)
    previews.push({ path: page.path, card: genericCard(linksUi.preview.page, page.title, site) });
  return previews;
}

/** The alt text of a card's image: "Link preview: Company card for CATL". */
export function ogImageAlt(card: OgCard): string {
  return fill(linksUi.preview.alt, { type: card.type, title: card.title });
}

const indexes = new WeakMap<Graph, Map<string, PagePreview>>();

/** {@link pagePreviews} by page path, built once per graph (so `other` must not change). */
export function previewFor(
  graph: Graph,
  site: SiteConfig,
  path: string,
  other: OtherPage[] = [],
): PagePreview | undefined {
  let index = indexes.get(graph);
  if (!index) {
    index = new Map(pagePreviews(graph, site, other).map((p) => [p.path, p]));
    indexes.set(graph, index);
  }
  return index.get(path);
}
