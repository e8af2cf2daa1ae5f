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
