import { escapeMarkup } from '../values/escape';
import { mdxToMdast } from 'satteri';
import { fill, linksUi } from '../../i18n/links';
import { ui } from '../../i18n/ui';
import type { EntityCollection, Ref } from '../../schemas/common';
import type { SiteConfig } from '../../schemas/site';
import { dealFacts, eventFacts, speakerInlines } from '../pages/facts';
import { eventStatusView } from '../graph/status';
import { formatTimestamp } from '../values/format';
import { formatDay, formatFuzzyDate } from '../values/fuzzy-date';
import type { Graph, Node } from '../graph/graph';
import { isSafeLinkUrl } from '../graph/briefing-policy';
import { attributeValue, MENTION_COMPONENTS, type MentionComponent } from '../graph/mentions';
import { briefingCoverage } from '../graph/relations';
import { campaignUrl, entityUrl, homeUrl } from '../routes';
import { inlineText } from '../pages/facts';
import { wrap } from '../values/text';

/**
 * A briefing as an email newsletter snippet: first a plain model (built from the MDX body and the
 * graph), then two renderings of it, email-safe HTML (tables, inline styles, system fonts, 600 px,
 * absolute links only) and plain text (wrapped, links as numbered references).
 */

/** A run of inline text, optionally a link and emphasised. */
export interface Run {
  text: string;
  href?: string;
  strong?: boolean;
  em?: boolean;
  code?: boolean;
  /** A marker beside a sentence (an event's date, a citation), not words of it. */
  marker?: boolean;
}

export type EmailBlock =
  | { kind: 'heading'; runs: Run[] }
  | { kind: 'paragraph'; runs: Run[] }
  | { kind: 'list'; ordered: boolean; items: Run[][] }
  | { kind: 'card'; kicker: string; title: string; href: string; facts: { label: string; value: string }[] }
  | { kind: 'quote'; text: string; speaker?: string; href?: string }
  | { kind: 'table'; head: Run[][]; rows: Run[][][] }
  | { kind: 'rule' };

export interface EmailBriefing {
  lang: string;
  site: { title: string; href: string };
  title: string;
  href: string;
  /** "Published 26 November 2026 · updated …". */
  dateLine: string;
  summary: string;
  blocks: EmailBlock[];
  sources: { title: string; href: string; meta: string }[];
  footer: string;
}

/** Turns a link of the site (root-relative or absolute) into an absolute one with campaign parameters. */
export type LinkMaker = (href: string) => string;

/**
 * Links for email: relative links resolve against `site`; links to the site get the campaign
 * parameters (`utm_source=newsletter&utm_medium=email`); other sites' links stay as they are.
 */
export function emailLinks(site: URL | string, campaign: string): LinkMaker {
  const origin = new URL(site).origin;
  return (href) => {
    const url = new URL(href, site);
    return url.origin === origin ? campaignUrl(url.href, campaign) : url.href;
  };
}

/**
 * A link as written on a page (`#sources`, `../deals/`, `/about/`, `https://…`), resolved
 * against that page's root-relative path: root-relative for the site, absolute for others.
 */
export function resolveOnPage(href: string, page: string): string {
  const base = 'https://page.invalid';
  const url = new URL(href, base + page);
  return url.origin === base ? url.pathname + url.search + url.hash : url.href;
}

interface MdNode {
  type: string;
  name?: string | null;
  value?: string;
  url?: string;
  alt?: string | null;
  /** A reference link's or definition's label, normalised (`[text][ref]` and `[ref]: url`). */
  identifier?: string;
  depth?: number;
  ordered?: boolean | null;
  attributes?: Array<{ type: string; name?: string; value?: unknown }>;
  children?: MdNode[];
}

function textOf(node: MdNode): string {
  if (node.type === 'text' || node.type === 'inlineCode') return node.value ?? '';
  return (node.children ?? []).map(textOf).join('');
}

/** Folds adjacent runs with the same formatting and collapses whitespace. */
function tidy(runs: Run[]): Run[] {
  const out: Run[] = [];
  for (const run of runs) {
    const text = run.text.replace(/\s+/g, ' ');
    if (!text) continue;
    const last = out[out.length - 1];
    if (last && last.href === run.href && last.strong === run.strong && last.em === run.em && last.code === run.code) {
      last.text += text;
    } else {
      out.push({ ...run, text });
    }
  }
  if (out[0]) out[0].text = out[0].text.trimStart();
  const last = out[out.length - 1];
  if (last) last.text = last.text.trimEnd();
  return out.filter((r) => r.text);
}

/** Every link definition (`[ref]: url`) of a body, by identifier; the first of a label wins, as in Markdown. */
function linkDefinitions(tree: MdNode): Map<string, string> {
  const found = new Map<string, string>();
  const visit = (node: MdNode) => {
    if (node.type === 'definition' && node.identifier && node.url !== undefined && !found.has(node.identifier))
      found.set(node.identifier, node.url);
    node.children?.forEach(visit);
  };
  visit(tree);
  return found;
}

class Builder {
  constructor(
    private readonly graph: Graph,
    private readonly site: SiteConfig,
    private readonly link: LinkMaker,
    /** Root-relative path of the briefing page, against which the body's relative links resolve. */
    private readonly page: string,
    /** The build's day, against which statuses are past due (as on the briefing page). */
    private readonly today: string,
    /** The body's link definitions (`[ref]: url`), by identifier, for its reference links. */
    private readonly definitions: ReadonlyMap<string, string> = new Map(),
  ) {}

  /** A link's runs: linked when its address is safe (the build refuses others; an email never carries one). */
  private linked(children: MdNode[], url: string | undefined, style: Omit<Run, 'text'>): Run[] {
    return this.inline(
      children,
      url !== undefined && isSafeLinkUrl(url) ? { ...style, href: this.bodyLink(url) } : style,
    );
  }

  /** A link written in the body, as the reader of the briefing page would follow it. */
  private bodyLink(url: string): string {
    return this.link(resolveOnPage(url, this.page));
  }

  private mentionRef(node: MdNode): Ref | undefined {
    if (!node.name || !Object.hasOwn(MENTION_COMPONENTS, node.name)) return undefined;
    const spec = MENTION_COMPONENTS[node.name as MentionComponent];
    const id = attributeValue(node, spec.attribute);
    if (!id) return undefined;
    const ref = { collection: spec.collection as EntityCollection, id } as Ref;
    return this.graph.get(ref) ? ref : undefined;
  }

  private href(ref: Ref): string {
    return this.link(entityUrl(ref));
  }

  /** The site shows events and citations as small markers beside a sentence; so does the email. */
  private marker(ref: Ref): Run {
    if (ref.collection === 'events') {
      const event = this.graph.node(ref as Ref<'events'>).data;
      const date = formatFuzzyDate(event.date);
      const late = eventStatusView(this.graph, event, this.today).pastDue;
      const text = late ? fill(linksUi.email.markerPastDue, { date, flag: ui.briefing.markerPastDue }) : date;
      return { text: `[${text}]`, href: this.href(ref), marker: true };
    }
    if (ref.collection === 'sources') {
      const source = this.graph.node(ref as Ref<'sources'>);
      const publisher = this.graph.node(source.data.publisher);
      const day = formatTimestamp(source.data.published, { time: false });
      return { text: `[${publisher.data.shortName ?? publisher.title}, ${day}]`, href: this.href(ref), marker: true };
    }
    return { text: this.graph.node(ref).title, href: this.href(ref) };
  }

  inline(nodes: MdNode[], style: Omit<Run, 'text'> = {}): Run[] {
    const runs: Run[] = [];
    for (const node of nodes) {
      switch (node.type) {
        case 'text':
          runs.push({ ...style, text: node.value ?? '' });
          break;
        case 'inlineCode':
          runs.push({ ...style, text: node.value ?? '', code: true });
          break;
        case 'break':
          runs.push({ ...style, text: ' ' });
          break;
        case 'emphasis':
          runs.push(...this.inline(node.children ?? [], { ...style, em: true }));
          break;
        case 'strong':
          runs.push(...this.inline(node.children ?? [], { ...style, strong: true }));
          break;
        case 'link':
          runs.push(...this.linked(node.children ?? [], node.url ?? '', style));
          break;
        case 'linkReference':
          runs.push(...this.linked(node.children ?? [], this.definitions.get(node.identifier ?? ''), style));
          break;
        case 'image':
        case 'imageReference':
          // The email carries no images: the reader sees what the image shows and follows the link to it.
          runs.push({
            ...style,
            text: node.alt ? fill(linksUi.email.image, { alt: node.alt }) : linksUi.email.imageUndescribed,
            href: this.link(this.page),
          });
          break;
        case 'mdxJsxTextElement':
        case 'mdxJsxFlowElement': {
          const ref = this.mentionRef(node);
          if (!ref) {
            runs.push(...this.inline(node.children ?? [], style));
          } else if (node.name === 'Event' || node.name === 'Cite') {
            runs.push({ ...style, ...this.marker(ref) });
          } else {
            const text = textOf(node).trim();
            runs.push({ ...style, text: text || this.graph.node(ref).title, href: this.href(ref) });
          }
          break;
        }
        default:
          if (node.children) runs.push(...this.inline(node.children, style));
      }
    }
    return runs;
  }

  private dealCard(ref: Ref<'deals'>): EmailBlock {
    const node = this.graph.node(ref);
    return {
      kind: 'card',
      kicker: ui.collections.deals.singular,
      title: node.title,
      href: this.href(ref),
      facts: dealFacts(this.graph, node.data, this.site, this.today).map((f) => ({
        label: f.label,
        value: inlineText(f.value),
      })),
    };
  }

  private eventCard(ref: Ref<'events'>): EmailBlock {
    const node = this.graph.node(ref);
    return {
      kind: 'card',
      kicker: ui.collections.events.singular,
      title: node.title,
      href: this.href(ref),
      facts: eventFacts(this.graph, node.data, this.site, this.today).map((f) => ({
        label: f.label,
        value: inlineText(f.value),
      })),
    };
  }

  private quote(ref: Ref<'quotes'>): EmailBlock {
    const node = this.graph.node(ref);
    return {
      kind: 'quote',
      text: node.data.text,
      speaker: inlineText(speakerInlines(this.graph, node.data)),
      href: this.href(ref),
    };
  }

  blocks(nodes: MdNode[]): EmailBlock[] {
    const blocks: EmailBlock[] = [];
    for (const node of nodes) {
      switch (node.type) {
        case 'heading':
          blocks.push({ kind: 'heading', runs: tidy(this.inline(node.children ?? [])) });
          break;
        case 'paragraph': {
          const runs = tidy(this.inline(node.children ?? []));
          if (runs.length) blocks.push({ kind: 'paragraph', runs });
          break;
        }
        case 'list':
          blocks.push({
            kind: 'list',
            ordered: Boolean(node.ordered),
            items: (node.children ?? []).map((item) => tidy(this.inline(item.children ?? []))),
          });
          break;
        case 'blockquote':
          blocks.push({ kind: 'quote', text: textOf(node).replace(/\s+/g, ' ').trim() });
          break;
        case 'thematicBreak':
          blocks.push({ kind: 'rule' });
          break;
        case 'table': {
          const [head, ...rows] = (node.children ?? []).map((row) =>
            (row.children ?? []).map((cell) => tidy(this.inline(cell.children ?? []))),
          );
          if (head) blocks.push({ kind: 'table', head, rows });
          break;
        }
        case 'definition':
          break;
        case 'code':
          blocks.push({ kind: 'paragraph', runs: [{ text: node.value ?? '', code: true }] });
          break;
        case 'mdxJsxFlowElement': {
          const ref = this.mentionRef(node);
          if (ref?.collection === 'deals') blocks.push(this.dealCard(ref as Ref<'deals'>));
          else if (ref?.collection === 'events') blocks.push(this.eventCard(ref as Ref<'events'>));
          else if (ref?.collection === 'quotes') blocks.push(this.quote(ref as Ref<'quotes'>));
          else {
            const runs = tidy(this.inline([node]));
            if (runs.length) blocks.push({ kind: 'paragraph', runs });
          }
          break;
        }
        default:
          if (node.children) blocks.push(...this.blocks(node.children));
      }
    }
    return blocks;
  }
}

/** The email model of a briefing from its node and MDX body; statuses as of their sources, past due on `today`. */
export function emailBriefing(
  graph: Graph,
  site: SiteConfig,
  briefing: Node<'briefings'>,
  body: string,
  link: LinkMaker,
  today: string,
): EmailBriefing {
  const b = briefing.data;
  const tree = mdxToMdast(body) as unknown as MdNode;
  const builder = new Builder(graph, site, link, entityUrl(briefing.ref), today, linkDefinitions(tree));
  const published = fill(linksUi.email.published, { date: formatDay(b.published) });
  const { sources } = briefingCoverage(graph, briefing.ref);
  return {
    lang: site.lang,
    site: { title: site.title, href: link(homeUrl()) },
    title: briefing.title,
    href: link(entityUrl(briefing.ref)),
    dateLine: b.updated ? `${published} · ${fill(linksUi.email.updated, { date: formatDay(b.updated) })}` : published,
    summary: b.summary,
    blocks: builder.blocks(tree.children ?? []),
    sources: sources.map((s) => ({
      title: s.title,
      href: link(entityUrl(s.ref)),
      meta: `${graph.node(s.data.publisher).title}, ${formatTimestamp(s.data.published, { time: false })}`,
    })),
    footer: fill(linksUi.email.footer, { site: site.title }),
  };
}

// ---------------------------------------------------------------------------------------------
// HTML: what email clients render reliably. Tables for layout, every style inline, no classes,
// no <style> or <script>, system fonts, a 600 px column.

/**
 * The snippet's Content-Security-Policy, for the copy the site serves: nothing loads or runs but
 * its inline styles and https images (email clients ignore it; browsers opening the file obey).
 */
export const EMAIL_CSP =
  "default-src 'none'; style-src 'unsafe-inline'; img-src https:; base-uri 'none'; form-action 'none'";

const FONT = 'Arial, Helvetica, sans-serif';
const C = { page: '#f3f4f6', card: '#ffffff', text: '#1f2328', muted: '#57606a', link: '#0b57d0', rule: '#d0d7de' };

function runsHtml(runs: Run[]): string {
  return runs
    .map((run) => {
      let html = escapeMarkup(run.text);
      if (run.code) html = `<code style="font-family: Consolas, Menlo, monospace; font-size: 90%;">${html}</code>`;
      if (run.em) html = `<em>${html}</em>`;
      if (run.strong) html = `<strong>${html}</strong>`;
      if (run.href)
        html = `<a href="${escapeMarkup(run.href)}" style="color: ${C.link}; text-decoration: underline;">${html}</a>`;
      return html;
    })
    .join('');
}

function row(content: string, padding = '16px 32px 0 32px'): string {
  return `<tr><td style="padding: ${padding}; font-family: ${FONT}; font-size: 16px; line-height: 1.6; color: ${C.text};">${content}</td></tr>`;
}

function blockHtml(block: EmailBlock): string {
  switch (block.kind) {
    case 'heading':
      return row(
        `<h2 style="margin: 8px 0 0 0; font-family: ${FONT}; font-size: 20px; line-height: 1.3; color: ${C.text};">${runsHtml(block.runs)}</h2>`,
      );
    case 'paragraph':
      return row(`<p style="margin: 0;">${runsHtml(block.runs)}</p>`);
    case 'list': {
      const tag = block.ordered ? 'ol' : 'ul';
      const items = block.items.map((item) => `<li style="margin: 0 0 4px 0;">${runsHtml(item)}</li>`).join('');
      return row(`<${tag} style="margin: 0; padding: 0 0 0 24px;">${items}</${tag}>`);
    }
    case 'card': {
      const facts = block.facts
        .map(
          (f) =>
            `<tr><td valign="top" style="padding: 2px 12px 2px 0; font-family: ${FONT}; font-size: 14px; color: ${C.muted}; white-space: nowrap;">${escapeMarkup(f.label)}</td>` +
            `<td valign="top" style="padding: 2px 0; font-family: ${FONT}; font-size: 14px; color: ${C.text};">${escapeMarkup(f.value)}</td></tr>`,
        )
        .join('');
      return row(
        `<table role="presentation" width="100%" cellpadding="0" cellspacing="0" border="0" style="border: 1px solid ${C.rule}; border-left: 4px solid ${C.link};">` +
          `<tr><td style="padding: 12px 16px; font-family: ${FONT};">` +
          `<p style="margin: 0; font-size: 12px; letter-spacing: 1px; text-transform: uppercase; color: ${C.muted};">${escapeMarkup(block.kicker)}</p>` +
          `<p style="margin: 4px 0 8px 0; font-size: 17px; font-weight: bold; line-height: 1.35;"><a href="${escapeMarkup(block.href)}" style="color: ${C.text}; text-decoration: none;">${escapeMarkup(block.title)}</a></p>` +
          `<table role="presentation" cellpadding="0" cellspacing="0" border="0">${facts}</table>` +
          `</td></tr></table>`,
      );
    }
    case 'quote': {
      const speaker = block.speaker
        ? `<p style="margin: 8px 0 0 0; font-size: 14px; color: ${C.muted};">— ${
            block.href
              ? `<a href="${escapeMarkup(block.href)}" style="color: ${C.muted}; text-decoration: underline;">${escapeMarkup(block.speaker)}</a>`
              : escapeMarkup(block.speaker)
          }</p>`
        : '';
      return row(
        `<table role="presentation" width="100%" cellpadding="0" cellspacing="0" border="0"><tr>` +
          `<td style="padding: 4px 0 4px 16px; border-left: 4px solid ${C.rule}; font-family: ${FONT};">` +
          `<p style="margin: 0; font-size: 18px; line-height: 1.5; color: ${C.text};">“${escapeMarkup(block.text)}”</p>${speaker}` +
          `</td></tr></table>`,
      );
    }
    case 'table': {
      const cell = (tag: 'th' | 'td', runs: Run[]) =>
        `<${tag} align="left" valign="top" style="padding: 4px 8px; border: 1px solid ${C.rule}; font-family: ${FONT}; font-size: 14px;${tag === 'th' ? ' font-weight: bold;' : ''}">${runsHtml(runs)}</${tag}>`;
      const head = `<tr>${block.head.map((c) => cell('th', c)).join('')}</tr>`;
      const rows = block.rows.map((r) => `<tr>${r.map((c) => cell('td', c)).join('')}</tr>`).join('');
      return row(
        `<table cellpadding="0" cellspacing="0" border="0" style="border-collapse: collapse;">${head}${rows}</table>`,
      );
    }
    case 'rule':
      return row(`<hr style="border: 0; border-top: 1px solid ${C.rule}; margin: 8px 0;">`);
  }
}

/** The briefing as a standalone, email-safe HTML document. */
export function emailHtml(email: EmailBriefing): string {
  const sources = email.sources
    .map(
      (s) =>
        `<li style="margin: 0 0 4px 0;"><a href="${escapeMarkup(s.href)}" style="color: ${C.link}; text-decoration: underline;">${escapeMarkup(s.title)}</a> <span style="color: ${C.muted};">(${escapeMarkup(s.meta)})</span></li>`,
    )
    .join('');
  const rows = [
    row(
      `<a href="${escapeMarkup(email.site.href)}" style="color: ${C.muted}; text-decoration: none; font-size: 13px; letter-spacing: 1px; text-transform: uppercase;">${escapeMarkup(email.site.title)}</a>`,
      '24px 32px 0 32px',
    ),
    row(
      `<h1 style="margin: 0; font-family: ${FONT}; font-size: 26px; line-height: 1.25; color: ${C.text};"><a href="${escapeMarkup(email.href)}" style="color: ${C.text}; text-decoration: none;">${escapeMarkup(email.title)}</a></h1>`,
      '8px 32px 0 32px',
    ),
    row(
      `<p style="margin: 0; font-size: 13px; color: ${C.muted};">${escapeMarkup(email.dateLine)}</p>`,
      '8px 32px 0 32px',
    ),
    row(
      `<p style="margin: 0; font-size: 18px; line-height: 1.5; color: ${C.muted};">${escapeMarkup(email.summary)}</p>`,
    ),
    ...email.blocks.map(blockHtml),
    row(
      `<table role="presentation" cellpadding="0" cellspacing="0" border="0"><tr><td style="background-color: ${C.link}; border-radius: 4px;">` +
        `<a href="${escapeMarkup(email.href)}" style="display: inline-block; padding: 10px 18px; font-family: ${FONT}; font-size: 15px; font-weight: bold; color: #ffffff; text-decoration: none;">${escapeMarkup(linksUi.email.readOnline)}</a>` +
        `</td></tr></table>`,
      '24px 32px 0 32px',
    ),
    ...(sources
      ? [
          row(
            `<h2 style="margin: 0 0 8px 0; font-family: ${FONT}; font-size: 15px; color: ${C.text};">${escapeMarkup(linksUi.email.sources)}</h2>` +
              `<ul style="margin: 0; padding: 0 0 0 20px; font-size: 14px;">${sources}</ul>`,
            '24px 32px 0 32px',
          ),
        ]
      : []),
    row(
      `<p style="margin: 0; font-size: 12px; color: ${C.muted}; border-top: 1px solid ${C.rule}; padding-top: 12px;">${escapeMarkup(email.footer)} <a href="${escapeMarkup(email.site.href)}" style="color: ${C.muted}; text-decoration: underline;">${escapeMarkup(email.site.title)}</a></p>`,
      '24px 32px 24px 32px',
    ),
  ];
  return [
    '<!DOCTYPE html>',
    `<html lang="${escapeMarkup(email.lang)}">`,
    '<head>',
    '<meta charset="utf-8">',
    `<meta http-equiv="Content-Security-Policy" content="${escapeMarkup(EMAIL_CSP)}">`,
    '<meta name="viewport" content="width=device-width, initial-scale=1">',
    '<meta name="color-scheme" content="light">',
    `<title>${escapeMarkup(email.title)}</title>`,
    '</head>',
    `<body style="margin: 0; padding: 0; background-color: ${C.page};">`,
    `<table role="presentation" width="100%" cellpadding="0" cellspacing="0" border="0" style="background-color: ${C.page};"><tr><td align="center" style="padding: 24px 8px;">`,
    `<table role="presentation" width="600" cellpadding="0" cellspacing="0" border="0" style="width: 600px; max-width: 600px; background-color: ${C.card}; border: 1px solid ${C.rule};">`,
    ...rows,
    '</table>',
    '</td></tr></table>',
    '</body>',
    '</html>',
    '',
  ].join('\n');
}

// ---------------------------------------------------------------------------------------------
// Plain text: wrapped at 72 columns; links become numbered references listed at the end.

/**
 * The byte order mark that starts the served `email.txt`. A static host serves `.txt` as
 * `text/plain` without a charset, and browsers then guess a legacy encoding (curly quotes turn into
 * "â€œ", CJK names into mojibake); a UTF-8 BOM makes every browser read the file as UTF-8, and
 * wins over any header. It stays out of what readers copy: `fetch().text()` (the newsletter copy
 * button) drops it, as do email clients and newsletter tools that import UTF-8 text.
 */
export const UTF8_BOM = '\uFEFF';

/** The plain-text email as the site serves it: {@link emailText} after a UTF-8 byte order mark. */
export function emailTextFile(email: EmailBriefing): string {
  return UTF8_BOM + emailText(email);
}

/** The briefing as plain text for the text part of an email. */
export function emailText(email: EmailBriefing): string {
  const links: string[] = [];
  const ref = (href: string) => {
    const at = links.indexOf(href);
    if (at >= 0) return at + 1;
    links.push(href);
    return links.length;
  };
  // A marker (event date, citation) is only its reference: the sources are listed at the end.
  const runsText = (runs: Run[]) =>
    runs.map((r) => (r.marker ? `[${ref(r.href!)}]` : r.href ? `${r.text} [${ref(r.href)}]` : r.text)).join('');
  const out: string[] = [email.site.title.toUpperCase(), '', email.title, email.dateLine, '', wrap(email.summary)];
  for (const block of email.blocks) {
    out.push('');
    switch (block.kind) {
      case 'heading': {
        const text = runsText(block.runs);
        out.push(text, '-'.repeat(Math.min(text.length, 72)));
        break;
      }
      case 'paragraph':
        out.push(wrap(runsText(block.runs)));
        break;
      case 'list':
        block.items.forEach((item, i) => {
          const bullet = block.ordered ? `${i + 1}. ` : '- ';
          out.push(bullet + wrap(runsText(item), 72 - bullet.length, ' '.repeat(bullet.length)));
        });
        break;
      case 'card':
        out.push(wrap(`${block.kicker.toUpperCase()}: ${block.title} [${ref(block.href)}]`, 72, '  '));
        for (const f of block.facts) out.push(`  ${wrap(`${f.label}: ${f.value}`, 70, '    ')}`);
        break;
      case 'quote':
        out.push(`  ${wrap(`“${block.text}”`, 70, '  ')}`);
        if (block.speaker) {
          out.push(`  ${wrap(`— ${block.speaker}${block.href ? ` [${ref(block.href)}]` : ''}`, 70, '    ')}`);
        }
        break;
      case 'table':
        // One line per row, each cell named by its column: "Year: 2024; Widgets: 500".
        for (const r of block.rows) {
          const cells = r.map((c, i) => {
            const name = block.head[i] ? runsText(block.head[i]) : '';
            return name ? `${name}: ${runsText(c)}` : runsText(c);
          });
          out.push(`- ${wrap(cells.join('; '), 70, '  ')}`);
        }
        break;
      case 'rule':
        out.push('* * *');
        break;
    }
  }
  out.push('', `${linksUi.email.readOnline}: ${email.href}`);
  if (email.sources.length) {
    out.push('', linksUi.email.sources);
    for (const s of email.sources) out.push(`- ${wrap(`${s.title} (${s.meta}) [${ref(s.href)}]`, 70, '  ')}`);
  }
  if (links.length) {
    out.push('');
    links.forEach((href, i) => out.push(`[${i + 1}] ${href}`));
  }
  out.push('', '-- ', wrap(`${email.footer} ${email.site.href}`), '');
  return out.join('\n');
}
