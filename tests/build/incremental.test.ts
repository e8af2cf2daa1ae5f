import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, test } from 'vitest';
import { buildSite } from '../support/build';
import { scenario } from '../support/scenario';

/** Every file of a folder with a hash of its bytes. */
function snapshot(dir: string): Record<string, string> {
  const files: Record<string, string> = {};
  for (const entry of readdirSync(dir, { recursive: true, withFileTypes: true })) {
    if (!entry.isFile()) continue;
    const path = join(entry.parentPath, entry.name);
    files[relative(dir, path)] = createHash('sha256').update(readFileSync(path)).digest('hex');
  }
  return files;
}

const INITECH = `name: Initech
kind: maker
country: US
description: Synthetic company, added and then deleted by the incremental-build test.
sources: [test-gazette-2024-01-02]
`;

describe('an incremental build', () => {
  test('after an edit, an addition, a rename and a deletion equals a clean build, byte for byte', async () => {
    const content = scenario({ 'companies/initech.yaml': INITECH });
    const env = { BRIEFING_TODAY: '2026-11-26' };
    const outDir = `${content}-dist`;
    const incremental = () => buildSite({ contentRoot: content, outDir, env, incremental: true });

    const cold = await incremental();
    expect(cold.ok, cold.output.slice(-3000)).toBe(true);
    expect(existsSync(join(outDir, 'companies/initech/index.html'))).toBe(true);

    // Edit one company, add another, rename a third (keeping its old id), delete a fourth.
    const acme = join(content, 'companies/acme-widgets.yaml');
    writeFileSync(acme, readFileSync(acme, 'utf8').replace(/^description: .*$/m, 'description: Edited by the test.'));
    writeFileSync(join(content, 'people/john-roe.yaml'), 'name: John Roe\nsources: [test-gazette-2024-01-02]\n');
    const globex = readFileSync(join(content, 'companies/globex.yaml'), 'utf8');
    rmSync(join(content, 'companies/globex.yaml'));
    writeFileSync(join(content, 'companies/globex-corp.yaml'), `${globex}previousIds: [globex]\n`);
    for (const file of ['deals/acme-globex-widgets.yaml', 'briefings/widgets-weekly.mdx']) {
      const path = join(content, file);
      writeFileSync(path, readFileSync(path, 'utf8').replace(/\bglobex\b(?!-)/g, 'globex-corp'));
    }
    rmSync(join(content, 'companies/initech.yaml'));

    const warm = await incremental();
    expect(warm.ok, warm.output.slice(-3000)).toBe(true);
    // Most pages did not change and were reused rather than rendered.
    expect(warm.output.match(/\(restored\)|\(cached\)/g)?.length ?? 0).toBeGreaterThan(10);

    const clean = await buildSite({ contentRoot: content, outDir: `${content}-clean`, env });
    expect(clean.ok, clean.output.slice(-3000)).toBe(true);

    const incrementalFiles = snapshot(outDir);
    expect(incrementalFiles).toEqual(snapshot(`${content}-clean`));
    expect(incrementalFiles['companies/initech/index.html']).toBeUndefined();
    expect(incrementalFiles['companies/globex-corp/index.html']).toBeDefined();
    // The old address of the renamed company redirects.
    expect(readFileSync(join(outDir, 'companies/globex/index.html'), 'utf8')).toContain('/companies/globex-corp/');
  });
});
