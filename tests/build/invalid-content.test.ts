import { cpSync, existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, test } from 'vitest';
import { relative } from 'node:path';
import { buildSite, OUTPUT_ROOT, PROJECT_ROOT } from '../support/build';

const MINIMAL = join(import.meta.dirname, '../fixtures/minimal');
const work = mkdtempSync(join(OUTPUT_ROOT, 'invalid-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

/** Copies the minimal fixture, applies one change, builds it. */
async function buildBroken(name: string, change: (root: string) => void) {
  const root = join(work, name);
  cpSync(MINIMAL, root, { recursive: true });
  change(root);
  return { root, result: await buildSite({ contentRoot: root, outDir: join(work, `${name}-dist`) }) };
}

function edit(root: string, file: string, from: string | RegExp, to: string) {
  const path = join(root, file);
  const text = readFileSync(path, 'utf8');
  const next = text.replace(from, to);
  if (next === text) throw new Error(`fixture edit did not apply to ${file}`);
  writeFileSync(path, next);
}

/** The error line the build printed: "[InvalidContent] <file>: <field>: expected …, found …." */
function errorLines(output: string): string[] {
  return output
    .split('\n')
    .map((line) => line.replace(/^\[InvalidContent\]\s*/, ''))
    .filter((line) => /: expected .*, found .*\.$/.test(line));
}

describe('the minimal fixture', () => {
  test('builds', async () => {
    const { result } = await buildBroken('valid', () => {});
    expect(result.output).not.toMatch(/InvalidContent/);
    expect(result.ok).toBe(true);
    expect(existsSync(join(result.outDir, 'briefings/widgets-weekly/index.html'))).toBe(true);
  });
});

describe.each([
  {
    case: 'a missing required field',
    change: (root: string) => edit(root, 'companies/globex.yaml', /^name: Globex\n/m, ''),
    line: 'companies/globex.yaml: name: expected text, found nothing (the field is missing).',
  },
  {
    case: 'a wrong type',
    change: (root: string) => edit(root, 'deals/acme-globex-widgets.yaml', 'value: 500', 'value: lots'),
    line: 'deals/acme-globex-widgets.yaml: volume.value: expected a number, found "lots".',
  },
  {
    case: 'an unknown reference',
    change: (root: string) => edit(root, 'deals/acme-globex-widgets.yaml', 'company: globex', 'company: globx'),
    line: 'deals/acme-globex-widgets.yaml: parties[1].company: expected the id of an existing company (a file in companies/), found "globx" (did you mean "globex"?).',
  },
  {
    case: 'a duplicate id',
    change: (root: string) => cpSync(join(root, 'companies/globex.yaml'), join(root, 'companies/globex.yml')),
    line: /^companies\/globex\.ya?ml: \(file name\): expected a unique id, found "globex", which .*companies\/globex\.ya?ml already uses\. Rename or remove one of them\.$/,
  },
  {
    case: 'an impossible date',
    change: (root: string) => edit(root, 'people/jane-doe.yaml', 'asOf: 2024-01-02', "asOf: '2024-02-30'"),
    line: /^people\/jane-doe\.yaml: roles\[0\]\.asOf: expected a date such as .*\(not a real day: February 2024 has 29 days\), found "2024-02-30"\.$/,
  },
  {
    case: 'a malformed date',
    change: (root: string) => edit(root, 'events/acme-plant-opening.yaml', 'date: by end of 2024', 'date: end of 2024'),
    line: /^events\/acme-plant-opening\.yaml: date: expected a date such as .*, found "end of 2024"\.$/,
  },
  {
    case: 'money without currency',
    change: (root: string) => edit(root, 'deals/acme-globex-widgets.yaml', 'currency: EUR, ', ''),
    line: 'deals/acme-globex-widgets.yaml: value.currency: expected a three-letter ISO 4217 currency code such as "KRW" or "USD", found nothing (the field is missing).',
  },
  {
    case: 'an unknown enum value',
    change: (root: string) => edit(root, 'deals/acme-globex-widgets.yaml', 'status: signed', 'status: singed'),
    line: 'deals/acme-globex-widgets.yaml: status: expected one of reported, announced, signed, in-effect, completed, terminated (did you mean "signed"?), found "singed".',
  },
  {
    case: 'empty quote text',
    change: (root: string) => edit(root, 'quotes/jane-doe-widgets.yaml', 'text: Widgets are the future', "text: ''"),
    line: 'quotes/jane-doe-widgets.yaml: text: expected the quoted words, not an empty string, found an empty string.',
  },
  {
    case: 'malformed YAML',
    change: (root: string) => edit(root, 'companies/globex.yaml', 'kind: maker', 'kind: [maker'),
    line: /^companies\/globex\.yaml: line \d+: expected valid YAML, found a syntax error: missed comma between flow collection entries\.$/,
  },
  {
    case: 'a briefing referencing an unknown entity',
    change: (root: string) =>
      edit(root, 'briefings/widgets-weekly.mdx', '<Person id="jane-doe" />', '<Person id="jane-do" />'),
    line: 'briefings/widgets-weekly.mdx: body line 16 <Person id="jane-do">: expected the id of an existing person (a file in people/), found "jane-do" (did you mean "jane-doe"?).',
  },
  {
    case: 'a misspelt field',
    change: (root: string) => edit(root, 'companies/globex.yaml', 'country: FR', 'contry: FR'),
    line: /^companies\/globex\.yaml: country: expected a two-letter ISO 3166-1 country code such as "KR", found nothing \(the field is missing\)\.$/,
  },
])('does not build with $case', ({ case: name, change, line }) => {
  test('and prints one line naming the file and the field, and publishes nothing', async () => {
    const { result } = await buildBroken(name.replace(/\W+/g, '-'), change);
    expect(result.ok, result.output).toBe(false);
    // Lines name files relative to the project; compare them relative to the fixture root.
    const prefix = `${relative(PROJECT_ROOT, work)}/${name.replace(/\W+/g, '-')}/`;
    const lines = errorLines(result.output).map((l) => l.replaceAll(prefix, ''));
    expect(lines.length, result.output).toBeGreaterThan(0);
    if (typeof line === 'string') expect(lines, lines.join('\n')).toContain(line);
    else
      expect(
        lines.some((l) => line.test(l)),
        lines.join('\n'),
      ).toBe(true);
    expect(existsSync(join(result.outDir, 'index.html'))).toBe(false);
  });
});

describe.each([
  {
    case: 'a link to a page that does not exist',
    change: (root: string) =>
      writeFileSync(
        join(root, 'briefings/widgets-weekly.mdx'),
        readFileSync(join(root, 'briefings/widgets-weekly.mdx'), 'utf8') + '\nSee [the gone page](/companies/gone/).\n',
      ),
    line: '/briefings/widgets-weekly/ → /companies/gone/: no page at /companies/gone/',
  },
  {
    case: 'a link to an anchor that does not exist',
    change: (root: string) =>
      writeFileSync(
        join(root, 'briefings/widgets-weekly.mdx'),
        readFileSync(join(root, 'briefings/widgets-weekly.mdx'), 'utf8') +
          '\nSee [deals](/companies/acme-widgets/#no-such-section).\n',
      ),
    line: '/briefings/widgets-weekly/ → /companies/acme-widgets/#no-such-section: no element with id "no-such-section" on /companies/acme-widgets/',
  },
])('does not publish $case', ({ case: name, change, line }) => {
  test('the build fails naming the page, the link and what is missing', async () => {
    const { result } = await buildBroken(name.replace(/\W+/g, '-'), change);
    expect(result.ok, result.output).toBe(false);
    expect(result.output).toContain('[BrokenLinks]');
    expect(result.output).toContain(line);
  });
});
