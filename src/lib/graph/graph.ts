import type { Briefing } from '../../schemas/briefing';
import { COLLECTION_SINGULAR, ENTITY_COLLECTIONS, type EntityCollection, type Ref } from '../../schemas/common';
import type { Company } from '../../schemas/company';
import type { Deal } from '../../schemas/deal';
import type { Event } from '../../schemas/event';
import type { Person } from '../../schemas/person';
import type { Quote } from '../../schemas/quote';
import { publishingKinds, type Vocabulary } from '../../schemas/site';
import type { Source } from '../../schemas/source';
import { ContentError, describeValue } from '../content/content-errors';
import { briefingPolicy, parseBriefing } from './briefing-policy';
import { mentionsIn, MENTION_COMPONENTS, type ContextPart } from './mentions';
import { skeleton } from '../values/confusables';
import { nearest } from '../values/suggest';
import { clip } from '../values/text';

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
  /** Position of every entity of a collection in the order of {@link all}, by id. */
  order(collection: EntityCollection): ReadonlyMap<string, number>;
}

/** `companies/catl`: the key of a reference in maps. */
export function refKey(ref: Ref): string {
  return `${ref.collection}/${ref.id}`;
}

/**
 * Values by reference, found without making a key string: the page list and the files beside the
 * pages look up nodes and edges millions of times a build at 10,000 pages, and building and
 * hashing a new `collection/id` string each time was most of what a lookup cost.
 */
class RefIndex<T> {
  readonly #byCollection = new Map<string, Map<string, T>>();

  set(ref: Ref, value: T): void {
    const ids = this.#byCollection.get(ref.collection) ?? new Map<string, T>();
    this.#byCollection.set(ref.collection, ids);
    ids.set(ref.id, value);
  }

  get(ref: Ref): T | undefined {
    return this.#byCollection.get(ref.collection)?.get(ref.id);
  }
}

/** Singular noun per collection, for messages. */
const SINGULAR = COLLECTION_SINGULAR;

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

/** Longest opening of a quote used as its title, in characters (however long its words). */
const QUOTE_TITLE_MAX = 100;

/** How an entity is named in links: its name, title, or the opening of a quote (12 words at most). */
export function entityTitle<C extends EntityCollection>(collection: C, data: CollectionData[C]): string {
  switch (collection) {
    case 'companies':
    case 'people':
      return (data as Company | Person).name;
    case 'quotes': {
      const text = (data as Quote).text;
      const words = text.split(/\s+/);
      const opening = words.length > 12 ? `${words.slice(0, 12).join(' ')}…` : text;
      return `“${opening.length > QUOTE_TITLE_MAX ? clip(text, QUOTE_TITLE_MAX) : opening}”`;
    }
    default:
      return (data as Deal | Event | Source | Briefing).title;
  }
}

/**
 * Companies whose parents lead back to themselves (A's parent is B, B's parent is A): one line per
 * cycle, on the file of the cycle's first id, listing the whole cycle and the other files in it.
 */
function parentCycles(companies: Node<'companies'>[], nodes: Map<string, Node>): string[] {
  const problems: string[] = [];
  const parentOf = (node: Node<'companies'>) => {
    const parent = node.data.parent;
    const found = parent && parent.id !== node.ref.id ? nodes.get(refKey(parent)) : undefined;
    return found as Node<'companies'> | undefined;
  };
  const done = new Set<Node>();
  for (const start of companies) {
    const path: Node<'companies'>[] = [];
    const onPath = new Set<Node>();
    let current: Node<'companies'> | undefined = start;
    while (current && !done.has(current) && !onPath.has(current)) {
      path.push(current);
      onPath.add(current);
      current = parentOf(current);
    }
    if (current && onPath.has(current)) {
      const cycle = path.slice(path.indexOf(current));
      const first = cycle.reduce((a, b) => (b.ref.id < a.ref.id ? b : a));
      const at = cycle.indexOf(first);
      const ordered = [...cycle.slice(at), ...cycle.slice(0, at)];
      const ids = [...ordered, first].map((n) => n.ref.id).join(' → ');
      const others = ordered
        .slice(1)
        .map((n) => n.filePath)
        .join(', ');
      problems.push(
        `${first.filePath}: parent: expected a chain of parents that ends, found the cycle ${ids} (also ${others}).`,
      );
    }
    for (const node of path) done.add(node);
  }
  return problems;
}

/** Sources whose publisher (or original publication) is not of a company kind that publishes. */
function unpublishedSources(sources: Node<'sources'>[], nodes: Map<string, Node>, vocabulary: Vocabulary): string[] {
  const kinds = publishingKinds(vocabulary);
  const expected =
    kinds.length > 0
      ? `expected a publishing organisation (a company of kind ${kinds.map((k) => `"${k}"`).join(' or ')})`
      : 'expected a publishing organisation (a company of a kind with "publishes: true" in site.yaml, which no kind has yet)';
  const problems: string[] = [];
  for (const source of sources) {
    const check = (field: string, ref: Ref<'companies'> | undefined) => {
      const company = ref && (nodes.get(refKey(ref)) as Node<'companies'> | undefined);
      if (!company || kinds.includes(company.data.kind)) return;
      problems.push(
        `${source.filePath}: ${field}: ${expected}, found "${company.ref.id}", a company of kind "${company.data.kind}".`,
      );
    };
    check('publisher', source.data.publisher);
    check('translatedFrom.publication', source.data.translatedFrom?.publication);
  }
  return problems;
}

/**
 * Names of two different entities of one collection that look alike (same {@link skeleton}):
 * the later entity's field is reported, naming the earlier entity's file.
 */
function lookalikeNames(list: Node[]): string[] {
  const problems: string[] = [];
  const owners = new Map<string, { node: Node; field: string; name: string }>();
  for (const node of list) {
    for (const [field, name] of namesOf(node.ref.collection, node.data)) {
      const key = skeleton(name);
      if (!key) continue;
      const owner = owners.get(key);
      if (!owner) {
        owners.set(key, { node, field, name });
      } else if (owner.node !== node) {
        problems.push(
          `${node.filePath}: ${field}: expected a name no other ${SINGULAR[node.ref.collection]} has or resembles, found ${describeValue(name)}, which reads like ${describeValue(owner.name)} (${owner.field} of ${owner.node.filePath}).`,
        );
      }
    }
  }
  return problems;
}

/** Every name an entity is known by, with the field it is written in (companies and people). */
function namesOf(collection: EntityCollection, data: CollectionData[EntityCollection]): [string, string][] {
  if (collection === 'companies') {
    const c = data as Company;
    return [
      ['name', c.name],
      ...(c.shortName ? [['shortName', c.shortName] as [string, string]] : []),
      ...c.aliases.map((alias, i): [string, string] => [`aliases[${i}]`, alias]),
    ];
  }
  if (collection === 'people') {
    const p = data as Person;
    return [['name', p.name], ...(p.nativeName ? [['nativeName', p.nativeName] as [string, string]] : [])];
  }
  return [];
}

/** The list a reference is an item of (`sources` for `sources[2]`, `parties` for `parties[1].company`), if any. */
function listOf(field: string): string | undefined {
  const party = /^parties\[\d+\]\.company$/.test(field);
  if (party) return 'parties';
  return /^(.+)\[\d+\]$/.exec(field)?.[1];
}

/**
 * Builds the graph, checking what a schema cannot: every reference (in fields and in briefing
 * text) points at an existing entry, ids and previous ids are unique, nothing refers to itself,
 * no list names one entry twice (a company on both sides of a deal), parents form no cycle,
 * sources are published by organisations of a kind that publishes (`publishes: true` in the
 * vocabulary), no two companies (or people) have names that look alike, and every briefing body
 * is valid MDX that keeps to the briefing policy (see briefing-policy.ts). All problems are
 * reported together, one line each, naming file and field or line.
 *
 * Order of `all()`: briefings newest first; deals by announcement, newest first; events by date;
 * everything else by title.
 */
export function buildGraph(
  input: GraphInput,
  vocabulary: Vocabulary,
  options: {
    /**
     * Entries whose file exists but failed its schema (`companies/x`): references to them are
     * neither edges nor "unknown id" problems, since the file's own problem already says what to fix.
     */
    invalid?: ReadonlySet<string>;
  } = {},
): Graph {
  const invalid = options.invalid ?? new Set<string>();
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
      const earlier = previous.indexOf(oldId);
      if (earlier < i) {
        problems.push(
          `${node.filePath}: previousIds[${i}]: expected each previous id once, found "${oldId}" again (already previousIds[${earlier}]).`,
        );
      } else if (live) {
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
    // The first place each entry appears in each list of this entry, e.g. "sources/x" → "sources[0]".
    const listed = new Map<string, Link>();
    for (const link of linksOf(node.ref.collection, node.data)) {
      if (invalid.has(refKey(link.to))) continue;
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
      const list = listOf(link.field);
      if (list) {
        const key = `${list} ${refKey(link.to)}`;
        const first = listed.get(key);
        if (first && list === 'parties') {
          problems.push(
            `${node.filePath}: ${link.field}: expected each company once among the parties (a company cannot deal with itself), found "${link.to.id}" as ${link.role}, already ${first.field} as ${first.role}.`,
          );
          continue;
        }
        if (first) {
          problems.push(
            `${node.filePath}: ${link.field}: expected each ${SINGULAR[link.to.collection]} once in "${list}", found "${link.to.id}" again (already ${first.field}).`,
          );
          continue;
        }
        listed.set(key, link);
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
      if (invalid.has(refKey(to))) continue;
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

  problems.push(...parentCycles(byCollection.get('companies') as Node<'companies'>[], nodes));
  problems.push(...unpublishedSources(byCollection.get('sources') as Node<'sources'>[], nodes, vocabulary));
  for (const collection of ['companies', 'people'] as const) {
    problems.push(...lookalikeNames(byCollection.get(collection) ?? []));
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

  const nodeIndex = new RefIndex<Node>();
  for (const node of nodes.values()) nodeIndex.set(node.ref, node);
  const outIndex = new RefIndex<Edge[]>();
  for (const edges of outgoing.values()) outIndex.set(edges[0]!.from, edges);
  const inIndex = new RefIndex<Edge[]>();
  for (const edges of incoming.values()) inIndex.set(edges[0]!.to, edges);
  const orders = new Map<EntityCollection, Map<string, number>>();
  const ofKind = (edges: Edge[] | undefined, kind: EdgeKind | undefined) =>
    !edges ? [] : kind ? edges.filter((e) => e.kind === kind) : edges.slice();

  return {
    all: <C extends EntityCollection>(collection: C) => (byCollection.get(collection) ?? []) as Node<C>[],
    get: <C extends EntityCollection>(ref: Ref<C>) => nodeIndex.get(ref) as Node<C> | undefined,
    node: <C extends EntityCollection>(ref: Ref<C>) => {
      const found = nodeIndex.get(ref);
      if (!found) throw new Error(`No ${SINGULAR[ref.collection]} "${ref.id}" in the graph`);
      return found as Node<C>;
    },
    outgoing: (ref, kind) => ofKind(outIndex.get(ref), kind),
    incoming: (ref, kind) => ofKind(inIndex.get(ref), kind),
    redirects: () => redirects,
    counts: () => counts,
    order: (collection) => {
      let order = orders.get(collection);
      if (!order) orders.set(collection, (order = new Map(byCollection.get(collection)?.map((n, i) => [n.ref.id, i]))));
      return order;
    },
  };
}
