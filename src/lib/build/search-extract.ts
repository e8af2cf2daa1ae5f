import { Parser } from 'htmlparser2';
import { LINK_PARSER_OPTIONS, linkReader, type PageLinks } from './link-check.ts';

/**
 * The part of a page Pagefind reads, cut from the page's HTML without changing a byte of it.
 *
 * Every page marks its body for Pagefind (`data-pagefind-body`), so Pagefind indexes nothing
 * outside it, and nothing inside an element marked `data-pagefind-ignore` but the filters,
 * metadata and sort keys written there. An entity page is mostly such elements (its relation
 * lists): at 10,000 pages the pages are 653 MB and what Pagefind reads of them 47 MB. Pagefind
 * given the extracts instead of the pages writes the same index, byte for byte (the build test
 * compares them), and reads them in 1.3 s instead of 6.4 s.
 *
 * The extract keeps, as written: the `<html>` and `<body>` tags (the page's language), the
 * `<title>`, every `data-pagefind-body` element whole but for the insides of its ignored
 * elements (their own tags kept), and every element that carries a filter, metadata or sort key,
 * wherever it is. Everything else (the head, the header, the sidebar, scripts outside the body)
 * is left out.
 */
export function searchExtract(html: string): string {
  const reader = extractReader(html, () => parser);
  const parser: Parser = new Parser(reader, {
    decodeEntities: false,
    lowerCaseTags: true,
    lowerCaseAttributeNames: true,
  });
  parser.end(html);
  return reader.done();
}

/**
 * The parser handler that cuts {@link searchExtract}'s extract from `html` as `parser()` reads it
 * (tags and attribute names lower-cased; attribute values and entities are not used, so the
 * parser may decode them or not), and the extract once the parser has ended.
 */
export function extractReader(
  html: string,
  parser: () => { readonly startIndex: number; readonly endIndex: number },
): {
  onopentag(name: string, attributes: Record<string, string>): void;
  onclosetag(name: string, implied: boolean): void;
  done(): string;
} {
  const out: string[] = ['<!DOCTYPE html>'];
  /** Where the body being copied was last interrupted (-1 while not copying). */
  let copyFrom = -1;
  /** Open ignored elements inside a body, and open kept elements (copied whole when they close). */
  let ignored = 0;
  let kept = 0;
  type Kind = 'body' | 'ignored' | 'kept' | 'shell' | 'other';
  const stack: { kind: Kind; start: number }[] = [];
  return {
    onopentag(name, attributes) {
      const { startIndex: start, endIndex } = parser();
      let kind: Kind = 'other';
      if (copyFrom >= 0) {
        if ('data-pagefind-ignore' in attributes) {
          // The body up to and with this element's own tag; its insides are left out.
          out.push(html.slice(copyFrom, endIndex + 1));
          copyFrom = -1;
          kind = 'ignored';
        }
      } else if (kept > 0) {
        // Inside an element copied whole.
      } else if (ignored > 0) {
        if (keepsData(attributes)) kind = 'kept';
      } else if ('data-pagefind-body' in attributes) {
        copyFrom = start;
        kind = 'body';
      } else if (keepsData(attributes) || name === 'title') {
        kind = 'kept';
      } else if (name === 'html' || name === 'body') {
        out.push(html.slice(start, endIndex + 1));
        kind = 'shell';
      }
      if (kind === 'ignored') ignored++;
      if (kind === 'kept') kept++;
      stack.push({ kind, start });
    },
    onclosetag(name, implied) {
      const element = stack.pop();
      if (!element) return;
      const { startIndex, endIndex } = parser();
      // The element ends after its own closing tag, or after its own tag (void, self-closing),
      // or, closed by another element's closing tag, where that tag starts.
      const ownEnd = !implied || startIndex === element.start;
      const end = ownEnd ? endIndex + 1 : startIndex;
      switch (element.kind) {
        case 'ignored':
          ignored--;
          // The body again from this element's closing tag (or from whatever closed it).
          copyFrom = startIndex === element.start ? endIndex + 1 : startIndex;
          break;
        case 'kept':
          kept--;
          out.push(html.slice(element.start, end));
          break;
        case 'body':
          if (copyFrom >= 0) out.push(html.slice(copyFrom, end));
          copyFrom = -1;
          break;
        case 'shell':
          out.push(`</${name}>`);
          break;
      }
    },
    done() {
      if (copyFrom >= 0) out.push(html.slice(copyFrom));
      return out.join('');
    },
  };
}

/** Attributes whose element Pagefind reads even where it indexes no text. */
const DATA = ['data-pagefind-filter', 'data-pagefind-meta', 'data-pagefind-sort', 'data-pagefind-default-meta'];

function keepsData(attributes: Record<string, string>): boolean {
  for (const name of DATA) if (name in attributes) return true;
  return false;
}

/**
 * A built page's anchors and links ({@link scanPage}) and its search extract ({@link searchExtract})
 * from one reading of its HTML instead of two: the link check's prescan reads every page as it
 * is rendered, and parsing was most of its time.
 */
export function scanAndExtract(html: string): { links: PageLinks; extract: string } {
  const links = linkReader();
  const extract = extractReader(html, () => parser);
  const parser: Parser = new Parser(
    {
      onopentag(name, attributes) {
        links.onopentag(name, attributes);
        extract.onopentag(name, attributes);
      },
      onclosetag(name, implied) {
        extract.onclosetag(name, implied);
      },
    },
    LINK_PARSER_OPTIONS,
  );
  parser.end(html);
  return { links: links.done(), extract: extract.done() };
}
