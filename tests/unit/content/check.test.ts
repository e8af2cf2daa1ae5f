import { describe, expect, test } from 'vitest';
import { checkContent } from '../../../src/lib/content/check';
import { problemList } from '../../../src/lib/content/content-errors';
import { scenario } from '../../support/scenario';

/** The problems of a scenario, with file paths shown from its content root. */
function problems(files: Parameters<typeof scenario>[0]): string[] {
  const root = scenario(files);
  return checkContent(root, root).problems;
}

const GLOBEX = `name: Globex
kind: maker
country: FR
description: Synthetic widget buyer for tests.
sources: [test-gazette-2024-01-02]
`;

describe('checkContent', () => {
  test('passes the minimal fixture and returns its graph', () => {
    const root = scenario({});
    const report = checkContent(root, root);
    expect(report.problems).toEqual([]);
    expect(report.graph?.counts().companies).toBe(3);
    expect(report.files).toBe(9);
  });

  test('reports every broken file at once, one line each', () => {
    expect(
      problems({
        'companies/globex.yaml': GLOBEX.replace('name: Globex\n', ''),
        'people/jane-doe.yaml': 'name: Jane Doe\nsources: [test-gazette-2024-01-02]\nage: 40\n',
        'events/acme-plant-opening.yaml': 'title: [unclosed\n',
      }),
    ).toEqual([
      'companies/globex.yaml: name: expected text, found nothing (the field is missing).',
      'people/jane-doe.yaml: age: expected one of the fields name, nativeName, roles, description, previousIds, sources (did you mean "name"?), found an unknown field "age".',
      'events/acme-plant-opening.yaml: line 2, column 1: expected valid YAML, found a syntax error: unexpected end of the stream within a flow collection.',
    ]);
  });

  test('refuses an unquoted impossible date as it refuses a quoted one', () => {
    const quoted = problems({
      'people/jane-doe.yaml':
        "name: Jane\nroles:\n  - title: CWO\n    organisation: acme-widgets\n    asOf: '2025-02-29'\nsources: [test-gazette-2024-01-02]\n",
    });
    const unquoted = problems({
      'people/jane-doe.yaml':
        'name: Jane\nroles:\n  - title: CWO\n    organisation: acme-widgets\n    asOf: 2025-02-29\nsources: [test-gazette-2024-01-02]\n',
    });
    expect(unquoted).toEqual(quoted);
    expect(unquoted).toEqual([
      expect.stringMatching(
        /^people\/jane-doe\.yaml: roles\[0\]\.asOf: expected a date such as .*\(not a real day: February 2025 has 28 days\), found "2025-02-29"\.$/,
      ),
    ]);
  });

  test('refuses an impossible unquoted day in a briefing', () => {
    expect(
      problems({
        'briefings/widgets-weekly.mdx': `---
title: Widgets weekly
description: Synthetic briefing for tests.
published: 2026-02-30
summary: Synthetic.
about:
  companies: [acme-widgets]
sources: [test-gazette-2024-01-02]
---

Text.
`,
      }),
    ).toEqual([
      expect.stringMatching(
        /^briefings\/widgets-weekly\.mdx: published: expected a day such as 2026-11-26 \(not a real day: February 2026 has 28 days\), found "2026-02-30"\.$/,
      ),
    ]);
  });

  test('does not call a reference to a broken file unknown: the broken file is the one problem', () => {
    expect(problems({ 'companies/globex.yaml': GLOBEX.replace('kind: maker', 'kind: makr') })).toEqual([
      'companies/globex.yaml: kind: expected one of maker, publisher (did you mean "maker"?), found "makr".',
    ]);
  });

  test('finds graph problems while other files are broken', () => {
    expect(
      problems({
        'companies/globex.yaml': GLOBEX.replace('name: Globex\n', ''),
        'events/acme-plant-opening.yaml': null,
        'deals/acme-globex-widgets.yaml': `title: Acme to supply widgets to Globex
kind: widget-supply
parties:
  - company: acme-widget
    role: supplier
  - company: globex
    role: customer
status: signed
announced: early 2024-01
summary: Synthetic deal for tests.
sources: [test-gazette-2024-01-02]
`,
      }),
    ).toEqual(
      [
        'companies/globex.yaml: name: expected text, found nothing (the field is missing).',
        expect.stringMatching(
          /^briefings\/widgets-weekly\.mdx: body line \d+ <Event id="acme-plant-opening">: expected the id of an existing event/,
        ),
        'deals/acme-globex-widgets.yaml: parties[0].company: expected the id of an existing company (a file in companies/), found "acme-widget" (did you mean "acme-widgets"?).',
      ].sort((a, b) => String(a).localeCompare(String(b))) as never,
    );
  });
});

describe('the content root', () => {
  // Every other file that is not an entry is refused: see tests/fixtures/invalid/.
  test('may hold hidden files, skipped as git and editors treat them', () => {
    expect(problems({ '.DS_Store': 'x', 'companies/.globex.yaml.swp': 'x', 'companies/.gitkeep': '' })).toEqual([]);
  });
});

describe('problemList', () => {
  test('lists up to 50 problems, then says how many more there are', () => {
    const lines = Array.from({ length: 53 }, (_, i) => `file-${i}.yaml: name: expected text, found nothing.`);
    const shown = problemList(lines);
    expect(shown).toHaveLength(51);
    expect(shown[49]).toBe(lines[49]);
    expect(shown[50]).toBe('… and 3 more problems (fix these and check again to see them).');
    expect(problemList(lines.slice(0, 50))).toEqual(lines.slice(0, 50));
  });
});
