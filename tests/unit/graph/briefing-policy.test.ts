import { describe, expect, test } from 'vitest';
import { ContentError } from '../../../src/lib/content/content-errors';
import {
  briefingPolicy,
  briefingProblems,
  isLocalImageUrl,
  isSafeLinkUrl,
  parseBriefing,
} from '../../../src/lib/graph/briefing-policy';
import { buildGraph } from '../../../src/lib/graph/graph';
import { fixtureVocabulary, minimalInput } from '../../support/content';

const FILE = 'briefings/x.mdx';
const ALLOWED = 'Markdown or one of the components Company, Person, Deal, Quote, Event, Cite';
const LINKS = 'a link to an http, https or mailto address or a relative one';
const IMAGES = 'a local image (a relative path to a .png, .jpg, .jpeg, .gif, .webp or .avif file in the content root)';

/** The problems of a body whose first line is line 1 of the file. */
const check = (body: string) => briefingProblems(body, { file: FILE });

describe('briefingPolicy forbids', () => {
  test.each([
    [
      'an import',
      `import fs from 'node:fs'\n\nText.\n`,
      `line 1: expected ${ALLOWED} (they need no import), found the import or export "import fs from 'node:fs'".`,
    ],
    [
      'an export',
      `Text.\n\nexport const secret = process.env.HOME\n`,
      `line 3: expected ${ALLOWED} (they need no import), found the import or export "export const secret = process.env.HOME".`,
    ],
    [
      'a text expression',
      `Path: {process.env.PATH}\n`,
      `line 1: expected ${ALLOWED}, found the expression {process.env.PATH} (for a literal brace, write \\{).`,
    ],
    [
      'a flow expression',
      `Text.\n\n{fs.readFileSync('/etc/passwd', 'utf8')}\n`,
      `line 3: expected ${ALLOWED}, found the expression {fs.readFileSync('/etc/passwd', 'utf8')} (for a literal brace, write \\{).`,
    ],
    ['a raw <script>', `<script>alert(1)</script>\n`, `line 1: expected ${ALLOWED}, found <script>.`],
    [
      'an <iframe>',
      `Text.\n\n<iframe src="https://evil.example/" />\n`,
      `line 3: expected ${ALLOWED}, found <iframe>.`,
    ],
    [
      'an <img> with an event handler',
      `<img src="x" onError="alert(1)" />\n`,
      `line 1: expected ${ALLOWED}, found <img>.`,
    ],
    ['a <style>', `<style>\n  body\n</style>\n`, `line 1: expected ${ALLOWED}, found <style>.`],
    ['a <div>', `<div>Boxed</div>\n`, `line 1: expected ${ALLOWED}, found <div>.`],
    ['inline HTML', `Some <b>bold</b> text.\n`, `line 1: expected ${ALLOWED}, found <b>.`],
    ['a fragment', `<>Text</>\n`, `line 1: expected ${ALLOWED}, found <>.`],
    ['a member component', `<Foo.Bar />\n`, `line 1: expected ${ALLOWED}, found <Foo.Bar>.`],
    ['a javascript: link', `[Click](javascript:alert(1))\n`, `line 1: expected ${LINKS}, found "javascript:alert(1)".`],
    [
      'a javascript: link hidden by case, entities and a tab',
      `[Click](JaVa&#x09;script&colon;alert(1))\n`,
      `line 1: expected ${LINKS}, found "JaVa script:alert(1)".`,
    ],
    [
      'a data: link',
      `[Open](data:text/html,<script>alert(1)</script>)\n`,
      `line 1: expected ${LINKS}, found "data:text/html,<script>alert(1)</script>".`,
    ],
    [
      'an unsafe link reference definition',
      `[Click][x]\n\n[x]: vbscript:msgbox(1)\n`,
      `line 3: expected ${LINKS}, found "vbscript:msgbox(1)".`,
    ],
    [
      'a remote image',
      `![Chart](https://evil.example/track.png)\n`,
      `line 1: expected ${IMAGES}, found "https://evil.example/track.png".`,
    ],
    [
      'a protocol-relative image',
      `![Chart](//evil.example/track.png)\n`,
      `line 1: expected ${IMAGES}, found "//evil.example/track.png".`,
    ],
    [
      'a data: image',
      `![Dot](data:image/png;base64,iVBORw0KGgo=)\n`,
      `line 1: expected ${IMAGES}, found "data:image/png;base64,iVBORw0KGgo=".`,
    ],
    ['an SVG image', `![Logo](./logo.svg)\n`, `line 1: expected ${IMAGES}, found "./logo.svg".`],
    [
      'an image outside the content root',
      `![Key](../../secrets/key.png)\n`,
      `line 1: expected ${IMAGES}, found "../../secrets/key.png".`,
    ],
    ['an image with a query', `![Raw](./chart.png?raw)\n`, `line 1: expected ${IMAGES}, found "./chart.png?raw".`],
    [
      'a remote image by reference',
      `![Chart][c]\n\n[c]: https://evil.example/c.png\n`,
      `line 1: expected ${IMAGES}, found "https://evil.example/c.png".`,
    ],
  ])('%s', (_, body, problem) => {
    expect(check(body)).toEqual([`${FILE}: ${problem}`]);
  });
});

describe('briefingPolicy checks component attributes', () => {
  test.each([
    [
      'an attribute expression',
      `<Company id={'acme'} />\n`,
      `expected <Company> with a literal id="…", found id={'acme'}.`,
    ],
    [
      'a spread',
      `<Person id="jane" {...props} />\n`,
      `expected <Person> with only the attribute id="…", found {...props}.`,
    ],
    [
      'an event handler',
      `<Deal id="d" onClick="alert(1)" />\n`,
      `expected <Deal> with only the attribute id="…", found the attribute onClick.`,
    ],
    [
      'an attribute the build sets',
      `<Quote id="q" anchor="sources" />\n`,
      `expected <Quote> with only the attribute id="…", found the attribute anchor.`,
    ],
    ['an id without a value', `<Event id />\n`, `expected <Event> with a literal id="…", found id without a value.`],
    [
      'a missing id',
      `<Company name="acme" />\n`,
      `expected <Company> with only the attribute id="…", found the attribute name.`,
    ],
    ['a Cite without its source', `Text <Cite />.\n`, `expected <Cite source="…">, found <Cite> without source.`],
  ])('%s', (_, body, problem) => {
    expect(check(body)).toContain(`${FILE}: line 1: ${problem}`);
  });

  test('a component without its id attribute is named once for each problem', () => {
    expect(check(`<Company name="acme" />\n`)).toEqual([
      `${FILE}: line 1: expected <Company> with only the attribute id="…", found the attribute name.`,
      `${FILE}: line 1: expected <Company id="…">, found <Company> without id.`,
    ]);
  });
});

describe('briefingPolicy suggests the nearest component', () => {
  test.each([
    ['<Compnay id="acme" />', 'Compnay', 'Company'],
    ['<company id="acme" />', 'company', 'Company'],
    ['<PERSON id="jane" />', 'PERSON', 'Person'],
    ['<Cites source="s" />', 'Cites', 'Cite'],
    ['<Qoute id="q" />', 'Qoute', 'Quote'],
  ])('%s', (body, written, meant) => {
    expect(check(`Text ${body}.\n`)).toEqual([
      `${FILE}: line 1: expected ${ALLOWED}, found <${written}> (did you mean <${meant}>?).`,
    ]);
  });
});

describe('briefingPolicy allows', () => {
  test.each([
    ['headings, emphasis, lists, quotes and rules', `# A\n\n## B *c* **d** ~~e~~\n\n- f\n- g\n\n1. h\n\n> i\n\n---\n`],
    ['code, inline and fenced (even when it looks like JSX)', '`<script>`\n\n```mdx\n<iframe />\n{x}\n```\n'],
    ['tables and footnotes', `| a | b |\n| - | - |\n| 1 | 2 |\n\nNote[^1].\n\n[^1]: The footnote.\n`],
    ['escaped braces and angle brackets', `A \\{literal\\} brace and 1 \\< 2.\n`],
    ['character references', `Fish &amp; chips &lt;b&gt;.\n`],
    [
      'http(s), mailto and relative links, also by reference',
      `[a](https://example.com/x?y=1) [b](http://example.com) [c](mailto:desk@example.com)\n[d](/companies/acme/) [e](#sources) [f](../deals/) [g](page/) [h][r]\n\n[r]: https://example.com/r\n`,
    ],
    [
      'local images, also by reference',
      `![A chart](./chart.png) ![B](images/b.JPG) ![C](../shared/c.webp) ![D][d]\n\n[d]: ./d.avif\n`,
    ],
    [
      'every component with its literal attribute, inline and on its own line',
      `<Company id="acme" /> and <Company id="globex">its buyer</Company> <Person id="jane" /> <Cite source="s" /> <Event id="e" /> <Quote id="q">said</Quote> <Deal id="d">the deal</Deal>.\n\n<Deal id="d" />\n\n<Quote id="q" />\n\n<Event id="e" />\n`,
    ],
    ['Markdown inside a component', `<Company id="acme">**Acme** _Widgets_</Company>\n`],
    ['directives, which the site renders as text', `Ratio 3:2 at 10:30, :abbr[x] and\n\n:::note\nText.\n:::\n`],
  ])('%s', (_, body) => {
    expect(check(body)).toEqual([]);
  });
});

describe('briefingPolicy line numbers', () => {
  const body = `First paragraph.\n\n<iframe />\n\nText {x}\nmore <Compnay id="a" />\n`;

  test('count from the top of the file when the body starts further down', () => {
    expect(briefingProblems(body, { file: FILE, bodyLine: 12 })).toEqual([
      `${FILE}: line 14: expected ${ALLOWED}, found <iframe>.`,
      `${FILE}: line 16: expected ${ALLOWED}, found the expression {x} (for a literal brace, write \\{).`,
      `${FILE}: line 17: expected ${ALLOWED}, found <Compnay> (did you mean <Company>?).`,
    ]);
  });

  test('report every problem, in document order, including ones nested in a forbidden element', () => {
    expect(check(`<div>\n  <span>{secret}</span>\n</div>\n\n[x](javascript:void(0))\n`)).toEqual([
      `${FILE}: line 1: expected ${ALLOWED}, found <div>.`,
      `${FILE}: line 2: expected ${ALLOWED}, found <span>.`,
      `${FILE}: line 2: expected ${ALLOWED}, found the expression {secret} (for a literal brace, write \\{).`,
      `${FILE}: line 5: expected ${LINKS}, found "javascript:void(0)".`,
    ]);
  });

  test('a tree without positions is still checked, naming the body', () => {
    const tree = {
      type: 'root',
      children: [{ type: 'mdxJsxFlowElement', name: 'iframe', attributes: [], children: [] }],
    };
    expect(briefingPolicy(tree, { file: FILE })).toEqual([`${FILE}: (body): expected ${ALLOWED}, found <iframe>.`]);
  });

  test('raw HTML and unknown node types fail closed', () => {
    const tree = {
      type: 'root',
      children: [
        { type: 'html', value: '<script>x</script>', position: { start: { line: 2 } } },
        { type: 'math', value: 'x', position: { start: { line: 4 } } },
      ],
    };
    expect(briefingPolicy(tree, { file: FILE })).toEqual([
      `${FILE}: line 2: expected ${ALLOWED}, found raw HTML "<script>x</script>".`,
      `${FILE}: line 4: expected ${ALLOWED}, found unsupported syntax (math).`,
    ]);
  });
});

describe('MDX syntax errors', () => {
  test.each([
    [
      'a stray brace',
      `Intro.\n\nA stray { brace\n`,
      'line 13, column 9: expected valid MDX, found a syntax error: unexpected end of file in expression, expected a corresponding closing brace for `{` (for a literal brace, write \\{).',
    ],
    [
      'an unclosed tag',
      `Intro.\n\nAn unclosed <Company id="acme"> tag\n`,
      'line 13, column 13: expected valid MDX, found a syntax error: expected a closing tag for `<Company>` before the end of `paragraph` (close the element, or end a component with />).',
    ],
    [
      'a bare angle bracket',
      `Intro.\n\nWhen 3 <4 holds\n`,
      'line 13, column 8: expected valid MDX, found a syntax error: unexpected character after `<`, expected a valid JSX tag (for a literal <, write \\<; for a link, write [text](url)).',
    ],
    [
      'an autolink, which MDX does not have',
      `See <https://example.com>.\n`,
      'line 11, column 5: expected valid MDX, found a syntax error: unexpected character after `<`, expected a valid JSX tag (for a literal <, write \\<; for a link, write [text](url)).',
    ],
  ])('%s is one line naming the file line first', (_, body, problem) => {
    const problems = briefingProblems(body, { file: FILE, bodyLine: 11 });
    expect(problems).toEqual([`${FILE}: ${problem}`]);
    expect(parseBriefing(body, { file: FILE, bodyLine: 11 }).tree).toBeUndefined();
  });
});

describe('isSafeLinkUrl', () => {
  test.each([
    ['https://example.com/a', true],
    ['HTTP://EXAMPLE.COM', true],
    ['mailto:desk@example.com', true],
    ['/companies/acme/', true],
    ['#sources', true],
    ['../deals/', true],
    ['?q=1', true],
    ['', true],
    ['javascript:alert(1)', false],
    [' javascript:alert(1)', false],
    ['java\nscript:alert(1)', false],
    ['JAVASCRIPT:alert(1)', false],
    ['data:text/html,x', false],
    ['vbscript:x', false],
    ['file:///etc/passwd', false],
    ['ftp://example.com', false],
  ])('%j → %s', (url, safe) => {
    expect(isSafeLinkUrl(url)).toBe(safe);
  });
});

describe('isLocalImageUrl', () => {
  test.each([
    ['./chart.png', true],
    ['chart.jpeg', true],
    ['images/My%20Chart.webp', true],
    ['../images/chart.gif', true],
    ['../../chart.png', false],
    ['/chart.png', false],
    ['//evil.example/chart.png', false],
    ['\\\\evil.example\\chart.png', false],
    ['https://evil.example/chart.png', false],
    ['data:image/png;base64,AA', false],
    ['./chart.svg', false],
    ['./script.js', false],
    ['./chart.png?url', false],
    ['./chart.png#x', false],
    ['./%E0%A4%A', false],
    ['', false],
  ])('%j → %s', (url, local) => {
    expect(isLocalImageUrl(url)).toBe(local);
  });
});

describe('buildGraph applies the policy to every briefing', () => {
  function problemsOf(run: () => unknown): string[] {
    try {
      run();
    } catch (error) {
      if (error instanceof ContentError) return error.problems;
      throw error;
    }
    return [];
  }

  test('and reports every problem of every briefing with the other content problems, in file lines', () => {
    const input = minimalInput();
    const first = input.briefings[0]!;
    first.body = `Intro <Company id="acme-widgets" />.\n\n<iframe src="https://evil.example/" />\n\n<company id="globex" />\n`;
    first.bodyLine = 10;
    input.briefings.push({
      ...structuredClone(first),
      id: 'second',
      filePath: 'briefings/second.mdx',
      body: `import fs from 'node:fs'\n\n[x](javascript:alert(1)) <Person id="jane-do" />\n`,
      bodyLine: 8,
    });
    input.briefings.push({
      ...structuredClone(first),
      id: 'third',
      filePath: 'briefings/third.mdx',
      body: `A {stray\n`,
      bodyLine: 5,
    });
    input.deals[0]!.data.parties[1]!.company.id = 'globx';
    expect(problemsOf(() => buildGraph(input, fixtureVocabulary))).toEqual([
      'deals/acme-globex-widgets.yaml: parties[1].company: expected the id of an existing company (a file in companies/), found "globx" (did you mean "globex"?).',
      `briefings/widgets-weekly.mdx: line 12: expected ${ALLOWED}, found <iframe>.`,
      `briefings/widgets-weekly.mdx: line 14: expected ${ALLOWED}, found <company> (did you mean <Company>?).`,
      `briefings/second.mdx: line 8: expected ${ALLOWED} (they need no import), found the import or export "import fs from 'node:fs'".`,
      `briefings/second.mdx: line 10: expected ${LINKS}, found "javascript:alert(1)".`,
      'briefings/second.mdx: body line 10 <Person id="jane-do">: expected the id of an existing person (a file in people/), found "jane-do" (did you mean "jane-doe"?).',
      'briefings/third.mdx: line 5, column 3: expected valid MDX, found a syntax error: unexpected end of file in expression, expected a corresponding closing brace for `{` (for a literal brace, write \\{).',
    ]);
  });

  test('a mention whose id is an expression is reported once, by the policy', () => {
    const input = minimalInput();
    input.briefings[0]!.body = `Text <Company id={'acme-widgets'} />.\n`;
    expect(problemsOf(() => buildGraph(input, fixtureVocabulary))).toEqual([
      `briefings/widgets-weekly.mdx: line 10: expected <Company> with a literal id="…", found id={'acme-widgets'}.`,
    ]);
  });
});
