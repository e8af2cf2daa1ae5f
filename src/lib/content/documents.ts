import yaml from 'js-yaml';

/**
 * Reading content files exactly one way, for the build's loaders and for the content check alike:
 * strict UTF-8, one YAML document, and YAML's core schema, so a value is what the author typed.
 *
 * YAML's default schema turns an unquoted `2025-02-29` into a JavaScript Date, and a Date rolls an
 * impossible day over into a real one (1 March 2025), which the site would then publish. With the
 * core schema every date stays the text it was written as, and the date fields check it.
 */

/** A problem found while reading a file: where (a line, or "(file)") and the one-line explanation. */
export interface ReadProblem {
  where: string;
  /** "expected …, found …" */
  message: string;
}

export type ReadResult<T> = { ok: true; value: T } | { ok: false; problem: ReadProblem };

const decoder = new TextDecoder('utf-8', { fatal: true, ignoreBOM: false });

/** The text of a file's bytes, refusing anything that is not UTF-8 (a BOM is dropped). */
export function decodeUtf8(bytes: Uint8Array): ReadResult<string> {
  try {
    return { ok: true, value: decoder.decode(bytes) };
  } catch {
    const at = firstInvalidByte(bytes);
    const line = lineAtByte(bytes, at);
    return {
      ok: false,
      problem: {
        where: `line ${line}`,
        message: `expected UTF-8 text, found bytes that are not UTF-8 (byte 0x${bytes[at]!.toString(16).padStart(2, '0')} at offset ${at}); save the file as UTF-8`,
      },
    };
  }
}

function firstInvalidByte(bytes: Uint8Array): number {
  for (let i = 0; i < bytes.length;) {
    const b = bytes[i]!;
    const length =
      b < 0x80 ? 1 : b >= 0xc2 && b <= 0xdf ? 2 : b >= 0xe0 && b <= 0xef ? 3 : b >= 0xf0 && b <= 0xf4 ? 4 : 0;
    if (length === 0) return i;
    for (let k = 1; k < length; k++) {
      const c = bytes[i + k];
      if (c === undefined || (c & 0xc0) !== 0x80) return i;
    }
    // Overlong three-byte forms, surrogates and code points above U+10FFFF are invalid too.
    if (length === 3) {
      const code = ((b & 0x0f) << 12) | ((bytes[i + 1]! & 0x3f) << 6) | (bytes[i + 2]! & 0x3f);
      if (code < 0x800 || (code >= 0xd800 && code <= 0xdfff)) return i;
    }
    if (length === 4) {
      const code =
        ((b & 0x07) << 18) | ((bytes[i + 1]! & 0x3f) << 12) | ((bytes[i + 2]! & 0x3f) << 6) | (bytes[i + 3]! & 0x3f);
      if (code < 0x10000 || code > 0x10ffff) return i;
    }
    i += length;
  }
  return 0;
}

function lineAtByte(bytes: Uint8Array, at: number): number {
  let line = 1;
  for (let i = 0; i < at; i++) if (bytes[i] === 0x0a) line++;
  return line;
}

/** One YAML document, read with the core schema. `firstLine` shifts line numbers (frontmatter). */
export function parseYaml(text: string, firstLine = 1): ReadResult<unknown> {
  try {
    const documents: unknown[] = [];
    yaml.loadAll(text, (doc) => documents.push(doc), { schema: yaml.CORE_SCHEMA });
    if (documents.length > 1) {
      const separator = text.split('\n').findIndex((line, i) => i > 0 && /^---\s*$/.test(line));
      return {
        ok: false,
        problem: {
          where: separator >= 0 ? `line ${separator + firstLine}` : '(file)',
          message: `expected one YAML document per file, found ${documents.length} (a line with --- starts another); put each entry in a file of its own`,
        },
      };
    }
    return { ok: true, value: documents[0] ?? null };
  } catch (error) {
    if (!(error instanceof yaml.YAMLException)) throw error;
    const line = error.mark ? error.mark.line + firstLine : undefined;
    const column = error.mark ? error.mark.column + 1 : undefined;
    const reason = (error.reason || 'not valid YAML').replace(/\.$/, '');
    return {
      ok: false,
      problem: {
        where: line === undefined ? '(YAML)' : `line ${line}, column ${column}`,
        message: `expected valid YAML, found a syntax error: ${reason}`,
      },
    };
  }
}

/** A briefing file split into its YAML frontmatter and its MDX body. */
export interface MdxDocument {
  frontmatter: string;
  body: string;
  /** The 1-based line of the file on which the frontmatter's first line stands. */
  frontmatterLine: number;
  /** The 1-based line of the file on which the body starts. */
  bodyLine: number;
}

const FRONTMATTER = /^(---)[ \t]*\r?\n([\s\S]*?\r?\n)?---[ \t]*(?:\r?\n|$)/;

/**
 * Splits an MDX file into frontmatter and body. The frontmatter must be YAML between `---` lines
 * at the very top (Astro would also read TOML between `+++`; briefings use YAML only).
 */
export function splitMdx(text: string): ReadResult<MdxDocument> {
  const source = text.replace(/^\uFEFF/, '');
  const match = FRONTMATTER.exec(source);
  if (!match) {
    const found = source.startsWith('+++')
      ? 'TOML frontmatter between +++ lines'
      : source.trimStart().startsWith('---')
        ? 'a --- line that is not the first line, or no closing --- line'
        : 'no frontmatter';
    return {
      ok: false,
      problem: {
        where: 'line 1',
        message: `expected YAML frontmatter between --- lines at the top of the file (title, published, summary…), found ${found}`,
      },
    };
  }
  const frontmatter = match[2] ?? '';
  return {
    ok: true,
    value: {
      frontmatter,
      body: source.slice(match[0].length),
      frontmatterLine: 2,
      bodyLine: match[0].split('\n').length - (match[0].endsWith('\n') ? 0 : 1),
    },
  };
}
