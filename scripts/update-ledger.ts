/**
 * Adds every public URL of the site (sitemap pages, feeds and data files) to the URL ledger,
 * never removing one:
 *
 *   node_modules/.bin/node scripts/update-ledger.ts [--dist dist] [--ledger urls.ledger.txt]
 *
 * Without --dist it first builds the site with its bundled dataset (through the tests' build
 * helper, into tests/.output/ledger-dist). Run it after adding pages, feeds or data files, and commit the
 * ledger with them; the ledger tests fail until a new URL is recorded, and whenever a recorded
 * one stops resolving.
 */
import { existsSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { addToLedger, formatLedger, LEDGER_FILE, parseLedger } from '../src/lib/publishing/ledger.ts';
import { buildSite, OUTPUT_ROOT, PROJECT_ROOT } from './lib/build-site.ts';
import { publishedPaths } from './lib/published.ts';

const { values } = parseArgs({
  options: { dist: { type: 'string' }, ledger: { type: 'string', default: join(PROJECT_ROOT, LEDGER_FILE) } },
});
const ledgerFile = resolve(values.ledger);

let distDir = values.dist ? resolve(values.dist) : undefined;
let built: string | undefined;
if (!distDir) {
  built = join(OUTPUT_ROOT, 'ledger-dist');
  console.log(`Building the site into ${built} …`);
  const result = await buildSite({ contentRoot: join(PROJECT_ROOT, 'src/content'), outDir: built });
  if (!result.ok) {
    console.error(result.output.slice(-4000));
    process.exit(1);
  }
  distDir = built;
}

const existing = existsSync(ledgerFile) ? parseLedger(readFileSync(ledgerFile, 'utf8')) : [];
const { paths, added } = addToLedger(existing, publishedPaths(distDir));
writeFileSync(ledgerFile, formatLedger(paths));
console.log(
  `${ledgerFile}: ${paths.length} URLs, ${added.length} new${added.length ? `:\n  ${added.join('\n  ')}` : '.'}`,
);
// The image cache stays (tests/.output/ledger-dist.cache), so the next run is quick.
if (built) rmSync(built, { recursive: true, force: true });
