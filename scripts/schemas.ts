/**
 * `npm run schemas`: writes the JSON Schemas of a content root's files into `<root>/.schemas/`
 * (one per collection, and site.yaml's), made from src/schemas/ and the root's site.yaml, so
 * editors complete, explain and check each field (see src/lib/authoring/json-schema.ts). Run it
 * after changing a schema or the vocabulary; for the bundled content root, commit the result
 * (a test fails while they differ). `--check` only says whether they are up to date.
 *
 *   npm run schemas
 *   BRIEFING_CONTENT_ROOT=../our-beat npm run schemas
 */
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { importSource, PROJECT } from './lib/source.ts';

type Schemas = typeof import('../src/lib/authoring/json-schema.ts');
type Docs = typeof import('../src/lib/authoring/schema-docs.ts');
type Scaffold = typeof import('../src/lib/authoring/scaffold.ts');
type Locations = typeof import('../src/lib/content/locations.ts');
type SiteConfig = typeof import('../src/lib/content/site-config.ts');

const [{ jsonSchemas }, { FieldDocs }, { SCHEMA_FOLDER }, { contentRoot }, { loadSiteConfig }] = await Promise.all([
  importSource<Schemas>('src/lib/authoring/json-schema.ts'),
  importSource<Docs>('src/lib/authoring/schema-docs.ts'),
  importSource<Scaffold>('src/lib/authoring/scaffold.ts'),
  importSource<Locations>('src/lib/content/locations.ts'),
  importSource<SiteConfig>('src/lib/content/site-config.ts'),
]);

const root = contentRoot(PROJECT);
const folder = join(root, SCHEMA_FOLDER);
const shown = relative(PROJECT, folder).startsWith('..') ? folder : relative(PROJECT, folder);
let site;
try {
  site = loadSiteConfig(root, PROJECT);
} catch (error) {
  console.error(`${(error as Error).message}\nFix site.yaml first: the schemas carry its vocabulary.`);
  process.exit(1);
}
const files = jsonSchemas(site, FieldDocs.read(join(PROJECT, 'src/schemas')));
const stale = [...files].filter(
  ([name, text]) => !existsSync(join(folder, name)) || readFileSync(join(folder, name), 'utf8') !== text,
);
const extra = existsSync(folder)
  ? readdirSync(folder).filter((name) => name.endsWith('.schema.json') && !files.has(name))
  : [];

if (process.argv.includes('--check')) {
  if (stale.length === 0 && extra.length === 0) {
    console.log(`The JSON Schemas in ${shown} are up to date.`);
    process.exit(0);
  }
  console.error(
    `The JSON Schemas in ${shown} are out of date (${[...stale.map(([n]) => n), ...extra].join(', ')}): run npm run schemas.`,
  );
  process.exit(1);
}
mkdirSync(folder, { recursive: true });
for (const [name, text] of stale) writeFileSync(join(folder, name), text);
for (const name of extra) rmSync(join(folder, name));
console.log(
  `${stale.length + extra.length === 0 ? 'Already up to date' : `Wrote ${stale.length} and removed ${extra.length}`}: ${shown}/ (${files.size} schemas).
Editors: files made by npm run new name their schema on their first line; for the others,
VS Code's YAML extension reads "yaml.schemas" in .vscode/settings.json (set for src/content).`,
);
