import { cpSync, existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, test } from 'vitest';
import { INCREMENTAL_MANIFEST } from '../../scripts/build';
import { buildSite, outputFolder, PROJECT_ROOT } from '../../scripts/lib/build-site.ts';
import { BUILD_STARTED_MARK, cacheDirFor } from '../../src/lib/content/locations';

// A build stopped while Astro built pages (Ctrl-C, a killed process) never reaches the step after
// Astro, so it leaves Astro's mark in the cache folder beside Astro's record of its page copies,
// some of which it may have replaced. `npm run build` must not trust that record next time. (A
// build stopped by the content check, before Astro starts, leaves no mark and keeps the record:
// tests/build/pipeline.test.ts.)
test('npm run build after a build that was stopped while Astro built pages renders every page again', async () => {
  const work = outputFolder('interrupted-');
  const content = join(work, 'content');
  const outDir = join(work, 'dist');
  cpSync(join(PROJECT_ROOT, 'tests/fixtures/minimal'), content, { recursive: true });
  const cache = cacheDirFor(PROJECT_ROOT, { BRIEFING_CACHE_DIR: `${outDir}.cache`, BRIEFING_CONTENT_ROOT: content });
  mkdirSync(cache, { recursive: true });
  // What the stopped build left: the record of the build before it, and the mark.
  writeFileSync(join(cache, INCREMENTAL_MANIFEST), '{}');
  writeFileSync(join(cache, BUILD_STARTED_MARK), '');
  // This build stops at the content check, before Astro starts, so only what `npm run build` does
  // before Astro can have dropped the record.
  writeFileSync(join(content, 'people/jane-doe.yaml'), 'name: [unclosed\n');
  const result = await buildSite({ contentRoot: content, outDir, incremental: true });
  expect(result.ok).toBe(false);
  expect(result.output).toContain('jane-doe.yaml');
  expect({
    record: existsSync(join(cache, INCREMENTAL_MANIFEST)),
    mark: existsSync(join(cache, BUILD_STARTED_MARK)),
  }).toEqual({ record: false, mark: false });
}, 120_000);
