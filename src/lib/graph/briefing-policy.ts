import { posix } from 'node:path';
import { mdxToMdast } from 'satteri';
import { MENTION_COMPONENTS, type MentionComponent } from './mentions';
import { nearest } from '../values/suggest';

/**
 * What a briefing may contain. Briefings are content, not code: Markdown, and our mention
 * components with literal string attributes. Anything that would run code at build time (ESM,
 * `{…}` expressions, attribute expressions) or in a reader's browser (other elements, unsafe
 * link schemes, images from other hosts) is a problem, reported one line each in the house
 * format. The graph (every briefing, with every other content problem), the content loader and
 * the MDX compiler (which throws, so nothing unsafe is ever compiled) all apply this one policy.
 */

/** Where a briefing body sits, so messages name the file and count lines from its top. */
export interface BodyLocation {
  /** The file as messages show it, e.g. `src/content/briefings/x.mdx`. */
  file: string;
  /** The file line on which the body starts (1 when the tree's lines are already file lines). */
  bodyLine?: number;
}

/** Parser features the site's MDX compiler uses (Starlight turns directives on). */
export const BRIEFING_MDX_FEATURES = { directive: true } as const;

/** Image files a briefing may show, by extension (no SVG: opened directly, it can run script). */
export const IMAGE_EXTENSIONS = ['png', 'jpg', 'jpeg', 'gif', 'webp', 'avif'] as const;

/** URL schemes a link may use; a link without a scheme is relative and always allowed. */
export const LINK_SCHEMES = ['http', 'https', 'mailto'] as const;

interface Attribute {
  type: string;
  name?: string;
  value?: unknown;
}

/** The parts of an mdast (with MDX) node the policy reads. */
export interface PolicyNode {
  type: string;
  name?: string | null;
  value?: unknown;
  url?: string;
  identifier?: string;
  attributes?: Attribute[];
  children?: PolicyNode[];
  position?: { start?: { line?: number } } | undefined;
}

/** Markdown node types a briefing may use (GFM, footnotes, and directives, which render as text). */
const MARKDOWN = new Set([
  'root',
  'paragraph',
  'heading',
  'thematicBreak',
  'blockquote',
  'list',
  'listItem',
  'code',
  'definition',
  'text',
  'emphasis',
  'strong',
  'inlineCode',
  'break',
  'link',
  'image',
  'linkReference',
  'imageReference',
  'footnoteDefinition',
  'footnoteReference',
  'table',
  'tableRow',
  'tableCell',
  'delete',
  'yaml',
  'toml',
  'containerDirective',
  'leafDirective',
  'textDirective',
]);

const COMPONENT_NAMES = Object.keys(MENTION_COMPONENTS) as MentionComponent[];
const ALLOWED = `Markdown or one of the components ${COMPONENT_NAMES.join(', ')}`;
const LINKS = 'a link to an http, https or mailto address or a relative one';
const IMAGES = `a local image (a relative path to a ${IMAGE_EXTENSIONS.slice(0, -1)
  .map((e) => `.${e}`)
  .join(', ')} or .${IMAGE_EXTENSIONS.at(-1)} file in the content root)`;

/** A piece of source as a message quotes it: one line, at most 60 characters. */
function excerpt(text: string): string {
  const line = text.replace(/\s+/g, ' ').trim();
  return line.length > 60 ? `${line.slice(0, 57)}…` : line;
}

/** Browsers ignore ASCII whitespace and control characters inside a URL's scheme. */
function schemeOf(url: string): string | undefined {
  // eslint-disable-next-line no-control-regex
  const compact = url.replace(/[\u0000-\u0020\u007f]/g, '');
  return /^([a-z][a-z0-9+.-]*):/i.exec(compact)?.[1]?.toLowerCase();
}

/** True for http(s) and mailto links and relative ones (`/companies/x/`, `#sources`, `../x`). */
export function isSafeLinkUrl(url: string): boolean {
  const scheme = schemeOf(url);
  return scheme === undefined || (LINK_SCHEMES as readonly string[]).includes(scheme);
}

/**
 * True for a relative path to an image file that stays inside the content root (briefings sit
 * one folder below it): no scheme, no other host, no root-relative path, no query or fragment
 * (Vite reads `?raw`, `?url`… as instructions), and an image extension.
 */
export function isLocalImageUrl(url: string): boolean {
  let path = url;
  try {
    path = decodeURI(url);
  } catch {
    return false;
  }
  // eslint-disable-next-line no-control-regex
  if (/[\u0000-\u001f\u007f\\?#]/.test(path) || path.startsWith('/') || schemeOf(path) !== undefined) return false;
  const resolved = posix.normalize(posix.join('briefings', path));
  if (resolved === '..' || resolved.startsWith('../')) return false;
  const extension = /\.([a-z0-9]+)$/i.exec(path)?.[1]?.toLowerCase();
  return extension !== undefined && (IMAGE_EXTENSIONS as readonly string[]).includes(extension);
}

function attributeProblems(node: PolicyNode, name: MentionComponent): string[] {
  const attribute = MENTION_COMPONENTS[name].attribute;
  const wanted = `<${name}> with only the attribute ${attribute}="…"`;
  const problems: string[] = [];
  let found = false;
  for (const a of node.attributes ?? []) {
    if (a.type !== 'mdxJsxAttribute') {
      problems.push(`expected ${wanted}, found {${excerpt(String(a.value ?? ''))}}`);
      continue;
    }
    if (a.name !== attribute) {
      problems.push(`expected ${wanted}, found the attribute ${a.name}`);
      continue;
    }
    found = true;
    if (a.value === null || a.value === undefined) {
      problems.push(`expected <${name}> with a literal ${attribute}="…", found ${attribute} without a value`);
    } else if (typeof a.value !== 'string') {
      const expression = (a.value as { value?: unknown }).value;
      problems.push(
        `expected <${name}> with a literal ${attribute}="…", found ${attribute}={${excerpt(String(expression ?? ''))}}`,
      );
    }
  }
  if (!found) problems.push(`expected <${name} ${attribute}="…">, found <${name}> without ${attribute}`);
  return problems;
}

/** The name of an element as written, `<>` for a fragment. */
function elementName(node: PolicyNode): string {
  return node.name ? `<${node.name}>` : '<>';
}

/**
 * Every construct of a briefing's syntax tree that the policy does not allow, one line each:
 * `<file>: line N: expected …, found ….` Lines are file lines (`bodyLine` is the file line of
 * the tree's first line). An empty list means the briefing is safe to compile.
 */
export function briefingPolicy(tree: PolicyNode, { file, bodyLine = 1 }: BodyLocation): string[] {
  const problems: string[] = [];
  const definitions = new Map<string, PolicyNode>();
  const collect = (node: PolicyNode) => {
    if (node.type === 'definition' && node.identifier) definitions.set(node.identifier, node);
    node.children?.forEach(collect);
  };
  collect(tree);

  const walk = (node: PolicyNode, inherited: number | undefined) => {
    const line = node.position?.start?.line ?? inherited;
    const at = line === undefined ? `${file}: (body)` : `${file}: line ${line + bodyLine - 1}`;
    const report = (problem: string) => problems.push(`${at}: ${problem}.`);

    switch (node.type) {
      case 'mdxjsEsm':
        report(
          `expected ${ALLOWED} (they need no import), found the import or export "${excerpt(String(node.value).split('\n')[0]!)}"`,
        );
        return;
      case 'mdxFlowExpression':
      case 'mdxTextExpression':
        report(
          `expected ${ALLOWED}, found the expression {${excerpt(String(node.value ?? ''))}} (for a literal brace, write \\{)`,
        );
        return;
      case 'mdxJsxFlowElement':
      case 'mdxJsxTextElement': {
        const name = node.name ?? '';
        if (Object.hasOwn(MENTION_COMPONENTS, name)) {
          attributeProblems(node, name as MentionComponent).forEach(report);
        } else {
          const hint = name ? nearest(name, COMPONENT_NAMES) : undefined;
          report(`expected ${ALLOWED}, found ${elementName(node)}${hint ? ` (did you mean <${hint}>?)` : ''}`);
        }
        break;
      }
      case 'link':
      case 'definition':
        if (!isSafeLinkUrl(node.url ?? '')) report(`expected ${LINKS}, found "${excerpt(node.url ?? '')}"`);
        break;
      case 'image':
        if (!isLocalImageUrl(node.url ?? '')) report(`expected ${IMAGES}, found "${excerpt(node.url ?? '')}"`);
        break;
      case 'imageReference': {
        const definition = node.identifier ? definitions.get(node.identifier) : undefined;
        if (definition && !isLocalImageUrl(definition.url ?? '')) {
          report(`expected ${IMAGES}, found "${excerpt(definition.url ?? '')}"`);
        }
        break;
      }
      case 'html':
        report(`expected ${ALLOWED}, found raw HTML "${excerpt(String(node.value ?? ''))}"`);
        return;
      default:
        if (!MARKDOWN.has(node.type)) {
          report(`expected ${ALLOWED}, found unsupported syntax (${node.type})`);
          return;
        }
    }
    for (const child of node.children ?? []) walk(child, line);
  };
  walk(tree, undefined);
  return problems;
}

/** satteri's `3:9: Unexpected end of file … (mdx-jsx:unexpected-character)` as a house line. */
function syntaxProblem(message: string, { file, bodyLine = 1 }: BodyLocation): string {
  const match = /^(\d+):(\d+):\s*([\s\S]*)$/.exec(message.split('\n')[0] ?? '');
  const detail = (match?.[3] ?? message)
    .replace(/\s*\([\w-]+:[\w-]+\)\s*$/, '')
    .replace(/\s*\(note: .*\)$/, '')
    .replace(/\s*\(\d+:\d+\)/g, '')
    .replace(/\.$/, '')
    .trim();
  const tip = /closing tag/.test(detail)
    ? ' (close the element, or end a component with />)'
    : /`[{}]`|expression/.test(detail)
      ? ' (for a literal brace, write \\{)'
      : /`<`/.test(detail)
        ? ' (for a literal <, write \\<; for a link, write [text](url))'
        : '';
  const where = match ? `line ${Number(match[1]) + bodyLine - 1}, column ${match[2]}` : '(syntax)';
  return `${file}: ${where}: expected valid MDX, found a syntax error: ${detail.charAt(0).toLowerCase()}${detail.slice(1)}${tip}.`;
}

/** A briefing body parsed as the site's compiler parses it, or its syntax error as one line. */
export function parseBriefing(
  body: string,
  where: BodyLocation,
): { tree: PolicyNode; problem?: undefined } | { tree?: undefined; problem: string } {
  try {
    return { tree: mdxToMdast(body, { features: BRIEFING_MDX_FEATURES }) as unknown as PolicyNode };
  } catch (error) {
    return { problem: syntaxProblem((error as Error).message ?? String(error), where) };
  }
}

/** Every problem of a briefing body: its syntax error, or what {@link briefingPolicy} finds. */
export function briefingProblems(body: string, where: BodyLocation): string[] {
  const parsed = parseBriefing(body, where);
  return parsed.problem !== undefined ? [parsed.problem] : briefingPolicy(parsed.tree, where);
}
