import { refKey } from '../../src/lib/graph/graph';
import { entityJsonText, indexExports } from '../../src/lib/publishing/entity-json';
import type { ExportContext, ExportTable } from '../../src/lib/publishing/exports';
import { ENTITY_COLLECTIONS, type Ref } from '../../src/schemas/common';

// The entities' JSON documents made directly, from a graph and the export tables, for tests that
// read documents without a build's other inputs. The build lists them with the other texts beside
// the pages (src/lib/publishing/beside-texts.ts); tests/unit/publishing/beside-texts.test.ts checks
// that both give the same documents at the same addresses.

/** One entity JSON file: the entity it describes, where it is published and its text. */
export interface EntityJsonFile {
  /** The entity the document describes. */
  ref: Ref;
  /** Where it is published: the entity's own id, or a previous id it was renamed from. */
  at: Ref;
  text: string;
}

/**
 * The JSON file of every entity, and of every previous id of a renamed entity (tools keep the
 * addresses they were given, and do not follow HTML redirects): the same document under the old
 * address, naming the current id and page.
 */
export function entityJsonFiles(ctx: ExportContext, tables: readonly ExportTable[]): EntityJsonFile[] {
  const index = indexExports(tables);
  const texts = new Map<string, string>();
  const files: EntityJsonFile[] = [];
  for (const collection of ENTITY_COLLECTIONS) {
    for (const node of ctx.graph.all(collection)) {
      const text = entityJsonText(ctx, node, index);
      texts.set(refKey(node.ref), text);
      files.push({ ref: node.ref, at: node.ref, text });
    }
  }
  for (const { from, to } of ctx.graph.redirects()) files.push({ ref: to, at: from, text: texts.get(refKey(to))! });
  return files;
}
