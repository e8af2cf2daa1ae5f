import { spreadAttributes, voidElementNames } from 'astro/runtime/server/index.js';
import { escapeMarkup } from '../values/escape';

/**
 * Elements whose content HTML reads as raw text, so escaping would change what they do. In a
 * Starlight head they come only from the site's configuration, never from content.
 */
const RAW_TEXT_ELEMENTS = new Set(['script', 'style']);

/**
 * The HTML for the content of one of Starlight's head entries, which Starlight writes with
 * `set:html`. Its `<title>` is made of our page and site titles (content: a company named
 * `X </title><script>…` would otherwise leave the title and write into the head), so text
 * content is escaped here, exactly once; the browser shows it as the literal text.
 */
export function headContentHtml(tag: string, content: string | undefined): string | undefined {
  if (content === undefined || RAW_TEXT_ELEMENTS.has(tag.toLowerCase())) return content;
  return escapeMarkup(content);
}

/** One element of a page's head: Starlight's entries and ours (head-tags.ts). */
export interface HeadElement {
  tag: string;
  attrs?: Record<string, string | boolean | undefined> | undefined;
  content?: string | undefined;
}

/** An element name as HTML writes it; anything else in a head entry is a mistake in the configuration. */
const ELEMENT_NAME = /^[a-z][a-z0-9-]*$/i;

/**
 * The HTML of a page's head elements, written as Astro writes `<Tag {...attrs} set:html={content} />`
 * for each (its own attribute escaping; a void element closed with `/>`), but as one string: a
 * component per element cost more than the rest of the head, 27 elements on every page. Text
 * content is escaped by {@link headContentHtml}.
 */
export function headHtml(elements: readonly HeadElement[]): string {
  let html = '';
  for (const { tag, attrs = {}, content } of elements) {
    if (!ELEMENT_NAME.test(tag)) throw new Error(`A head entry names no element: ${JSON.stringify(tag)}.`);
    const inner = headContentHtml(tag, content);
    const attributes = String(spreadAttributes(attrs));
    html +=
      (inner === undefined || inner === '') && voidElementNames.test(tag)
        ? `<${tag}${attributes}/>`
        : `<${tag}${attributes}>${inner ?? ''}</${tag}>`;
  }
  return html;
}
