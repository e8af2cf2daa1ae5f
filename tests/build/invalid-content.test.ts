import { existsSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, test } from 'vitest';
import { buildSite, PROJECT_ROOT } from '../support/build';
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

describe('a build whose pages link nowhere', () => {
  test('fails naming each page, link and what is missing', async () => {
    const briefing = readFileSync(join(INVALID_FIXTURES, '../minimal/briefings/widgets-weekly.mdx'), 'utf8');
    const root = scenario({
      'briefings/widgets-weekly.mdx': `${briefing}
See [the gone page](/companies/gone/) and [its deals](/companies/acme-widgets/#no-such-section).
`,
    });
    const result = await buildSite({ contentRoot: root, outDir: `${root}-dist` });
    expect(result.ok).toBe(false);
    // Two links, on the briefing page and in its email snippet.
    expect(result.output).toContain('[BrokenLinks] 4 broken internal links');
    expect(result.output).toContain(
      '/briefings/widgets-weekly/email.html → https://briefing.example.com/companies/gone/: no page at /companies/gone/',
    );
    expect(result.output).toContain('/briefings/widgets-weekly/ → /companies/gone/: no page at /companies/gone/');
    expect(result.output).toContain(
      '/briefings/widgets-weekly/ → /companies/acme-widgets/#no-such-section: no element with id "no-such-section" on /companies/acme-widgets/',
    );
  });
});
