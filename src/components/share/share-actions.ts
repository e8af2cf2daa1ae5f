import { fill } from '../../i18n/links';
import { citationWithLink, urlOnOrigin } from '../../lib/routes';
import { announce, copyText } from './clipboard';

/** How long a "copied" message stays, in milliseconds. */
const MESSAGE_TIME = 4000;

let count = 0;

/** What the published site's canonical link says, for pages opened from a file (no web origin). */
function publishedSite(): string | undefined {
  return document.querySelector<HTMLLinkElement>('link[rel="canonical"]')?.href;
}

/**
 * What a copy button of a Share control copies: the link (`data-path`) made absolute on the
 * address the reader has open, or the citation (`data-citation`) with that link on its last line.
 */
export function copyValue(
  kind: string | undefined,
  data: Readonly<Record<string, string | undefined>>,
  origin: string,
  fallback?: string,
): string | undefined {
  const url = urlOnOrigin(data.path ?? '', origin, fallback);
  if (kind === 'link') return url;
  if (kind === 'citation' && data.citation) return citationWithLink(data.citation, url);
  return undefined;
}

/**
 * `<share-actions>` (ShareActions.astro): one "Share" button per quote, deal or event that
 * discloses "Copy link", "Copy citation" and the link to its page (the disclosure pattern: a
 * button with `aria-expanded`, options in the tab order after it, Escape closes). A copy says
 * how it went in the element's status region, closes the options and gives focus back to the
 * button; when the browser refuses, the status shows the text to copy by hand.
 */
export class ShareActionsElement extends HTMLElement {
  #timer: ReturnType<typeof setTimeout> | undefined;
  #toggle: HTMLButtonElement | null = null;
  #options: HTMLElement | null = null;

  connectedCallback() {
    const toggle = this.querySelector<HTMLButtonElement>('button.toggle');
    const options = this.querySelector<HTMLElement>('.options');
    const status = this.querySelector('[role="status"]');
    if (!toggle || !options || !status || this.hasAttribute('data-enhanced')) return;
    this.#toggle = toggle;
    this.#options = options;
    this.setAttribute('data-enhanced', '');
    options.id ||= `share-options-${++count}`;
    toggle.setAttribute('aria-controls', options.id);
    toggle.hidden = false;
    options.hidden = true;

    toggle.addEventListener('click', () => this.#setOpen(toggle.getAttribute('aria-expanded') !== 'true'));
    this.addEventListener('keydown', (event) => {
      if (event.key !== 'Escape' || !this.#open) return;
      event.preventDefault();
      this.#setOpen(false);
      toggle.focus();
    });
    // Tabbing away closes it (a press elsewhere does too, see #outside). Focus going nowhere
    // (Safari does not focus a clicked button) is not leaving.
    this.addEventListener('focusout', (event) => {
      const next = event.relatedTarget as Node | null;
      if (next && !this.contains(next)) this.#setOpen(false);
    });

    for (const button of options.querySelectorAll<HTMLButtonElement>('button[data-copy]')) {
      button.hidden = false;
      button.addEventListener('click', async () => {
        const kind = button.dataset.copy;
        const value = copyValue(kind, this.dataset, location.origin, publishedSite());
        if (value === undefined) return;
        let message = (kind === 'citation' ? this.dataset.citationCopied : this.dataset.linkCopied) ?? '';
        try {
          await copyText(value);
        } catch {
          message = fill(this.dataset.blocked ?? '{text}', { text: value });
        }
        this.#setOpen(false);
        toggle.focus();
        announce(status, message);
        clearTimeout(this.#timer);
        this.#timer = setTimeout(() => (status.textContent = ''), MESSAGE_TIME);
      });
    }
  }

  disconnectedCallback() {
    document.removeEventListener('pointerdown', this.#outside);
  }

  get #open(): boolean {
    return this.#toggle?.getAttribute('aria-expanded') === 'true';
  }

  #setOpen(open: boolean) {
    if (!this.#toggle || !this.#options || open === this.#open) return;
    this.#toggle.setAttribute('aria-expanded', String(open));
    this.#options.hidden = !open;
    if (open) document.addEventListener('pointerdown', this.#outside);
    else document.removeEventListener('pointerdown', this.#outside);
  }

  /** A press anywhere outside the control closes it. */
  #outside = (event: Event) => {
    if (!this.contains(event.target as Node | null)) this.#setOpen(false);
  };
}

if (!customElements.get('share-actions')) customElements.define('share-actions', ShareActionsElement);
