import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { expect, test } from 'vitest';
import { PROJECT_ROOT } from '../../../scripts/lib/build-site.ts';
import { SLOWEST_FIRST } from '../../support/sequencer.ts';

test('every file the test order starts first exists (a renamed file would silently lose its place)', () => {
  expect(SLOWEST_FIRST.filter((path) => !existsSync(join(PROJECT_ROOT, path)))).toEqual([]);
  expect(new Set(SLOWEST_FIRST).size).toBe(SLOWEST_FIRST.length);
});
