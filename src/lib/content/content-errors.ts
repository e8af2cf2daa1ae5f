import type { z } from 'astro/zod';
import { nearest } from '../values/suggest';
import { escapeHidden } from '../values/unicode';

/**
 * A mistake in a content file, reported as one line per problem:
 * `<file>: <field>: expected <what>, found <what>.`
 */
export class ContentError extends Error {
  constructor(
    /** One line per problem, each naming the file and the field. */
    readonly problems: string[],
    /** How to fix it, when there is one general hint. */
    readonly hint?: string,
  ) {
    super(problemList(problems).join('\n'));
    this.name = 'ContentError';
  }
}

/** How many problems a report lists before it says how many more there are. */
export const PROBLEM_LIST_LIMIT = 50;

/**
 * The problems as a report prints them: the first {@link PROBLEM_LIST_LIMIT}, then one line
 * saying how many more there are, so a thousand broken files never bury the first mistakes.
 */
export function problemList(problems: readonly string[], limit = PROBLEM_LIST_LIMIT): string[] {
  if (problems.length <= limit) return [...problems];
  const more = problems.length - limit;
  return [
    ...problems.slice(0, limit),
    `… and ${more} more problem${more === 1 ? '' : 's'} (fix these and check again to see them).`,
  ];
}

/** `parties[0].company` for the path `['parties', 0, 'company']`; `(top level)` for `[]`. */
export function formatPath(path: readonly PropertyKey[]): string {
  let out = '';
  for (const key of path) {
    if (typeof key === 'number') out += `[${key}]`;
    else out += out ? `.${String(key)}` : String(key);
  }
  return out || '(top level)';
}

/**
 * How a value reads in an error message: `"cellmaker"`, `the number 5`, `nothing`, … Invisible
 * characters in text are shown as escapes (`"CATL\u200B"`), so the reader sees what is wrong.
 */
export function describeValue(value: unknown): string {
  if (value === undefined) return 'nothing (the field is missing)';
  if (value === null) return 'an empty value';
  if (typeof value === 'string') {
    const shown = value.length > 60 ? `${Array.from(value.slice(0, 58)).slice(0, 57).join('')}…` : value;
    return value.trim() === '' ? 'an empty string' : escapeHidden(JSON.stringify(shown));
  }
  if (typeof value === 'number') return `the number ${value}`;
  if (typeof value === 'boolean') return `${value}`;
  if (value instanceof Date) {
    return Number.isNaN(value.getTime())
      ? 'an invalid date'
      : `the date ${value.toISOString().slice(0, 10)} (YAML read it as a date)`;
  }
  if (Array.isArray(value)) return value.length === 0 ? 'an empty list' : `a list of ${value.length}`;
  if (typeof value === 'object') {
    const keys = Object.keys(value);
    return keys.length ? `a mapping with ${keys.map((k) => `"${k}"`).join(', ')}` : 'an empty mapping';
  }
  return typeof value;
}

function valueAt(data: unknown, path: readonly PropertyKey[]): unknown {
  let current: unknown = data;
  for (const key of path) {
    if (current === null || typeof current !== 'object') return undefined;
    current = (current as Record<PropertyKey, unknown>)[key];
  }
  return current;
}

const TYPE_NAMES: Record<string, string> = {
  string: 'text',
  number: 'a number',
  int: 'a whole number',
  boolean: 'true or false',
  array: 'a list',
  object: 'a mapping of fields',
  date: 'a date',
};

/** What the schema wanted, as words. Schema-level messages already start with "expected". */
function expectation(issue: z.core.$ZodIssue, found: unknown): string {
  if (issue.message.startsWith('expected ')) return issue.message;
  switch (issue.code) {
    case 'invalid_type':
      return `expected ${TYPE_NAMES[issue.expected] ?? issue.expected}`;
    case 'invalid_value': {
      const values = issue.values.map((v) => String(v));
      const hint = typeof found === 'string' ? nearest(found, values) : undefined;
      return `expected one of ${values.join(', ')}${hint ? ` (did you mean "${hint}"?)` : ''}`;
    }
    case 'too_small':
      if (issue.origin === 'array') return `expected at least ${issue.minimum} item${issue.minimum === 1 ? '' : 's'}`;
      if (issue.origin === 'string') return 'expected text, not an empty string';
      return `expected a number ${issue.inclusive ? 'of at least' : 'greater than'} ${issue.minimum}`;
    case 'too_big':
      if (issue.origin === 'array') return `expected at most ${issue.maximum} items`;
      return `expected a number ${issue.inclusive ? 'of at most' : 'less than'} ${issue.maximum}`;
    case 'invalid_format':
      return `expected ${issue.format === 'regex' ? `text matching ${issue.pattern}` : `a valid ${issue.format}`}`;
    default:
      return `expected ${issue.message.replace(/^Invalid input:?\s*/i, '').replace(/^expected\s+/i, '') || 'a valid value'}`;
  }
}

/**
 * What was found, as words. A check may say it better than the value can (a count of characters,
 * or the value with the offending character named): it passes `params: { found }`.
 */
function foundText(issue: z.core.$ZodIssue, found: unknown): string {
  const custom = issue.code === 'custom' ? (issue.params as { found?: unknown } | undefined)?.found : undefined;
  return typeof custom === 'string' ? custom : describeValue(found);
}

type AnySchema = z.core.$ZodType;

/** The field names an object schema allows at `path` (through optional, default, pipe, list). */
export function fieldsAt(schema: AnySchema | undefined, path: readonly PropertyKey[]): string[] {
  let current: AnySchema | undefined = schema;
  let rest = [...path];
  for (let guard = 0; current && guard < 100; guard++) {
    const def = current._zod.def as unknown as Record<string, unknown> & { type: string };
    switch (def.type) {
      case 'optional':
      case 'nullable':
      case 'default':
      case 'prefault':
      case 'readonly':
      case 'nonoptional':
        current = def.innerType as AnySchema;
        continue;
      case 'pipe':
        current = def.in as AnySchema;
        continue;
      case 'lazy':
        current = (def.getter as () => AnySchema)();
        continue;
      case 'array':
        if (rest.length === 0) return [];
        rest = rest.slice(1);
        current = def.element as AnySchema;
        continue;
      case 'object': {
        const shape = def.shape as Record<string, AnySchema>;
        if (rest.length === 0) return Object.keys(shape);
        current = shape[String(rest[0])];
        rest = rest.slice(1);
        continue;
      }
      case 'record':
        if (rest.length === 0) return [];
        rest = rest.slice(1);
        current = def.valueType as AnySchema;
        continue;
      case 'union':
        // The first alternative that has fields there (e.g. a label, or a mapping of fields).
        for (const option of def.options as AnySchema[]) {
          const fields = fieldsAt(option, rest);
          if (fields.length) return fields;
        }
        return [];
      default:
        return [];
    }
  }
  return [];
}

/**
 * Turns schema issues into one line each: `file: field: expected …, found ….`
 * With the `schema`, a misspelt field gets a "did you mean" and the list of allowed fields.
 */
export function formatIssues(
  file: string,
  issues: readonly z.core.$ZodIssue[],
  data: unknown,
  schema?: AnySchema,
): string[] {
  const lines: string[] = [];
  for (const issue of issues) {
    if (issue.code === 'unrecognized_keys') {
      for (const key of issue.keys) {
        const allowed = fieldsAt(schema, issue.path);
        const hint = nearest(key, allowed);
        const expected = allowed.length
          ? `expected one of the fields ${allowed.join(', ')}${hint ? ` (did you mean "${hint}"?)` : ''}`
          : 'expected no such field (check its spelling and indentation)';
        lines.push(`${file}: ${formatPath([...issue.path, key])}: ${expected}, found an unknown field "${key}".`);
      }
      continue;
    }
    if (issue.code === 'invalid_union' && issue.errors.length > 0 && issue.errors.every((e) => e.length > 0)) {
      // Report the branch that got furthest: the one whose first issue has the longest path, or,
      // at equal depth, one whose value had the right type (a mapping with a misspelt field).
      const depth = (e: z.core.$ZodIssue[]) => e[0]!.path.length * 2 + (e[0]!.code === 'invalid_type' ? 0 : 1);
      const best = [...issue.errors].sort((a, b) => depth(b) - depth(a))[0]!;
      if (depth(best) > 0) {
        lines.push(
          ...formatIssues(
            file,
            best.map((sub) => ({ ...sub, path: [...issue.path, ...sub.path] })),
            data,
            schema,
          ),
        );
        continue;
      }
    }
    const found = valueAt(data, issue.path);
    lines.push(`${file}: ${formatPath(issue.path)}: ${expectation(issue, found)}, found ${foundText(issue, found)}.`);
  }
  return lines;
}
