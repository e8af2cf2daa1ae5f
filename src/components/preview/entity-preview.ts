import { HIDE_DELAY, HOVER_DELAY, placeCard, readPreview } from '../../lib/pages/preview';
import type { EntityPreview } from '../../lib/publishing/entity-json';
import stylesheet from './entity-preview.css?url';

/**
 * The preview card of entity links (`a[data-preview]`), loaded by preview-intent.ts on a reader's
 * first intent. It follows the WAI-ARIA tooltip pattern: the card is one `role="tooltip"` element
 * that describes the link it is shown for (`aria-describedby`), opens on keyboard focus at once
 * and after a short rest of a mouse or pen, stays while the pointer moves onto it, closes on
 * Escape, blur or leaving, holds nothing focusable and never takes focus. A link's JSON document
 * is fetched the first time its card opens, and only then.
 */

const LINKS = 'a[data-preview]';
/** Id of the one card element of the page. */
export const CARD_ID = 'entity-preview';

export interface PreviewOptions {
  /** Fetches and parses a JSON document. */
  load: (url: string) => Promise<unknown>;
  /** Loads the card's styles, once. */
  styles: () => Promise<void>;
  /** True when an element has keyboard focus (`:focus-visible`), not focus from a click or tap. */
  focusVisible: (element: Element) => boolean;
  /** True while the pointer is over an element. */
  hovered: (element: Element) => boolean;
  hoverDelay: number;
  hideDelay: number;
}

async function loadJson(url: string): Promise<unknown> {
  const response = await fetch(url, { headers: { accept: 'application/json' } });
  if (!response.ok) throw new Error(`${response.status} ${url}`);
  return response.json();
}

function loadStyles(): Promise<void> {
  return new Promise((resolve) => {
    const link = document.createElement('link');
    link.rel = 'stylesheet';
    link.href = stylesheet;
    // The card shows either way; without its styles it is plain text at the end of the page.
    link.addEventListener('load', () => resolve());
    link.addEventListener('error', () => resolve());
    document.head.append(link);
  });
}

const matches = (selector: string) => (element: Element) => {
  try {
    return element.matches(selector);
  } catch {
    return false;
  }
};

const DEFAULTS: PreviewOptions = {
  load: loadJson,
  styles: loadStyles,
  focusVisible: matches(':focus-visible'),
  hovered: matches(':hover'),
  hoverDelay: HOVER_DELAY,
  hideDelay: HIDE_DELAY,
};

function element<K extends keyof HTMLElementTagNameMap>(tag: K, className: string, text?: string) {
  const node = document.createElement(tag);
  if (className) node.className = className;
  if (text !== undefined) node.textContent = text;
  return node;
}

/** Draws a preview into the card, as text only. */
export function renderCard(card: HTMLElement, preview: EntityPreview): void {
  const title = element('p', 'title');
  title.append(element('bdi', '', preview.title));
  const parts: HTMLElement[] = [element('p', 'kind', preview.kind), title];
  if (preview.line) parts.push(element('p', 'line', preview.line));
  if (preview.numbers.length) {
    const list = element('dl', '');
    for (const { label, value } of preview.numbers) {
      const row = element('div', '');
      row.append(element('dt', '', label), element('dd', '', value));
      list.append(row);
    }
    parts.push(list);
  }
  card.replaceChildren(...parts);
}

/** The previews of one document: one card, shown for one link at a time. */
export class EntityPreviews {
  readonly #options: PreviewOptions;
  readonly #documents = new Map<string, Promise<EntityPreview | undefined>>();
  #styles: Promise<void> | undefined;
  #card: HTMLElement | undefined;
  /** The link the card is shown for, or is loading for. */
  #link: HTMLAnchorElement | undefined;
  #shown = false;
  /** The link under the pointer whose card opens when the hover delay ends. */
  #pending: HTMLAnchorElement | undefined;
  #showTimer: ReturnType<typeof setTimeout> | undefined;
  #hideTimer: ReturnType<typeof setTimeout> | undefined;
  /** A link whose card Escape closed: it stays closed until the pointer or focus leaves it. */
  #dismissed: HTMLAnchorElement | undefined;
  #listening: AbortController | undefined;

  constructor(options: Partial<PreviewOptions> = {}) {
    this.#options = { ...DEFAULTS, ...options };
  }

  /** The card element, once created. */
  get card(): HTMLElement | undefined {
    return this.#card;
  }

  /** Listens to the document for pointer, focus and key events. */
  listen(root: Document = document): this {
    this.#listening?.abort();
    this.#listening = new AbortController();
    const options = { signal: this.#listening.signal };
    root.addEventListener('pointerover', (e) => this.#onPointerOver(e), { ...options, passive: true });
    root.addEventListener('pointerout', (e) => this.#onPointerOut(e), { ...options, passive: true });
    root.addEventListener('pointerdown', () => this.hide(), { ...options, passive: true });
    root.addEventListener('focusin', (e) => this.#onFocusIn(e), options);
    root.addEventListener('focusout', (e) => this.#onFocusOut(e), options);
    root.addEventListener('keydown', (e) => this.#onKeyDown(e), options);
    return this;
  }

  /** Stops listening and removes the card. */
  stop(): void {
    this.#listening?.abort();
    this.hide();
    this.#card?.remove();
    this.#card = undefined;
  }

  /** Opens the card for `link` now (keyboard focus, or the end of the hover delay). */
  async show(link: HTMLAnchorElement): Promise<void> {
    this.#cancelPending();
    clearTimeout(this.#hideTimer);
    if (this.#link === link) return;
    this.hide();
    this.#link = link;
    const url = link.dataset.preview;
    if (!url) return;
    let pending = this.#documents.get(url);
    if (!pending) {
      pending = this.#options.load(url).then(readPreview, () => undefined);
      this.#documents.set(url, pending);
    }
    this.#styles ??= this.#options.styles();
    const [preview] = await Promise.all([pending, this.#styles]);
    // The reader may have moved on while the document loaded.
    if (this.#link !== link || !preview || !link.isConnected) return;
    const card = this.#cardElement(link);
    renderCard(card, preview);
    card.hidden = false;
    if (card.popover) card.showPopover();
    this.#place(card, link);
    link.setAttribute('aria-describedby', CARD_ID);
    this.#shown = true;
  }

  /** Opens the card for `link` when the hover delay ends, if the pointer is still on it then. */
  showSoon(link: HTMLAnchorElement): void {
    if (link === this.#link) {
      clearTimeout(this.#hideTimer);
      return;
    }
    this.#cancelPending();
    this.#pending = link;
    this.#showTimer = setTimeout(() => {
      this.#pending = undefined;
      if (this.#options.hovered(link)) void this.show(link);
    }, this.#options.hoverDelay);
  }

  /** Closes the card (and forgets a card about to open). */
  hide(): void {
    this.#cancelPending();
    clearTimeout(this.#hideTimer);
    if (this.#link?.getAttribute('aria-describedby') === CARD_ID) this.#link.removeAttribute('aria-describedby');
    if (this.#card?.popover && this.#card.matches(':popover-open')) this.#card.hidePopover();
    if (this.#card) this.#card.hidden = true;
    this.#link = undefined;
    this.#shown = false;
  }

  /** True while the card is shown. */
  get shown(): boolean {
    return this.#shown;
  }

  #cancelPending(): void {
    clearTimeout(this.#showTimer);
    this.#pending = undefined;
  }

  /**
   * The one card of the page. Where the browser has popovers, the card is a manual popover in
   * the link's landmark (`main`): drawn in the top layer, above everything and clipped by nothing,
   * yet read in the part of the page it belongs to. Elsewhere it is placed at the end of the body.
   */
  #cardElement(link: HTMLAnchorElement): HTMLElement {
    if (!this.#card) {
      const doc = link.ownerDocument;
      const card = doc.createElement('div');
      card.id = CARD_ID;
      card.className = 'entity-preview';
      card.setAttribute('role', 'tooltip');
      card.hidden = true;
      const popover = typeof card.showPopover === 'function';
      if (popover) card.popover = 'manual';
      (popover ? (link.closest('main') ?? doc.body) : doc.body).append(card);
      this.#card = card;
    }
    return this.#card;
  }

  #place(card: HTMLElement, link: HTMLAnchorElement): void {
    const view = link.ownerDocument.defaultView!;
    // The line of the link the pointer or caret is on: a link broken over two lines has two boxes.
    const box = link.getClientRects()[0] ?? link.getBoundingClientRect();
    const size = card.getBoundingClientRect();
    const { top, left, side } = placeCard(box, size, {
      width: view.document.documentElement.clientWidth,
      height: view.innerHeight,
      scrollX: view.scrollX,
      scrollY: view.scrollY,
    });
    card.style.top = `${top}px`;
    card.style.left = `${left}px`;
    card.dataset.side = side;
  }

  #linkOf(target: EventTarget | null): HTMLAnchorElement | undefined {
    const link = (target as Element | null)?.closest?.(LINKS);
    return link instanceof HTMLAnchorElement ? link : undefined;
  }

  #inCard(node: EventTarget | null): boolean {
    return Boolean(this.#card && node instanceof Node && this.#card.contains(node));
  }

  #onPointerOver(event: PointerEvent): void {
    if (event.pointerType === 'touch') return;
    if (this.#inCard(event.target)) {
      clearTimeout(this.#hideTimer);
      return;
    }
    const link = this.#linkOf(event.target);
    if (link && link !== this.#dismissed) this.showSoon(link);
  }

  #onPointerOut(event: PointerEvent): void {
    const to = event.relatedTarget;
    const link = this.#linkOf(event.target);
    if (link && to instanceof Node && link.contains(to)) return;
    if (link && link === this.#pending) this.#cancelPending();
    if (link && link === this.#dismissed) this.#dismissed = undefined;
    const leavingCurrent = (link !== undefined && link === this.#link) || this.#inCard(event.target);
    const intoCurrent = this.#inCard(to) || (to instanceof Node && Boolean(this.#link?.contains(to)));
    if (leavingCurrent && !intoCurrent) {
      clearTimeout(this.#hideTimer);
      this.#hideTimer = setTimeout(() => this.hide(), this.#options.hideDelay);
    }
  }

  #onFocusIn(event: FocusEvent): void {
    const link = this.#linkOf(event.target);
    if (link && link !== this.#dismissed && this.#options.focusVisible(link)) void this.show(link);
  }

  #onFocusOut(event: FocusEvent): void {
    const link = this.#linkOf(event.target);
    if (link && link === this.#dismissed) this.#dismissed = undefined;
    if (link && link === this.#link) this.hide();
  }

  #onKeyDown(event: KeyboardEvent): void {
    if (event.key !== 'Escape' || (!this.#link && !this.#pending)) return;
    this.#dismissed = this.#link ?? this.#pending;
    this.hide();
  }
}
