import { cpSync, existsSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { buildSite, outputFolder, PROJECT_ROOT, type BuildResult } from '../../scripts/lib/build-site.ts';
import { htmlPages, loadPage, pagesWithDuplicateIds } from '../support/dist';
import { buildOutput, editedSite } from '../support/seed-site';

// Briefings are content, not code: a briefing that holds anything but Markdown and the site's
// components stops the build, every problem of every briefing named at once, and nothing is
// published. One build per scenario; each asserts several things.

const MINIMAL = join(import.meta.dirname, '../fixtures/minimal');
const work = outputFolder('briefing-policy-');
afterAll(() => rmSync(work, { recursive: true, force: true }));

const ALLOWED = 'Markdown or one of the components Company, Person, Deal, Quote, Event, Cite';

/** A copy of the minimal fixture with `change` applied, built. */
async function buildCopy(name: string, change: (root: string) => void): Promise<{ root: string; result: BuildResult }> {
  const root = join(work, name);
  cpSync(MINIMAL, root, { recursive: true });
  change(root);
  return { root, result: await buildSite({ contentRoot: root, outDir: join(work, `${name}-dist`) }) };
}

/** The frontmatter of the minimal briefing (lines 1–9), for new briefings. */
function frontmatter(root: string): string {
  const text = readFileSync(join(root, 'briefings/widgets-weekly.mdx'), 'utf8');
  return text.slice(0, text.indexOf('---', 3) + 4);
}

/** The content-error lines of a build's output, with file names relative to the fixture root. */
function problemLines(result: BuildResult, root: string): string[] {
  const prefix = `${relative(PROJECT_ROOT, root)}/`;
  return result.output
    .split('\n')
    .map((line) => line.replace(/^\[InvalidContent\]\s*/, '').replaceAll(prefix, ''))
    .filter((line) => /^briefings\/.*: line \d+.*: expected .*, found .*\.$/.test(line));
}

describe('a build with briefings that are code, not content', () => {
  let root = '';
  let result: BuildResult;
  beforeAll(async () => {
    ({ root, result } = await buildCopy('unsafe', (dir) => {
      const head = frontmatter(dir);
      writeFileSync(
        join(dir, 'briefings/widgets-weekly.mdx'),
        `${head}
import fs from 'node:fs'

<Company id="acme-widgets" /> will supply <Company id="globex" />.

The path is {process.env.PATH} and the key is {fs.readFileSync('/etc/hostname', 'utf8')}.

<script>alert(1)</script>

<iframe src="https://evil.example/" />

<img src="x" onError="alert(1)" />

<style>{'body { display: none }'}</style>

[Read more](javascript:alert(document.cookie)) and ![A chart](https://evil.example/pixel.png) and ![Dot](data:image/png;base64,iVBORw0KGgo=).

[Also][evil] <Person id="jane-doe" onClick="alert(1)" /> <Deal id={'acme-globex-widgets'} /> <Cite {...props} source="test-gazette-2024-01-02" />

[evil]: data:text/html,<script>alert(1)</script>
`,
      );
      writeFileSync(
        join(dir, 'briefings/misspelt.mdx'),
        `${head}
<Compnay id="acme-widgets" /> and <company id="globex" /> and <person id="jane-doe" />.
`,
      );
      writeFileSync(join(dir, 'briefings/unclosed.mdx'), `${head}\nAn unclosed <Company id="globex"> tag.\n`);
      writeFileSync(join(dir, 'briefings/brace.mdx'), `${head}\nA stray { brace.\n`);
    }));
  });

  test('fails, naming every problem of every briefing on one line each, with its file line', () => {
    expect(result.ok, result.output.slice(-3000)).toBe(false);
    expect(problemLines(result, root), result.output.slice(-5000)).toEqual([
      'briefings/brace.mdx: line 11, column 9: expected valid MDX, found a syntax error: unexpected end of file in expression, expected a corresponding closing brace for `{` (for a literal brace, write \\{).',
      `briefings/misspelt.mdx: line 11: expected ${ALLOWED}, found <Compnay> (did you mean <Company>?).`,
      `briefings/misspelt.mdx: line 11: expected ${ALLOWED}, found <company> (did you mean <Company>?).`,
      `briefings/misspelt.mdx: line 11: expected ${ALLOWED}, found <person> (did you mean <Person>?).`,
      'briefings/unclosed.mdx: line 11, column 13: expected valid MDX, found a syntax error: expected a closing tag for `<Company>` before the end of `paragraph` (close the element, or end a component with />).',
      `briefings/widgets-weekly.mdx: line 11: expected ${ALLOWED} (they need no import), found the import or export "import fs from 'node:fs'".`,
      `briefings/widgets-weekly.mdx: line 15: expected ${ALLOWED}, found the expression {process.env.PATH} (for a literal brace, write \\{).`,
      `briefings/widgets-weekly.mdx: line 15: expected ${ALLOWED}, found the expression {fs.readFileSync('/etc/hostname', 'utf8')} (for a literal brace, write \\{).`,
      `briefings/widgets-weekly.mdx: line 17: expected ${ALLOWED}, found <script>.`,
      `briefings/widgets-weekly.mdx: line 19: expected ${ALLOWED}, found <iframe>.`,
      `briefings/widgets-weekly.mdx: line 21: expected ${ALLOWED}, found <img>.`,
      `briefings/widgets-weekly.mdx: line 23: expected ${ALLOWED}, found <style>.`,
      `briefings/widgets-weekly.mdx: line 23: expected ${ALLOWED}, found the expression {'body { display: none }'} (for a literal brace, write \\{).`,
      'briefings/widgets-weekly.mdx: line 25: expected a link to an http, https or mailto address or a relative one, found "javascript:alert(document.cookie)".',
      'briefings/widgets-weekly.mdx: line 25: expected a local image (a relative path to a .png, .jpg, .jpeg, .gif, .webp or .avif file in the content root), found "https://evil.example/pixel.png".',
      'briefings/widgets-weekly.mdx: line 25: expected a local image (a relative path to a .png, .jpg, .jpeg, .gif, .webp or .avif file in the content root), found "data:image/png;base64,iVBORw0KGgo=".',
      'briefings/widgets-weekly.mdx: line 27: expected <Person> with only the attribute id="…", found the attribute onClick.',
      `briefings/widgets-weekly.mdx: line 27: expected <Deal> with a literal id="…", found id={'acme-globex-widgets'}.`,
      'briefings/widgets-weekly.mdx: line 27: expected <Cite> with only the attribute source="…", found {...props}.',
      'briefings/widgets-weekly.mdx: line 29: expected a link to an http, https or mailto address or a relative one, found "data:text/html,<script>alert(1)</script>".',
    ]);
  });

  test('prints no compiler stack trace', () => {
    expect(result.output).toContain('[InvalidContent]');
    expect(result.output).not.toMatch(/Stack trace|MDXError|\n\s+at .*\(file:/);
  });

  test('publishes nothing: no page, no feed, no email snippet', () => {
    expect(existsSync(join(result.outDir, 'index.html'))).toBe(false);
    expect(existsSync(join(result.outDir, 'briefings/widgets-weekly/email.html'))).toBe(false);
    expect(existsSync(join(result.outDir, 'rss.xml'))).toBe(false);
  });
});

describe('a build with a briefing that uses everything a briefing may', () => {
  // The shared "edited" site: the minimal fixture whose briefing uses every allowed construct.
  let result: { outDir: string; ok: boolean; output: string };
  beforeAll(async () => {
    const site = await editedSite();
    result = { outDir: site.dist, ok: true, output: buildOutput(site) };
  });

  test('builds', () => {
    expect(result.ok, result.output.slice(-3000)).toBe(true);
  });

  test('gives headings that clash with the page’s own ids unique ones, in the heading, the contents and links', () => {
    const $ = loadPage(result.outDir, '/briefings/widgets-weekly/');
    const headings = $('main h2')
      .map((_, h) => `${$(h).attr('id')}: ${$(h).text().trim()}`)
      .get();
    expect(headings).toEqual([
      'sources-2: Sources',
      'covers-2: Covers',
      'companies-acme-widgets-2: Companies acme widgets',
      '_top-2: _top',
      'sources-3: Sources',
      'covers: What this briefing covers',
      'sources: Sources',
    ]);
    const toc = $('starlight-toc a')
      .map((_, a) => $(a).attr('href'))
      .get();
    expect(toc).toEqual([
      '#_top',
      '#sources-2',
      '#covers-2',
      '#companies-acme-widgets-2',
      '#_top-2',
      '#sources-3',
      '#covers',
      '#sources',
    ]);
    // The first mention keeps its anchor; backlinks land on it, not on the heading.
    expect($('a#companies-acme-widgets').attr('href')).toBe('/companies/acme-widgets/');
    expect(
      loadPage(result.outDir, '/companies/acme-widgets/')('a[href="/briefings/widgets-weekly/#companies-acme-widgets"]')
        .length,
    ).toBeGreaterThan(0);
  });

  test('leaves no id on two elements of any page', () => {
    expect(htmlPages(result.outDir).length).toBeGreaterThan(15);
    expect(pagesWithDuplicateIds(result.outDir)).toEqual({});
  });

  test('serves the local image from the site itself', () => {
    const $ = loadPage(result.outDir, '/briefings/widgets-weekly/');
    const img = $('main img[alt="A red chart"]');
    expect(img).toHaveLength(1);
    expect(img.attr('src')).toMatch(/^\/_astro\/chart\.[\w-]+\.(png|webp)$/);
    expect(existsSync(join(result.outDir, img.attr('src')!))).toBe(true);
  });

  test('keeps its links, in the page and in the email snippet', () => {
    const $ = loadPage(result.outDir, '/briefings/widgets-weekly/');
    const hrefs = $('main a')
      .map((_, a) => $(a).attr('href'))
      .get();
    expect(hrefs).toEqual(
      expect.arrayContaining([
        '/companies/acme-widgets/',
        '#sources',
        'https://example.com/a?b=1',
        'mailto:desk@example.com',
        'https://example.com/ref',
      ]),
    );
    const email = readFileSync(join(result.outDir, 'briefings/widgets-weekly/email.html'), 'utf8');
    // The edited site has its own address and campaign (CONFIGURED): the email's links to the site
    // carry the campaign, the anchor last.
    expect(email).toContain(
      'href="https://news.example.org/briefings/widgets-weekly/?utm_source=newsletter&#38;utm_medium=email#sources"',
    );
    // A reference link keeps its address in the email too, and the table and image are not lost.
    expect(email).toContain('href="https://example.com/ref"');
    expect(email).toContain('[Image: A red chart]');
    expect(email).toMatch(/<th [^>]*>Year<\/th>/);
    expect(email).toContain('href="mailto:desk@example.com"');
  });
});
