import { seedSite } from '../support/seed-site';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, test } from 'vitest';
import { emailUrl, entityUrl, rebaseUrls } from '../../src/lib/routes';
import { describeInBrowser, holdClipboard, servedSite, openPage, waitInPage, watchPage } from '../support/browser';

const dist = await seedSite();
const briefing = { collection: 'briefings', id: 'chinese-battery-firms-turn-to-korean-partners' } as const;
const emailTextFile = readFileSync(join(dist, emailUrl(briefing, 'txt')));
// The served file starts with a UTF-8 byte order mark (see UTF8_BOM); what readers copy does not.
const emailText = emailTextFile.toString('utf8').replace(/^\uFEFF/, '');
const emailHtml = readFileSync(join(dist, emailUrl(briefing, 'html')), 'utf8');

describeInBrowser('"Copy for newsletter" on a briefing page', () => {
  const site = servedSite(() => dist);

  test('copies the email version, as HTML with a plain-text part, from the keyboard, and says so', async () => {
    await holdClipboard();
    const { page, close } = await openPage(site.browser, {
      permissions: ['clipboard-read', 'clipboard-write'],
      viewport: { width: 1280, height: 900 },
    });
    const problems = watchPage(page, site.server.origin);
    await page.goto(site.server.origin + entityUrl(briefing), { waitUntil: 'networkidle' });
    const button = page.getByRole('button', { name: 'Copy for newsletter' });
    await button.waitFor();

    // Reach the button with Tab, as a keyboard user would: from the last control before it.
    await page.locator('newsletter-copy').evaluate((box) => {
      const before = [...document.querySelectorAll<HTMLElement>('a[href], button')].filter(
        (e) => e.compareDocumentPosition(box) & Node.DOCUMENT_POSITION_FOLLOWING && e.offsetParent !== null,
      );
      before.at(-1)?.focus();
    });
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => document.activeElement?.textContent?.trim())).toBe('Copy for newsletter');
    await page.keyboard.press('Enter');

    const status = page.locator('newsletter-copy [role="status"]');
    await waitInPage(page, () => Boolean(document.querySelector('newsletter-copy [role="status"]')?.textContent));
    expect(await status.textContent()).toMatch(/^Copied the briefing for your newsletter/);

    // The snippets link to the configured site (unset here: the placeholder); the copy links to
    // the server the page came from, where they work.
    const copiedText = await page.evaluate(() => navigator.clipboard.readText());
    expect(emailText).toContain('https://briefing.example.com/');
    expect(copiedText).not.toContain('https://briefing.example.com');
    expect(copiedText).toBe(rebaseUrls(emailText, 'https://briefing.example.com', site.server.origin));
    expect(copiedText).toContain(`${site.server.origin}${entityUrl(briefing)}`);
    const html = await page.evaluate(async () => {
      const [item] = await navigator.clipboard.read();
      return item?.types.includes('text/html') ? (await item.getType('text/html')).text() : undefined;
    });
    // Browsers may sanitise HTML they read from the clipboard; the snippet's content arrives intact.
    expect(html).toContain('<table role="presentation" width="600"');
    expect(html).toContain(
      rebaseUrls(emailHtml.match(/<h1[^>]*>[\s\S]*?<\/h1>/)![0], 'https://briefing.example.com', site.server.origin),
    );
    expect(html).toContain(`href="${site.server.origin}/`);
    expect(html).not.toContain('https://briefing.example.com');

    // Space works too, and a second copy is announced again.
    await page.keyboard.press('Space');
    await waitInPage(page, () => Boolean(document.querySelector('newsletter-copy [role="status"]')?.textContent));
    expect(await status.textContent()).toMatch(/^Copied/);
    await close();
    expect(problems.consoleErrors).toEqual([]);
    expect(problems.pageErrors).toEqual([]);
  });

  test('says when the browser refuses, and leaves the links to the email versions', async () => {
    const { page, close } = await openPage(site.browser, { viewport: { width: 1280, height: 900 } });
    await page.goto(site.server.origin + entityUrl(briefing), { waitUntil: 'networkidle' });
    // A browser that allows neither a copy event nor the Clipboard API.
    await page.evaluate(() => {
      document.execCommand = () => false;
      const denied = () => Promise.reject(new DOMException('denied', 'NotAllowedError'));
      navigator.clipboard.write = denied;
      navigator.clipboard.writeText = denied;
    });
    await page.getByRole('button', { name: 'Copy for newsletter' }).click();
    await waitInPage(page, () => Boolean(document.querySelector('newsletter-copy [role="status"]')?.textContent));
    expect(await page.locator('newsletter-copy [role="status"]').textContent()).toMatch(/^Could not copy/);
    await close();
  });

  test('without JavaScript: no button, and plain links to the HTML and text versions that work', async () => {
    const { page, close } = await openPage(site.browser, { javaScriptEnabled: false });
    await page.goto(site.server.origin + entityUrl(briefing));
    expect(await page.getByRole('button', { name: 'Copy for newsletter' }).count()).toBe(0);
    const html = page.getByRole('link', { name: 'Email HTML' });
    const text = page.getByRole('link', { name: 'Plain text' });
    expect(await html.getAttribute('href')).toBe(emailUrl(briefing, 'html'));
    expect(await text.getAttribute('href')).toBe(emailUrl(briefing, 'txt'));
    const response = await page.request.get(site.server.origin + emailUrl(briefing, 'txt'));
    expect((await response.body()).equals(emailTextFile)).toBe(true);
    // Opened in the browser from a host that sends no charset, it reads as written: curly quotes intact.
    await text.click();
    await page.waitForURL(/email\.txt$/);
    const shown = await page.evaluate(() => ({ charset: document.characterSet, text: document.body.innerText }));
    expect(shown.charset).toBe('UTF-8');
    expect(shown.text).toContain('“');
    expect(shown.text).not.toContain('â€');
    expect(shown.text.trim()).toBe(emailText.trim());
    await close();
  });
});
