import { mdxToMdast } from 'satteri';
import type { EntityCollection } from '../../schemas/common';

/** MDX components authors use to mention entities, and the attribute that holds the id. */
export const MENTION_COMPONENTS = {
  Company: { collection: 'companies', attribute: 'id' },
  Person: { collection: 'people', attribute: 'id' },
  Deal: { collection: 'deals', attribute: 'id' },
  Quote: { collection: 'quotes', attribute: 'id' },
  Event: { collection: 'events', attribute: 'id' },
  Cite: { collection: 'sources', attribute: 'source' },
} as const satisfies Record<string, { collection: EntityCollection; attribute: string }>;

export type MentionComponent = keyof typeof MENTION_COMPONENTS;

/** A piece of a mention's context: plain text, or another mention shown by its name. */
export type ContextPart = string | { collection: EntityCollection; id: string; text?: string };

/** One inline or block mention of an entity in a briefing body. */
export interface Mention {
  collection: EntityCollection;
  id: string;
  /** Which component was used, e.g. "Company". */
  component: MentionComponent;
  /** Stable anchor of this mention on the briefing page, e.g. "companies-catl-2". */
  anchor: string;
  /** The paragraph (or heading, list item) around the mention, as text and names. */
  context: ContextPart[];
  /** 1-based line in the body, for error messages. */
  line?: number;
}

/** A mention component whose id attribute is missing or not a literal string. */
export interface MalformedMention {
  component: MentionComponent;
  line?: number;
  problem: string;
}

interface Node {
  type: string;
  name?: string | null;
  value?: string;
  attributes?: Array<{ type: string; name?: string; value?: unknown }>;
  children?: Node[];
  position?: { start?: { line?: number } };
}

/** Components rendered as small markers after a sentence rather than as words in it. */
const MARKERS = new Set<MentionComponent>(['Cite', 'Event']);

/**
 * The anchor for the `occurrence`-th (1-based) mention of an entity within one briefing:
 * `companies-catl` for the first, then `companies-catl-2`, … Adding a mention further down the
 * text never changes the anchors above it.
 */
export function mentionAnchor(collection: EntityCollection, id: string, occurrence: number): string {
  return occurrence === 1 ? `${collection}-${id}` : `${collection}-${id}-${occurrence}`;
}

function isMentionElement(node: Node): node is Node & { name: MentionComponent } {
  return (
    (node.type === 'mdxJsxTextElement' || node.type === 'mdxJsxFlowElement') &&
    typeof node.name === 'string' &&
    Object.hasOwn(MENTION_COMPONENTS, node.name)
  );
}

/** The literal string value of a JSX attribute, or undefined. */
export function attributeValue(node: Pick<Node, 'attributes'>, name: string): string | undefined {
  const attribute = node.attributes?.find((a) => a.type === 'mdxJsxAttribute' && a.name === name);
  return typeof attribute?.value === 'string' ? attribute.value : undefined;
}

function textOf(node: Node): string {
  if (node.type === 'text' || node.type === 'inlineCode') return node.value ?? '';
  return (node.children ?? []).map(textOf).join('');
}

function contextOf(block: Node): ContextPart[] {
  const parts: ContextPart[] = [];
  const push = (part: ContextPart) => {
    const last = parts[parts.length - 1];
    if (typeof part === 'string' && typeof last === 'string') parts[parts.length - 1] = last + part;
    else parts.push(part);
  };
  const walk = (node: Node) => {
    if (isMentionElement(node)) {
      const spec = MENTION_COMPONENTS[node.name];
      const id = attributeValue(node, spec.attribute);
      // Citations and event markers sit beside the sentence; they are not words of it.
      if (id && node.type === 'mdxJsxTextElement' && !MARKERS.has(node.name)) {
        const text = textOf(node).trim();
        push(text ? { collection: spec.collection, id, text } : { collection: spec.collection, id });
      }
      return;
    }
    if (node.type === 'text' || node.type === 'inlineCode') push(node.value ?? '');
    else if (node.type === 'break') push(' ');
    else node.children?.forEach(walk);
  };
  walk(block);
  return parts
    .map((part) => (typeof part === 'string' ? part.replace(/\s+/g, ' ') : part))
    .filter((part) => part !== '')
    .map((part, index, all) => {
      if (typeof part !== 'string') return part;
      let text = part;
      if (index === 0) text = text.trimStart();
      if (index === all.length - 1) text = text.trimEnd();
      return text.replace(/\s+([.,;:!?])/g, '$1');
    })
    .filter((part) => part !== '');
}

/** A mention element found by {@link walkMentions}, with its anchor and surrounding blocks. */
export interface MentionSite<N> {
  node: N;
  component: MentionComponent;
  /** Undefined when the id attribute is missing or not a literal string. */
  id: string | undefined;
  /** Undefined when `id` is. */
  anchor: string | undefined;
  /** The paragraph or heading that holds an inline mention, or precedes a block one. */
  contextBlock: N | undefined;
}

/**
 * Visits every mention element of an MDX syntax tree in document order and numbers repeated
 * mentions of the same entity. Both the graph (reading bodies) and the Markdown processor
 * (rendering them) use this one walk, so their anchors always agree.
 */
export function walkMentions<N extends object>(tree: N, visit: (site: MentionSite<N>) => void): void {
  const counts = new Map<string, number>();
  let previousBlock: Node | undefined;
  const walk = (node: Node, block: Node) => {
    if (isMentionElement(node)) {
      const spec = MENTION_COMPONENTS[node.name];
      const id = attributeValue(node, spec.attribute);
      let anchor: string | undefined;
      if (id !== undefined) {
        const key = `${spec.collection}/${id}`;
        const occurrence = (counts.get(key) ?? 0) + 1;
        counts.set(key, occurrence);
        anchor = mentionAnchor(spec.collection, id, occurrence);
      }
      const contextBlock =
        node.type === 'mdxJsxFlowElement' ? previousBlock : block.type === 'root' ? undefined : block;
      visit({
        node: node as unknown as N,
        component: node.name,
        id,
        anchor,
        contextBlock: contextBlock as N | undefined,
      });
    }
    const nextBlock = node.type === 'paragraph' || node.type === 'heading' || node.type === 'tableCell' ? node : block;
    for (const child of node.children ?? []) walk(child, nextBlock);
    if (node.type === 'paragraph' || node.type === 'heading') previousBlock = node;
  };
  walk(tree as unknown as Node, tree as unknown as Node);
}

/** Every mention component in an MDX body, in document order, with its anchor and context. */
export function extractMentions(body: string): { mentions: Mention[]; malformed: MalformedMention[] } {
  return mentionsIn(mdxToMdast(body));
}

/** {@link extractMentions} for a body already parsed (an mdast tree with MDX nodes). */
export function mentionsIn(root: object): { mentions: Mention[]; malformed: MalformedMention[] } {
  const tree = root as Node;
  const mentions: Mention[] = [];
  const malformed: MalformedMention[] = [];
  walkMentions(tree, ({ node, component, id, anchor, contextBlock }) => {
    const line = node.position?.start?.line;
    const at = line === undefined ? {} : { line };
    if (id === undefined || anchor === undefined) {
      const attribute = MENTION_COMPONENTS[component].attribute;
      malformed.push({ component, ...at, problem: `<${component}> needs ${attribute}="…" with a literal id` });
      return;
    }
    const { collection } = MENTION_COMPONENTS[component];
    mentions.push({ collection, id, component, anchor, context: contextBlock ? contextOf(contextBlock) : [], ...at });
  });
  return { mentions, malformed };
}
