// @vitest-environment happy-dom
import { afterEach, describe, expect, test, vi } from 'vitest';
import { fill, linksUi } from '../../../../src/i18n/links';
import { copyButtons } from '../../../../src/components/share/share-actions';
import { mount, settle } from '../../../support/dom';

const copy = linksUi.share;
const URL = 'https://briefing.example.com/quotes/choi-jae-hee-chery-deal-signal/';
const CITATION = '“Chery’s deal sends a signal”\n— Choi Jae-hee\nSource: Korea JoongAng Daily, 9 July 2025.\n' + URL;

/** A permalink with its actions, as ShareActions.astro renders it (citation optional). */
function markup(citation?: string): string {
  const attrs: Record<string, string | undefined> = {
    'data-url': URL,
    'data-copy-link': copy.copyLink,
    'data-link-label': fill(copy.copyLinkTo, { subject: 'this quote' }),
    'data-link-copied': copy.linkCopied,
    'data-citation': citation,
    'data-copy-citation': citation && copy.copyCitation,
    'data-citation-label': citation && fill(copy.copyCitationOf, { subject: 'this quote' }),
    'data-citation-copied': citation && copy.citationCopied,
    'data-blocked': copy.blocked,
  };
  const attributes = Object.entries(attrs)
    .filter(([, value]) => value !== undefined)
    .map(([name, value]) => `${name}="${value!.replace(/"/g, '&quot;')}"`)
    .join(' ');
  return `<share-actions class="share" ${attributes}>
    <a class="permalink" href="/quotes/choi-jae-hee-chery-deal-signal/">Quote page</a>
    <span class="status" role="status" aria-live="polite"></span>
  </share-actions>`;
}

const buttons = () => [...document.querySelectorAll<HTMLButtonElement>('share-actions button')];
const status = () => document.querySelector('share-actions [role="status"]')!.textContent;

afterEach(() => {
  mount('');
  vi.restoreAllMocks();
  vi.useRealTimers();
});

describe('copyButtons', () => {
  test('asks for "Copy link", and for "Copy citation" only when there is a citation', () => {
    const data = { url: URL, copyLink: 'Copy link', linkLabel: 'Copy link to x', linkCopied: 'Link copied' };
    expect(copyButtons(data).map((b) => b.text)).toEqual(['Copy link']);
    expect(
      copyButtons({
        ...data,
        citation: 'C',
        copyCitation: 'Copy citation',
        citationLabel: 'Copy citation of x',
        citationCopied: 'Citation copied',
      }).map((b) => [b.text, b.value]),
    ).toEqual([
      ['Copy link', URL],
      ['Copy citation', 'C'],
    ]);
  });
});

describe('<share-actions>', () => {
  test('adds labelled "Copy link" and "Copy citation" buttons before the status', () => {
    mount(markup(CITATION));
    expect(buttons().map((b) => [b.textContent, b.getAttribute('aria-label'), b.type])).toEqual([
      ['Copy link', 'Copy link to this quote', 'button'],
      ['Copy citation', 'Copy citation of this quote', 'button'],
    ]);
    expect(buttons()[1]!.nextElementSibling?.getAttribute('role')).toBe('status');
  });

  test('without a citation, only "Copy link"', () => {
    mount(markup());
    expect(buttons().map((b) => b.textContent)).toEqual(['Copy link']);
  });

  test('"Copy link" copies the absolute link and announces it in the status region', async () => {
    mount(markup(CITATION));
    buttons()[0]!.click();
    await settle();
    expect(await navigator.clipboard.readText()).toBe(URL);
    expect(status()).toBe('Link copied');
  });

  test('"Copy citation" copies the citation, lines and all', async () => {
    mount(markup(CITATION));
    buttons()[1]!.click();
    await settle();
    expect(await navigator.clipboard.readText()).toBe(CITATION);
    expect(status()).toBe('Citation copied');
  });

  test('copying again is announced again: the region is emptied first, then filled', async () => {
    mount(markup());
    buttons()[0]!.click();
    await settle();
    const region = document.querySelector('share-actions [role="status"]')!;
    const said: string[] = [];
    const observer = new MutationObserver(() => said.push(region.textContent ?? ''));
    observer.observe(region, { childList: true, characterData: true, subtree: true });
    buttons()[0]!.click();
    await settle();
    observer.disconnect();
    expect(said).toEqual(['', 'Link copied']);
  });

  test('when the browser refuses, it shows the text to copy by hand', async () => {
    vi.spyOn(navigator.clipboard, 'writeText').mockRejectedValue(new DOMException('denied', 'NotAllowedError'));
    mount(markup(CITATION));
    buttons()[0]!.click();
    await settle();
    expect(status()).toBe(`Copying is blocked here; the text is: ${URL}`);
  });

  test('without a Clipboard API at all (an insecure page), it shows the text too', async () => {
    vi.spyOn(navigator, 'clipboard', 'get').mockReturnValue(undefined as unknown as Clipboard);
    mount(markup());
    buttons()[0]!.click();
    await settle();
    expect(status()).toBe(`Copying is blocked here; the text is: ${URL}`);
  });

  test('the message goes after a few seconds', async () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
    mount(markup());
    buttons()[0]!.click();
    await vi.advanceTimersByTimeAsync(100);
    await new Promise((resolve) => requestAnimationFrame(resolve));
    expect(status()).toBe('Link copied');
    await vi.advanceTimersByTimeAsync(4000);
    expect(status()).toBe('');
  });
});
