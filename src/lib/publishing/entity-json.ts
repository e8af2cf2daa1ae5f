import { dataUi } from '../../i18n/data';
import { fill } from '../../i18n/fill';
import { ui } from '../../i18n/ui';
import type { EntityCollection, Ref } from '../../schemas/common';
import { refKey, type Edge, type EdgeKind, type Graph, type Node } from '../graph/graph';
import { absoluteUrl, anchorUrl, csvExportName, entityJsonUrl, entityUrl, exportUrl } from '../routes';
import { countryName, formatMoney, formatQuantity, formatTimestamp } from '../values/format';
import { formatDay, formatFuzzyDate } from '../values/fuzzy-date';
import { clip } from '../values/text';
import {
  citedSourceIds,
  COLLECTION_TABLES,
  isoDateTime,
  PART_TABLES,
  type ExportContext,
  type ExportRow,
  type ExportTable,
} from './exports';

/**
 * Every entity as a JSON document beside its page (`/companies/catl.json`), for newsletter
 * tools, embeds and the site's own hover previews: what a preview card shows, the entity's
 * fields exactly as the exports give them, its relations both ways and its sources. The shape
 * is documented in docs/data.md and versioned by {@link ENTITY_JSON_VERSION}.
 */

/** The shape's version: raised only when a field changes meaning or goes away. */
export const ENTITY_JSON_VERSION = 1;

/** Longest one-line text of a preview card, in characters. */
export const PREVIEW_LINE_MAX = 160;
/** Most numbers a preview card shows. */
export const PREVIEW_NUMBERS_MAX = 3;

/** Another entity, as a relation or source names it. */
export interface EntityLink {
  collection: EntityCollection;
  id: string;
  title: string;
  /** Its page. */
  url: string;
  /** Its own JSON document. */
  json: string;
}

/** One relation: an edge of the graph from or to this entity. */
export interface EntityRelation extends EntityLink {
  /** What kind of reference it is (see docs/data.md): `party`, `parent`, `role`, `speaker`, `about`, … */
  kind: EdgeKind;
  /** `out` when this entity refers to the other one, `in` when the other one refers to it. */
  direction: 'out' | 'in';
  /** A party's role in a deal (`supplier`) or a person's job title, where the reference has one. */
  role?: string;
  /** For `mentions`: every place in the briefing where the mention stands. */
  places?: string[];
}

/** A source the entity cites. */
export interface EntitySource extends EntityLink {
  publisher: string;
  /** When it was published, with its time-zone offset (`2025-07-09T19:18:00+09:00`). */
  published: string;
  /** The original publication's address, where known. */
  original?: string;
}

/** What a preview card shows: all text, ready to draw. */
export interface EntityPreview {
  title: string;
  /** One line: its type and kind, e.g. "Company · Battery cell maker · China". */
  kind: string;
  /** A line about it (a description, a summary, a quote's words), clipped. */
  line?: string;
  /** Up to three key numbers or dates, e.g. `{ label: "Value", value: "more than ₩1 trillion KRW …" }`. */
  numbers: { label: string; value: string }[];
}

/** The JSON document of one entity. */
export interface EntityJson {
  version: typeof ENTITY_JSON_VERSION;
  collection: EntityCollection;
  id: string;
  title: string;
  url: string;
  json: string;
  preview: EntityPreview;
  /** The entity's row of its table in the exports (`/data/<table>.csv`), typed as in dataset.json. */
  table: { name: string; csv: string };
  fields: ExportRow;
  /** Rows of the tables of its parts: `key_figures` of a company, `roles` of a person, `figures` of an event. */
  parts: Record<string, ExportRow[]>;
  relations: EntityRelation[];
  sources: EntitySource[];
}

const sep = ' · ';

function linkOf(graph: Graph, ref: Ref, siteUrl: URL): EntityLink {
  return {
    collection: ref.collection,
    id: ref.id,
    title: graph.node(ref).title,
    url: absoluteUrl(entityUrl(ref), siteUrl),
    json: absoluteUrl(entityJsonUrl(ref), siteUrl),
  };
}

/** Every edge from or to `ref`, once per other entity, kind, direction and role; mentions with their places. */
export function entityRelations(graph: Graph, ref: Ref, siteUrl: URL): EntityRelation[] {
  const relations = new Map<string, EntityRelation>();
  const add = (edge: Edge, direction: 'out' | 'in') => {
    const other = direction === 'out' ? edge.to : edge.from;
    const key = `${direction} ${edge.kind} ${refKey(other)} ${edge.role ?? ''}`;
    let relation = relations.get(key);
    if (!relation) {
      relation = {
        kind: edge.kind,
        direction,
        ...(edge.role ? { role: edge.role } : {}),
        ...linkOf(graph, other, siteUrl),
      };
      relations.set(key, relation);
    }
    if (edge.mention) {
      (relation.places ??= []).push(absoluteUrl(anchorUrl(edge.from, edge.mention.anchor), siteUrl));
    }
  };
  for (const edge of graph.outgoing(ref)) add(edge, 'out');
  for (const edge of graph.incoming(ref)) add(edge, 'in');
  return [...relations.values()];
}

function sourcesOf(graph: Graph, ref: Ref, siteUrl: URL): EntitySource[] {
  return citedSourceIds(graph, ref).map((id) => {
    const source = graph.node({ collection: 'sources', id });
    return {
      ...linkOf(graph, source.ref, siteUrl),
      publisher: graph.node(source.data.publisher).title,
      published: isoDateTime(source.data.published),
      ...(source.data.url ? { original: source.data.url } : {}),
    };
  });
}

/** What an entity's preview card shows, from the same words and formats as its page. */
export function entityPreview(ctx: ExportContext, node: Node): EntityPreview {
  const { graph, site } = ctx;
  const v = site.vocabulary;
  const singular = ui.collections[node.ref.collection].singular;
  const line = (text: string | undefined) => (text ? { line: clip(text, PREVIEW_LINE_MAX) } : {});
  const numbers = (list: ({ label: string; value: string } | undefined)[]) =>
    list.filter((n): n is { label: string; value: string } => n !== undefined).slice(0, PREVIEW_NUMBERS_MAX);
  switch (node.ref.collection) {
    case 'companies': {
      const c = (node as Node<'companies'>).data;
      const deals = new Set(graph.incoming(node.ref, 'party').map((e) => e.from.id)).size;
      return {
        title: node.title,
        kind: [singular, v.companyKinds[c.kind] ?? c.kind, countryName(c.country)].join(sep),
        ...line(c.description),
        numbers: numbers([
          ...c.keyFigures.slice(0, 2).map((f) => ({
            label: f.label,
            value: `${f.quantity ? formatQuantity(f.quantity, v.units) : formatMoney(f.money!)} (${formatFuzzyDate(f.period)})`,
          })),
          deals ? { label: dataUi.preview.deals, value: String(deals) } : undefined,
        ]),
      };
    }
    case 'people': {
      const p = (node as Node<'people'>).data;
      const role = p.roles[0];
      const quotes = graph.incoming(node.ref, 'speaker').length;
      return {
        title: node.title,
        kind: [singular, ...(p.nativeName ? [p.nativeName] : [])].join(sep),
        ...line(
          role
            ? [role.title, role.organisation && graph.node(role.organisation).title].filter(Boolean).join(', ')
            : p.description,
        ),
        numbers: numbers([quotes ? { label: dataUi.preview.quotes, value: String(quotes) } : undefined]),
      };
    }
    case 'deals': {
      const d = (node as Node<'deals'>).data;
      return {
        title: node.title,
        kind: [singular, v.dealKinds[d.kind] ?? d.kind, ui.dealStatus[d.status]].join(sep),
        ...line(d.summary),
        numbers: numbers([
          d.value ? { label: ui.facts.value, value: formatMoney(d.value) } : undefined,
          d.volume ? { label: ui.facts.volume, value: formatQuantity(d.volume, v.units) } : undefined,
          d.announced ? { label: ui.facts.announced, value: formatFuzzyDate(d.announced) } : undefined,
        ]),
      };
    }
    case 'events': {
      const e = (node as Node<'events'>).data;
      return {
        title: node.title,
        kind: [singular, v.eventKinds[e.kind] ?? e.kind, ui.eventStatus[e.status]].join(sep),
        ...line(e.summary),
        numbers: numbers([
          { label: ui.facts.date, value: formatFuzzyDate(e.date) },
          ...e.figures.map((f) => ({ label: f.label, value: formatQuantity(f.quantity, v.units) })),
        ]),
      };
    }
    case 'quotes': {
      const q = (node as Node<'quotes'>).data;
      const source = graph.node(q.source);
      const speaker =
        (q.speaker.person && graph.node(q.speaker.person).title) ??
        q.speaker.description ??
        (q.speaker.organisation && graph.node(q.speaker.organisation).title) ??
        ui.quote.fallbackSpeaker;
      return {
        title: speaker,
        kind: [singular, ...(q.role ? [q.role] : [])].join(sep),
        line: `“${clip(q.text, PREVIEW_LINE_MAX - 2)}”`,
        numbers: [
          q.date
            ? { label: ui.facts.date, value: formatFuzzyDate(q.date) }
            : {
                label: ui.facts.source,
                value: fill(ui.lists.reported, { date: formatTimestamp(source.data.published, { time: false }) }),
              },
        ],
      };
    }
    case 'sources': {
      const s = (node as Node<'sources'>).data;
      return {
        title: node.title,
        kind: [singular, graph.node(s.publisher).title].join(sep),
        ...line(s.notes),
        numbers: [{ label: ui.facts.published, value: formatTimestamp(s.published, { time: false }) }],
      };
    }
    case 'briefings': {
      const b = (node as Node<'briefings'>).data;
      return {
        title: node.title,
        kind: singular,
        ...line(b.description),
        numbers: [{ label: ui.briefing.published, value: formatDay(b.published) }],
      };
    }
  }
}

/** The rows of the export tables, by entity: its own row and the rows of its parts. */
export interface ExportIndex {
  rows: Map<string, ExportRow>;
  parts: Map<string, Record<string, ExportRow[]>>;
}

/** Indexes export tables by the entity each row belongs to (see ExportTable.owners). */
export function indexExports(tables: readonly ExportTable[]): ExportIndex {
  const rows = new Map<string, ExportRow>();
  const parts = new Map<string, Record<string, ExportRow[]>>();
  const partOf = new Map(Object.values(PART_TABLES).map((p) => [p.table, p.key]));
  for (const table of tables) {
    const part = partOf.get(table.name);
    table.rows.forEach((row, i) => {
      const owner = refKey(table.owners[i]!);
      if (part) {
        const entry = parts.get(owner) ?? {};
        (entry[part] ??= []).push(row);
        parts.set(owner, entry);
      } else if (COLLECTION_TABLES[table.owners[i]!.collection][0] === table.name) {
        rows.set(owner, row);
      }
    });
  }
  return { rows, parts };
}

/** The JSON document of one entity. */
export function entityJson(ctx: ExportContext, node: Node, index: ExportIndex): EntityJson {
  const { graph, siteUrl } = ctx;
  const ref = node.ref;
  const table = COLLECTION_TABLES[ref.collection][0]!;
  const part = PART_TABLES[ref.collection];
  return {
    version: ENTITY_JSON_VERSION,
    collection: ref.collection,
    id: ref.id,
    title: node.title,
    url: absoluteUrl(entityUrl(ref), siteUrl),
    json: absoluteUrl(entityJsonUrl(ref), siteUrl),
    preview: entityPreview(ctx, node),
    table: { name: table, csv: absoluteUrl(exportUrl(csvExportName(table)), siteUrl) },
    fields: index.rows.get(refKey(ref)) ?? {},
    parts: part ? { [part.key]: index.parts.get(refKey(ref))?.[part.key] ?? [] } : {},
    relations: entityRelations(graph, ref, siteUrl),
    sources: sourcesOf(graph, ref, siteUrl),
  };
}

/** The text of an entity's JSON document, as published. */
export function entityJsonText(ctx: ExportContext, node: Node, index: ExportIndex): string {
  return `${JSON.stringify(entityJson(ctx, node, index), null, 2)}\n`;
}
