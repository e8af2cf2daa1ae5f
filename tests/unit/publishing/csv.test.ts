import { parse } from 'csv-parse/sync';
import { describe, expect, test } from 'vitest';
import { BOM, csvDocument, csvField, looksLikeFormula, neutraliseFormula } from '../../../src/lib/publishing/csv';

/** Reads a CSV file the way a standard parser does (csv-parse, RFC 4180, BOM removed). */
const read = (text: string) => parse(text, { bom: true, relax_column_count: false }) as string[][];

describe('csvField', () => {
  test.each([
    ['plain', 'plain'],
    ['宁德时代', '宁德时代'],
    ['a,b', '"a,b"'],
    ['say "hi"', '"say ""hi"""'],
    ['two\nlines', '"two\nlines"'],
    ['carriage\rreturn', '"carriage\rreturn"'],
    ['semi;colon', '"semi;colon"'],
    ['tab\tinside', '"tab\tinside"'],
    ['', ''],
  ])('%j → %j', (text, field) => {
    expect(csvField(text)).toBe(field);
  });
});

describe('neutraliseFormula', () => {
  test.each([
    '=HYPERLINK("https://evil.example","click")',
    '+1+1',
    '-2+3',
    '@SUM(A1)',
    '\tTab',
    '\rCR',
    '＝1+1',
    '＋1',
    '－1',
    '＠x',
  ])('%j starts with an apostrophe', (text) => {
    expect(looksLikeFormula(text)).toBe(true);
    expect(neutraliseFormula(text)).toBe(`'${text}`);
  });

  test.each(['CATL', '1 trillion', 'a=b', 'x-y', "'quoted", '기아', ' =not first', '[]'])(
    '%j is left alone',
    (text) => {
      expect(neutraliseFormula(text)).toBe(text);
    },
  );
});

describe('csvDocument', () => {
  test('starts with a BOM, ends every record with CRLF, and has a header row', () => {
    const text = csvDocument(['id', 'name'], [['a', 'Acme']]);
    expect(text).toBe(`${BOM}id,name\r\na,Acme\r\n`);
    expect(text.indexOf(BOM, 1)).toBe(-1);
  });

  test('any text reads back unchanged: CJK, quotes, commas, newlines, formulas neutralised', () => {
    const nasty = [
      '宁德时代',
      'LG에너지솔루션',
      'Chery’s “deal”, signed',
      'say "hi", then\r\nleave',
      'line one\nline two',
      'trailing space ',
      'semi;colon\ttab',
      neutraliseFormula('=cmd|"/C calc"!A0'),
      neutraliseFormula('@SUM(1,2)'),
      '',
    ];
    const rows = nasty.map((text, i) => [String(i), text]);
    const text = csvDocument(['n', 'text'], rows);
    expect(read(text)).toEqual([['n', 'text'], ...rows]);
    // Every line break outside quoted fields is CRLF.
    const outside = text.replace(/"(?:[^"]|"")*"/g, '');
    expect(outside.match(/\r?\n|\r/g)!.every((end) => end === '\r\n')).toBe(true);
  });
});
