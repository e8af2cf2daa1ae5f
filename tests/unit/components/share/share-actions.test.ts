// @vitest-environment happy-dom
import { afterEach, describe, expect, test, vi } from 'vitest';
import { fill, linksUi } from '../../../../src/i18n/links';
import { copyValue } from '../../../../src/components/share/share-actions';
import { mount, settle } from '../../../support/dom';

const copy = linksUi.share;
const PATH = '/quotes/choi-jae-hee-chery-deal-signal/';
const CITATION = '“Chery’s deal sends a signal”\n— Choi Jae-hee\nSource: Korea JoongAng Daily, 9 July 2025.';
/** happy-dom's page address: the origin copied links must be on. */
const ORIGIN = 'http://localhost:3000';

/** A Share control as ShareActions.astro renders it (citation and page link optional). */
function markup({ citation, page = true }: { citation?: string; page?: boolean } = {}): string {
  const attr = (value: string) => value.replace(/&/g, '&amp;').replace(/"/g, '&quot;');
  return `<p><a href="/before/">Before</a></p>
  <share-actions class="share" data-path="${PATH}" ${citation ? `data-citation="${attr(citation)}" data-citation-copied="${copy.citationCopied}"` : ''} data-link-copied="${copy.linkCopied}" data-blocked="${copy.blocked}">
    <button type="button" class="toggle" aria-expanded="false" hidden>${copy.share}<span class="sr-only"> this quote</span></button>
    <div class="options">
      <button type="button" data-copy="link" aria-label="${fill(copy.copyLinkTo, { subject: 'this quote' })}" hidden>${copy.copyLink}</button>
      ${citation ? `<button type="button" data-copy="citation" aria-label="${fill(copy.copyCitationOf, { subject: 'this quote' })}" hidden>${copy.copyCitation}</button>` : ''}
      ${page ? `<a class="page" href="${PATH}">Quote page</a>` : ''}
    </div>
    <span class="status" role="status" aria-live="polite"></span>
  </share-actions>
  <p><a href="/after/">After</a></p>`;
}

const toggle = () => document.querySelector<HTMLButtonElement>('share-actions button.toggle')!;
const options = () => document.querySelector<HTMLElement>('share-actions .options')!;
const copyButton = (kind: string) => document.querySelector<HTMLButtonElement>(`button[data-copy="${kind}"]`)!;
const status = () => document.querySelector('share-actions [role="status"]')!.textContent;

afterEach(() => {
  mount('');
  vi.restoreAllMocks();
  vi.useRealTimers();
});

describe('copyValue', () => {
  const data = { path: PATH, citation: CITATION };
  test('a link is made absolute on the origin the reader has open', () => {
    expect(copyValue('link', data, 'http://127.0.0.1:4321')).toBe(`http://127.0.0.1:4321${PATH}`);
  });
  test('a citation gets that link as its last line', () => {
    expect(copyValue('citation', data, 'https://staging.test')).toBe(`${CITATION}\nhttps://staging.test${PATH}`);
  });
  test('a page opened from a file uses the published site', () => {
    expect(copyValue('link', data, 'null', 'https://briefing.example.com/briefings/b/')).toBe(
      `https://briefing.example.com${PATH}`,
    );
  });
  test('nothing for a citation the control does not have', () => {
    expect(copyValue('citation', { path: PATH }, ORIGIN)).toBeUndefined();
  });
});

describe('<share-actions>', () => {
  test('without JavaScript only the page link shows; enhanced, one "Share" button, collapsed', () => {
    mount(markup({ citation: CITATION }));
    expect(toggle().hidden).toBe(false);
    expect(toggle().getAttribute('aria-expanded')).toBe('false');
    expect(toggle().getAttribute('aria-controls')).toBe(options().id);
    expect(options().hidden).toBe(true);
    expect(document.querySelector('share-actions')!.hasAttribute('data-enhanced')).toBe(true);
  });

  test('the button discloses Copy link, Copy citation and the page link, and closes again', () => {
    mount(markup({ citation: CITATION }));
    toggle().click();
    expect(toggle().getAttribute('aria-expanded')).toBe('true');
    expect(options().hidden).toBe(false);
    const offered = [...options().querySelectorAll<HTMLElement>('button, a')].filter((e) => !e.hidden);
    expect(offered.map((e) => e.textContent?.trim())).toEqual(['Copy link', 'Copy citation', 'Quote page']);
    toggle().click();
    expect(toggle().getAttribute('aria-expanded')).toBe('false');
    expect(options().hidden).toBe(true);
  });

  test('Escape closes the options and gives focus back to the button', () => {
    mount(markup());
    toggle().click();
    copyButton('link').focus();
    copyButton('link').dispatchEvent(new KeyboardEvent('keydown', { key: 'Escape', bubbles: true }));
    expect(options().hidden).toBe(true);
    expect(document.activeElement).toBe(toggle());
  });

  test('tabbing away or pressing elsewhere closes it', () => {
    mount(markup());
    toggle().click();
    const after = document.querySelector<HTMLAnchorElement>('a[href="/after/"]')!;
    copyButton('link').dispatchEvent(new FocusEvent('focusout', { bubbles: true, relatedTarget: after }));
    expect(options().hidden).toBe(true);
    toggle().click();
    document.body.dispatchEvent(new Event('pointerdown', { bubbles: true }));
    expect(options().hidden).toBe(true);
  });

  test('"Copy link" copies the link on the page’s own origin, announces it, closes and refocuses', async () => {
    mount(markup({ citation: CITATION }));
    toggle().click();
    copyButton('link').click();
    await settle();
    expect(await navigator.clipboard.readText()).toBe(`${ORIGIN}${PATH}`);
    expect(status()).toBe('Link copied');
    expect(options().hidden).toBe(true);
    expect(document.activeElement).toBe(toggle());
  });

  test('"Copy citation" copies the citation with the link on the page’s origin as its last line', async () => {
    mount(markup({ citation: CITATION }));
    toggle().click();
    copyButton('citation').click();
    await settle();
    expect(await navigator.clipboard.readText()).toBe(`${CITATION}\n${ORIGIN}${PATH}`);
    expect(status()).toBe('Citation copied');
  });

  test('without a citation or own page, only "Copy link" is offered', () => {
    mount(markup({ page: false }));
    toggle().click();
    const offered = [...options().querySelectorAll<HTMLElement>('button, a')].filter((e) => !e.hidden);
    expect(offered.map((e) => e.textContent?.trim())).toEqual(['Copy link']);
  });

  test('copying again is announced again: the region is emptied first, then filled', async () => {
    mount(markup());
    copyButton('link').click();
    await settle();
    const region = document.querySelector('share-actions [role="status"]')!;
    const said: string[] = [];
    const observer = new MutationObserver(() => said.push(region.textContent ?? ''));
    observer.observe(region, { childList: true, characterData: true, subtree: true });
    copyButton('link').click();
    await settle();
    observer.disconnect();
    expect(said).toEqual(['', 'Link copied']);
  });

  test('when the browser refuses, it shows the text to copy by hand', async () => {
    vi.spyOn(navigator.clipboard, 'writeText').mockRejectedValue(new DOMException('denied', 'NotAllowedError'));
    mount(markup({ citation: CITATION }));
    copyButton('link').click();
    await settle();
    expect(status()).toBe(`Copying is blocked here; the text is: ${ORIGIN}${PATH}`);
  });

  test('without a Clipboard API at all (an insecure page), it shows the text too', async () => {
    vi.spyOn(navigator, 'clipboard', 'get').mockReturnValue(undefined as unknown as Clipboard);
    mount(markup());
    copyButton('link').click();
    await settle();
    expect(status()).toBe(`Copying is blocked here; the text is: ${ORIGIN}${PATH}`);
  });

  test('the message goes after a few seconds', async () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
    mount(markup());
    copyButton('link').click();
    await vi.advanceTimersByTimeAsync(100);
    await new Promise((resolve) => requestAnimationFrame(resolve));
    expect(status()).toBe('Link copied');
    await vi.advanceTimersByTimeAsync(4000);
    expect(status()).toBe('');
  });
});
