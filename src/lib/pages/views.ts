import { fill } from '../../i18n/fill';
import { ui } from '../../i18n/ui';
import type { Ref } from '../../schemas/common';
import type { SiteConfig } from '../../schemas/site';
import { refKey, type Graph, type Node } from '../graph/graph';
import type { ContextPart } from '../graph/mentions';
import type { Backlink } from '../graph/relations';
import { absoluteUrl, anchorUrl, entityJsonUrl, entityUrl } from '../routes';
import type { TimelineIndex, TimelineItem } from '../timeline/timeline';
import { eventStatusView, statusText } from '../graph/status';
import { formatTimestamp } from '../values/format';
import { formatFuzzyDate } from '../values/fuzzy-date';
import type { ChartView } from './charts';
import { dealCitation, eventCitation, quoteCitation } from './citations';
import { dealFacts, eventFacts, speakerInlines, type Fact, type IndexTable, type Inline } from './facts';

/**
 * What readers see, as plain data: every page and every block of a page is described here by a
 * pure function of the graph, and components only draw these descriptions. Because a view holds
 * everything its HTML shows, a hash of it says exactly when the HTML would change (the pages'
 * cache keys), and the same view feeds the page, its preview card and its exports.
 */

/** What every view builder reads: the graph of this build and the site around it. */
export interface PageContext {
  graph: Graph;
  site: SiteConfig;
  /** The timeline, indexed by company and page (built once per build). */
  timeline: TimelineIndex;
  /** The configured site (BRIEFING_SITE_URL), for what is read away from the site. */
  siteUrl: URL;
  /**
   * "Today" of this build (ISO day, see getToday): what is past due is decided against it. Views
   * hold only what is derived from it (a status's `pastDue`), never the day itself, so a page's
   * cache key changes when its past-due state does, not every day.
   */
  today: string;
}

/** A link with its words. */
export interface LinkView {
  text: string;
  href: string;
  /** For a source: the address printed after the link on paper (see {@link sourcePrintUrl}). */
  print?: string;
  /** For a link to an entity: its JSON document, which the hover preview shows. */
  preview?: string;
}

/** One item of a list of entities: a link and a short line after it. */
export interface ListItemView {
  link: LinkView;
  meta?: Inline[];
}

/**
 * What one "Share" control offers for a quote, deal or event: copy its link, copy its citation,
 * and go to its own page unless that is the page being read. Links are root-relative; the
 * browser makes them absolute on the address the reader has open.
 */
export interface ShareView {
  /** The link "Copy link" copies, e.g. `/quotes/x/` or `/deals/x/#facts`. */
  path: string;
  /** What is shared, for accessible names: "this quote", "the deal “…”". */
  subject: string;
  /** The citation without its link (the link is added when it is copied). */
  citation?: string;
  /** The thing's own page, where it is not the page this control is on. */
  page?: LinkView;
}

/** A quotation, with who said it, when, where it was printed and how to cite it. */
export interface QuoteView {
  /** The id of the quote's element, the place links point to. */
  anchor: string;
  text: string;
  /** The original article, when the source has an address (`<blockquote cite>`). */
  cite?: string;
  speaker: Inline[];
  /** The date of the words, or when the source reported them. */
  when: Inline[];
  /** The source's page, named after its publisher. */
  source: LinkView;
  /** The quote's own page. */
  href: string;
  share: ShareView;
}

/** A piece of the sentence around a mention: text, or a name (marked when it is the page's own). */
export type ContextView = string | { text: string; subject: boolean };

/** A briefing that mentions an entity, with each sentence that does. */
export interface BacklinkView {
  briefing: LinkView;
  /** ISO day the briefing was published. */
  published: string;
  mentions: { context: ContextView[]; href: string }[];
}

/** The timeline items of a company or person, with the names they show. */
export interface TimelineView {
  items: TimelineItem[];
  /** Company id → name, for every company the items show. */
  names: Record<string, string>;
  /** The full timeline, filtered to the entity: "Full timeline for <name> (<total>)". */
  full: { name: string; href: string; total?: number };
  /** The company whose page shows the timeline: named in its items, not linked. */
  current?: string;
}

/** A card for a deal or event in a briefing. */
export interface CardView {
  kicker: string;
  title: string;
  href: string;
  anchor: string;
  facts: { facts: Fact[]; label: string };
  share: ShareView;
}

/** A briefing in a list: its headline, day and summary. */
export interface BriefingItemView {
  link: LinkView;
  /** ISO day of publication. */
  published: string;
  summary: string;
}

/** Briefings as a list shows them. */
export function briefingItems(graph: Graph, refs: readonly Ref<'briefings'>[]): BriefingItemView[] {
  return refs.map((ref) => {
    const node = graph.node(ref);
    return { link: linkTo(node), published: node.data.published, summary: node.data.summary };
  });
}

/** What a section of an entity page shows. */
export type SectionBody =
  | { kind: 'facts'; facts: Fact[]; label: string }
  | { kind: 'table'; table: IndexTable; label: string }
  | { kind: 'links'; items: ListItemView[] }
  | { kind: 'quotes'; quotes: QuoteView[] }
  | { kind: 'backlinks'; backlinks: BacklinkView[] }
  | { kind: 'timeline'; timeline: TimelineView }
  | { kind: 'text'; text: string }
  | { kind: 'chart'; chart: ChartView }
  | { kind: 'groups'; groups: { title: string; items: ListItemView[] }[] };

/** A link to an entity, named by its title, with its JSON document for the hover preview. */
export function linkTo(node: Node): LinkView {
  return { text: node.title, href: entityUrl(node.ref), preview: entityJsonUrl(node.ref) };
}

/** A list item for an entity. */
export function listItem(node: Node, meta?: Inline[]): ListItemView {
  return meta && meta.length > 0 ? { link: linkTo(node), meta } : { link: linkTo(node) };
}

/**
 * Where a source can be read, printed after links to it on paper: the original's address when
 * the source records one, else the source's page on the published site (BRIEFING_SITE_URL).
 */
export function sourcePrintUrl(ctx: PageContext, node: Node<'sources'>): string {
  return node.data.url ?? absoluteUrl(entityUrl(node.ref), ctx.siteUrl);
}

/** A source in a list, with where it can be read for paper. */
export function sourceItem(ctx: PageContext, node: Node<'sources'>): ListItemView {
  return { link: { ...linkTo(node), print: sourcePrintUrl(ctx, node) } };
}

/** `parts` with links to `page` made plain text: no page links to itself. */
export function unlinked(parts: Inline[], page: string | undefined): Inline[] {
  return parts.map((part) => ('href' in part && part.href === page ? { text: part.text } : part));
}

/**
 * A quote as a block: the words, speaker, date, source and citation. No page links to itself:
 * on the quote's own page (`own`) its Share control offers no link to it, and on a speaker's page
 * (`on`) the speaker is named, not linked.
 */
export function quoteView(
  ctx: PageContext,
  ref: Ref<'quotes'>,
  anchor = `quote-${ref.id}`,
  { own = false, on }: { own?: boolean; on?: Ref } = {},
): QuoteView {
  const { graph } = ctx;
  const node = graph.node(ref);
  const q = node.data;
  const source = graph.node(q.source);
  return {
    anchor,
    text: q.text,
    ...(source.data.url ? { cite: source.data.url } : {}),
    speaker: unlinked(speakerInlines(graph, q), on && entityUrl(on)),
    when: q.date
      ? [{ date: q.date }]
      : [{ text: fill(ui.lists.reported, { date: formatTimestamp(source.data.published, { time: false }) }) }],
    source: {
      text: graph.node(source.data.publisher).title,
      href: entityUrl(source.ref),
      print: sourcePrintUrl(ctx, source),
    },
    href: entityUrl(ref),
    share: {
      path: entityUrl(ref),
      subject: ui.share.thisQuote,
      citation: quoteCitation(graph, ref),
      ...(own ? {} : { page: { text: ui.share.quotePage, href: entityUrl(ref) } }),
    },
  };
}

function contextView(graph: Graph, parts: ContextPart[], subject: Ref): ContextView[] {
  const subjectKey = refKey(subject);
  return parts.map((part) =>
    typeof part === 'string'
      ? part
      : { text: part.text ?? graph.node(part).title, subject: refKey(part) === subjectKey },
  );
}

/** Where briefings mention `subject`, with the sentences. */
export function backlinkViews(graph: Graph, backlinks: Backlink[], subject: Ref): BacklinkView[] {
  return backlinks.map(({ briefing, mentions }) => ({
    briefing: linkTo(briefing),
    published: briefing.data.published,
    mentions: mentions.map((m) => ({
      context: contextView(graph, m.context, subject),
      href: anchorUrl(briefing.ref, m.anchor),
    })),
  }));
}

/** The names of the companies a list of timeline items shows. */
export function companyNames(graph: Graph, items: readonly TimelineItem[]): Record<string, string> {
  const names: Record<string, string> = {};
  for (const item of items) for (const c of item.companies) names[c.id] ??= graph.node(c).title;
  return names;
}

/** A deal as a card in a briefing, with its facts and a citation to copy. */
export function dealCard(ctx: PageContext, ref: Ref<'deals'>, anchor?: string): CardView {
  const node = ctx.graph.node(ref);
  return {
    kicker: ui.collections.deals.singular,
    title: node.title,
    href: entityUrl(ref),
    anchor: anchor ?? `deal-${ref.id}`,
    facts: { facts: dealFacts(ctx.graph, node.data, ctx.site, ctx.today), label: ui.facts.labels.deal },
    share: dealShare(ctx, ref, { linkToPage: true }),
  };
}

/**
 * Sharing a deal: its facts' link and its citation, and, away from the deal's own page, a link to
 * its facts there (no page links to itself).
 */
export function dealShare(ctx: PageContext, ref: Ref<'deals'>, { linkToPage }: { linkToPage: boolean }): ShareView {
  const path = anchorUrl(ref, 'facts');
  return {
    path,
    subject: fill(ui.share.theDeal, { title: ctx.graph.node(ref).title }),
    citation: dealCitation(ctx.graph, ref, ctx.today),
    ...(linkToPage ? { page: { text: ui.sections.dealFacts, href: path } } : {}),
  };
}

/** An event as a chip beside a sentence of a briefing (the sentence gives the date), and whether it is past due. */
export interface EventMarkerView {
  href: string;
  /** What the marker says to assistive technology: the event, its date and, when past due, its status. */
  label: string;
  /** Set when the event is past due (see src/lib/graph/status.ts). */
  pastDue?: true;
}

/** An event mentioned inside a sentence of a briefing, drawn as a small chip that links to it. */
export function eventMarker(ctx: PageContext, ref: Ref<'events'>): EventMarkerView {
  const node = ctx.graph.node(ref);
  const status = eventStatusView(ctx.graph, node.data, ctx.today);
  const words = { title: node.title, date: formatFuzzyDate(node.data.date) };
  return {
    href: entityUrl(ref),
    label: status.pastDue
      ? fill(ui.briefing.eventMarkerPastDue, { ...words, status: statusText(status) })
      : fill(ui.briefing.eventMarker, words),
    ...(status.pastDue ? { pastDue: true as const } : {}),
  };
}

/** An event as a card in a briefing. */
export function eventCard(ctx: PageContext, ref: Ref<'events'>, anchor?: string): CardView {
  const node = ctx.graph.node(ref);
  return {
    kicker: ui.collections.events.singular,
    title: node.title,
    href: entityUrl(ref),
    anchor: anchor ?? `event-${ref.id}`,
    facts: { facts: eventFacts(ctx.graph, node.data, ctx.site, ctx.today), label: ui.facts.labels.event },
    share: {
      path: entityUrl(ref),
      subject: fill(ui.share.theEvent, { title: node.title }),
      citation: eventCitation(ctx.graph, ref, ctx.today),
      page: { text: ui.share.eventPage, href: entityUrl(ref) },
    },
  };
}
