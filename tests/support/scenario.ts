import { cpSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { basename, dirname, join, relative, sep } from 'node:path';
import { inject } from 'vitest';
import { outputFolder } from '../../scripts/lib/build-site.ts';

/** The fixtures every scenario starts from. */
export const FIXTURES = join(import.meta.dirname, '../fixtures');

/**
 * A content root for one scenario: a copy of a fixture with some files written (or, given
 * `null`, removed), in a temporary folder removed at the end of the run. The scenario reads as the
 * files it changes, whole, rather than as edits hidden in regular expressions.
 */
export function scenario(files: Record<string, string | Uint8Array | null>, fixture = 'minimal'): string {
  // In this run's folder (tests/support/global-setup.ts), removed with what builds put beside
  // it (`<root>-dist`, `<root>-clean`, caches) when the run ends: a scenario made inside a test
  // has no hook of its own to clean up after it.
  const root = outputFolder(`${basename(inject('siteDir'))}-scenario-${fixture}-`);
  cpSync(join(FIXTURES, fixture), root, { recursive: true });
  for (const [path, content] of Object.entries(files)) {
    const file = join(root, path);
    if (content === null) {
      rmSync(file, { recursive: true, force: true });
      continue;
    }
    mkdirSync(dirname(file), { recursive: true });
    writeFileSync(file, content);
  }
  return root;
}

/** The folder of the invalid-content scenarios: files overlaid on the minimal fixture, and `expected.txt`. */
export const INVALID_FIXTURES = join(FIXTURES, 'invalid');

/** The files of an overlay folder (`tests/fixtures/invalid/<name>`), except its `expected.txt`. */
export function overlay(folder: string): Record<string, Uint8Array> {
  const files: Record<string, Uint8Array> = {};
  for (const entry of readdirSync(folder, { recursive: true, withFileTypes: true })) {
    if (!entry.isFile() || (entry.parentPath === folder && entry.name === 'expected.txt')) continue;
    const path = join(entry.parentPath, entry.name);
    files[relative(folder, path).split(sep).join('/')] = readFileSync(path);
  }
  return files;
}
