import { fill, linksUi } from '../../i18n/links';
import { ui } from '../../i18n/ui';
import type { SiteConfig } from '../../schemas/site';
import { companyFacts, dealFacts, speakerInlines, type Fact } from '../pages/facts';
import { countryName, formatMoney, formatQuantity } from '../values/format';
import { formatDay, formatFuzzyDate } from '../values/fuzzy-date';
import type { Graph, Node } from '../graph/graph';
import { inlineText } from '../pages/facts';
import { clip } from '../values/text';

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
/** Longest fact label (such as a key figure's) on a card, in characters. */
const MAX_LABEL = 40;
/** Longest title on a card (three lines at the smallest title size), in characters. */
export const MAX_CARD_TITLE = 120;
/** Longest kicker (one line above the title), in characters. */
const MAX_KICKER = 80;

function factRows(facts: Fact[]): OgCard['facts'] {
  return facts
    .slice(0, MAX_FACTS)
    .map((f) => ({ label: clip(f.label, MAX_LABEL), value: clip(inlineText(f.value, { compact: true }), MAX_VALUE) }));
}

/** The card with its title and kicker clipped: whatever content holds, a card's data stays small. */
function bounded(card: OgCard): OgCard {
  return {
    ...card,
    title: clip(card.title, MAX_CARD_TITLE),
    ...(card.kicker ? { kicker: clip(card.kicker, MAX_KICKER) } : {}),
  };
}

function companyCard(graph: Graph, node: Node<'companies'>, site: SiteConfig): OgCard {
  const c = node.data;
  const names = [c.shortName, ...c.aliases].filter((n): n is string => Boolean(n));
  const deals = graph.incoming(node.ref, 'party').length;
  const figure = c.keyFigures[0];
  const facts: Fact[] = [
    ...(names.length ? [{ label: linksUi.preview.alsoKnownAs, value: [{ text: names.join(', ') }] }] : []),
    ...companyFacts(graph, node, site).filter(
      (f) => ![ui.facts.alsoKnownAs, ui.facts.kind, ui.facts.country].includes(f.label as never),
    ),
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
const DEAL_FACT_ORDER: string[] = [
  ...Object.values(ui.partyRoles),
  ui.facts.value,
  ui.facts.volume,
  ui.facts.status,
  ui.facts.announced,
  ui.facts.product,
];

function dealCard(graph: Graph, node: Node<'deals'>, site: SiteConfig, today: string): OgCard {
  const d = node.data;
  const rank = (f: Fact) => DEAL_FACT_ORDER.indexOf(f.label);
  const facts = dealFacts(graph, d, site, today)
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
  return bounded({ type, ...(kicker ? { kicker } : {}), title, facts: [], site: site.title });
}

/**
 * The card of an entity's page: entity cards with key facts for companies and deals, the words
 * and speaker for quotes, title and date for briefings, title and type for everything else. A
 * deal's status reads as of its latest source, past due on `today` (the build's day) where it is.
 */
export function entityCard(graph: Graph, node: Node, site: SiteConfig, today: string): OgCard {
  switch (node.ref.collection) {
    case 'companies':
      return bounded(companyCard(graph, node as Node<'companies'>, site));
    case 'deals':
      return bounded(dealCard(graph, node as Node<'deals'>, site, today));
    case 'quotes':
      return bounded(quoteCard(graph, node as Node<'quotes'>, site));
    case 'briefings':
      return bounded(briefingCard(node as Node<'briefings'>, site));
    default:
      return genericCard(ui.collections[node.ref.collection].singular, node.title, site);
  }
}

/** The alt text of a card's image: "Link preview: Company card for CATL". */
export function ogImageAlt(card: OgCard): string {
  return fill(linksUi.preview.alt, { type: card.type, title: card.title });
}
