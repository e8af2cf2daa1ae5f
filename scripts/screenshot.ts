// Screenshots of built pages for a reader's look: `node scripts/screenshot.ts <dist> <out> /path/ …`
// Writes <out>/<page>-<width>-<scheme>.png at 1280 px (light) and 390 px (dark), full page.
import { mkdirSync } from 'node:fs';
import { launchBrowser } from '../tests/support/browser.ts';
import { serveStatic } from '../tests/support/server.ts';

const [dist = 'dist', out = 'tests/.output/screenshots', ...paths] = process.argv.slice(2);
mkdirSync(out, { recursive: true });
const server = await serveStatic(dist);
const browser = await launchBrowser();
try {
  for (const path of paths.length ? paths : ['/']) {
    for (const [width, height, scheme] of [
      [1280, 900, 'light'],
      [390, 844, 'dark'],
    ] as const) {
      const page = await browser.newPage({ viewport: { width, height }, colorScheme: scheme });
      await page.goto(server.origin + path);
      const file = `${out}/${path.replace(/\W+/g, '_')}-${width}-${scheme}.png`;
      await page.screenshot({ path: file, fullPage: true });
      console.log(file);
      await page.close();
    }
  }
} finally {
  await browser.close();
  await server.close();
}
