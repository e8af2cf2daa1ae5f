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
