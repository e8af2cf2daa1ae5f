import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import ts from 'typescript';

/**
 * The one-line JSDoc of every field of the zod schemas in `src/schemas/` (the house rule: every
 * field has one), read from their source with TypeScript's parser, so editors show the same
 * words as the schema files. Docs are kept per object literal: a JSON Schema object takes each
 * field's words from the literal that wrote it (see {@link FieldDocs.describe}).
 */

/** The fields of one object literal of a schema file, and the words of those that have JSDoc. */
interface LiteralDocs {
  keys: Set<string>;
  docs: Map<string, string>;
}

/** What a JSDoc comment says, on one line: `/** What, unit, example. *\/` → `What, unit, example.` */
function commentText(comment: string): string {
  return comment
    .replace(/^\/\*\*|\*\/$/g, '')
    .split('\n')
    .map((line) => line.replace(/^\s*\*\s?/, '').trim())
    .filter((line) => line && !line.startsWith('@'))
    .join(' ')
    .replace(/\{@link\s+(?:import\([^)]*\)\.)?([^}\s]+)\}/g, '$1')
    .trim();
}

function literalsOf(file: string, text: string): LiteralDocs[] {
  const source = ts.createSourceFile(file, text, ts.ScriptTarget.Latest, true);
  const literals: LiteralDocs[] = [];
  const visit = (node: ts.Node) => {
    if (ts.isObjectLiteralExpression(node)) {
      const literal: LiteralDocs = { keys: new Set(), docs: new Map() };
      for (const property of node.properties) {
        if (!property.name || !(ts.isIdentifier(property.name) || ts.isStringLiteral(property.name))) continue;
        const key = property.name.text;
        literal.keys.add(key);
        const ranges = ts.getLeadingCommentRanges(text, property.getFullStart()) ?? [];
        const jsdoc = ranges
          .map((r) => text.slice(r.pos, r.end))
          .filter((c) => c.startsWith('/**'))
          .at(-1);
        if (jsdoc) literal.docs.set(key, commentText(jsdoc));
      }
      if (literal.docs.size > 0) literals.push(literal);
    }
    ts.forEachChild(node, visit);
  };
  visit(source);
  return literals;
}

/** Field descriptions from the JSDoc of a folder of schema files. */
export class FieldDocs {
  private constructor(private readonly literals: LiteralDocs[]) {}

  /** Reads every `.ts` file of `folder` (src/schemas). */
  static read(folder: string): FieldDocs {
    const files = readdirSync(folder)
      .filter((f) => f.endsWith('.ts'))
      .sort();
    return new FieldDocs(files.flatMap((f) => literalsOf(f, readFileSync(join(folder, f), 'utf8'))));
  }

  /**
   * The description of each field of an object whose fields are `keys`: from the largest object
   * literal of the schemas whose fields are all among `keys` and that documents the field (an
   * object built from two literals, such as a place with a role, takes each field from its own).
   */
  describe(keys: readonly string[]): Map<string, string> {
    const all = new Set(keys);
    const fitting = this.literals
      .filter((literal) => [...literal.keys].every((k) => all.has(k)))
      .sort((a, b) => b.keys.size - a.keys.size);
    const found = new Map<string, string>();
    for (const key of keys) {
      const doc = fitting.find((literal) => literal.docs.has(key))?.docs.get(key);
      if (doc) found.set(key, doc);
    }
    return found;
  }
}
