/**
 * Pagefind's excerpt as it should read. What search leaves out of the index (an event's date
 * marker after the sentence that gives the date, say) can leave a space before the punctuation
 * that followed it, "by the end of 2025 . Another…": that space goes. Works on Pagefind's excerpt
 * HTML (escaped text and `<mark>`), so a space before a closing `</mark>` is kept as it is.
 */
export function tidyExcerpt(excerpt: string): string {
  return excerpt.replace(/\s+(?=[.,;:!?](?:\s|<|$))/g, '');
}
