/**
 * `npm run new -- <type> "<name>" [--option value …]`: writes a new content file that passes the
 * content check as written (see src/lib/authoring/scaffold.ts and docs/authoring.md).
 *
 *   npm run new -- company "Samsung SDI" --kind cell-maker --country KR
 *   npm run new -- deal "Samsung SDI to supply Kia with cells" --supplier samsung-sdi --customer kia
 *   npm run new -- briefing "What the July deals mean"
 *
 * It writes into the content root of BRIEFING_CONTENT_ROOT (default src/content), never over an
 * existing file, and prints the path and what to do next.
 */
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { importSource, PROJECT } from './lib/source.ts';

type Scaffold = typeof import('../src/lib/authoring/scaffold.ts');
type Check = typeof import('../src/lib/content/check.ts');
type Locations = typeof import('../src/lib/content/locations.ts');

const USAGE = `Usage: npm run new -- <type> "<name>" [--option value …]

Types and their options (--id <id> chooses the id; by default it is made from the name):
  company   "<name>"      --kind <kind> --country <ISO code> [--parent <company>] [--source <source>]
  person    "<name>"      [--source <source>]
  deal      "<headline>"  --<role> <company> (at least two: --supplier catl --customer kia) [--kind] [--status] [--source]
  quote     "<the words>" --person <person> | --organisation <company> | --speaker "<description>" [--source]
  event     "<headline>"  --date <fuzzy date> --status <status> --company <company>… [--kind] [--source]
  source    "<headline>"  --published "<timestamp with zone>" [--publisher <company>] [--language] [--url]
  briefing  "<title>"     [--source <source>]

Without --source, an entry cites the most recent source (the file says so).`;

/** `new company "X" --kind a --country=KR` → type, name and options in order. */
function parse(argv: readonly string[]): {
  type: string | undefined;
  name: string | undefined;
  options: [string, string][];
  problems: string[];
} {
  const positional: string[] = [];
  const options: [string, string][] = [];
  const problems: string[] = [];
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    if (!arg.startsWith('--')) {
      positional.push(arg);
      continue;
    }
    const eq = arg.indexOf('=');
    if (eq > 0) {
      options.push([arg.slice(2, eq), arg.slice(eq + 1)]);
      continue;
    }
    const value = argv[i + 1];
    if (value === undefined || value.startsWith('--'))
      problems.push(`${arg}: expected a value after it, found nothing`);
    else {
      options.push([arg.slice(2), value]);
      i++;
    }
  }
  if (positional.length > 2) {
    problems.push(`expected a type and one name in quotes, found ${positional.length} words: put the name in quotes`);
  }
  return { type: positional[0], name: positional[1], options, problems };
}

const argv = process.argv.slice(2);
if (argv.length === 0 || argv.includes('--help') || argv.includes('-h')) {
  console.log(USAGE);
  process.exit(argv.length === 0 ? 1 : 0);
}
const request = parse(argv);
if (request.problems.length > 0 || !request.type || request.name === undefined) {
  for (const problem of request.problems) console.error(problem);
  if (!request.type || request.name === undefined) console.error(USAGE);
  process.exit(1);
}

const [{ scaffold, SCHEMA_FOLDER, schemaFileName }, { checkContent, readContent }, { contentRoot }] = await Promise.all(
  [
    importSource<Scaffold>('src/lib/authoring/scaffold.ts'),
    importSource<Check>('src/lib/content/check.ts'),
    importSource<Locations>('src/lib/content/locations.ts'),
  ],
);

const root = contentRoot(PROJECT);
const shown = (path: string) => (relative(PROJECT, path).startsWith('..') ? path : relative(PROJECT, path));
const reading = readContent(root, PROJECT);
const today = process.env.BRIEFING_TODAY?.trim() || new Date().toISOString().slice(0, 10);
const result = scaffold({ type: request.type, name: request.name, options: request.options }, { reading, today });
if (!result.ok) {
  console.error(`Nothing written. In ${shown(root)}:`);
  for (const problem of result.problems) console.error(`  ${problem}`);
  process.exit(1);
}

const file = join(root, result.file);
if (existsSync(file)) {
  console.error(`Nothing written: ${shown(file)} already exists.`);
  process.exit(1);
}
mkdirSync(dirname(file), { recursive: true });
writeFileSync(file, result.text, { flag: 'wx' });
console.log(`Wrote ${shown(file)}`);
for (const note of result.notes) console.log(`  ${note}`);

// The file passes the content check as written; say so only if something else in it fails.
const report = checkContent(root, PROJECT);
const mine = report.problems.filter((line) => line.startsWith(`${shown(file)}:`));
if (mine.length > 0) {
  console.log(`\nThe content check reports about it:`);
  for (const line of mine) console.log(`  ${line}`);
}
const others = report.problems.length - mine.length;
const schema = join(root, SCHEMA_FOLDER, schemaFileName(result.collection));
const pagePath = `/${result.collection}/${result.id}/`;
console.log(`
Next:
  1. Open ${shown(file)} and replace every TODO: with what the source says, in your own words.${
    result.collection === 'briefings' || existsSync(schema)
      ? ''
      : `\n     (Run npm run schemas once so your editor completes and checks each field.)`
  }
  2. npm run check:content${others > 0 ? `  (the content root has ${others} other problem${others === 1 ? '' : 's'} already)` : ''}
  3. npm run dev, then open http://localhost:4321${pagePath}`);
