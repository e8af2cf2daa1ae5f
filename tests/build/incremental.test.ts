import { appendFileSync, cpSync, existsSync, mkdtempSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, test } from 'vitest';
import { buildSite, OUTPUT_ROOT } from '../support/build';

const work = mkdtempSync(join(OUTPUT_ROOT, 'incremental-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

describe('npm run build (scripts/build.ts)', () => {
  test('skips a build when nothing changed, and builds again when content changes', async () => {
    const content = join(work, 'content');
    cpSync(join(import.meta.dirname, '../fixtures/minimal'), content, { recursive: true });
    const outDir = join(work, 'dist');
    const build = () =>
      buildSite({ contentRoot: content, outDir, incremental: true, env: { BRIEFING_TODAY: '2026-11-26' } });

    const cold = await build();
    expect(cold.ok, cold.output).toBe(true);
    expect(cold.output).toContain('[build] Complete!');

    const again = await build();
    expect(again.ok).toBe(true);
    expect(again.output).toContain('Nothing changed since the last build');
    expect(again.output).not.toContain('[build] Complete!');
    expect(existsSync(join(outDir, 'index.html'))).toBe(true);

    appendFileSync(join(content, 'companies/globex.yaml'), 'shortName: GX\n');
    const changed = await build();
    expect(changed.ok, changed.output).toBe(true);
    expect(changed.output).toContain('[build] Complete!');
  });
});
