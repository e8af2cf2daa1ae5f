import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, test } from 'vitest';
import { INVALID_FIXTURES } from '../../support/scenario';

test('docs/bad-input.md has a row for every bad-input scenario, linking its expected lines', () => {
  const doc = readFileSync(join(import.meta.dirname, '../../../docs/bad-input.md'), 'utf8');
  const scenarios = readdirSync(INVALID_FIXTURES, { withFileTypes: true }).filter((e) => e.isDirectory());
  const missing = scenarios
    .map((e) => e.name)
    .filter((name) => !doc.includes(`(../tests/fixtures/invalid/${name}/expected.txt)`));
  expect(missing).toEqual([]);
});
