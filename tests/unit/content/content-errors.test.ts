import { z } from 'astro/zod';
import { describe, expect, test } from 'vitest';
import { describeValue, fieldsAt, formatIssues, formatPath } from '../../../src/lib/content/content-errors';

describe('formatPath', () => {
  test.each([
    [[], '(top level)'],
    [['name'], 'name'],
    [['parties', 0, 'company'], 'parties[0].company'],
    [['a', 'b'], 'a.b'],
  ])('%j → %s', (path, text) => {
    expect(formatPath(path)).toBe(text);
  });
});

describe('describeValue', () => {
  test.each([
    [undefined, 'nothing (the field is missing)'],
    [null, 'an empty value'],
    ['', 'an empty string'],
    ['cellmaker', '"cellmaker"'],
    [5, 'the number 5'],
    [true, 'true'],
    [[], 'an empty list'],
    [[1, 2], 'a list of 2'],
    [{}, 'an empty mapping'],
    [{ a: 1 }, 'a mapping with "a"'],
    [new Date('2025-07-09'), 'the date 2025-07-09 (YAML read it as a date)'],
    ['x'.repeat(80), `"${'x'.repeat(57)}…"`],
    ['CATL\u200B', '"CATL\\u200B"'],
    ['a\u202Eb\u0007c\u0085', '"a\\u202Eb\\u0007c\\u0085"'],
    ['tag\u{E0041}', '"tag\\u{E0041}"'],
    ['宁德时代 😀', '"宁德时代 😀"'],
  ])('%j reads as %s', (value, text) => {
    expect(describeValue(value)).toBe(text);
  });
});

describe('fieldsAt', () => {
  const schema = z.strictObject({
    a: z.string(),
    list: z.array(z.strictObject({ b: z.string(), c: z.number() })).optional(),
  });
  test('lists fields at the top and inside lists of objects', () => {
    expect(fieldsAt(schema, [])).toEqual(['a', 'list']);
    expect(fieldsAt(schema, ['list', 0])).toEqual(['b', 'c']);
    expect(fieldsAt(schema, ['a'])).toEqual([]);
  });
  test('looks into records and into the alternative of a union that has fields', () => {
    const terms = z.record(z.string(), z.union([z.string(), z.strictObject({ label: z.string() })]));
    expect(fieldsAt(z.strictObject({ terms }), ['terms', 'x'])).toEqual(['label']);
  });
});

describe('formatIssues', () => {
  const schema = z.strictObject({ name: z.string(), kind: z.enum(['cell-maker', 'automaker']) });
  test('writes one line per problem, each with file, field, expectation and what was found', () => {
    const data = { kind: 'cellmaker', nmae: 'X' };
    const result = schema.safeParse(data);
    expect(result.success).toBe(false);
    expect(formatIssues('companies/x.yaml', result.error!.issues, data, schema)).toMatchInlineSnapshot(`
      [
        "companies/x.yaml: name: expected text, found nothing (the field is missing).",
        "companies/x.yaml: kind: expected one of cell-maker, automaker (did you mean "cell-maker"?), found "cellmaker".",
        "companies/x.yaml: nmae: expected one of the fields name, kind (did you mean "name"?), found an unknown field "nmae".",
      ]
    `);
  });
});

describe('formatIssues with what a check found', () => {
  test('uses the words a check gives for what it found', () => {
    const schema = z.strictObject({
      summary: z.string().superRefine((value, ctx) => {
        ctx.addIssue({
          code: 'custom',
          message: 'expected at most 3 characters',
          params: { found: `${value.length} characters` },
        });
      }),
    });
    const data = { summary: 'abcdef' };
    expect(formatIssues('x.yaml', schema.safeParse(data).error!.issues, data, schema)).toEqual([
      'x.yaml: summary: expected at most 3 characters, found 6 characters.',
    ]);
  });

  test('reports the alternative of a union whose value had the right type: a misspelt field, with a hint', () => {
    const schema = z.strictObject({
      terms: z.record(
        z.string(),
        z.union([z.string(), z.strictObject({ label: z.string(), publishes: z.boolean().optional() })]),
      ),
    });
    const data = { terms: { press: { label: 'Press', publish: true } } };
    expect(formatIssues('site.yaml', schema.safeParse(data).error!.issues, data, schema)).toEqual([
      'site.yaml: terms.press.publish: expected one of the fields label, publishes (did you mean "publishes"?), found an unknown field "publish".',
    ]);
  });
});
