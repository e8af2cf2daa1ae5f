// @vitest-environment happy-dom
import { afterEach, beforeEach, describe, expect, onTestFinished, test, vi } from 'vitest';
import { linksUi } from '../../../../src/i18n/links';
import { emailUrl } from '../../../../src/lib/routes';
import { onOrigin } from '../../../../src/components/share/newsletter-copy';
import { mount, settle } from '../../../support/dom';

const copy = linksUi.newsletter;
const briefing = { collection: 'briefings', id: 'chinese-battery-firms-turn-to-korean-partners' } as const;
const HTML_URL = emailUrl(briefing, 'html');
const TEXT_URL = emailUrl(briefing, 'txt');
const EMAIL_HTML = '<table role="presentation" width="600"><tr><td><h1>Chinese battery firms</h1></td></tr></table>';
const EMAIL_TEXT = 'Chinese battery firms\n\nRead this briefing online: https://briefing.example.com/…';

/** The newsletter block as NewsletterCopy.astro renders it: the button is hidden until the script runs. */
const MARKUP = `
<newsletter-copy class="newsletter" data-html="${HTML_URL}" data-text="${TEXT_URL}"
  data-copied="${copy.copied}" data-copied-plain="${copy.copiedPlain}" data-failed="${copy.failed}">
  <button type="button" hidden>${copy.copy}</button>
  <p class="versions">${copy.intro} <a href="${HTML_URL}">${copy.html}</a> · <a href="${TEXT_URL}">${copy.text}</a></p>
  <p class="status" role="status"></p>
</newsletter-copy>`;

const button = () => document.querySelector<HTMLButtonElement>('newsletter-copy button')!;
const status = () => document.querySelector('newsletter-copy [role="status"]')!.textContent;
let fetched: string[];

beforeEach(() => {
  fetched = [];
  const files: Record<string, string> = { [HTML_URL]: EMAIL_HTML, [TEXT_URL]: EMAIL_TEXT };
  vi.stubGlobal('fetch', async (url: string) => {
    fetched.push(url);
    return new Response(files[url] ?? 'not found', { status: files[url] ? 200 : 404 });
  });
});
afterEach(() => {
  mount('');
  vi.unstubAllGlobals();
  vi.restoreAllMocks();
});

/** Clicks "Copy for newsletter" and waits for the announcement. */
async function copyForNewsletter(): Promise<void> {
  button().click();
  for (let i = 0; i < 20 && !status(); i++) await settle();
}

describe('<newsletter-copy>', () => {
  test('shows the button once the script runs; the links to the email versions stay', () => {
    mount(MARKUP);
    expect(button().hidden).toBe(false);
    expect([...document.querySelectorAll('newsletter-copy a')].map((a) => a.getAttribute('href'))).toEqual([
      HTML_URL,
      TEXT_URL,
    ]);
  });

  test('fetches the email versions as soon as the reader heads for the button, once', async () => {
    mount(MARKUP);
    expect(fetched).toEqual([]);
    document.querySelector('newsletter-copy')!.dispatchEvent(new Event('pointerenter'));
    button().dispatchEvent(new FocusEvent('focusin', { bubbles: true }));
    await settle();
    expect(fetched.sort()).toEqual([HTML_URL, TEXT_URL].sort());
  });

  test('copies the HTML version with its plain-text version, and says so', async () => {
    mount(MARKUP);
    await copyForNewsletter();
    const [item] = await navigator.clipboard.read();
    expect(item!.types).toEqual(expect.arrayContaining(['text/html', 'text/plain']));
    expect(await (await item!.getType('text/html')).text()).toBe(EMAIL_HTML);
    expect(await (await item!.getType('text/plain')).text()).toBe(EMAIL_TEXT);
    expect(status()).toBe(copy.copied);
  });

  test('moves the versions’ links from the configured site to the address the page is opened at', async () => {
    const html = '<a href="https://briefing.example.com/companies/catl/?utm_source=newsletter">CATL</a>';
    const text = 'Read this briefing online: https://briefing.example.com/briefings/b/';
    vi.stubGlobal('fetch', async (url: string) => new Response(url === HTML_URL ? html : text));
    mount(MARKUP.replace('<newsletter-copy ', '<newsletter-copy data-site="https://briefing.example.com" '));
    await copyForNewsletter();
    const [item] = await navigator.clipboard.read();
    expect(await (await item!.getType('text/html')).text()).toBe(
      '<a href="http://localhost:3000/companies/catl/?utm_source=newsletter">CATL</a>',
    );
    expect(await (await item!.getType('text/plain')).text()).toBe(
      'Read this briefing online: http://localhost:3000/briefings/b/',
    );
  });

  test('copies through a copy event when the browser allows one, handing over the HTML as it is', async () => {
    const handed: Record<string, string> = {};
    // happy-dom has no execCommand; this one does what a browser does for "copy".
    Object.defineProperty(document, 'execCommand', {
      configurable: true,
      value: (command: string) => {
        const clipboardData = new DataTransfer();
        const event = new ClipboardEvent('copy', { clipboardData, cancelable: true });
        document.dispatchEvent(event);
        for (const type of ['text/html', 'text/plain']) handed[type] = clipboardData.getData(type);
        return command === 'copy' && event.defaultPrevented;
      },
    });
    onTestFinished(() => {
      delete (document as { execCommand?: unknown }).execCommand;
    });
    const write = vi.spyOn(navigator.clipboard, 'write');
    mount(MARKUP);
    await copyForNewsletter();
    expect(handed).toEqual({ 'text/html': EMAIL_HTML, 'text/plain': EMAIL_TEXT });
    expect(write).not.toHaveBeenCalled();
    expect(status()).toBe(copy.copied);
  });

  test('where the browser cannot copy HTML, copies the plain text and says it was plain text', async () => {
    vi.stubGlobal('ClipboardItem', undefined);
    mount(MARKUP);
    await copyForNewsletter();
    expect(await navigator.clipboard.readText()).toBe(EMAIL_TEXT);
    expect(status()).toBe(copy.copiedPlain);
  });

  test('when the browser refuses, says so and points to the links', async () => {
    const denied = () => Promise.reject(new DOMException('denied', 'NotAllowedError'));
    vi.spyOn(navigator.clipboard, 'write').mockImplementation(denied);
    vi.spyOn(navigator.clipboard, 'writeText').mockImplementation(denied);
    mount(MARKUP);
    await copyForNewsletter();
    expect(status()).toBe(copy.failed);
  });

  test('when the versions cannot be fetched, says so; the next click tries again', async () => {
    mount(MARKUP);
    vi.stubGlobal('fetch', async (url: string) => {
      fetched.push(url);
      return new Response('offline', { status: 503 });
    });
    await copyForNewsletter();
    expect(status()).toBe(copy.failed);
    const tries = fetched.length;
    await copyForNewsletter();
    expect(fetched.length).toBeGreaterThan(tries);
  });

  test('without a Clipboard API (an insecure page) the button stays hidden and the links remain', () => {
    vi.spyOn(navigator, 'clipboard', 'get').mockReturnValue(undefined as unknown as Clipboard);
    mount(MARKUP);
    expect(button().hidden).toBe(true);
    expect(document.querySelectorAll('newsletter-copy a')).toHaveLength(2);
  });
});

describe('onOrigin', () => {
  test('rebases both versions, and leaves them alone when the page names no configured site', () => {
    const versions = { html: '<a href="https://site.test/x/">x</a>', text: 'https://site.test/x/' };
    expect(onOrigin(versions, 'https://site.test', 'http://127.0.0.1:8080')).toEqual({
      html: '<a href="http://127.0.0.1:8080/x/">x</a>',
      text: 'http://127.0.0.1:8080/x/',
    });
    expect(onOrigin(versions, undefined, 'http://127.0.0.1:8080')).toEqual(versions);
  });
});
