import { rebaseUrls } from '../../lib/routes';
import { announce, hasClipboard } from './clipboard';
import { copyRichText, type RichText } from './rich-copy';

/** The email versions with their links on `origin` instead of the configured site (`site`). */
export function onOrigin({ html, text }: RichText, site: string | undefined, origin: string): RichText {
  if (!site) return { html, text };
  return { html: rebaseUrls(html, site, origin), text: rebaseUrls(text, site, origin) };
}

/**
 * `<newsletter-copy>` (NewsletterCopy.astro): copies the briefing's email versions, HTML with a
 * plain-text alternative, with their links on the address the reader has open, and says how it went. The versions are fetched as soon as the reader
 * heads for the button (hover or focus), so the click can copy them at once. Without a Clipboard
 * API the button stays hidden and the links to the versions remain.
 */
export class NewsletterCopyElement extends HTMLElement {
  #versions: Promise<RichText> | undefined;
  #loaded: RichText | undefined;
  #wired = false;

  connectedCallback() {
    const button = this.querySelector('button');
    if (this.#wired || !button || !hasClipboard()) return;
    this.#wired = true;
    button.hidden = false;
    // Warming up may fail (offline); the click then tries again and says so.
    const load = () => void this.#load().catch(() => undefined);
    this.addEventListener('pointerenter', load, { once: true });
    this.addEventListener('focusin', load, { once: true });
    button.addEventListener('click', () => void this.#copy());
  }

  /** Fetches the HTML and text versions (data-html, data-text) once; after a failure, again. */
  #load(): Promise<RichText> {
    const get = async (url: string) => {
      const response = await fetch(url);
      if (!response.ok) throw new Error(`${response.status} ${url}`);
      return response.text();
    };
    this.#versions ??= Promise.all([get(this.dataset.html ?? ''), get(this.dataset.text ?? '')]).then(
      ([html, text]) => (this.#loaded = onOrigin({ html, text }, this.dataset.site, location.origin)),
      (error: unknown) => {
        this.#versions = undefined; // so that the next attempt fetches again
        throw error;
      },
    );
    return this.#versions;
  }

  async #copy() {
    const status = this.querySelector('[role="status"]');
    const { copied = '', copiedPlain = '', failed = '' } = this.dataset;
    let message = failed;
    try {
      const copiedAs = await copyRichText(this.#loaded ?? (await this.#load()));
      message = copiedAs === 'rich' ? copied : copiedPlain;
    } catch {
      // The browser refused: say so, and point to the links.
    }
    if (status) announce(status, message);
  }
}

if (!customElements.get('newsletter-copy')) customElements.define('newsletter-copy', NewsletterCopyElement);
