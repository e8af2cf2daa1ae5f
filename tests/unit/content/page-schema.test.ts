import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { docsSchema } from '@astrojs/starlight/schema';
import { z } from 'astro/zod';
import { describe, expect, test } from 'vitest';
import { PROJECT_ROOT } from '../../../scripts/lib/build-site.ts';
import {
  isStarlightPageContext,
  reusedForStarlightPages,
  STARLIGHT_PAGE_IMAGE_HELPER,
} from '../../../src/lib/content/page-schema';

// <StarlightPage>'s context, as Starlight 0.42 makes it for every page (a new one each time).
const pageContext = () => ({
  image: () =>
    z.custom(
      (value) => Boolean(value && typeof value === 'object' && 'src' in value),
      'Invalid image passed to `<StarlightPage>` component. Expected imported `ImageMetadata` object.',
    ),
});
// The content layer's: its image helper resolves paths relative to the file being checked.
const fileContext = (file: string) => ({ image: () => z.string().transform((path) => `${file}:${path}`) });

describe("the docs schema for Starlight's pages", () => {
  test('built once for every <StarlightPage> call, anew for every other call', () => {
    let built = 0;
    const schema = reusedForStarlightPages((context: { image: () => unknown }) => ({ built: ++built, context }));
    const first = schema(pageContext());
    expect(schema(pageContext())).toBe(first);
    expect(schema(pageContext())).toBe(first);
    expect(built).toBe(1);
    expect(schema(fileContext('a.md')).built).toBe(2);
    expect(schema(fileContext('b.md')).built).toBe(3);
    expect(schema(pageContext())).toBe(first);
  });

  test("Starlight's schema, reused, checks frontmatter as a new one does", async () => {
    const reused = reusedForStarlightPages(docsSchema());
    const samples: unknown[] = [
      { title: 'Synthetic Co 0001', description: 'A company.', tableOfContents: false },
      { title: 'Deals', template: 'splash', pagefind: false, head: [{ tag: 'meta', attrs: { name: 'x' } }] },
      {
        title: 'With a hero',
        hero: { title: 'Hi', image: { alt: '', file: { src: '/a.png', width: 1, height: 1, format: 'png' } } },
      },
      { description: 'no title' },
      { title: 'Bad template', template: 'wide' },
      { title: 'Bad hero image', hero: { image: { alt: '', file: 'relative.png' } } },
    ];
    for (const sample of samples) {
      const fresh = await docsSchema()(pageContext() as never).safeParseAsync(sample);
      const again = await reused(pageContext() as never).safeParseAsync(sample);
      expect(again.success, JSON.stringify(sample)).toBe(fresh.success);
      if (fresh.success) expect(again.data).toEqual(fresh.data);
      else expect(again.error!.issues).toEqual(fresh.error!.issues);
    }
  });

  test('the installed Starlight still calls the docs schema with a <StarlightPage> image helper for every page', () => {
    // If this fails, Starlight changed how <StarlightPage> checks frontmatter: see
    // src/lib/content/page-schema.ts, and update isStarlightPageContext (or drop the wrapper).
    const source = readFileSync(
      join(PROJECT_ROOT, 'node_modules/@astrojs/starlight/dist/utils/starlight-page.js'),
      'utf8',
    );
    expect(source).toContain('collections?.docs?.schema');
    const helper =
      /async function getStarlightPageFrontmatter\(frontmatter\) \{[\s\S]*?image: \(\(\) => ([\s\S]*?)\)\s*\}\);/.exec(
        source,
      );
    expect(helper, 'getStarlightPageFrontmatter and its image helper').not.toBeNull();
    expect(helper![1]).toContain(STARLIGHT_PAGE_IMAGE_HELPER);
    expect(isStarlightPageContext(pageContext())).toBe(true);
    expect(isStarlightPageContext(fileContext('a.md'))).toBe(false);
  });
});
