import { existsSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, test } from 'vitest';
import { buildSite, PROJECT_ROOT } from '../../scripts/lib/build-site.ts';
import { INVALID_FIXTURES, overlay, scenario } from '../support/scenario';

// Each kind of bad input has its own scenario and exact lines (tests/fixtures/invalid/, checked
// without building by tests/unit/content/invalid-fixtures.test.ts). This build proves the build
// itself prints those lines, all at once, and publishes nothing. Links and images in briefings
// are checked once everything else is valid, so they cannot join these: the build of
// tests/build/pipeline.test.ts breaks a briefing's links and image, and checks its lines and that
// the last published build stays.

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
