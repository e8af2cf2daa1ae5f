// Screenshots of built pages, to look at the site as a reader would:
//
//   npm run screenshots                      every page type of dist/, into tests/.output/screenshots/
//   node scripts/screenshot.ts <dist> <out> /path/ …
//
// Each page at 390 and 1280 px wide, light and dark, full page: <out>/<name>-<width>-<scheme>.png.
// A page wider than its viewport is reported.
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { horizontalOverflow, launchBrowser } from './lib/browser.ts';
import { PAGE_TYPES } from './lib/page-types.ts';
import { serveStatic } from './lib/static-server.ts';

const [dist = 'dist', out = 'tests/.output/screenshots', ...paths] = process.argv.slice(2);
const pages = paths.length
  ? Object.fromEntries(paths.map((path) => [path.replace(/\W+/g, '_').replace(/^_|_$/g, '') || 'home', path]))
  : PAGE_TYPES;
const VIEWS = [
  { width: 390, height: 844, scheme: 'light' },
  { width: 390, height: 844, scheme: 'dark' },
  { width: 1280, height: 900, scheme: 'light' },
  { width: 1280, height: 900, scheme: 'dark' },
] as const;

mkdirSync(out, { recursive: true });
const server = await serveStatic(dist);
const browser = await launchBrowser();
let overflowing = 0;
try {
  for (const [name, path] of Object.entries(pages)) {
    for (const { width, height, scheme } of VIEWS) {
      const page = await browser.newPage({ viewport: { width, height }, colorScheme: scheme });
      await page.goto(server.origin + path, { waitUntil: 'networkidle' });
      const file = join(out, `${name}-${width}-${scheme}.png`);
      await page.screenshot({ path: file, fullPage: true });
      const overflow = await horizontalOverflow(page);
      if (overflow > 0) {
        overflowing++;
        console.warn(`${path} at ${width}px is ${overflow}px wider than the screen`);
      }
      console.log(file);
      await page.close();
    }
  }
} finally {
  await browser.close();
  await server.close();
}
process.exitCode = overflowing ? 1 : 0;
