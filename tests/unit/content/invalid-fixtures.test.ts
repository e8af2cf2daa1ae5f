import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { checkContentAndImages } from '../../../src/lib/content/check';
import { INVALID_FIXTURES, overlay, scenario } from '../../support/scenario';

// One folder per kind of bad input: the files that differ from the minimal fixture, and
// `expected.txt`, the exact lines an author sees (the build prints the same lines; see
// tests/build/invalid-content.test.ts). The table in docs/bad-input.md links here.
const cases = readdirSync(INVALID_FIXTURES, { withFileTypes: true })
  .filter((entry) => entry.isDirectory())
  .map((entry) => entry.name)
  .sort();

describe('each kind of bad input fails the check with exactly its expected lines', () => {
  test('there are scenarios', () => {
    expect(cases.length).toBeGreaterThanOrEqual(20);
  });

  test.each(cases)('%s', async (name) => {
    const folder = join(INVALID_FIXTURES, name);
    const root = scenario(overlay(folder));
    const { problems } = await checkContentAndImages(root, root);
    expect(problems.length, 'a bad-input scenario must produce at least one problem').toBeGreaterThan(0);
    await expect(`${problems.join('\n')}\n`).toMatchFileSnapshot(join(folder, 'expected.txt'));
  });
});
