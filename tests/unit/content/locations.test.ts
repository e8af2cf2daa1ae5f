import { join, relative } from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, expect, test } from 'vitest';
import { cacheDirFor, contentRoot, projectDir } from '../../../src/lib/content/locations';
import { astroRootFor, OUTPUT_ROOT, PROJECT_ROOT } from '../../../scripts/lib/build-site.ts';

describe('where a build reads and writes', () => {
  test('the project is the folder of src/, wherever Astro’s root is', () => {
    expect(projectDir(pathToFileURL(join(PROJECT_ROOT, 'src/')))).toBe(`${PROJECT_ROOT}/`);
  });

  test('the content root defaults to src/content, and a relative one is read from the project', () => {
    expect(contentRoot('/p', {})).toBe('/p/src/content');
    expect(contentRoot('/p', { BRIEFING_CONTENT_ROOT: 'beats/ev' })).toBe('/p/beats/ev');
    expect(contentRoot('/p', { BRIEFING_CONTENT_ROOT: '/data/ev' })).toBe('/data/ev');
  });

  test('each content root has a cache folder of its own', () => {
    const a = cacheDirFor('/p', { BRIEFING_CONTENT_ROOT: '/data/ev' });
    const b = cacheDirFor('/p', { BRIEFING_CONTENT_ROOT: '/other/ev' });
    expect(a).not.toBe(b);
    expect(a).toMatch(/^\/p\/node_modules\/\.astro\/content-ev-[0-9a-f]{10}$/);
  });

  test('each test build has an Astro root of its own inside the project, the same for the same output', () => {
    const a = astroRootFor('/tmp/bench/ours-40/dist');
    expect(astroRootFor('/tmp/bench/ours-40/dist')).toBe(a);
    expect(astroRootFor('/tmp/bench/ours-1000/dist')).not.toBe(a);
    // Inside the project, so Astro resolves packages (Starlight's routes) from its node_modules.
    expect(relative(OUTPUT_ROOT, a)).toMatch(/^astro-roots\/[0-9a-f]{16}$/);
  });
});
