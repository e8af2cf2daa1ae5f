import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, test } from 'vitest';
import {
  AFTER_ASTRO,
  ASTRO_THEN_AFTER,
  forgetFailedBuild,
  INCREMENTAL_MANIFEST,
  inputDigest,
  prepareBuild,
  publish,
  replacedFolders,
  recordBuild,
} from '../../../scripts/build';
import { BUILD_STARTED_MARK } from '../../../src/lib/content/locations';
import { testFolder } from '../../support/temp-folder';

const PROJECT = join(import.meta.dirname, '../../..');

describe('inputDigest', () => {
  const content = mkdtempSync(join(tmpdir(), 'content-'));
  afterAll(() => rmSync(content, { recursive: true, force: true }));
  cpSync(join(PROJECT, 'tests/fixtures/minimal'), content, { recursive: true });
  const digest = () => inputDigest(PROJECT, content, { BRIEFING_SITE_URL: 'https://a.test' }, '2026-11-26');

  test('is stable when nothing changed', () => {
    expect(digest()).toBe(digest());
  });

  test('changes with a content file, the BRIEFING_ environment and the day', () => {
    const before = digest();
    expect(inputDigest(PROJECT, content, { BRIEFING_SITE_URL: 'https://b.test' }, '2026-11-26')).not.toBe(before);
    expect(inputDigest(PROJECT, content, { BRIEFING_SITE_URL: 'https://a.test' }, '2026-11-27')).not.toBe(before);
    writeFileSync(join(content, 'people/new-person.yaml'), 'name: New\nsources: [test-gazette-2024-01-02]\n');
    expect(digest()).not.toBe(before);
  });

  test('ignores variables that do not affect the build', () => {
    expect(
      inputDigest(PROJECT, content, { BRIEFING_SITE_URL: 'https://a.test', HOME: '/elsewhere' }, '2026-11-26'),
    ).toBe(digest());
  });
});

describe('forgetFailedBuild', () => {
  const cacheWith = (...files: string[]) => {
    const dir = testFolder('cache-');
    for (const file of files) writeFileSync(join(dir, file), '{}');
    return dir;
  };

  test('a build that failed while building pages drops the record of page copies, and its mark', () => {
    const cache = cacheWith(INCREMENTAL_MANIFEST, BUILD_STARTED_MARK);
    expect(forgetFailedBuild(cache)).toBe(true);
    expect(existsSync(join(cache, INCREMENTAL_MANIFEST))).toBe(false);
    expect(existsSync(join(cache, BUILD_STARTED_MARK))).toBe(false);
  });

  test('a build stopped before it built anything keeps the record: the next build is incremental', () => {
    const cache = cacheWith(INCREMENTAL_MANIFEST);
    expect(forgetFailedBuild(cache)).toBe(false);
    expect(existsSync(join(cache, INCREMENTAL_MANIFEST))).toBe(true);
  });

  test('a cache folder that does not exist yet is no error', () => {
    expect(forgetFailedBuild(join(tmpdir(), 'no-such-cache-folder'))).toBe(false);
  });
});

describe('publish', () => {
  const eventually = async (check: () => boolean) => {
    for (let i = 0; i < 100 && !check(); i++) await new Promise((resolve) => setTimeout(resolve, 50));
    return check();
  };

  test('puts the new build in place at once and removes the replaced ones in the background', async () => {
    const work = testFolder('publish-');
    const out = join(work, 'dist');
    mkdirSync(join(out, 'a'), { recursive: true });
    writeFileSync(join(out, 'a/index.html'), 'old');
    // Left by a build whose removal was cut short, and a folder that only looks alike.
    mkdirSync(join(work, 'dist.previous-1'));
    mkdirSync(join(work, 'dist-other.previous-1'));
    mkdirSync(join(work, 'dist.next/a'), { recursive: true });
    writeFileSync(join(work, 'dist.next/a/index.html'), 'new');
    expect(replacedFolders(out)).toEqual([join(work, 'dist.previous-1')]);
    publish(join(work, 'dist.next'), out);
    expect(readFileSync(join(out, 'a/index.html'), 'utf8')).toBe('new');
    expect(existsSync(join(work, 'dist.next'))).toBe(false);
    // What the benchmark waits for before its next measured build (replacedFolders).
    expect(await eventually(() => replacedFolders(out).length === 0)).toBe(true);
    expect(await eventually(() => readdirSync(work).length === 2)).toBe(true);
    expect(readdirSync(work).sort()).toEqual(['dist', 'dist-other.previous-1']);
  });

  test('a first build has nothing to replace', () => {
    const work = testFolder('publish-');
    mkdirSync(join(work, 'dist.next'));
    publish(join(work, 'dist.next'), join(work, 'dist'));
    expect(readdirSync(work)).toEqual(['dist']);
  });
});

describe('the hand-over from Astro to the step after it', () => {
  // The shell that takes the place of `npm run build`'s Node process runs Astro's command line,
  // then becomes Node again with Astro's exit status and the pending build, intact.
  const handOver = (astro: string[]) => {
    const dir = testFolder('hand-over-');
    const after = join(dir, 'after.mjs');
    writeFileSync(after, 'console.log(JSON.stringify(process.argv.slice(2)));');
    const pending = JSON.stringify({ outDir: `/tmp/it's "dist" $HOME`, digest: 'a b' });
    const run = spawnSync('/bin/sh', ['-c', ASTRO_THEN_AFTER, 'sh', process.execPath, after, pending, ...astro], {
      encoding: 'utf8',
    });
    return { pending, status: run.status, lines: run.stdout.trim().split('\n') };
  };

  test.runIf(existsSync('/bin/sh'))("passes Astro's success, its output first", () => {
    const { pending, status, lines } = handOver([process.execPath, '-e', 'console.log("astro ran")']);
    expect({ status, lines }).toEqual({ status: 0, lines: ['astro ran', JSON.stringify([AFTER_ASTRO, '0', pending])] });
  });

  test.runIf(existsSync('/bin/sh'))("passes Astro's failure, whatever its status", () => {
    const { pending, lines } = handOver([process.execPath, '-e', 'process.exit(3)']);
    expect(lines).toEqual([JSON.stringify([AFTER_ASTRO, '3', pending])]);
  });
});

describe('prepareBuild', () => {
  // What `npm run build` does before Astro, on the minimal fixture (nothing is built here).
  const setUp = () => {
    const work = testFolder('prepare-');
    const content = join(work, 'content');
    cpSync(join(PROJECT, 'tests/fixtures/minimal'), content, { recursive: true });
    const env = {
      BRIEFING_CONTENT_ROOT: content,
      BRIEFING_OUT_DIR: join(work, 'dist'),
      BRIEFING_CACHE_DIR: join(work, 'dist.cache'),
      BRIEFING_TODAY: '2026-11-26',
    };
    const pending = prepareBuild(PROJECT, env, false)!;
    mkdirSync(pending.cacheDir, { recursive: true });
    return { env, pending, work };
  };

  test('a build stopped while Astro built pages leaves its mark, so its page copies are not trusted', () => {
    const { env, pending } = setUp();
    // What the stopped build left: Astro's record of the build before it, and the mark.
    writeFileSync(join(pending.cacheDir, INCREMENTAL_MANIFEST), '{}');
    writeFileSync(join(pending.cacheDir, BUILD_STARTED_MARK), '');
    mkdirSync(`${pending.outDir}.next`);
    expect(prepareBuild(PROJECT, env, false)).toEqual(pending);
    expect({
      record: existsSync(join(pending.cacheDir, INCREMENTAL_MANIFEST)),
      mark: existsSync(join(pending.cacheDir, BUILD_STARTED_MARK)),
      next: existsSync(`${pending.outDir}.next`),
    }).toEqual({ record: false, mark: false, next: false });
  });

  test('without the mark (the last build finished, or stopped before Astro started) the record stays', () => {
    const { env, pending } = setUp();
    writeFileSync(join(pending.cacheDir, INCREMENTAL_MANIFEST), '{}');
    prepareBuild(PROJECT, env, false);
    expect(existsSync(join(pending.cacheDir, INCREMENTAL_MANIFEST))).toBe(true);
  });

  test('nothing to do when nothing changed since the last successful build into the same folder, unless forced', () => {
    const { env, pending } = setUp();
    mkdirSync(pending.outDir);
    writeFileSync(join(pending.outDir, 'index.html'), '');
    recordBuild(pending);
    expect(prepareBuild(PROJECT, env, false)).toBeUndefined();
    expect(prepareBuild(PROJECT, env, true)).toEqual(pending);
    expect(prepareBuild(PROJECT, { ...env, BRIEFING_TODAY: '2026-11-27' }, false)?.digest).not.toBe(pending.digest);
  });
});
