import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Ajv } from 'ajv';
import { describe, expect, test } from 'vitest';
import { jsonSchemas } from '../../../src/lib/authoring/json-schema';
import { SCHEMA_FOLDER } from '../../../src/lib/authoring/scaffold';
import { FieldDocs } from '../../../src/lib/authoring/schema-docs';
import { decodeUtf8, parseYaml, splitMdx } from '../../../src/lib/content/documents';
import { contentFiles } from '../../../src/lib/content/layout';
import { loadSiteConfig } from '../../../src/lib/content/site-config';
import { PROJECT_ROOT } from '../../../scripts/lib/build-site.ts';
import { FIXTURES, INVALID_FIXTURES, overlay, scenario } from '../../support/scenario';

const BUNDLED = join(PROJECT_ROOT, 'src/content');
const docs = FieldDocs.read(join(PROJECT_ROOT, 'src/schemas'));

/** A validator per collection for a content root's vocabulary, as `npm run schemas` writes them. */
function validators(root: string) {
  // Editors' keywords (enumDescriptions, markdownEnumDescriptions) are not ajv's business.
  const ajv = new Ajv({ strict: false, allErrors: true });
  const files = jsonSchemas(loadSiteConfig(root, root), docs);
  return (name: string) => ajv.compile(JSON.parse(files.get(`${name}.schema.json`)!));
}

/** The data of a content file as the site reads it (YAML core schema; an MDX file's frontmatter). */
function dataOf(path: string): { ok: true; value: unknown } | { ok: false } {
  const decoded = decodeUtf8(readFileSync(path));
  if (!decoded.ok) return { ok: false };
  const text = decoded.value;
  if (!path.endsWith('.mdx')) return parseYaml(text);
  const mdx = splitMdx(text);
  return mdx.ok ? parseYaml(mdx.value.frontmatter) : { ok: false };
}

describe('the JSON Schemas for editors', () => {
  test('of the bundled content root are committed as npm run schemas makes them', () => {
    const folder = join(BUNDLED, SCHEMA_FOLDER);
    const made = jsonSchemas(loadSiteConfig(BUNDLED, PROJECT_ROOT), docs);
    const committed = existsSync(folder) ? readdirSync(folder).sort() : [];
    const message = 'The JSON Schemas in src/content/.schemas are out of date: run npm run schemas and commit them.';
    expect(committed, message).toEqual([...made.keys()].sort());
    for (const [name, text] of made) expect(readFileSync(join(folder, name), 'utf8'), `${name}: ${message}`).toBe(text);
  });

  test('accept every file of the bundled content root and of the minimal fixture', () => {
    for (const root of [BUNDLED, join(FIXTURES, 'minimal')]) {
      const validate = validators(root);
      const checked = contentFiles(root).files.map((file) => {
        const data = dataOf(file.path);
        const check = validate(file.collection);
        expect(data.ok && check(data.value), `${file.path}: ${JSON.stringify(check.errors)}`).toBe(true);
        return file.id;
      });
      expect(checked.length).toBeGreaterThan(8);
      const site = dataOf(join(root, 'site.yaml'));
      expect(site.ok && validate('site')(site.value)).toBe(true);
    }
  });

  // What one file's schema can see: missing, misspelt and extra fields, types, terms, blank
  // text. Dates are read by the site's own parser; references, layout, encoding and YAML syntax
  // are checked across files by npm run check:content.
  const CAUGHT = [
    'empty-quote-text',
    'missing-field',
    'misspelt-field',
    'money-without-currency',
    'unknown-enum-value',
    'wrong-type',
  ];

  test.each(readdirSync(INVALID_FIXTURES).sort())(
    'bad input %s: rejected exactly when one file can show it',
    (name) => {
      const root = scenario(overlay(join(INVALID_FIXTURES, name)));
      const validate = validators(root);
      const rejected = Object.keys(overlay(join(INVALID_FIXTURES, name))).some((path) => {
        const file = contentFiles(root).files.find((f) => f.path === join(root, path));
        if (!file) return false;
        const data = dataOf(file.path);
        return data.ok && !validate(file.collection)(data.value);
      });
      expect(rejected).toBe(CAUGHT.includes(name));
    },
  );

  test('describe every field, and every term of the vocabulary with its label and description', () => {
    const made = jsonSchemas(loadSiteConfig(BUNDLED, PROJECT_ROOT), docs);
    const undocumented: string[] = [];
    const walk = (node: unknown, path: string) => {
      if (!node || typeof node !== 'object') return;
      const object = node as Record<string, unknown>;
      for (const [key, value] of Object.entries(
        (object.properties ?? {}) as Record<string, { description?: string }>,
      )) {
        if (!value.description) undocumented.push(`${path}.${key}`);
      }
      for (const [key, value] of Object.entries(object)) walk(value, key === 'properties' ? path : `${path}`);
    };
    for (const [name, text] of made) walk(JSON.parse(text), name);
    expect(undocumented).toEqual([]);
    const companies = JSON.parse(made.get('companies.schema.json')!);
    const site = loadSiteConfig(BUNDLED, PROJECT_ROOT);
    expect(companies.properties.kind.enum).toEqual(Object.keys(site.vocabulary.companyKinds));
    const publisher = site.vocabulary.terms.companyKinds.publisher!;
    expect(companies.properties.kind.markdownEnumDescriptions.at(-1)).toBe(
      `**${publisher.label}**: ${publisher.description}`,
    );
    const deals = JSON.parse(made.get('deals.schema.json')!);
    expect(deals.properties.volume.properties.unit.enum).toEqual(Object.keys(site.vocabulary.units));
    expect(deals.properties.parties.items.properties.role.enum).toContain('supplier');
    expect(deals.properties.announced.description).toMatch(
      /^When the deal was announced or first reported, .* A date with the source's precision: 2025,/,
    );
  });
});
