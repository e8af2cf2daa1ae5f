import { BaseSequencer, type TestSpecification } from 'vitest/node';

/**
 * The order the slowest files start in. First the bundled site's longest browser file (its build
 * comes first), then the file that builds the fixture sites other files share (so no file waits
 * for one later in the run), then the rest, longest first (measured on 2 cores). Vitest starts
 * files longest-first only with timings from an earlier run; on a clean clone (CI) it starts the
 * largest files first, which left the longest browser file, a short one, to run alone at the end.
 */
export const SLOWEST_FIRST = [
  'tests/e2e/pages.test.ts',
  'tests/build/shared-sites.test.ts',
  'tests/build/pipeline.test.ts',
  'tests/e2e/search.test.ts',
  'tests/e2e/charts-tables.test.ts',
  'tests/e2e/previews.test.ts',
  'tests/e2e/hostile.test.ts',
  'tests/build/bench.test.ts',
  'tests/e2e/redirects.test.ts',
  'tests/build/email.test.ts',
  'tests/e2e/timeline.test.ts',
  'tests/e2e/scale.test.ts',
];

/** Vitest's order (failed first, then by timings or size), with the known slowest files first. */
export default class SlowestFirst extends BaseSequencer {
  override async sort(files: TestSpecification[]): Promise<TestSpecification[]> {
    const sorted = await super.sort(files);
    const rank = (file: TestSpecification) => {
      const index = SLOWEST_FIRST.findIndex((path) => file.moduleId.endsWith(path));
      return index === -1 ? SLOWEST_FIRST.length : index;
    };
    return sorted
      .map((file, i) => ({ file, i }))
      .sort((a, b) => rank(a.file) - rank(b.file) || a.i - b.i)
      .map((x) => x.file);
  }
}
