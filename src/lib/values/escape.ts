/**
 * The one escaper for text we write into markup by hand (email snippets, redirect pages, feed
 * extras, head tags): every character that could end a text node, an attribute value or an
 * element is written as a numeric reference, so content can never become markup. Valid in
 * HTML text, quoted HTML attributes and XML alike.
 */
export function escapeMarkup(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}
