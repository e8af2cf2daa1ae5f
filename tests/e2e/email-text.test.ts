import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, expect, test } from 'vitest';
import type { Browser } from 'playwright-core';
import { buildGraph } from '../../src/lib/graph/graph';
import { loadSiteConfig } from '../../src/lib/content/site-config';
import { emailBriefing, emailLinks, emailText, emailTextFile } from '../../src/lib/publishing/email';
import { OUTPUT_ROOT } from '../../scripts/lib/build-site.ts';
import { describeInBrowser, connectBrowser, openPage } from '../support/browser';
import { fixtureVocabulary, minimalInput, UNIT_TODAY } from '../support/content';
import { serveStatic, type StaticServer } from '../../scripts/lib/static-server.ts';

// email.txt as a plain static host serves it: `text/plain` with no charset (scripts/lib/static-server.ts).
// The fixture's briefing names a company in Chinese script and quotes someone in curly quotes.
const root = join(OUTPUT_ROOT, `email-text-${process.pid}`);
const input = minimalInput();
input.companies.find((c) => c.id === 'acme-widgets')!.data.name = '宁德时代';
const graph = buildGraph(input, fixtureVocabulary);
const site = loadSiteConfig(join(import.meta.dirname, '../fixtures/minimal'));
const email = emailBriefing(
  graph,
  site,
  graph.node({ collection: 'briefings', id: 'widgets-weekly' }),
  input.briefings[0]!.body!,
  emailLinks('https://news.example.org', ''),
  UNIT_TODAY,
);

describeInBrowser('email.txt opened in a browser from a host that sends no charset', () => {
  let browser: Browser;
  let server: StaticServer;
  beforeAll(async () => {
    mkdirSync(root, { recursive: true });
    writeFileSync(join(root, 'email.txt'), emailTextFile(email));
    // The same text without the byte order mark: what the site served before, for contrast.
    writeFileSync(join(root, 'without-bom.txt'), emailText(email));
    [browser, server] = await Promise.all([connectBrowser(), serveStatic(root)]);
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
    rmSync(root, { recursive: true, force: true });
  });

  test('reads as UTF-8: curly quotes and a Chinese name come back as written', async () => {
    const { page, close } = await openPage(browser);
    const response = await page.goto(`${server.origin}/email.txt`);
    expect(response?.headers()['content-type']).toBe('text/plain');
    const shown = await page.evaluate(() => ({ charset: document.characterSet, text: document.body.innerText }));
    expect(shown.charset).toBe('UTF-8');
    expect(shown.text).toContain('“Widgets are the future”');
    expect(shown.text).toContain('宁德时代');
    expect(shown.text).not.toContain('â€');
    // The mark itself is not shown: the page reads exactly as the text version.
    expect(shown.text.trim()).toBe(emailText(email).trim());

    // Without the mark, the browser guesses another encoding: the mojibake readers saw.
    await page.goto(`${server.origin}/without-bom.txt`);
    const guessed = await page.evaluate(() => ({ charset: document.characterSet, text: document.body.innerText }));
    expect(guessed.charset).not.toBe('UTF-8');
    expect(guessed.text).toContain('â€œ');
    await close();
  });
});
