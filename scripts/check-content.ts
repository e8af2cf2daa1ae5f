/**
 * `npm run check:content`: everything a build checks in the content, without building. The
 * content root's layout, every file's encoding, YAML and schema, every reference and relation,
 * every briefing's MDX, and every link and image in the briefings against the pages the site
 * would publish (derived from the page list; nothing is rendered). Prints every problem, one line
 * each, the same lines the build prints, and exits 1; prints one line and exits 0 when all is well.
 *
 *   npm run check:content                                  # the content root of BRIEFING_CONTENT_ROOT
 *   BRIEFING_CONTENT_ROOT=../our-beat npm run check:content
 */
import { readFileSync } from 'node:fs';
import { relative } from 'node:path';
import { importSource, PROJECT } from './lib/source.ts';

type Check = typeof import('../src/lib/content/check.ts');
type Report = typeof import('../src/lib/content/check-report.ts');
type Locations = typeof import('../src/lib/content/locations.ts');
type Layout = typeof import('../src/lib/content/layout.ts');
type Scaffold = typeof import('../src/lib/authoring/scaffold.ts');

const [
  { checkContentAndImages },
  { passedLine, problemCount, reportLines },
  { contentRoot },
  { contentFiles },
  { placeholderLines },
] = await Promise.all([
  importSource<Check>('src/lib/content/check.ts'),
  importSource<Report>('src/lib/content/check-report.ts'),
  importSource<Locations>('src/lib/content/locations.ts'),
  importSource<Layout>('src/lib/content/layout.ts'),
  importSource<Scaffold>('src/lib/authoring/scaffold.ts'),
]);

const root = contentRoot(PROJECT);
const started = performance.now();
const report = await checkContentAndImages(root, PROJECT);
const elapsed = performance.now() - started;

// Not a problem for the build, but not finished either: text npm run new left to write.
const unfinished = placeholderLines(
  contentFiles(root).files.map((file) => ({
    path: relative(PROJECT, file.path).startsWith('..') ? file.path : relative(PROJECT, file.path),
    text: readFileSync(file.path, 'utf8'),
  })),
);
if (unfinished.length > 0) {
  console.log(`Still to write (TODO: placeholders from npm run new): ${unfinished.join(', ')}.`);
}
if (report.problems.length === 0) {
  console.log(passedLine(report.files, elapsed));
  process.exit(0);
}
for (const line of reportLines(report.problems)) console.error(line);
console.error(
  `\n${problemCount(report.problems.length)} (checked ${report.files} files in ${Math.round(elapsed)} ms). Each line names a file and a field or line; fix them and check again.`,
);
process.exit(1);
