// @vitest-environment happy-dom
import { afterEach, beforeEach, describe, expect, test, vi } from 'vitest';
import { CARD_ID, EntityPreviews } from '../../../../src/components/preview/entity-preview';
import { mount, settle } from '../../../support/dom';

/** Entity links as the site renders them (LinkList, Inlines, Mention), and a link without a preview. */
const MARKUP = `
<p>
  <a class="mention" href="/companies/acme/" data-preview="/companies/acme.json"><bdi>Acme</bdi></a> supplies
  <a href="/companies/globex/" data-preview="/companies/globex.json"><bdi>Globex</bdi></a>
  (<a href="https://example.com/">elsewhere</a>).
</p>`;

const DOCUMENTS: Record<string, unknown> = {
  '/companies/acme.json': {
    version: 1,
    preview: {
      title: 'Acme Widgets',
      kind: 'Company · Widget maker · Germany',
      line: 'Synthetic widget maker for tests.',
      numbers: [{ label: 'Deals', value: '1' }],
    },
  },
  '/companies/globex.json': {
    version: 1,
    preview: {
      title: '<img src=x onerror="window.__pwned=1">Globex',
      kind: 'Company',
      numbers: [],
    },
  },
};

const load = vi.fn(async (url: string) => {
  if (!(url in DOCUMENTS)) throw new Error(`404 ${url}`);
  return DOCUMENTS[url];
});
const HOVER = 40;
const HIDE = 20;
let previews: EntityPreviews;
let keyboard = true;
let hovered = true;

const link = (name: string) => document.querySelector<HTMLAnchorElement>(`a[href="/companies/${name}/"]`)!;
const card = () => document.getElementById(CARD_ID);
const visible = () => Boolean(card() && !card()!.hidden);
const pointer = (type: 'pointerover' | 'pointerout', target: Element, init: PointerEventInit = {}) =>
  target.dispatchEvent(new PointerEvent(type, { bubbles: true, pointerType: 'mouse', ...init }));
const press = (key: string) =>
  document.activeElement!.dispatchEvent(new KeyboardEvent('keydown', { key, bubbles: true }));

beforeEach(() => {
  load.mockClear();
  keyboard = true;
  hovered = true;
  mount(MARKUP);
  previews = new EntityPreviews({
    load,
    styles: async () => {},
    focusVisible: () => keyboard,
    hovered: () => hovered,
    hoverDelay: HOVER,
    hideDelay: HIDE,
  }).listen(document);
});
afterEach(() => {
  previews.stop();
  mount('');
});

describe('nothing loads before intent', () => {
  test('a page with entity links fetches no document until a reader shows intent', async () => {
    await settle(HOVER * 2);
    expect(load).not.toHaveBeenCalled();
    expect(card()).toBeNull();
  });

  test('a touch is no intent: the link just navigates', async () => {
    pointer('pointerover', link('acme'), { pointerType: 'touch' });
    await settle(HOVER * 2);
    expect(load).not.toHaveBeenCalled();
  });

  test('focus from a click or tap (not keyboard focus) opens nothing', async () => {
    keyboard = false;
    link('acme').focus();
    await settle();
    expect(load).not.toHaveBeenCalled();
  });
});

describe('keyboard', () => {
  test('focus opens the card at once: a tooltip that describes the link, as text', async () => {
    link('acme').focus();
    await vi.waitFor(() => expect(visible()).toBe(true));
    expect(load).toHaveBeenCalledExactlyOnceWith('/companies/acme.json');
    expect(card()!.getAttribute('role')).toBe('tooltip');
    expect(link('acme').getAttribute('aria-describedby')).toBe(CARD_ID);
    expect(card()!.querySelector('.title')!.textContent).toBe('Acme Widgets');
    expect(card()!.querySelector('.kind')!.textContent).toBe('Company · Widget maker · Germany');
    expect(card()!.querySelector('.line')!.textContent).toBe('Synthetic widget maker for tests.');
    expect([...card()!.querySelectorAll('dt, dd')].map((e) => e.textContent)).toEqual(['Deals', '1']);
    // Nothing in the card can take focus, and focus stays on the link.
    expect(card()!.querySelectorAll('a, button, input, [tabindex]')).toHaveLength(0);
    expect(document.activeElement).toBe(link('acme'));
  });

  test('Escape closes it without moving focus, and it stays closed until focus leaves', async () => {
    link('acme').focus();
    await vi.waitFor(() => expect(visible()).toBe(true));
    press('Escape');
    expect(visible()).toBe(false);
    expect(link('acme').hasAttribute('aria-describedby')).toBe(false);
    expect(document.activeElement).toBe(link('acme'));
    link('acme').dispatchEvent(new FocusEvent('focusin', { bubbles: true }));
    await settle();
    expect(visible()).toBe(false);
    link('acme').blur();
    link('acme').focus();
    await vi.waitFor(() => expect(visible()).toBe(true));
  });

  test('moving focus to the next link moves the card; the document of each is fetched once', async () => {
    link('acme').focus();
    await vi.waitFor(() => expect(visible()).toBe(true));
    link('globex').focus();
    await vi.waitFor(() => expect(link('globex').getAttribute('aria-describedby')).toBe(CARD_ID));
    expect(link('acme').hasAttribute('aria-describedby')).toBe(false);
    link('acme').focus();
    await vi.waitFor(() => expect(link('acme').getAttribute('aria-describedby')).toBe(CARD_ID));
    expect(load).toHaveBeenCalledTimes(2);
  });

  test('leaving the link closes the card', async () => {
    link('acme').focus();
    await vi.waitFor(() => expect(visible()).toBe(true));
    link('acme').blur();
    expect(visible()).toBe(false);
  });

  test('content is drawn as text, never as markup', async () => {
    link('globex').focus();
    await vi.waitFor(() => expect(visible()).toBe(true));
    expect(card()!.querySelector('img')).toBeNull();
    expect(card()!.querySelector('.title')!.textContent).toBe('<img src=x onerror="window.__pwned=1">Globex');
    expect(card()!.querySelector('dl')).toBeNull();
  });
});

describe('pointer', () => {
  test('opens after the pointer rests on the link, not before', async () => {
    pointer('pointerover', link('acme').querySelector('bdi')!);
    await settle(HOVER / 4);
    expect(load).not.toHaveBeenCalled();
    await vi.waitFor(() => expect(visible()).toBe(true));
  });

  test('passing over a link opens nothing and fetches nothing', async () => {
    pointer('pointerover', link('acme'));
    pointer('pointerout', link('acme'), { relatedTarget: document.body });
    await settle(HOVER * 2);
    expect(load).not.toHaveBeenCalled();
    expect(visible()).toBe(false);
  });

  test('stays while the pointer moves onto the card, closes once it leaves both', async () => {
    pointer('pointerover', link('acme'));
    await vi.waitFor(() => expect(visible()).toBe(true));
    pointer('pointerout', link('acme'), { relatedTarget: card() });
    pointer('pointerover', card()!);
    await settle(HIDE * 3);
    expect(visible()).toBe(true);
    pointer('pointerout', card()!, { relatedTarget: document.body });
    await vi.waitFor(() => expect(visible()).toBe(false));
  });

  test('a document that fails to load shows no card and breaks nothing', async () => {
    const extra = document.createElement('a');
    extra.href = '/companies/gone/';
    extra.dataset.preview = '/companies/gone.json';
    document.body.append(extra);
    extra.focus();
    await settle();
    expect(load).toHaveBeenCalledWith('/companies/gone.json');
    expect(visible()).toBe(false);
    expect(extra.hasAttribute('aria-describedby')).toBe(false);
  });
});
