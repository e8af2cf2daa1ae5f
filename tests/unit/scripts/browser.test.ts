import { existsSync } from 'node:fs';
import { afterEach, describe, expect, test } from 'vitest';
import { browserPath, CHROMIUM_PATH, hasChromium, HEADLESS_SHELL_PATH } from '../../../scripts/lib/browser.ts';

// Which browser the tests and scripts start: one someone names, else the headless shell when it is
// installed (the same Blink at far less CPU), else Chromium.
describe('browserPath', () => {
  const saved = process.env.CHROMIUM_PATH;
  afterEach(() => {
    if (saved === undefined) delete process.env.CHROMIUM_PATH;
    else process.env.CHROMIUM_PATH = saved;
  });

  test('CHROMIUM_PATH names the browser, and a missing one counts as no browser', () => {
    process.env.CHROMIUM_PATH = '/nowhere/chrome';
    expect(browserPath()).toBe('/nowhere/chrome');
    expect(hasChromium()).toBe(false);
  });

  test('otherwise the headless shell when installed, else Chromium', () => {
    delete process.env.CHROMIUM_PATH;
    expect(browserPath()).toBe(existsSync(HEADLESS_SHELL_PATH) ? HEADLESS_SHELL_PATH : CHROMIUM_PATH);
  });
});
