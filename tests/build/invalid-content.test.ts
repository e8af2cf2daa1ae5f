import { existsSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, test } from 'vitest';
import { buildSite, PROJECT_ROOT } from '../../scripts/lib/build-site.ts';
import { INVALID_FIXTURES, overlay, scenario } from '../support/scenario';

// Each kind of bad input has its own scenario and exact lines (tests/fixtures/invalid/, checked
// without building by tests/unit/content/invalid-fixtures.test.ts). These builds prove the build
// itself prints those lines, all at once, and publishes nothing.

/** Scenarios whose files do not overlap, so together their problems are the sum of theirs. */
const TOGETHER = [
  'missing-field',
  'unknown-enum-value',
  'empty-quote-text',
  'malformed-date',
  'stray-file-at-root',
  'markdown-briefing',
  'unknown-entity-in-briefing',
];

describe('a build of content with many mistakes', () => {
  test('prints every problem, one line each, and writes nothing', async () => {
    const files = Object.assign({}, ...TOGETHER.map((name) => overlay(join(INVALID_FIXTURES, name))));
    const root = scenario(files);
    const outDir = `${root}-dist`;
    const result = await buildSite({ contentRoot: root, outDir });
    expect(result.ok).toBe(false);
    const expected = TOGETHER.flatMap((name) =>
      readFileSync(join(INVALID_FIXTURES, name, 'expected.txt'), 'utf8')
        .trim()
        .split('\n'),
    );
    // The build names files from the project root; the scenarios from the content root.
    const prefix = `${relative(PROJECT_ROOT, root)}/`;
    const printed = result.output
      .split('\n')
      .map((line) => line.replace(/^\[InvalidContent\]\s*/, '').replaceAll(prefix, ''))
      .filter((line) => /: expected .*, found .*\.$/.test(line));
    expect(printed.sort()).toEqual(expected.sort());
    expect(result.output).toContain(`${expected.length} problems in the content`);
    expect(existsSync(outDir)).toBe(false);
  });
});

describe('a build whose briefing links nowhere', () => {
  // Links and images in briefings are checked against the pages the site will publish before
  // anything is rendered (the content check), so the build prints the same lines as
  // `npm run check:content` and the fixture's expected.txt, and writes nothing. (The check of
  // every built page after the build, [BrokenLinks], stays as the last word on generated pages.)
  test('fails before rendering, naming the file, line, link and what is missing', async () => {
    const name = 'broken-link-in-briefing';
    const root = scenario(overlay(join(INVALID_FIXTURES, name)));
    const outDir = `${root}-dist`;
    const result = await buildSite({ contentRoot: root, outDir });
    expect(result.ok).toBe(false);
    const expected = readFileSync(join(INVALID_FIXTURES, name, 'expected.txt'), 'utf8')
      .trim()
      .split('\n');
    const prefix = `${relative(PROJECT_ROOT, root)}/`;
    const printed = result.output
      .split('\n')
      .map((line) => line.replace(/^\[InvalidContent\]\s*/, '').replaceAll(prefix, ''))
      .filter((line) => /: expected .*, found .*\.$/.test(line));
    expect(printed).toEqual(expected);
    expect(result.output).toContain(`${expected.length} problems in the content`);
    expect(existsSync(outDir)).toBe(false);
  });
});
