import { createHash } from 'node:crypto';
import { appendFileSync, existsSync, readdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, test } from 'vitest';
import { INCREMENTAL_MANIFEST } from '../../scripts/build';
import { buildSite } from '../support/build';
import { scenario } from '../support/scenario';

/** Every file of a folder with a hash of its bytes: equal snapshots mean byte-identical output. */
function snapshot(dir: string): Record<string, string> {
  const files: Record<string, string> = {};
  for (const entry of readdirSync(dir, { recursive: true, withFileTypes: true })) {
    if (!entry.isFile()) continue;
    const path = join(entry.parentPath, entry.name);
    files[relative(dir, path)] = createHash('sha256').update(readFileSync(path)).digest('hex');
  }
  return files;
}

describe('npm run build (scripts/build.ts) publishes only whole, successful builds', () => {
  test('a failed build leaves the last good output byte for byte; only successes count as up to date', async () => {
    const content = scenario({});
    const outDir = join(content, '..', `${relative(join(content, '..'), content)}-dist`);
    const build = (root = content) =>
      buildSite({ contentRoot: root, outDir, incremental: true, env: { BRIEFING_TODAY: '2026-11-26' } });

    const cold = await build();
    expect(cold.ok, cold.output).toBe(true);
    const good = snapshot(outDir);
    const manifests = () =>
      readdirSync(`${outDir}.cache`).map((d) => existsSync(join(`${outDir}.cache`, d, INCREMENTAL_MANIFEST)));
    expect(manifests()).toEqual([true]);
    expect(Object.keys(good)).toContain('briefings/widgets-weekly/index.html');

    // Unchanged inputs: nothing to do.
    const again = await build();
    expect(again.output).toContain('Nothing changed since the last build');
    expect(again.output).not.toContain('[build] Complete!');

    // A failed build: a link to a page that does not exist (found by the content check).
    const briefing = join(content, 'briefings/widgets-weekly.mdx');
    const original = readFileSync(briefing, 'utf8');
    writeFileSync(briefing, `${original}\nSee [the missing page](/companies/nope/).\n`);
    const broken = await build();
    expect(broken.ok).toBe(false);
    expect(broken.output).toContain('expected a link to a page of this site, found "/companies/nope/"');
    expect(broken.output).toContain('still holds the last successful build, unchanged');
    expect(snapshot(outDir)).toEqual(good);
    expect(existsSync(`${outDir}.next`)).toBe(false);
    // Page copies it rendered are not trusted by the next incremental build.
    expect(manifests()).toEqual([false]);

    // Three broken files: three lines at once, before anything is rendered; the output stays.
    writeFileSync(briefing, original);
    appendFileSync(join(content, 'companies/globex.yaml'), 'founded: 1999\n');
    appendFileSync(join(content, 'people/jane-doe.yaml'), 'age: 40\n');
    writeFileSync(join(content, 'events/acme-plant-opening.yaml'), 'title: [unclosed\n');
    const invalid = await build();
    expect(invalid.ok).toBe(false);
    const lines = invalid.output.split('\n').filter((line) => /\.yaml: .*: expected .*, found .*\.$/.test(line));
    expect(lines.map((line) => line.replace(/^.*?(companies|people|events)\//, '$1/').split(':')[0])).toEqual([
      'companies/globex.yaml',
      'people/jane-doe.yaml',
      'events/acme-plant-opening.yaml',
    ]);
    expect(invalid.output).not.toContain('[build] Complete!');
    expect(snapshot(outDir)).toEqual(good);
  });

  test('a content root moved elsewhere builds with the same cache folder', async () => {
    const content = scenario({});
    const outDir = `${content}-dist`;
    const env = { BRIEFING_TODAY: '2026-11-26', BRIEFING_CACHE_DIR: `${content}-cache` };
    const first = await buildSite({ contentRoot: content, outDir, env });
    expect(first.ok, first.output).toBe(true);
    const moved = `${content}-moved`;
    renameSync(content, moved);
    const second = await buildSite({ contentRoot: moved, outDir, env });
    renameSync(moved, content);
    expect(second.ok, second.output.slice(-3000)).toBe(true);
    expect(existsSync(join(outDir, 'briefings/widgets-weekly/index.html'))).toBe(true);
  });
});
