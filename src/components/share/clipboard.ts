/**
 * Copying and saying so, for the copy buttons (share-actions.ts, newsletter-copy.ts): one way to
 * write text to the clipboard and one way to announce the result in a `role="status"` region.
 * Formatted copies are in rich-copy.ts, which only the newsletter button loads.
 */

/** True when this browser has the asynchronous Clipboard API (absent on insecure origins). */
export function hasClipboard(): boolean {
  return typeof navigator !== 'undefined' && navigator.clipboard !== undefined;
}

/** Copies plain text; rejects when the browser refuses (or has no Clipboard API). */
export async function copyText(text: string): Promise<void> {
  if (!hasClipboard()) throw new Error('No Clipboard API here');
  await navigator.clipboard.writeText(text);
}

/**
 * Says `message` in a live region. The region is emptied first and filled on the next frame, so
 * copying the same thing twice is announced twice.
 */
export function announce(region: Element, message: string): void {
  region.textContent = '';
  requestAnimationFrame(() => (region.textContent = message));
}
