/**
 * Copying formatted text (HTML with a plain-text alternative), for the newsletter button. Apart
 * from clipboard.ts so that pages with only link buttons do not load it.
 */
import { copyText, hasClipboard } from './clipboard';

/** A document in two forms: formatted (HTML) and its plain-text alternative. */
export interface RichText {
  html: string;
  text: string;
}

/**
 * Copies through a copy event, synchronously: the HTML reaches the clipboard as it is (the
 * Clipboard API may sanitise it). False when the browser does not allow it.
 */
function copyWithEvent({ html, text }: RichText): boolean {
  let copied = false;
  const onCopy = (event: ClipboardEvent) => {
    if (!event.clipboardData) return;
    event.clipboardData.setData('text/html', html);
    event.clipboardData.setData('text/plain', text);
    event.preventDefault();
    copied = true;
  };
  document.addEventListener('copy', onCopy);
  try {
    return document.execCommand('copy') && copied;
  } catch {
    return false;
  } finally {
    document.removeEventListener('copy', onCopy);
  }
}

/**
 * Copies HTML with its plain-text alternative the best way the browser allows: a copy event,
 * else the Clipboard API with both types, else the plain text alone. Resolves to what was
 * copied (`rich` or `plain`); rejects when the browser refuses.
 */
export async function copyRichText(content: RichText): Promise<'rich' | 'plain'> {
  if (copyWithEvent(content)) return 'rich';
  if (typeof ClipboardItem !== 'undefined' && hasClipboard() && navigator.clipboard.write) {
    await navigator.clipboard.write([
      new ClipboardItem({
        'text/html': new Blob([content.html], { type: 'text/html' }),
        'text/plain': new Blob([content.text], { type: 'text/plain' }),
      }),
    ]);
    return 'rich';
  }
  await copyText(content.text);
  return 'plain';
}
