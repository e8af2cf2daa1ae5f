import type { Briefing } from '../../schemas/briefing';
import { ENTITY_COLLECTIONS, type EntityCollection, type Ref } from '../../schemas/common';
import type { Company } from '../../schemas/company';
import type { Deal } from '../../schemas/deal';
import type { Event } from '../../schemas/event';
import type { Person } from '../../schemas/person';
import type { Quote } from '../../schemas/quote';
import type { Source } from '../../schemas/source';
import { ContentError } from '../content/content-errors';
import { briefingPolicy, parseBriefing } from './briefing-policy';
import { mentionsIn, MENTION_COMPONENTS, type ContextPart } from './mentions';
import { nearest } from '../values/suggest';

/**
 * The knowledge graph: every entry of every collection, every reference resolved, and every
 * relation indexed in both directions. Built once per build from validated entries; pages only
 * read from it. Pure TypeScript, no Astro imports.
 */

/** The data type of each collection. */
export interface CollectionData {
  companies: Company;
  people: Person;
  deals: Deal;
  quotes: Quote;
  events: Event;
  sources: Source;
  briefings: Briefing;
}

/** One validated entry as the content layer gives it. */
export interface Entry<T> {
  id: string;
  /** Path of the file, relative to the project, for error messages. */
  filePath: string;
  data: T;
  /** MDX body, for briefings. */
  body?: string;
  /** Line of the file on which the body starts, so messages give file lines (default 1). */
  bodyLine?: number;
}

export type GraphInput = { [C in EntityCollection]: Entry<CollectionData[C]>[] };

/** An entity in the graph. */
export interface Node<C extends EntityCollection = EntityCollection> {
  ref: Ref<C>;
  filePath: string;
  data: CollectionData[C];
  /** How the entity is named in links and lists. */
  title: string;
}

/**
 * How one entity refers to another:
 * - `party`: deal → company (with `role`); `parent`: company → parent company;
 * - `role`: person → organisation (with `role` = title); `speaker`: quote → person or organisation;
 * - `about`: quote or briefing → what it is about; `mentions`: briefing → entity named in its text;
 * - `involves`: event → company; `related`: event → deal;
 * - `cites`: entry → source; `publisher` / `translated-from`: source → publisher.
 */
export type EdgeKind =
  | 'party'
  | 'parent'
  | 'role'
  | 'speaker'
  | 'about'
  | 'mentions'
  | 'involves'
  | 'related'
  | 'cites'
  | 'publisher'
  | 'translated-from';

export interface Edge {
  from: Ref;
  to: Ref;
  kind: EdgeKind;
  /** The field the reference was written in, e.g. `parties[0].company`. */
  field: string;
  /** Party role or job title, for `party` and `role` edges. */
  role?: string;
  /** For `mentions`: where in the briefing, and the sentence around it. */
  mention?: { anchor: string; context: ContextPart[] };
}

export interface Graph {
  /** Entities of a collection in a stable order (see {@link buildGraph}). */
  all<C extends EntityCollection>(collection: C): Node<C>[];
  /** The entity a reference points at, or undefined. */
  get<C extends EntityCollection>(ref: Ref<C>): Node<C> | undefined;
  /** Like {@link get}, but throws for an unknown reference (the graph has already checked them all). */
  node<C extends EntityCollection>(ref: Ref<C>): Node<C>;
  /** References from `ref` to other entities, optionally of one kind. */
  outgoing(ref: Ref, kind?: EdgeKind): Edge[];
  /** References to `ref` from other entities, optionally of one kind. */
  incoming(ref: Ref, kind?: EdgeKind): Edge[];
  /** Old id → current entity, for redirects. */
  redirects(): { from: Ref; to: Ref }[];
  /** Number of entities per collection. */
  counts(): Record<EntityCollection, number>;
}

/** `companies/catl`: the key of a reference in maps. */
export function refKey(ref: Ref): string {
  return `${ref.collection}/${ref.id}`;
}

/** Singular noun per collection, for messages. */
const SINGULAR: Record<EntityCollection, string> = {
  companies: 'company',
  people: 'person',
  deals: 'deal',
  quotes: 'quote',
  events: 'event',
  sources: 'source',
  briefings: 'briefing',
};

type Link = { to: Ref; kind: EdgeKind; field: string; role?: string };

function aboutLinks(about: Quote['about']): Link[] {
  const links: Link[] = [];
  for (const key of ['companies', 'people', 'deals', 'events', 'quotes'] as const) {
    about[key].forEach((to, i) => links.push({ to, kind: 'about', field: `about.${key}[${i}]` }));
  }
  return links;
}

function sourceLinks(sources: Ref<'sources'>[]): Link[] {
  return sources.map((to, i) => ({ to, kind: 'cites', field: `sources[${i}]` }));
}

/** Every reference an entry makes, with the field it is written in. */
function linksOf<C extends EntityCollection>(collection: C, data: CollectionData[C]): Link[] {
  switch (collection as EntityCollection) {
    case 'companies': {
      const c = data as Company;
      return [
        ...(c.parent ? [{ to: c.parent, kind: 'parent' as const, field: 'parent' }] : []),
        ...c.keyFigures.map((f, i) => ({ to: f.source, kind: 'cites' as const, field: `keyFigures[${i}].source` })),
        ...sourceLinks(c.sources),
      ];
    }
    case 'people': {
      const p = data as Person;
      return [
        ...p.roles.flatMap((r, i) =>
          r.organisation
            ? [{ to: r.organisation, kind: 'role' as const, field: `roles[${i}].organisation`, role: r.title }]
            : [],
        ),
        ...sourceLinks(p.sources),
      ];
    }
    case 'deals': {
      const d = data as Deal;
      return [
        ...d.parties.map((p, i) => ({
          to: p.company,
          kind: 'party' as const,
          field: `parties[${i}].company`,
          role: p.role,
        })),
        ...sourceLinks(d.sources),
      ];
    }
    case 'quotes': {
      const q = data as Quote;
      return [
        ...(q.speaker.person ? [{ to: q.speaker.person, kind: 'speaker' as const, field: 'speaker.person' }] : []),
        ...(q.speaker.organisation
          ? [{ to: q.speaker.organisation, kind: 'speaker' as const, field: 'speaker.organisation' }]
          : []),
        ...aboutLinks(q.about),
        { to: q.source, kind: 'cites', field: 'source' },
      ];
    }
    case 'events': {
      const e = data as Event;
      return [
        ...e.companies.map((to, i) => ({ to, kind: 'involves' as const, field: `companies[${i}]` })),
        ...e.deals.map((to, i) => ({ to, kind: 'related' as const, field: `deals[${i}]` })),
        ...sourceLinks(e.sources),
      ];
    }
    case 'sources': {
      const s = data as Source;
      return [
        { to: s.publisher, kind: 'publisher', field: 'publisher' },
        ...(s.translatedFrom
          ? [
              {
                to: s.translatedFrom.publication,
                kind: 'translated-from' as const,
                field: 'translatedFrom.publication',
              },
            ]
          : []),
      ];
    }
    case 'briefings': {
      const b = data as Briefing;
      return [...aboutLinks(b.about), ...sourceLinks(b.sources)];
    }
  }
}

/** How an entity is named in links: its name, title, or the opening of a quote. */
export function entityTitle<C extends EntityCollection>(collection: C, data: CollectionData[C]): string {
  switch (collection) {
    case 'companies':
    case 'people':
      return (data as Company | Person).name;
    case 'quotes': {
      const text = (data as Quote).text;
      const words = text.split(/\s+/);
      return `“${words.length > 12 ? `${words.slice(0, 12).join(' ')}…` : text}”`;
    }
    default:
      return (data as Deal | Event | Source | Briefing).title;
  }
}

/**
 * Builds the graph, checking what a schema cannot: every reference (in fields and in briefing
 * text) points at an existing entry, ids and previous ids are unique, nothing refers to itself,
 * and every briefing body is valid MDX that keeps to the briefing policy (see briefing-policy.ts).
 * All problems are reported together, one line each, naming file and field or line.
 *
 * Order of `all()`: briefings newest first; deals by announcement, newest first; events by date;
 * everything else by title.
 */
export function buildGraph(input: GraphInput): Graph {
  const nodes = new Map<string, Node>();
  const byCollection = new Map<EntityCollection, Node[]>();
  const problems: string[] = [];
  const aliasOwner = new Map<string, Node>();
  const redirects: { from: Ref; to: Ref }[] = [];

  for (const collection of ENTITY_COLLECTIONS) {
    const list: Node[] = [];
    for (const entry of input[collection]) {
      const ref = { collection, id: entry.id } as Ref;
      const node: Node = {
        ref,
        filePath: entry.filePath,
        data: entry.data,
        title: entityTitle(collection, entry.data),
      };
      const key = refKey(ref);
      const existing = nodes.get(key);
      if (existing) {
        problems.push(
          `${entry.filePath}: (file name): expected a unique id, found "${entry.id}", which ${existing.filePath} already uses.`,
        );
        continue;
      }
      nodes.set(key, node);
      list.push(node);
    }
    byCollection.set(collection, list);
  }

  // Previous ids become redirects, so they may clash neither with a live id nor with each other.
  for (const node of nodes.values()) {
    const previous = (node.data as { previousIds?: string[] }).previousIds ?? [];
    previous.forEach((oldId, i) => {
      const oldRef = { collection: node.ref.collection, id: oldId } as Ref;
      const key = refKey(oldRef);
      const live = nodes.get(key);
      const claimed = aliasOwner.get(key);
      if (live) {
        problems.push(
          `${node.filePath}: previousIds[${i}]: expected an id no live ${SINGULAR[node.ref.collection]} uses, found "${oldId}", the id of ${live.filePath}.`,
        );
      } else if (claimed) {
        problems.push(
          `${node.filePath}: previousIds[${i}]: expected an id no other entry lists, found "${oldId}", also listed by ${claimed.filePath}.`,
        );
      } else {
        aliasOwner.set(key, node);
        redirects.push({ from: oldRef, to: node.ref });
      }
    });
  }

  const outgoing = new Map<string, Edge[]>();
  const incoming = new Map<string, Edge[]>();
  const addEdge = (edge: Edge) => {
    const from = refKey(edge.from);
    const to = refKey(edge.to);
    (outgoing.get(from) ?? outgoing.set(from, []).get(from)!).push(edge);
    (incoming.get(to) ?? incoming.set(to, []).get(to)!).push(edge);
  };

  const unknown = (from: Node, field: string, to: Ref, where = '') => {
    const candidates = (byCollection.get(to.collection) ?? []).map((n) => n.ref.id);
    const hint = nearest(to.id, candidates);
    const alias = aliasOwner.get(refKey(to));
    problems.push(
      `${from.filePath}: ${field}${where}: expected the id of an existing ${SINGULAR[to.collection]} (a file in ${to.collection}/), found "${to.id}"` +
        (alias
          ? `, which is a previous id of "${alias.ref.id}"; use "${alias.ref.id}".`
          : hint
            ? ` (did you mean "${hint}"?).`
            : '.'),
    );
  };

  for (const node of nodes.values()) {
    for (const link of linksOf(node.ref.collection, node.data)) {
      if (!nodes.has(refKey(link.to))) {
        unknown(node, link.field, link.to);
        continue;
      }
      if (refKey(link.to) === refKey(node.ref)) {
        problems.push(
          `${node.filePath}: ${link.field}: expected a reference to another entry, found "${link.to.id}", this entry itself.`,
        );
        continue;
      }
      addEdge({
        from: node.ref,
        to: link.to,
        kind: link.kind,
        field: link.field,
        ...(link.role ? { role: link.role } : {}),
      });
    }
  }

  for (const entry of input.briefings) {
    const node = nodes.get(refKey({ collection: 'briefings', id: entry.id }))!;
    // Briefings are content, not code: a syntax error or anything the policy forbids is a
    // problem like any other, reported with the rest. (A mention whose id is not a literal is
    // one of them, so only mentions with a literal id are resolved below.)
    const where = { file: entry.filePath, bodyLine: entry.bodyLine ?? 1 };
    const parsed = parseBriefing(entry.body ?? '', where);
    if (parsed.problem !== undefined) {
      problems.push(parsed.problem);
      continue;
    }
    problems.push(...briefingPolicy(parsed.tree, where));
    const { mentions } = mentionsIn(parsed.tree);
    const fileLine = (line: number | undefined) =>
      line === undefined ? '' : ` line ${line + (entry.bodyLine ?? 1) - 1}`;
    for (const mention of mentions) {
      const to = { collection: mention.collection, id: mention.id } as Ref;
      const component = Object.entries(MENTION_COMPONENTS).find(([, spec]) => spec.collection === mention.collection)!;
      const where = ` <${mention.component} ${component[1].attribute}="${mention.id}">`;
      if (!nodes.has(refKey(to))) {
        unknown(node, `body${fileLine(mention.line)}`, to, where);
        continue;
      }
      addEdge({
        from: node.ref,
        to,
        kind: 'mentions',
        field: `body${fileLine(mention.line)}`,
        mention: { anchor: mention.anchor, context: mention.context },
      });
    }
  }

  if (problems.length > 0) {
    throw new ContentError(problems, 'Each line names a file and field; fix them and build again.');
  }

  const sortKey = (node: Node): string => {
    switch (node.ref.collection) {
      case 'briefings':
        return (node.data as Briefing).published;
      case 'deals':
        return (node.data as Deal).announced?.end ?? '';
      case 'events':
        return (node.data as Event).date.end;
      default:
        return '';
    }
  };
  for (const [collection, list] of byCollection) {
    const newestFirst = collection === 'briefings' || collection === 'deals';
    list.sort((a, b) => {
      const ka = sortKey(a);
      const kb = sortKey(b);
      if (ka !== kb) return (ka < kb ? -1 : 1) * (newestFirst ? -1 : 1);
      return a.title.localeCompare(b.title, 'en') || a.ref.id.localeCompare(b.ref.id);
    });
  }

  const counts = Object.fromEntries(ENTITY_COLLECTIONS.map((c) => [c, byCollection.get(c)?.length ?? 0])) as Record<
    EntityCollection,
    number
  >;

  return {
    all: <C extends EntityCollection>(collection: C) => (byCollection.get(collection) ?? []) as Node<C>[],
    get: <C extends EntityCollection>(ref: Ref<C>) => nodes.get(refKey(ref)) as Node<C> | undefined,
    node: <C extends EntityCollection>(ref: Ref<C>) => {
      const found = nodes.get(refKey(ref));
      if (!found) throw new Error(`No ${SINGULAR[ref.collection]} "${ref.id}" in the graph`);
      return found as Node<C>;
    },
    outgoing: (ref, kind) => (outgoing.get(refKey(ref)) ?? []).filter((e) => !kind || e.kind === kind),
    incoming: (ref, kind) => (incoming.get(refKey(ref)) ?? []).filter((e) => !kind || e.kind === kind),
    redirects: () => redirects,
    counts: () => counts,
  };
}
