/**
 * Bytes and requests of a reader's first search on a built site (`npm run bench` measures it on
 * its largest build): `node_modules/.bin/node scripts/search-weight.ts <dist> [query]`.
 */
import { launchBrowser, openPage } from './lib/browser.ts';
import { measureFirstQuery } from './lib/search-weight.ts';
import { serveStatic } from './lib/static-server.ts';

const [dist = 'dist', query = 'Synthetic Co 0001'] = process.argv.slice(2);
const server = await serveStatic(dist);
const browser = await launchBrowser();
try {
  const { page, close } = await openPage(browser, { viewport: { width: 1280, height: 900 } });
  const weight = await measureFirstQuery(page, server.origin, dist, '/', query);
  await close();
  console.log(`${'in dist'.padStart(8)}  ${'served'.padStart(8)}`);
  for (const file of weight.files)
    console.log(`${String(file.bytes).padStart(8)}  ${String(file.servedBytes).padStart(8)}  ${file.url}`);
  console.log(
    `first query "${query}": ${weight.requests} requests, ${(weight.servedBytes / 1000).toFixed(1)} kB as served ` +
      `(text gzipped; ${(weight.bytes / 1000).toFixed(1)} kB in dist); ` +
      `${weight.pagefindBeforeIntent} search requests before intent`,
  );
} finally {
  await browser.close();
  await server.close();
}
