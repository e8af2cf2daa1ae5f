import { fill } from '../../i18n/links';
import { announce, copyText } from './clipboard';

/** How long a "copied" message stays, in milliseconds. */
const MESSAGE_TIME = 4000;

/** One copy button: its text, accessible name, what it copies and what it says when done. */
interface CopyButton {
  text: string;
  label: string;
  value: string;
  done: string;
}

/** The buttons an element's data attributes ask for: "Copy link", and "Copy citation" if there is one. */
export function copyButtons(data: Readonly<Record<string, string | undefined>>): CopyButton[] {
  const button = (text?: string, label?: string, value?: string, done?: string) =>
    text && label && value && done ? [{ text, label, value, done }] : [];
  return [
    ...button(data.copyLink, data.linkLabel, data.url, data.linkCopied),
    ...button(data.copyCitation, data.citationLabel, data.citation, data.citationCopied),
  ];
}

/**
 * `<share-actions>` (ShareActions.astro): adds "Copy link" (and "Copy citation") buttons to a
 * plain permalink and announces the result; when the browser refuses, shows the text instead.
 */
export class ShareActionsElement extends HTMLElement {
  #timer: ReturnType<typeof setTimeout> | undefined;

  connectedCallback() {
    const status = this.querySelector('[role="status"]');
    if (!status || this.querySelector('button')) return;
    for (const { text, label, value, done } of copyButtons(this.dataset)) {
      const button = document.createElement('button');
      button.type = 'button';
      button.textContent = text;
      button.setAttribute('aria-label', label);
      button.addEventListener('click', async () => {
        let message = done;
        try {
          await copyText(value);
        } catch {
          message = fill(this.dataset.blocked ?? '{text}', { text: value });
        }
        announce(status, message);
        clearTimeout(this.#timer);
        this.#timer = setTimeout(() => (status.textContent = ''), MESSAGE_TIME);
      });
      this.insertBefore(button, status);
    }
  }
}

if (!customElements.get('share-actions')) customElements.define('share-actions', ShareActionsElement);
