import { describe, expect, test } from 'vitest';
import { decodeUtf8, parseYaml, splitMdx } from '../../../src/lib/content/documents';

describe('decodeUtf8', () => {
  test('reads UTF-8, Chinese and Korean included, and drops a byte-order mark', () => {
    const bytes = new TextEncoder().encode('\uFEFFname: 宁德时代 · LG에너지솔루션\n');
    expect(decodeUtf8(bytes)).toEqual({ ok: true, value: 'name: 宁德时代 · LG에너지솔루션\n' });
  });

  test('refuses Latin-1 bytes, naming the line and the byte', () => {
    const bytes = Uint8Array.from([...new TextEncoder().encode('name: A\nnote: '), 0xe9, 0x0a]);
    expect(decodeUtf8(bytes)).toEqual({
      ok: false,
      problem: {
        where: 'line 2',
        message: 'expected UTF-8 text, found bytes that are not UTF-8 (byte 0xe9 at offset 14); save the file as UTF-8',
      },
    });
  });
});

describe('parseYaml', () => {
  test('keeps unquoted dates as the text the author wrote, impossible ones included', () => {
    expect(parseYaml('announced: 2025-02-29\npublished: 2026-02-30\nfrom: 0000-01-01\n')).toEqual({
      ok: true,
      value: { announced: '2025-02-29', published: '2026-02-30', from: '0000-01-01' },
    });
  });

  test('still reads numbers, booleans and null', () => {
    expect(parseYaml('a: 5\nb: true\nc: ~\nd: 1.5\n')).toEqual({ ok: true, value: { a: 5, b: true, c: null, d: 1.5 } });
  });

  test('refuses a second document, naming the line that starts it', () => {
    expect(parseYaml('name: A\n---\nname: B\n')).toEqual({
      ok: false,
      problem: {
        where: 'line 2',
        message:
          'expected one YAML document per file, found 2 (a line with --- starts another); put each entry in a file of its own',
      },
    });
  });

  test('names a syntax error with its line and column, shifted for frontmatter', () => {
    const result = parseYaml('title: T\ntags: [unclosed\n', 2);
    expect(result.ok).toBe(false);
    expect(!result.ok && result.problem.where).toMatch(/^line \d+, column \d+$/);
    expect(!result.ok && result.problem.message).toMatch(/^expected valid YAML, found a syntax error: /);
  });

  test('refuses duplicate keys', () => {
    const result = parseYaml('name: A\nname: B\n');
    expect(!result.ok && result.problem).toEqual({
      where: 'line 2, column 1',
      message: 'expected valid YAML, found a syntax error: duplicated mapping key',
    });
  });
});

describe('splitMdx', () => {
  test('splits YAML frontmatter from the body and says on which line the body starts', () => {
    expect(splitMdx('---\ntitle: T\nsummary: S\n---\n\nHello <Company id="x" />\n')).toEqual({
      ok: true,
      value: {
        frontmatter: 'title: T\nsummary: S\n',
        body: '\nHello <Company id="x" />\n',
        frontmatterLine: 2,
        bodyLine: 5,
      },
    });
  });

  test.each([
    ['+++\ntitle = "T"\n+++\nBody', 'TOML frontmatter between +++ lines'],
    ['Body only', 'no frontmatter'],
    ['\n\n---\ntitle: T\n', 'a --- line that is not the first line, or no closing --- line'],
  ])('refuses %j', (text, found) => {
    expect(splitMdx(text)).toEqual({
      ok: false,
      problem: {
        where: 'line 1',
        message: `expected YAML frontmatter between --- lines at the top of the file (title, published, summary…), found ${found}`,
      },
    });
  });
});
