import { pathToFileURL } from 'node:url';
import { markdownToHtml, mdxToJs } from 'satteri';
import { describe, expect, test } from 'vitest';
import { briefingMarkdownPlugin } from '../../../src/lib/graph/briefing-policy-plugin';

const PROJECT = '/project';
const fileURL = pathToFileURL('/project/src/content/briefings/x.mdx');
const ALLOWED = 'Markdown or one of the components Company, Person, Deal, Quote, Event, Cite';

/** Compiles MDX the way the site does: the policy first, then anchors and heading ids, in one plugin. */
async function compile(source: string) {
  return mdxToJs(source, {
    mdastPlugins: [briefingMarkdownPlugin(PROJECT)],
    fileURL,
    jsxImportSource: 'astro',
  });
}

describe('briefingMarkdownPlugin, at MDX compile time', () => {
  test('stops the compile on any violation, naming every problem with its file line', async () => {
    // The compiler sees the file with its frontmatter blanked, so lines are file lines.
    const source = `\n\n\n\nIntro.\n\nimport fs from 'node:fs'\n\n{fs.readFileSync('/etc/passwd', 'utf8')}\n\n<iframe src="https://evil.example/" />\n\n[x](javascript:alert(1)) <Compnay id="a" />\n`;
    await expect(compile(source)).rejects.toThrow(
      [
        `src/content/briefings/x.mdx: line 7: expected ${ALLOWED} (they need no import), found the import or export "import fs from 'node:fs'".`,
        `src/content/briefings/x.mdx: line 9: expected ${ALLOWED}, found the expression {fs.readFileSync('/etc/passwd', 'utf8')} (for a literal brace, write \\{).`,
        `src/content/briefings/x.mdx: line 11: expected ${ALLOWED}, found <iframe>.`,
        'src/content/briefings/x.mdx: line 13: expected a link to an http, https or mailto address or a relative one, found "javascript:alert(1)".',
        `src/content/briefings/x.mdx: line 13: expected ${ALLOWED}, found <Compnay> (did you mean <Company>?).`,
      ].join('\n'),
    );
  });

  test('compiles a briefing that keeps to the policy, with anchors and unique heading ids', async () => {
    const { code } = await compile(
      `<Company id="acme" /> and <Company id="acme">again</Company>.\n\n## Sources\n\n## Companies acme\n\n## Sources\n\n## _top\n`,
    );
    expect(code).toContain('anchor: "companies-acme"');
    expect(code).toContain('anchor: "companies-acme-2"');
    const ids = [...code.matchAll(/id: "([^"]+)",\s*children: "/g)].map((m) => m[1]);
    expect(ids).toEqual(['sources-2', 'companies-acme-3', 'sources-3', '_top-2']);
  });

  test('leaves Markdown files (the site’s own product pages) to the Markdown pipeline', async () => {
    const { html } = await markdownToHtml('# About\n\n<kbd>Ctrl</kbd>\n', {
      mdastPlugins: [briefingMarkdownPlugin(PROJECT)],
      fileURL: pathToFileURL('/project/src/content/docs/about.md'),
    });
    expect(html).toContain('<kbd>Ctrl</kbd>');
  });
});
