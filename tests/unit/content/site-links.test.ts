import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { briefingLinkProblems, type BriefingBody, type SiteMap } from '../../../src/lib/build/site-map';
import { checkContent, checkContentAndImages } from '../../../src/lib/content/check';
import { SHOWN_FORMATS, unreadableImage } from '../../../src/lib/content/images';
import { encodePng } from '../../../src/lib/publishing/png';
import { IMAGE_EXTENSIONS, type PolicyNode } from '../../../src/lib/graph/briefing-policy';
import { FIXTURES, scenario } from '../../support/scenario';

// Links in briefings are checked against the pages the site would publish, derived from the page
// list without rendering (src/lib/content/site-links.ts, src/lib/build/site-map.ts). The build
// runs the same check before it renders, so these are the lines a build prints too.

const BRIEFING = readFileSync(join(FIXTURES, 'minimal/briefings/widgets-weekly.mdx'), 'utf8');
const OPTIONS = { siteUrl: 'https://widgets.example.org', today: '2024-06-01' };

/** The problems of the minimal fixture whose briefing ends with `tail`. */
function problemsWith(tail: string, files: Parameters<typeof scenario>[0] = {}): string[] {
  const root = scenario({ 'briefings/widgets-weekly.mdx': `${BRIEFING}\n${tail}\n`, ...files });
  return checkContent(root, root, OPTIONS).problems;
}

/** The line the briefing's appended text starts on (the fixture's lines, a blank line, then it). */
const LINE = BRIEFING.split('\n').length + 1;

describe('links in briefings', () => {
  test('accept every page, section, heading, mention, card and file the site publishes', () => {
    expect(
      problemsWith(`## Further reading

See [the maker](/companies/acme-widgets/), [without a slash](/companies/globex),
[relative](../../deals/acme-globex-widgets/), [on the site's address](https://widgets.example.org/people/jane-doe/),
[its deals](/companies/acme-widgets/#deals), [the deal's facts](/deals/acme-globex-widgets/#facts),
[this heading](#further-reading), [the first mention](#companies-acme-widgets), [the card](#deals-acme-globex-widgets-title),
[the sources](#sources), [top](#top), [the timeline](/timeline/#year-2024), [an index](/companies/),
[search](/search/?q=widgets), [the feed](/rss.xml), [a company feed](/companies/globex/feed.xml),
[elsewhere](https://example.com/nope/), [mail](mailto:desk@example.com) and [a reference][ref].

[ref]: /events/acme-plant-opening/`),
    ).toEqual([]);
  });

  test('report a page that does not exist, with the nearest page of its folder', () => {
    expect(problemsWith('See [Globex](/companies/globx/) and [people](/people/nobody/).')).toEqual([
      `briefings/widgets-weekly.mdx: line ${LINE}: expected a link to a page of this site, found "/companies/globx/", and no page is at /companies/globx/ (did you mean "/companies/globex/"?).`,
      `briefings/widgets-weekly.mdx: line ${LINE}: expected a link to a page of this site, found "/people/nobody/", and no page is at /people/nobody/.`,
    ]);
  });

  test('report an anchor no element of the page has, and one on the briefing itself', () => {
    expect(problemsWith('See [deal](/companies/acme-widgets/#deal) and [below](#further-reading).')).toEqual([
      `briefings/widgets-weekly.mdx: line ${LINE}: expected a link to a part of /companies/acme-widgets/ that exists, found "/companies/acme-widgets/#deal", and no element there has the id "deal" (did you mean "#deals"?).`,
      `briefings/widgets-weekly.mdx: line ${LINE}: expected a link to a part of /briefings/widgets-weekly/ that exists, found "#further-reading", and no element there has the id "further-reading".`,
    ]);
  });

  test('follow a renamed entity: its old id is a redirect page, with nothing to link to inside', () => {
    const globex = readFileSync(join(FIXTURES, 'minimal/companies/globex.yaml'), 'utf8');
    const renamed = { 'companies/globex.yaml': `${globex}previousIds: [globex-corp]\n` };
    expect(problemsWith('[Old](/companies/globex-corp/).', renamed)).toEqual([]);
    expect(problemsWith('[Old](/companies/globex-corp/#deals).', renamed)).toEqual([
      `briefings/widgets-weekly.mdx: line ${LINE}: expected a link to a part of /companies/globex-corp/ that exists, found "/companies/globex-corp/#deals", and no element there has the id "deals".`,
    ]);
  });

  test('report an image missing beside the briefing, naming a near file', () => {
    const png = new Uint8Array([0x89, 0x50, 0x4e, 0x47]);
    expect(problemsWith('![Sales](./sales-chart.png)', { 'briefings/sales-chart.png': png })).toEqual([]);
    expect(problemsWith('![Sales](./sales-chrt.png)', { 'briefings/sales-chart.png': png })).toEqual([
      `briefings/widgets-weekly.mdx: line ${LINE}: expected an image file in briefings/, found "./sales-chrt.png", and there is no such file (did you mean "./sales-chart.png"?).`,
    ]);
  });

  test('report an image that is there but cannot be shown, as a build would find it, with the fix', async () => {
    const red = encodePng(40, 30, new Uint8Array(40 * 30 * 4).fill(255));
    const check = async (files: Parameters<typeof scenario>[0]) => {
      const root = scenario({
        'briefings/widgets-weekly.mdx': `${BRIEFING}\n![Sales](./sales.png)\n\nAgain: ![Sales](./sales.png)\n`,
        ...files,
      });
      return (await checkContentAndImages(root, root, OPTIONS)).problems;
    };
    expect(await check({ 'briefings/sales.png': red })).toEqual([]);
    // Text saved under an image's name, and an image cut off after its header (a broken download):
    // Astro would stop on the first and publish the second broken, with a warning.
    const notImage = await check({ 'briefings/sales.png': 'Sales by month: see the spreadsheet.' });
    expect(notImage).toEqual(
      [LINE, LINE + 2].map(
        (line) =>
          `briefings/widgets-weekly.mdx: line ${line}: expected an image file in briefings/, found "./sales.png", and it is not an image (its first bytes are not those of a PNG, JPEG, GIF, WebP or AVIF file): export or download it again.`,
      ),
    );
    // With the briefings' other problems, in one check: an author fixes everything in one go.
    const withLink = scenario({
      'briefings/widgets-weekly.mdx': `${BRIEFING}\n![Sales](./sales.png) and [gone](/companies/gone/)\n`,
      'briefings/sales.png': 'not an image',
    });
    expect((await checkContentAndImages(withLink, withLink, OPTIONS)).problems).toEqual([
      expect.stringContaining(`line ${LINE}: expected a link to a page of this site, found "/companies/gone/"`),
      expect.stringContaining(
        `line ${LINE}: expected an image file in briefings/, found "./sales.png", and it is not an image`,
      ),
    ]);
    const [cut] = await check({ 'briefings/sales.png': red.subarray(0, red.length - 40) });
    expect(cut).toMatch(
      new RegExp(
        `^briefings/widgets-weekly\\.mdx: line ${LINE}: expected an image file in briefings/, found "\\./sales\\.png", and it is not a whole PNG image \\(.+\\): export or download it again\\.$`,
      ),
    );
  });

  test('an image is whole when it decodes, in every format a briefing may show; SVG is refused by its bytes', async () => {
    const sharp = (await import('sharp')).default;
    const pixels = { create: { width: 8, height: 6, channels: 3 as const, background: '#c33' } };
    const jpeg = await sharp(pixels).jpeg().toBuffer();
    const webp = await sharp(pixels).webp().toBuffer();
    expect(await unreadableImage(jpeg, 'a.jpg')).toBeUndefined();
    expect(await unreadableImage(webp, 'a.webp')).toBeUndefined();
    // The decoder's words on one line, each once (libvips repeats its warning per row).
    expect(await unreadableImage(jpeg.subarray(0, jpeg.length - 8), 'a.jpg')).toBe(
      'it is not a whole JPG image (the decoder says: Input buffer has corrupt header: VipsJpeg: premature end of JPEG image): export or download it again',
    );
    const svg = new TextEncoder().encode('<svg xmlns="http://www.w3.org/2000/svg" width="8" height="6"></svg>');
    // Named .png or not: an SVG can carry script, and the briefing policy allows none.
    expect(await unreadableImage(svg, 'a.png')).toBe(
      'it is an SVG file, which a briefing may not show: export it as PNG or WebP',
    );
    expect(await unreadableImage(new TextEncoder().encode('<html>no</html>'), 'a.png')).toMatch(/^it is not an image/);
  });

  test('the formats an image message names are those a briefing may show', () => {
    const named = SHOWN_FORMATS.toLowerCase().split(/, | or /);
    expect(new Set(IMAGE_EXTENSIONS.map((ext) => (ext === 'jpg' ? 'jpeg' : ext)))).toEqual(new Set(named));
  });

  test('are checked only once everything else is valid (the pages depend on it)', () => {
    const problems = problemsWith('[gone](/companies/gone/)', { 'companies/globex.yaml': 'name: Globex\n' });
    expect(problems.some((p) => p.includes('/companies/gone/'))).toBe(false);
    expect(problems.length).toBeGreaterThan(0);
  });
});

describe('the site map behind the link check', () => {
  const map: SiteMap = {
    pages: new Map([['/companies/acme-widgets/', new Set(['deals'])]]),
    files: new Set(),
    generatedFolders: [],
  };
  const body = (children: PolicyNode[]): BriefingBody => ({
    tree: { type: 'root', children: [{ type: 'paragraph', children }] },
    file: 'briefings/b.mdx',
    bodyLine: 5,
  });

  test('is not derived when no briefing has a link (listing every page costs a second per thousand)', () => {
    let asked = 0;
    const problems = briefingLinkProblems(
      new Map([['b', body([{ type: 'text', value: 'No links here.' }])]]),
      () => (asked++, map),
      'https://widgets.example.org',
    );
    expect({ problems, asked }).toEqual({ problems: [], asked: 0 });
  });

  test('is derived once when a briefing has links, and every link is checked against it', () => {
    let asked = 0;
    const link = (url: string, line: number): PolicyNode => ({ type: 'link', url, position: { start: { line } } });
    const problems = briefingLinkProblems(
      new Map([
        ['a', body([link('/companies/acme-widgets/#deals', 1)])],
        ['b', body([link('/companies/acme-widgets/#deal', 2)])],
      ]),
      () => (asked++, map),
      'https://widgets.example.org',
    );
    expect(asked).toBe(1);
    expect(problems).toEqual([
      'briefings/b.mdx: line 6: expected a link to a part of /companies/acme-widgets/ that exists, found "/companies/acme-widgets/#deal", and no element there has the id "deal" (did you mean "#deals"?).',
    ]);
  });
});
